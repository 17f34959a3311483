package diagnosis

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
)

// tokenClaims are the few claims of a pasted JWT that say what it is for.
// The signature is not checked: this only reads what the token claims.
type tokenClaims struct {
	ok       bool
	issuer   string
	audience string
	region   string
	expires  time.Time
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

// parseJWT reads the issuer, audience, region and expiry of a JWT.
func parseJWT(s string) tokenClaims {
	parts := strings.Split(s, ".")
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return tokenClaims{}
	}
	var c struct {
		Iss    string          `json:"iss"`
		Aud    json.RawMessage `json:"aud"`
		Region string          `json:"region"`
		Exp    float64         `json:"exp"`
	}
	if json.Unmarshal(raw, &c) != nil {
		return tokenClaims{}
	}
	t := tokenClaims{ok: true, issuer: c.Iss, region: c.Region}
	var aud string
	if json.Unmarshal(c.Aud, &aud) == nil {
		t.audience = aud
	}
	if c.Exp > 0 && c.Exp < 1e11 {
		t.expires = time.Unix(int64(c.Exp), 0).UTC()
	}
	return t
}

// stsToken reports whether the token came from a Cognitive Services
// issueToken endpoint rather than Microsoft Entra ID (sources §1.3, §3).
func (t tokenClaims) stsToken() bool {
	return strings.HasPrefix(t.issuer, "urn:ms.cognitiveservices") || strings.HasPrefix(t.audience, "urn:ms.")
}

// describe lists the claims worth showing, e.g. " (Entra ID token for
// https://cognitiveservices.azure.com, expires 2026-11-28 10:00 UTC)".
func (t tokenClaims) describe() string {
	if !t.ok {
		return ""
	}
	var parts []string
	if t.stsToken() {
		parts = append(parts, "issueToken token")
	} else if strings.Contains(t.issuer, "sts.windows.net") || strings.Contains(t.issuer, "login.microsoftonline") {
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
