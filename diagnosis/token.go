package diagnosis

import (
	"fmt"
	"strings"
	"time"
)

// aadToken is the Speech form aad#RESOURCE_ID#TOKEN (sources §1.3 [S11]).
type aadToken struct {
	resource string      // the middle part
	token    tokenClaims // the last part, decoded
	problem  string      // what is wrong with the form, "" if nothing
}

// parseAAD splits and checks an aad#…#… token.
func parseAAD(s string) aadToken {
	parts := strings.SplitN(s, "#", 3)
	if len(parts) < 3 {
		return aadToken{problem: "it has one # where the form aad#RESOURCE_ID#TOKEN has two"}
	}
	a := aadToken{resource: parts[1]}
	last := parts[2]
	switch {
	case !IsResourceID(a.resource):
		a.problem = "the middle part " + describeNotResourceID(a.resource) + ", not a full resource ID " +
			"(/subscriptions/…/resourceGroups/…/providers/Microsoft.CognitiveServices/accounts/NAME)"
	case !isJWT(last):
		a.problem = fmt.Sprintf("the last part (%d characters) is not an Entra ID token (eyJ…)", len(last))
	default:
		a.token = parseJWT(last)
	}
	return a
}

// IsResourceID reports whether s is an Azure AI resource's ID:
// /subscriptions/GUID/resourceGroups/RG/providers/
// Microsoft.CognitiveServices/accounts/NAME, any case, with or without a
// final slash.
func IsResourceID(s string) bool { return isAccountID(strings.TrimRight(s, "/")) }

// describeNotResourceID says what a middle part holds instead.
func describeNotResourceID(s string) string {
	switch {
	case s == "":
		return "is empty"
	case isGUID(s):
		return "is a GUID (a subscription or tenant ID)"
	case strings.Contains(s, "://"):
		return "is a URL"
	case strings.Contains(strings.ToLower(s), "/subscriptions/"):
		return "is a resource path of the wrong shape"
	case !strings.Contains(s, "/"):
		return fmt.Sprintf("%q is a name", Truncate(s, 40))
	}
	return fmt.Sprintf("%q is a path", Truncate(s, 60))
}

// Claim is one decoded part of a pasted token, for display: the header's
// and payload's fields with what each means. Values are what the token
// claims; the signature is not checked.
type Claim struct {
	// Part is "header" or "payload".
	Part string `json:"part"`
	// Name is the claim's name as in the token ("aud").
	Name string `json:"name"`
	// Value is the claim's value; times in UTC and relative to now.
	Value string `json:"value"`
	// Meaning says in plain words what the claim is.
	Meaning string `json:"meaning"`
	// Problem says why the claim makes the call fail, "" if it does not.
	Problem string `json:"problem,omitempty"`
}

// TokenClaims lists the claims of the token in the key field (a JWT,
// with or without "Bearer ", or the aad#…#… Speech form), decoded when
// the facts were analysed, for display: times relative to the input's
// Now, every text through the Facts' scrub like all it hands out.
// Nothing is sent anywhere, and the signature is neither shown nor
// checked. It returns nil for anything but a token.
func (f *Facts) TokenClaims() []Claim {
	k, now := &f.key, f.in.Now
	t := k.token
	if k.class != classToken || !t.ok {
		return nil
	}
	var out []Claim
	add := func(part, name, value, meaning string) {
		if value != "" {
			out = append(out, Claim{Part: part, Name: name, Value: f.scrub.Scrub(value), Meaning: f.scrub.Scrub(meaning),
				Problem: f.scrub.Scrub(f.claimProblem(name))})
		}
	}
	add("header", "alg", t.alg, "the signing algorithm")
	add("header", "typ", t.typ, "the token type")
	add("header", "kid", t.kid, "which of the issuer's signing keys signed it")
	if k.aad.resource != "" {
		add("payload", "resource", k.aad.resource, "the Speech resource the aad# form names")
	}
	add("payload", "aud", t.audience, audienceMeaning(t))
	add("payload", "iss", t.issuer, issuerMeaning(t))
	add("payload", "tid", t.tenant, "the Microsoft Entra tenant (directory) that issued it")
	add("payload", "oid", t.object, "the object ID of the signed-in user or service principal: the assignee of role assignments")
	add("payload", "appid", t.app, "the client application that asked for the token")
	add("payload", "idtyp", t.idType, "\"app\": an application or managed identity; \"user\": a person")
	add("payload", "scp", t.scopes, "delegated permissions the user consented to")
	add("payload", "roles", strings.Join(t.roles, " "), "application roles granted to the app (not Azure RBAC roles)")
	add("payload", "region", t.region, "the region the issueToken token is for")
	add("payload", "ver", t.version, "the token format version")
	add("payload", "iat", whenText(t.issued, now), "when it was issued")
	add("payload", "nbf", whenText(t.notBefore, now), "not valid before this time")
	add("payload", "exp", whenText(t.expires, now), "not valid after this time")
	return out
}

// claimProblem says why a claim makes the call fail, as the token
// checks judge it (token-wrong-audience, token-expired,
// token-not-yet-valid), or "".
func (f *Facts) claimProblem(name string) string {
	switch name {
	case "aud":
		if want, _, wrong := f.audienceWrong(); wrong {
			return "the endpoint accepts only tokens for " + want
		}
	case "exp":
		if f.tokenExpired() {
			return "expired"
		}
	case "nbf":
		if f.tokenNotYetValid() {
			return "not valid yet"
		}
	}
	return ""
}

// audienceMeaning says what the aud claim means for an Azure AI call.
func audienceMeaning(t tokenClaims) string {
	m := "the audience: the service the token is for"
	if n := audienceName(t.audience); n != "" {
		m += ", here " + n
	} else if t.stsToken() {
		m += ", here Translator or Speech (an issueToken token)"
	}
	if t.audiences > 1 {
		m += fmt.Sprintf("; %d audiences listed, the first shown", t.audiences)
	}
	return m
}

// issuerMeaning says who issued the token and in which cloud.
func issuerMeaning(t tokenClaims) string {
	if t.stsToken() {
		return "the issuer: a Cognitive Services issueToken endpoint (a 10-minute token)"
	}
	if c := issuerCloud(t.issuer); c != CloudUnknown {
		return "the issuer: Microsoft Entra ID in the " + c.String()
	}
	return "the issuer"
}

// whenText shows a time in UTC and relative to now.
func whenText(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	s := t.UTC().Format("2006-01-02 15:04:05 UTC")
	switch {
	case now.IsZero():
		return s
	case t.After(now):
		return s + " (in " + ago(t.Sub(now)) + ")"
	case t.Before(now):
		return s + " (" + ago(now.Sub(t)) + " ago)"
	}
	return s + " (now)"
}
