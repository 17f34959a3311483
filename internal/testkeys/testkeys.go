// Package testkeys builds synthetic keys for tests. Keys are assembled at
// run time from parts, so no checksum-valid key is ever written in the
// repository (secret scanners would take it for a leak).
package testkeys

import (
	"encoding/base64"
	"strings"

	"az401/diagnosis"
)

// random is the 52-character random part: the synthetic
// filler (sources §1.2), padded.
var random = "SyntheticTestVectorNotARealKey" + strings.Repeat("0", 22)

// CASK returns a checksum-valid 84-character key for the service
// character (sources §1.2 table), created in 2025-06 (BF).
func CASK(service byte) string {
	return CASKWith(random, "JQQJ99", "BF", service, "ACOG")
}

// CASK62 is CASK with the checksum in its base62 form, as newer
// generators write it ([S17] GetBase62EncodedChecksum).
func CASK62(service byte) string {
	return diagnosis.AppendBase62Checksum(CASK(service)[:80])
}

// CASKWith returns a checksum-valid key from its fields: the 52-char
// random part, the 6-char marker, the 2-char date, the service character
// and the 4-char provider signature.
// Like the real generator, it varies the random part until the checksum
// is base62 too (its base64 form may contain + or /).
func CASKWith(random, marker, date string, service byte, signature string) string {
	for _, last := range "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" {
		body := random[:51] + string(last) + marker + date + "ACHYHv6XJ3w3" + "AAA" + string(service) + signature
		if key := diagnosis.AppendChecksum(body); !strings.ContainsAny(key, "+/") {
			return key
		}
	}
	panic("testkeys: no base62 checksum for this key")
}

// Legacy returns a 32-hex key (legacy keys have no checksum).
func Legacy() string { return strings.Repeat("9f3a", 8) }

// Mutate returns key with the character at i replaced by another
// letter or digit.
func Mutate(key string, i int) string {
	c := key[i]
	r := byte('A')
	switch {
	case c == 'A':
		r = 'B'
	case c >= 'a' && c < 'z' || c >= 'A' && c < 'Z' || c >= '0' && c < '9':
		r = c + 1
	case c == 'z':
		r = 'a'
	case c == 'Z':
		r = '0'
	}
	return key[:i] + string(r) + key[i+1:]
}

// Expand replaces ${…} templates in s with synthetic secrets, so test
// data can name keys without containing them:
//
//	${legacy}              a 32-hex key
//	${cask:Y}              a valid new-format key for service Y
//	${cask62:Y}            the same with its checksum in the base62 form
//	${cask-typo:Y}         the same with one character changed
//	${cask-cut:Y}          the same cut to 83 characters
//	${cask-sig:AZDO}       a valid CASK key with another product's signature
//	${cask-marker:JQQJ9H}  a valid CASK key with another marker
//	${storage}             an 88-character storage account key
//	${openai}              an OpenAI platform key
//	${entra-secret}        an Entra client secret
//	${jwt-entra}           an Entra ID token expiring in 2099
//	${jwt-entra-expired}   an Entra ID token that expired in 2020
//	${jwt-sts}             an issueToken token
//
// Any other ${NAME} (a shell or template-literal variable) is kept as written.
func Expand(s string) string {
	for from := 0; ; {
		i := strings.Index(s[from:], "${")
		if i < 0 {
			return s
		}
		i += from
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return s
		}
		v, ok := expand(s[i+2 : i+j])
		if !ok {
			from = i + 2
			continue
		}
		s = s[:i] + v + s[i+j+1:]
		from = i + len(v)
	}
}

func expand(name string) (string, bool) {
	if v := expandOne(name); v != "" {
		return v, true
	}
	return "", false
}

func expandOne(name string) string {
	name, arg, _ := strings.Cut(name, ":")
	switch name {
	case "legacy":
		return Legacy()
	case "cask":
		return CASK(arg[0])
	case "cask62":
		return CASK62(arg[0])
	case "cask-typo":
		return Mutate(CASK(arg[0]), 10)
	case "cask-cut":
		return CASK(arg[0])[:83]
	case "cask-sig":
		return CASKWith(random, "JQQJ99", "BF", 'A', arg)
	case "cask-marker":
		return CASKWith(random, arg, "BF", 'A', "ACOG")
	case "storage":
		return strings.Repeat("Zm9vYmFy", 10) + "c3Rv+/==" // 88 chars
	case "openai":
		return "sk-proj-" + strings.Repeat("Tq7", 16)
	case "entra-secret":
		return "x1Z8Q~" + strings.Repeat("a.b_c", 6) + "dEf~"
	case "jwt-entra":
		return JWT(`{"aud":"https://cognitiveservices.azure.com","iss":"https://sts.windows.net/00000000-0000-0000-0000-000000000000/","exp":4070908800}`)
	case "jwt-entra-expired":
		return JWT(`{"aud":"https://cognitiveservices.azure.com","iss":"https://sts.windows.net/00000000-0000-0000-0000-000000000000/","exp":1577836800}`)
	case "jwt-sts":
		return JWT(`{"region":"eastus","aud":"urn:ms.microsofttranslator","iss":"urn:ms.cognitiveservices","exp":4070908800}`)
	}
	return ""
}

// JWT returns an unsigned-looking token with the claims as its payload.
func JWT(claims string) string {
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT"}`)) + "." +
		enc.EncodeToString([]byte(claims)) + "." + strings.Repeat("c2ln", 12)
}
