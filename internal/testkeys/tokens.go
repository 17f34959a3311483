package testkeys

import (
	"encoding/json"
	"time"
)

// Token describes the claims of a synthetic Entra ID token; JWT builds
// it at run time, so no token is ever written in the repository.
type Token struct {
	Aud, Iss, Tid, Oid, Appid, Idtyp, Scp string
	Roles                                 []string
	Iat, Nbf, Exp                         time.Time
}

// EntraToken is a token for Azure AI services in the public cloud,
// issued 10 minutes before now and valid for an hour.
func EntraToken(now time.Time) Token {
	return Token{Aud: "https://cognitiveservices.azure.com",
		Iss:   "https://sts.windows.net/72f988bf-0000-0000-0000-000000000000/",
		Tid:   "72f988bf-0000-0000-0000-000000000000",
		Oid:   "11111111-2222-3333-4444-555555555555",
		Appid: "04b07795-8ddb-461a-bbee-02f9e1bf7b46", Idtyp: "user", Scp: "user_impersonation",
		Iat: now.Add(-10 * time.Minute), Nbf: now.Add(-10 * time.Minute), Exp: now.Add(50 * time.Minute)}
}

// String is the token as a JWT with an unchecked signature.
func (t Token) String() string {
	claims := map[string]any{}
	put := func(k, v string) {
		if v != "" {
			claims[k] = v
		}
	}
	put("aud", t.Aud)
	put("iss", t.Iss)
	put("tid", t.Tid)
	put("oid", t.Oid)
	put("appid", t.Appid)
	put("idtyp", t.Idtyp)
	put("scp", t.Scp)
	if len(t.Roles) > 0 {
		claims["roles"] = t.Roles
	}
	for k, v := range map[string]time.Time{"iat": t.Iat, "nbf": t.Nbf, "exp": t.Exp} {
		if !v.IsZero() {
			claims[k] = v.Unix()
		}
	}
	b, err := json.Marshal(claims)
	if err != nil {
		panic(err)
	}
	return JWT(string(b))
}
