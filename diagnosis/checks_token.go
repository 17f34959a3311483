package diagnosis

import (
	"fmt"
	"strings"
)

var tokenWrongAudience = &Check{
	ID: "token-wrong-audience", Area: AreaToken, Severity: Error, Title: "Token is for another service than the endpoint",
	Doc: "A token's aud claim names the one service that accepts it. Azure AI services and Azure OpenAI " +
		"accept https://cognitiveservices.azure.com (https://cognitiveservices.azure.us in Azure " +
		"Government, .cn in Azure China); Foundry project endpoints (/api/projects/…) accept " +
		"https://ai.azure.com; Azure AI Search accepts https://search.azure.com. A token for Azure " +
		"Resource Manager (management.azure.com), Microsoft Graph or Key Vault is refused with 401, " +
		"whatever roles the identity has.",
	Fix:     tokenFix(audCognitive),
	Sources: "§1.3, §2.2, §3 [S1][S25][I19]",
	Run: func(c *Check, f *Facts) []Finding {
		want, what, ok := f.audienceWrong()
		if !ok {
			return nil
		}
		aud := Truncate(f.key.token.audience, 80)
		ev := fmt.Sprintf("aud %s; the endpoint accepts %s", aud, want)
		return one(c.finding(fmt.Sprintf("The token is for %s (aud %s), but this endpoint accepts only tokens for %s.",
			what, aud, want), ev).withFix(tokenFix(want)))
	},
}

// audienceWrong reports a token whose audience the endpoint refuses,
// with the audience it wants and what the token's is for.
func (f *Facts) audienceWrong() (want, what string, wrong bool) {
	t := f.key.token
	// A PermissionDenied answer names the principal: the service read
	// the token, so its audience was accepted (sources §4.2 [I61]).
	if f.key.class != classToken || !t.ok || t.stsToken() || t.audience == "" || f.resp.hit(rulePermissionDenied) {
		return "", "", false
	}
	want = f.wantedAudience()
	got := normAudience(t.audience)
	name := audienceName(got)
	switch {
	case want == "" && (name == "" || strings.Contains(got, "cognitiveservices") || got == audFoundry):
		return "", "", false // nothing says what the endpoint wants, and aud is no known stranger
	case want == "":
		want = audCognitive
	case got == want:
		return "", "", false
	case name == "" && isGUID(got):
		return "", "", false // an application ID audience az401 does not know
	}
	what = "an unknown service"
	if name != "" {
		what = name
	}
	return want, what, true
}

// tokenNotYetValid reports a token whose nbf is after now.
func (f *Facts) tokenNotYetValid() bool {
	t := f.key.token
	return f.key.class == classToken && !t.notBefore.IsZero() && !f.in.Now.IsZero() && t.notBefore.After(f.in.Now)
}

var tokenNotYetValid = &Check{
	ID: "token-not-yet-valid", Area: AreaToken, Severity: Warning, Title: "Token is not valid yet",
	Doc: "The token's nbf (not before) claim is later than now: the service refuses it until then. " +
		"Either the clock of the machine that asked for it or of the one reading it is off, or the " +
		"clock given to az401 is.",
	Fix:     "Check the system clock (time zone and automatic time sync) of the machine that gets the token\nGet a new token and use it at once",
	Sources: "§1.3",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.tokenNotYetValid() {
			return nil
		}
		t := f.key.token
		return one(c.finding("The token is not valid yet: its nbf is "+ago(t.notBefore.Sub(f.in.Now))+" from now.",
			"nbf "+whenText(t.notBefore, f.in.Now)))
	},
}

var tokenAADFormat = &Check{
	ID: "token-aad-format", Area: AreaToken, Severity: Error, Title: "Speech aad#RESOURCE_ID#TOKEN token is malformed",
	Doc: "Speech takes an Entra ID token as aad#RESOURCE_ID#TOKEN: the literal aad#, the resource's full " +
		"ID (/subscriptions/…/resourceGroups/…/providers/Microsoft.CognitiveServices/accounts/NAME), a #, " +
		"then the Entra ID token for https://cognitiveservices.azure.com. A resource name, a subscription " +
		"ID or an endpoint URL in the middle, or a key at the end, is refused.",
	Fix: "Copy the resource ID from the portal (resource → Properties → Resource ID, or az cognitiveservices account show --query id -o tsv)\n" +
		"Build \"aad#\" + resource ID + \"#\" + the Entra ID token, with no spaces",
	Sources: "§1.3, §3 [S11]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.key.class != classToken || f.key.aad.problem == "" {
			return nil
		}
		return one(c.finding("The aad# token is malformed: "+f.key.aad.problem+".", "aad#… "+f.maskedKey()))
	},
}

var endpointNeedsEntra = &Check{
	ID: "endpoint-needs-entra", Area: AreaEndpoint, Severity: Error, Title: "Endpoint accepts only Microsoft Entra ID tokens",
	Doc: "Foundry project endpoints (https://NAME.services.ai.azure.com/api/projects/PROJECT/…) take " +
		"only Microsoft Entra ID tokens for https://ai.azure.com; no key opens them. The resource's key " +
		"still works on its model endpoints (/models, /openai/…) on the same host. A resource whose key " +
		"authentication is disabled is reported as resource-local-auth-disabled.",
	Fix:     tokenFix(audFoundry) + "\nOr call the model endpoints with the key: https://NAME.services.ai.azure.com/models or /openai/v1/",
	Sources: "§2.1, §3 [S25]",
	Run: func(c *Check, f *Facts) []Finding {
		k := kindByID[f.ep.api]
		if k == nil && f.ep.api == "" {
			k = f.kind
		}
		if k == nil || !k.EntraOnly || !f.keyGiven() {
			return nil
		}
		fd := c.finding("A Foundry project endpoint takes only Entra ID tokens, and a key was given.",
			"path "+Truncate(f.ep.path, 60)+"; "+f.maskedKey())
		if name := f.ResourceName(); name != "" {
			fd = fd.withFix(tokenFix(audFoundry) + "\nOr call " + name + "'s model endpoints with the key: https://" +
				name + ".services.ai.azure.com/models or https://" + name + ".services.ai.azure.com/openai/v1/")
		}
		return one(fd)
	},
}
