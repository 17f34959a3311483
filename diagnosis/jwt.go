package diagnosis

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
)

// tokenClaims are the claims of a pasted JWT that say what it is for and
// who holds it. The signature is not checked: this only reads what the
// token claims (sources §1.3).
type tokenClaims struct {
	ok bool
	// The header.
	alg, typ, kid string
	// The payload.
	issuer    string
	audience  string // the single audience, or the first of a list
	audiences int    // how many audiences the aud claim lists
	tenant    string
	object    string // oid: the signed-in user's or service principal's object ID
	app       string // appid (v1) or azp (v2): the client application
	scopes    string // scp: delegated permissions, space-separated
	roles     []string
	idType    string // idtyp: "app" or "user"
	version   string // ver: "1.0" or "2.0"
	region    string // issueToken tokens: the region
	expires   time.Time
	notBefore time.Time
	issued    time.Time
}

// isJWT matches the shape of a JWT: three base64url parts, the first a
// JSON header ([S17] SEC101/528: eyJ, eyAi, ewog).
func isJWT(s string) bool {
	if !strings.HasPrefix(s, "eyJ") && !strings.HasPrefix(s, "eyAi") && !strings.HasPrefix(s, "ewog") {
		return false
	}
	if strings.Count(s, ".") != 2 || len(s) < 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && c != '-' && c != '_' && c != '.' && c != '=' {
			return false
		}
	}
	return true
}

// jwtPart decodes one base64url part of a JWT.
func jwtPart(p string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(p, "="))
}

// parseJWT reads the header and the claims of a JWT.
func parseJWT(s string) tokenClaims {
	parts := strings.Split(s, ".")
	raw, err := jwtPart(parts[1])
	if err != nil {
		return tokenClaims{}
	}
	var c struct {
		Iss, Tid, Oid, Appid, Azp, Scp, Idtyp, Ver, Region string
		Aud                                                json.RawMessage
		Roles                                              []string
		Exp, Nbf, Iat                                      float64
	}
	if json.Unmarshal(raw, &c) != nil {
		return tokenClaims{}
	}
	t := tokenClaims{ok: true, issuer: c.Iss, tenant: c.Tid, object: c.Oid, app: c.Appid, scopes: c.Scp,
		roles: c.Roles, idType: c.Idtyp, version: c.Ver, region: c.Region,
		expires: unixTime(c.Exp), notBefore: unixTime(c.Nbf), issued: unixTime(c.Iat)}
	if t.app == "" {
		t.app = c.Azp
	}
	var aud string
	var auds []string
	switch {
	case json.Unmarshal(c.Aud, &aud) == nil:
		t.audience, t.audiences = aud, 1
	case json.Unmarshal(c.Aud, &auds) == nil && len(auds) > 0:
		t.audience, t.audiences = auds[0], len(auds)
	}
	if head, err := jwtPart(parts[0]); err == nil {
		var h struct{ Alg, Typ, Kid string }
		if json.Unmarshal(head, &h) == nil {
			t.alg, t.typ, t.kid = h.Alg, h.Typ, h.Kid
		}
	}
	return t
}

// unixTime converts a NumericDate claim, or gives the zero time for one
// absent or absurd.
func unixTime(v float64) time.Time {
	if v <= 0 || v >= 1e11 {
		return time.Time{}
	}
	return time.Unix(int64(v), 0).UTC()
}

// stsToken reports whether the token came from a Cognitive Services
// issueToken endpoint rather than Microsoft Entra ID (sources §1.3, §3).
func (t tokenClaims) stsToken() bool {
	return strings.HasPrefix(t.issuer, "urn:ms.cognitiveservices") || strings.HasPrefix(t.audience, "urn:ms.")
}

// entra reports whether Microsoft Entra ID issued the token.
func (t tokenClaims) entra() bool { return issuerCloud(t.issuer) != CloudUnknown }

// describe lists the claims worth showing, e.g. " (Entra ID token for
// https://cognitiveservices.azure.com, expires 2026-11-28 10:00 UTC)".
func (t tokenClaims) describe() string {
	if !t.ok {
		return ""
	}
	var parts []string
	if t.stsToken() {
		parts = append(parts, "issueToken token")
	} else if t.entra() {
		parts = append(parts, "Entra ID token")
	}
	if t.audience != "" {
		parts = append(parts, "for "+t.audience)
	}
	if t.region != "" {
		parts = append(parts, "region "+t.region)
	}
	if !t.expires.IsZero() {
		parts = append(parts, "expires "+t.expires.Format("2006-01-02 15:04 UTC"))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// issuerCloud is the cloud whose Entra ID issued a token: public
// (login.microsoftonline.com, sts.windows.net), Government
// (login.microsoftonline.us) or China (login.chinacloudapi.cn,
// sts.chinacloudapi.cn); unknown for any other issuer.
func issuerCloud(iss string) Cloud {
	host := strings.ToLower(iss)
	host = strings.TrimPrefix(host, "https://")
	host, _, _ = strings.Cut(host, "/")
	switch host {
	case "login.microsoftonline.com", "sts.windows.net":
		return CloudPublic
	case "login.microsoftonline.us":
		return CloudGovernment
	case "login.chinacloudapi.cn", "sts.chinacloudapi.cn", "login.partner.microsoftonline.cn":
		return CloudChina
	}
	return CloudUnknown
}
