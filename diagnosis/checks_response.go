package diagnosis

import (
	"fmt"
	"slices"
	"strings"
)

// responseCheck builds a check that reports a response rule's hits.
func responseCheck(c *Check, rule responseRule, message string) *Check {
	c.Run = func(c *Check, f *Facts) []Finding {
		if !f.resp.hit(rule) {
			return nil
		}
		return one(c.finding(message, f.evidence(rule)))
	}
	return c
}

var responseInvalidKeyOrEndpoint = &Check{
	ID: "response-invalid-key-or-endpoint", Area: AreaResponse, Severity: Error, Title: "Azure refused the key for this endpoint",
	Doc: "\"Access denied due to invalid subscription key or wrong API endpoint\" (code \"401\"): the " +
		"gateway did not accept this key on this host. The same answer covers a wrong key, a key of " +
		"another resource, the wrong region's host, a regenerated key, and disabled key auth. The other " +
		"findings say which.",
	Fix:     "Check the key and the endpoint come from the same resource's Keys and Endpoint page\nUse the region or custom subdomain host of that resource\nIf the key was regenerated, update it everywhere",
	Sources: "§4.1, §4.2 [I9][I12][I13][I16][I17][S12][S16]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.resp.hit(ruleInvalidKey) {
			return one(c.finding("The service refused the key for this endpoint (invalid key or wrong endpoint).", f.evidence(ruleInvalidKey)))
		}
		if f.keyRefused() {
			return one(c.finding("The service answered 401: the key was refused for this endpoint.", f.statusEvidence()))
		}
		return nil
	},
}

// keyRefused reports the gateway's refusal of a key: its 401 message, or
// a bare 401 to a key that no other rule explains.
func (f *Facts) keyRefused() bool {
	return f.resp.hit(ruleInvalidKey) || f.resp.status == 401 && f.resp.hits&other401 == 0 && !f.bearerToken()
}

// other401 are the rules that explain a 401 more precisely than the
// gateway's generic message.
const other401 = 1<<ruleTranslator401000 | 1<<ruleSpeechOnText | 1<<ruleTokenRejected | 1<<rulePermissionDenied |
	1<<ruleMissingKey | 1<<ruleSpeechAuth | 1<<ruleLocalAuth | 1<<ruleNetwork | 1<<ruleARMAuthorizationFailed |
	1<<ruleNotInTier | 1<<ruleWrongTenant | 1<<ruleOpenAIPlatform

var responseTranslatorCredentials = &Check{
	ID: "response-translator-credentials", Area: AreaResponse, Severity: Error, Title: "Translator refused the credentials (401000)",
	Doc: "Translator's 401000 \"credentials are missing or invalid\": a wrong key, a missing or wrong " +
		"Ocp-Apim-Subscription-Region header (the most common cause with regional and multi-service " +
		"resources), or a key that is not a Translator key.",
	Fix:     "Send Ocp-Apim-Subscription-Region with the resource's region id, unless the resource is global\nCheck the key is a Translator (or multi-service) key from Keys and Endpoint",
	Sources: "§3, §4.2 [S4][I1][I2][I3][I4][I5]",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.resp.hit(ruleTranslator401000) {
			return nil
		}
		fd := c.finding("Translator refused the credentials (401000): wrong key, or a missing or wrong region header.", f.evidence(ruleTranslator401000))
		// A new-format key that decodes as Translator's is no other
		// service's key: the region header, or another resource's key.
		if k, s := f.Kind(), f.keyService(); k != nil && s != 0 && strings.IndexByte(k.Services, s) >= 0 {
			fd.Message = "Translator refused the credentials (401000). The key's format says it is " + withArticle(ServiceName(s)) +
				" key, which Translator takes, so the region header is the likely cause (missing or wrong), or the key is another resource's."
			fd = fd.withFix("Send Ocp-Apim-Subscription-Region with the resource's region id, unless the resource is global\n" +
				"Check the key comes from the same resource as the region (its Keys and Endpoint page)")
		}
		return one(fd)
	},
}

var responseSpeechKeyOnText = responseCheck(&Check{
	ID: "response-speech-key-on-text", Area: AreaResponse, Severity: Error, Title: "Speech key used on Translator (401015)",
	Doc:     "Translator's 401015: the credentials are for the Speech API, but text translation needs a Translator key.",
	Fix:     "Use the key of a Translator resource (or a multi-service key with the region header)",
	Sources: "§4.2 [S4]",
}, ruleSpeechOnText, "Translator says the key is a Speech key (401015).")

var responseTokenRejected = &Check{
	ID: "response-token-rejected", Area: AreaResponse, Severity: Error, Title: "Service refused the token",
	Doc: "\"Access token is missing, invalid, audience is incorrect … or have expired\", or a bare 401 to a " +
		"bearer token: the request carried Authorization: Bearer with something the service does not " +
		"accept. Most often a key sent as a bearer token to Azure OpenAI, an expired token, a token for " +
		"another audience, or an issueToken token on an API that takes only Entra tokens.",
	Fix:     "To use a key, send it as api-key (Azure OpenAI) or Ocp-Apim-Subscription-Key, not as Bearer\nTo use a token, get a fresh Entra ID token for https://cognitiveservices.azure.com/.default",
	Sources: "§4.2 [I19][I37]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.resp.hit(ruleTokenRejected) {
			return one(c.finding("The service refused the bearer token: missing, invalid, wrong audience or expired.", f.evidence(ruleTokenRejected)))
		}
		if f.resp.status == 401 && f.resp.hits&other401 == 0 && f.bearerToken() && !f.tokenReasonDenied() {
			return one(c.finding("The service answered 401 to the bearer token: invalid, expired, or for another audience.", f.statusEvidence()))
		}
		return nil
	},
}

var responsePermissionDenied = &Check{
	ID: "response-permission-denied", Area: AreaResponse, Severity: Error, Title: "Identity lacks a data-plane role",
	Doc: "PermissionDenied / \"Principal does not have access to API/Operation\" / \"lacks the required " +
		"data action\": the Entra token is valid but the identity has no data role on the resource. The " +
		"role depends on the API: Cognitive Services User for most, Cognitive Services OpenAI User (or " +
		"Contributor, to upload files and fine-tune) for Azure OpenAI, Azure AI User for Foundry agents " +
		"and projects, Cognitive Services Speech User (or Contributor) for Speech, Cognitive Services " +
		"Language Reader (or Writer) for Language authoring. Owner and Contributor are control-plane roles " +
		"and grant no data access. Assignments take up to 5 minutes to apply. An empty key that made the " +
		"SDK fall back to Entra ID gives this too.",
	Fix:     roleFix(roleCognitiveUser),
	Sources: "§3, §4.2 [S1][S24][I21][I22][I23][I61]",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.resp.hit(rulePermissionDenied) && !f.tokenReasonDenied() {
			return nil
		}
		role := f.dataRole()
		msg := "The identity has no data-plane role on the resource (PermissionDenied): it needs \"" + role + "\"."
		if a := f.deniedAction(); a != "" {
			msg = "The identity lacks the data action " + Truncate(a, 100) + ", which \"" + role + "\" grants."
		}
		fix := roleFix(role)
		if f.key.class == classToken {
			fix, _, _ = strings.Cut(fix, "\nIf you meant to use a key") // the token was sent on purpose
		}
		return one(c.finding(msg, f.evidence(rulePermissionDenied)).withFix(fix))
	},
}

// tokenReasonDenied reports a 401 to a bearer token whose only detail is
// the gateway's reason phrase PermissionDenied, as Python requests prints
// it ("401 Client Error: PermissionDenied for url: …"). With a key the
// phrase comes with any refusal (sources §4.1); with a token the gateway
// sends it when the token is valid but the identity has no data role.
func (f *Facts) tokenReasonDenied() bool {
	return f.bearerToken() && f.resp.status == 401 && f.resp.has("permissiondenied")
}

// roleFix says how to grant a data role and what not to expect.
func roleFix(role string) string {
	return "Assign \"" + role + "\" to the identity on the resource (portal → the resource → Access control (IAM) → Add role assignment)\n" +
		"Owner and Contributor are control-plane roles: they do not grant data access\n" +
		"Wait up to 5 minutes after the assignment, then get a new token\n" +
		"If you meant to use a key, check the variable that holds it is set"
}

var responseARMAuthorizationFailed = &Check{
	ID: "response-arm-authorization-failed", Area: AreaResponse, Severity: Error, Title: "Azure Resource Manager refused a control-plane action",
	Doc: "AuthorizationFailed (\"does not have authorization to perform action 'Microsoft.CognitiveServices/…' " +
		"over scope …\") comes from Azure Resource Manager, not from the AI service: a control-plane action " +
		"such as listing keys, creating a deployment or changing settings needs a management role such as " +
		"Cognitive Services Contributor (or Owner/Contributor) on the resource. Data roles (Cognitive " +
		"Services User, OpenAI User) do not grant it. It says nothing about the key or the data-plane call.",
	Fix: "Ask an owner of the subscription or resource group to assign \"" + roleCognitiveContrib + "\" (or Contributor) on the scope the message names\n" +
		"Wait up to 5 minutes, then sign in again (az login) so the new assignment is in the token\n" +
		"To call the API itself, use the key or a data role instead",
	Sources: "§3, §4 [S1]",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.resp.hit(ruleARMAuthorizationFailed) {
			return nil
		}
		msg := "Azure Resource Manager refused a control-plane action: the identity needs a management role such as \"" + roleCognitiveContrib + "\"."
		if a := f.deniedAction(); a != "" {
			msg = "Azure Resource Manager refused " + Truncate(a, 100) + ": the identity needs a management role such as \"" + roleCognitiveContrib + "\"."
		}
		return one(c.finding(msg, f.evidence(ruleARMAuthorizationFailed)))
	},
}

var responseLocalAuthDisabled = responseCheck(&Check{
	ID: "response-local-auth-disabled", Area: AreaResponse, Severity: Error, Title: "Key authentication is disabled on the resource",
	Doc: "AuthenticationTypeDisabled / \"Key based authentication is disabled for this resource\": the " +
		"resource has disableLocalAuth set, so no key works; only Entra ID tokens do. Changes take " +
		"minutes to hours to spread.",
	Fix:     "Use Entra ID (a token for https://cognitiveservices.azure.com/.default) on the custom subdomain\nOr re-enable key auth: az resource update … --set properties.disableLocalAuth=false",
	Sources: "§4.4, §5 [S12][I24][I25]",
}, ruleLocalAuth, "Key authentication is disabled on the resource; only Entra ID tokens are accepted.")

var responseNetworkBlocked = responseCheck(&Check{
	ID: "response-network-blocked", Area: AreaResponse, Severity: Error, Title: "Network rules block the caller",
	Doc: "\"Access denied due to Virtual Network/Firewall rules\": the key is fine, but the resource " +
		"accepts calls only from allowed networks or private endpoints.",
	Fix:     "Add the caller's IP or network under the resource's Networking settings\nOr call from inside the allowed virtual network, through the custom subdomain",
	Sources: "§4.4 [S13][I28]",
}, ruleNetwork, "The resource's network rules block this caller.")

var responseQuotaExceeded = responseCheck(&Check{
	ID: "response-quota-exceeded", Area: AreaResponse, Severity: Error, Title: "Call volume quota used up",
	Doc: "\"Out of call volume quota\" or Translator 403001: the key is valid but its free (F0) or " +
		"trial quota is spent until the next period.",
	Fix:     "Wait for the quota to reset (the message or Retry-After says when)\nOr move the resource to a paid tier",
	Sources: "§4.4 [S4][I39][I48]",
}, ruleQuota, "The resource's call volume quota is used up.")

var responseLimitedAccess = &Check{
	ID: "response-limited-access", Area: AreaResponse, Severity: Error, Title: "Face feature needs Limited Access approval",
	Doc: "Face identification, verification and grouping need approval (UnsupportedFeature, \"missing " +
		"approval\"). The key works; the feature is not enabled for the subscription.",
	Fix:     "Apply for Face Limited Access at https://aka.ms/facerecognition\nUse detection without identification meanwhile",
	Sources: "§4.4, §5 [S29][I44]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.resp.hit(ruleLimitedAccess) {
			return one(c.finding("The Face feature needs Limited Access approval; the key itself works.", f.evidence(ruleLimitedAccess)))
		}
		if k := f.Kind(); k != nil && k.LimitedAccess && f.resp.status == 403 && f.resp.hits == 0 {
			// A bare 403 from Face: the key passed, most often an unapproved feature ([I44]).
			return one(c.finding("Face answered 403 with no detail: the key passed, and an unapproved Limited Access feature is the usual cause.",
				f.statusEvidence()).withSeverity(Warning))
		}
		return nil
	},
}

var responseMissingKey = responseCheck(&Check{
	ID: "response-missing-key", Area: AreaResponse, Severity: Error, Title: "No key reached the gateway",
	Doc: "\"Access denied due to missing subscription key\": the request had no key header the " +
		"gateway reads, often because an API Management front door expects Ocp-Apim-Subscription-Key " +
		"or the variable holding the key was empty.",
	Fix:     "Send the key in the header the gateway expects (Ocp-Apim-Subscription-Key by default)\nCheck the variable holding the key is set",
	Sources: "§4.2 [I38]",
}, ruleMissingKey, "No key reached the gateway.")

var responseCustomSubdomainRequired = responseCheck(&Check{
	ID: "response-custom-subdomain-required", Area: AreaResponse, Severity: Error, Title: "Token authentication needs the custom subdomain",
	Doc: "400 \"Please provide a custom subdomain for token authentication, otherwise API key is " +
		"required\": an Entra token was sent to a regional endpoint.",
	Fix:     "Call the resource's custom subdomain (NAME.cognitiveservices.azure.com) with the token\nOr send the key instead",
	Sources: "§4.2 [S1][I36]",
}, ruleSubdomain, "Token authentication needs the resource's custom subdomain endpoint.")

var responseSpeechAuth = responseCheck(&Check{
	ID: "response-speech-auth", Area: AreaResponse, Severity: Error, Title: "Speech SDK authentication failed",
	Doc: "\"WebSocket upgrade failed: Authentication error (401)\": the Speech SDK's key or region is " +
		"wrong. Keys work only in their resource's region; the region must be an id (westus2), not a " +
		"display name or URL; sovereign clouds need FromEndpoint.",
	Fix:     "Pass the resource's key and its region id to SpeechConfig.FromSubscription(key, region)\nFor Azure Government or China use SpeechConfig.FromEndpoint",
	Sources: "§4.3 [I50][I57][S8][S9]",
}, ruleSpeechAuth, "The Speech SDK could not authenticate: the key or the region is wrong.")

var responseSpeechConnection = &Check{
	ID: "response-speech-connection", Area: AreaResponse, Severity: Error, Title: "Speech SDK could not open its connection",
	Doc: "CancellationReason.Error with ErrorCode ConnectionFailure (\"Connection failed (no connection to the " +
		"remote host)\", \"WebSocket upgrade failed: Unspecified connection error\", \"Unable to contact " +
		"server\") and no authentication error: the SDK never reached the service, so the key was not " +
		"judged. The usual causes are a region that is not a region id (a display name such as \"North " +
		"Europe\" makes a host name that does not resolve), a proxy or firewall that blocks or rewrites the " +
		"WebSocket upgrade on port 443 (an upgrade answered 200 is a proxy's page), a wrong custom endpoint, " +
		"or no network.",
	Fix:     "Pass the region id (northeurope, westus2), not its display name or a URL\nAllow outbound wss:// on port 443 to REGION.stt.speech.microsoft.com and REGION.tts.speech.microsoft.com, or give the SDK the proxy (SpeechConfig.SetProxy)\nRetry: a short outage gives the same",
	Sources: "§2.3, §4.3",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.resp.hit(ruleSpeechConnection) || f.resp.hit(ruleSpeechAuth) {
			return nil
		}
		return one(c.finding("The Speech SDK could not reach the service: check the region id, the network and any proxy.", f.evidence(ruleSpeechConnection)))
	},
}

var responseDeploymentNotFound = responseCheck(&Check{
	ID: "response-deployment-not-found", Area: AreaResponse, Severity: Warning, Title: "Azure OpenAI deployment not found",
	Doc: "DeploymentNotFound: the key passed; the deployment name in the URL does not exist, or was " +
		"created less than about 5 minutes ago.",
	Fix:     "Use the deployment name (not the model name) from AI Foundry → Deployments\nWait 5 minutes after creating a deployment",
	Sources: "§4.5",
}, ruleDeployment, "The key passed, but the deployment does not exist (yet).")

var responseAPIVersionUnsupported = &Check{
	ID: "response-api-version-unsupported", Area: AreaResponse, Severity: Warning, Title: "Key passed, but the api-version is not served",
	Doc: "400 \"API version not supported\", or \"Model … is enabled only for api versions … and later\": the " +
		"gateway accepted the credentials, but the api-version in the URL does not exist for this operation, " +
		"or is too old for the model deployed. SDKs pin their own default api-version, which an older " +
		"library or an explicit setting can leave behind.",
	Fix:     "Set api-version to a version the API reference lists for this operation (for Azure OpenAI, a current GA version)\nFor newer models, use the version the message names or later\nUpgrade the SDK if it pins an old default",
	Sources: "§2.1, §4.5, §7",
	Run: func(c *Check, f *Facts) []Finding {
		if f.resp.hit(ruleAPIVersion) {
			return one(c.finding("The key passed, but this api-version is not served for the operation or model.", f.evidence(ruleAPIVersion)))
		}
		if f.previewNotServed() {
			return one(c.finding("The key passed, but the resource does not serve this preview api-version: previews run only in some regions.",
				"api-version="+f.ep.query.Get("api-version")+", "+f.statusEvidence()).
				withFix("Use a GA api-version from the API reference\nOr create the resource in a region that serves the preview"))
		}
		return nil
	},
}

// previewNotServed reports a 404 to a preview api-version of an API
// whose previews run only in some regions (Document Intelligence: a
// resource elsewhere answers "Resource not found" to a good key,
// Azure/azure-sdk-for-python#33312, Azure/azure-sdk-for-java#40529).
func (f *Facts) previewNotServed() bool {
	k := kindByID[f.ep.api]
	return k != nil && k.RegionalPreviews && strings.HasSuffix(f.ep.query.Get("api-version"), "-preview") &&
		!f.resp.hit(ruleDeployment) && (f.resp.hit(ruleNotFound) || f.resp.status == 404)
}

var responseNotFound = &Check{
	ID: "response-not-found", Area: AreaResponse, Severity: Warning, Title: "Key passed, but the path does not exist",
	Doc: "404 \"Resource not found\": the gateway checks the key before routing, so a 404 means the key " +
		"was accepted and the path, api-version or deployment is wrong on this host.",
	Fix:     "Check the path and api-version against the API reference\nGive SDKs only the base endpoint",
	Sources: "§4.5, §7 [I7][I42][I43]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.resp.hit(ruleDeployment) || f.previewNotServed() || !(f.resp.hit(ruleNotFound) || f.resp.status == 404) {
			return nil
		}
		fd := c.finding("The key passed, but the path or api-version is wrong (404 Not Found).", f.evidence(ruleNotFound))
		if f.ep.given && len(f.ep.segs) == 0 {
			// The endpoint is the base already: no step to trim it.
			fd = fd.withFix("Check the path and api-version against the API reference")
		}
		return one(fd)
	},
}

var responseContentFiltered = &Check{
	ID: "response-content-filtered", Area: AreaResponse, Severity: Warning, Title: "Key passed, but the content filter refused the prompt",
	Doc: "Azure OpenAI 400 with code content_filter (inner code ResponsibleAIPolicyViolation, \"The response " +
		"was filtered due to the prompt triggering Azure OpenAI's content management policy\"): the key, " +
		"the endpoint and the deployment are right. The deployment's content filter judged the prompt " +
		"(or the jailbreak shield fired); nothing in the credentials is wrong.",
	Fix: "Change the prompt, or see which category content_filter_result marks as filtered\n" +
		"Or attach a content filter configuration to the deployment that fits the use (Foundry portal → Guardrails + controls)",
	Sources: "§4.5",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.resp.hit(ruleContentFiltered) {
			return nil
		}
		return one(c.finding("The key passed: the content filter refused the prompt, not the credentials.", f.evidence(ruleContentFiltered)))
	},
}

var responseRateLimited = &Check{
	ID: "response-rate-limited", Area: AreaResponse, Severity: Warning, Title: "Rate limited",
	Doc: "429 \"Rate limit is exceeded\" or Translator 429000–429002: the key works; calls come too fast " +
		"for the tier. Honour Retry-After.",
	Fix:     "Wait as Retry-After says and retry with backoff\nOr raise the deployment's quota or the pricing tier",
	Sources: "§4.5 [S4][S30]",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.resp.hit(ruleRateLimited) && f.resp.status != 429 {
			return nil
		}
		msg := "The key works, but calls are rate limited."
		if w := retryAfter(f.resp.text); w != "" {
			msg += " Retry after " + w + "."
		}
		return one(c.finding(msg, f.evidence(ruleRateLimited)))
	},
}

// retryAfter reads "retry after N seconds" or "try again in N seconds".
func retryAfter(text string) string {
	for _, p := range []string{"retry after ", "try again in ", "retry-after: "} {
		if i := strings.Index(text, p); i >= 0 {
			rest := text[i+len(p):]
			n := 0
			for n < len(rest) && n < 9 && rest[n] >= '0' && rest[n] <= '9' {
				n++
			}
			if n > 0 {
				return rest[:n] + " seconds"
			}
		}
	}
	return ""
}

var responseOK = &Check{
	ID: "response-ok", Area: AreaResponse, Severity: Info, Title: "Success: the key works here",
	Doc:     "A 2xx answer: the key, the host and the region are right for this call.",
	Fix:     "Nothing to fix: the key works for this endpoint",
	Sources: "§7",
	Run: func(c *Check, f *Facts) []Finding {
		if f.resp.status < 200 || f.resp.status > 299 || f.resp.hits != 0 || f.resp.errorBody() {
			return nil
		}
		return one(c.finding(fmt.Sprintf("The answer was %d: the key works for this endpoint.", f.resp.status), f.statusEvidence()))
	},
}

var responseUnrecognized = &Check{
	ID: "response-unrecognized", Area: AreaResponse, Severity: Info, Title: "Answer not recognised",
	Doc: "No rule knows this status or message. What the status means in general is shown; paste the " +
		"whole body for a closer look.",
	Fix:     "Paste the complete error body and the status code",
	Sources: "§4, §7",
	Run: func(c *Check, f *Facts) []Finding {
		r := f.resp
		if r.status >= 200 && r.status <= 299 && r.hits == 0 && r.errorBody() {
			return one(c.finding(fmt.Sprintf("Status %d, but the body reports an error: the call did not succeed.", r.status), f.statusEvidence()))
		}
		if !r.given || r.hits != 0 || r.status == 401 || r.status == 404 || r.status == 429 || r.status >= 200 && r.status <= 299 {
			return nil
		}
		if r.status == 0 {
			return one(c.finding("The message has no status and no error az401 knows.", ""))
		}
		return one(c.finding(fmt.Sprintf("Status %d: %s.", r.status, statusMeaning(r.status)), f.statusEvidence()))
	},
}

var inputTooLarge = &Check{
	ID: "input-too-large", Area: AreaInput, Severity: Warning, Title: "Pasted text was too long and was cut",
	Doc: "The response text is capped at 64 KiB so a pasted log or file cannot slow the page; only its " +
		"start was read.",
	Fix:     "Paste only the error body or message",
	Sources: "az401's own limits",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.resp.cut {
			return nil
		}
		return one(c.finding(fmt.Sprintf("The response text was longer than %d KiB; only the start was read.", MaxResponseLen>>10),
			fmt.Sprintf("%d bytes pasted", len(f.in.Response))))
	},
}

var responseAPINotInTier = &Check{
	ID: "response-api-not-in-tier", Area: AreaResponse, Severity: Error, Title: "The key's resource does not offer this API",
	Doc: "401 \"The … Operation under … is not supported with the current subscription key and pricing tier " +
		"X\": the key is valid, but its resource is of another kind than the API called. The tier names " +
		"the resource: OpenAI.S0 is an Azure OpenAI resource, TextTranslator.S1 a Translator resource. " +
		"A single-service resource serves only its own API; an Azure OpenAI resource does not serve " +
		"Language or Vision, a Translator resource does not serve chat completions. Speech batch " +
		"transcription answers a free (F0) key with 400 \"Only \"Standard\" subscriptions for the region " +
		"of the called service are valid\": that API needs a paid Speech resource. Batch transcription " +
		"v2.0 also refused multi-service keys: \"The subscription SKU \"CognitiveServices.S0\" is not " +
		"supported in this service instance\" (code InvalidProductId) asks for a Speech resource's key.",
	Fix:     "Use the key and endpoint of a resource of the API you call (or of an Azure AI services multi-service resource, unless the answer names the SKU CognitiveServices.S0)\nOr choose the API kind the key's resource offers\nFor a free-tier refusal, move the resource to a paid tier (S0)",
	Sources: "§2.1, §4.1",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.resp.hit(ruleNotInTier) {
			return nil
		}
		msg := "The key's resource does not offer this API."
		if t := tierIn(f.resp.text); t != "" {
			msg = "The key's resource (pricing tier " + t + ") does not offer this API."
		}
		return one(c.finding(msg, f.evidence(ruleNotInTier)))
	},
}

// tierIn reads the pricing tier the gateway names after "pricing tier "
// ("openai.s0"), as the original spells it in upper case where it can.
func tierIn(text string) string {
	const p = "pricing tier "
	i := strings.Index(text, p)
	if i < 0 {
		return ""
	}
	rest := text[i+len(p):]
	n := 0
	for n < len(rest) && n < 40 && (isAlnum(rest[n]) || rest[n] == '.' && n+1 < len(rest) && isAlnum(rest[n+1])) {
		n++
	}
	return rest[:n]
}

var responseSearchKeyForbidden = &Check{
	ID: "response-search-key-forbidden", Area: AreaResponse, Severity: Error, Title: "AI Search refused the api-key (403)",
	Doc: "Azure AI Search answers 403 Forbidden, not 401, to an api-key it does not accept: a key of " +
		"another service (an Azure OpenAI key in the search key setting), or a query key used beyond " +
		"what it allows. A query key only reads the documents of an index (/indexes/NAME/docs); reading " +
		"an index definition, listing indexes or writing needs an admin key.",
	Fix:     "Use an admin key (Search service → Keys) for anything but document queries\nCheck the key is the search service's, not the Azure OpenAI key",
	Sources: "§3",
	Run: func(c *Check, f *Facts) []Finding {
		k := f.Kind()
		// On Your Data's 400 wrapper (ruleDataSource) still quotes Search's own 403.
		if k == nil || k.Audience != audSearch || f.resp.status != 403 || f.resp.hits&^(1<<ruleDataSource) != 0 || f.bearerToken() {
			return nil
		}
		msg := "AI Search refused the api-key (403): a wrong key, or a query key where an admin key is needed."
		if len(f.ep.segs) > 0 && !slices.Contains(f.ep.segs, "docs") {
			msg = "AI Search refused the api-key (403): this call is not a document query, so it needs an admin key; a query key or another service's key gets 403."
		}
		return one(c.finding(msg, f.statusEvidence()))
	},
}

var responseTokenWrongTenant = responseCheck(&Check{
	ID: "response-token-wrong-tenant", Area: AreaResponse, Severity: Error, Title: "Token comes from another tenant than the resource's",
	Doc: "400 \"Token tenant … does not match resource tenant\" (code \"Tenant provided in token does not " +
		"match resource token\"): the Microsoft Entra ID token is valid, but it was issued by another " +
		"directory than the one the resource's subscription belongs to. It happens when the signed-in " +
		"account (az login, azd, Visual Studio, VS Code) belongs to several tenants and the credential " +
		"picked its home tenant. The token's tid claim names the tenant that issued it.",
	Fix: "Sign in to the resource's tenant: az login --tenant TENANT_ID (azd auth login --tenant-id TENANT_ID)\n" +
		"Or pass the tenant to the credential: DefaultAzureCredential(additionally_allowed_tenants=…) / AzureCliCredential(tenant_id=TENANT_ID)\n" +
		"Find the resource's tenant in the portal: the resource → Overview → the subscription's directory",
	Sources: "§3 (Azure-Samples/ai-rag-chat-evaluator#94, arbs-io/vscode-openai#321)",
}, ruleWrongTenant, "The token was issued by another Microsoft Entra tenant than the resource's.")
