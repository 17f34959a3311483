package diagnosis

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

var keyTests = []struct {
	in         string
	class      KeyClass
	quoted     bool
	prefix     string
	whitespace bool
}{
	{"", KeyEmpty, false, "", false},
	{"   ", KeyEmpty, false, "", true},
	{`""`, KeyEmpty, true, "", false},
	{strings.Repeat("ab12", 8), KeyLegacy, false, "", false},
	{strings.Repeat("AB12", 8), KeyLegacy, false, "", false},                    // upper-case hex
	{"\ufeff" + strings.Repeat("ab12", 8) + "\r\n", KeyLegacy, false, "", true}, // BOM and CRLF
	{strings.Repeat("ab12", 4) + "\u200b" + strings.Repeat("ab12", 4), KeyLegacy, false, "", true},
	{`"` + strings.Repeat("ab12", 8) + `"`, KeyLegacy, true, "", false},
	{"'" + strings.Repeat("ab12", 8) + "'", KeyLegacy, true, "", false},
	{"Ocp-Apim-Subscription-Key: " + strings.Repeat("ab12", 8), KeyLegacy, false, "Ocp-Apim-Subscription-Key:", false},
	{"api-key:" + strings.Repeat("ab12", 8), KeyLegacy, false, "api-key:", false},
	{"key1=" + strings.Repeat("ab12", 8), KeyLegacy, false, "key1=", false},
	{`export AZURE_AI_KEY="` + strings.Repeat("ab12", 8) + `"`, KeyLegacy, true, "AZURE_AI_KEY=", false},
	{`"key1": "` + strings.Repeat("ab12", 8) + `",`, KeyLegacy, true, "key1:", false},
	{"$env:SPEECH_KEY = '" + strings.Repeat("ab12", 8) + "'", KeyLegacy, true, "SPEECH_KEY=", false},
	{"Bearer " + strings.Repeat("ab12", 8), KeyLegacy, false, "Bearer", false},
	{strings.Repeat("ab12", 8)[:31], KeyMalformed, false, "", false},
	{strings.Repeat("ab12", 8) + "0", KeyMalformed, false, "", false},
	{"0c5a6f21-7d3b-4e1a-9b2c-5f8d7e6a4b3c", KeyGUID, false, "", false},
	{"{0C5A6F21-7D3B-4E1A-9B2C-5F8D7E6A4B3C}", KeyGUID, false, "", false},
	{"aad#/subscriptions/x/resourceGroups/y#eyJ0", KeyToken, false, "", false},
	{"<your-key>", KeyPlaceholder, false, "", false},
	{"YOUR_SUBSCRIPTION_KEY", KeyPlaceholder, false, "", false},
	{"paste-key-here", KeyPlaceholder, false, "", false},
	{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", KeyPlaceholder, false, "", false},
	{"abcd••••••••wxyz", KeyPlaceholder, false, "", false},
	{"${AZURE_KEY}", KeyPlaceholder, false, "", false},
	{"%SPEECH_KEY%", KeyPlaceholder, false, "", false},
	{"null", KeyPlaceholder, false, "", false},
	{"sk-proj-abcdefghijklmnopqrstuvwxyz0123456789", KeyForeign, false, "", false},
	{"?sv=2022-11-02&ss=b&srt=sco&sp=r&se=2026-01-01&sig=abc%3D", KeyForeign, false, "", false},
	{"Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=a;SharedAccessKey=b", KeyForeign, false, "", false},
	{"ab1" + "8Q~" + strings.Repeat("x_y.z", 6) + "abcd", KeyForeign, false, "", false},
	{strings.Repeat("Ab1", 14) + "AzSe" + "A" + "b1c2d", KeyForeign, false, "", false},
	{"hello world", KeyMalformed, false, "", false},
}

func TestAnalyseKey(t *testing.T) {
	for _, tt := range keyTests {
		k := analyseKey(tt.in)
		assert.Equal(t, tt.class, k.class, "analyseKey(%q).class (why %q)", tt.in, k.why)
		assert.Equal(t, tt.quoted, k.quoted, "analyseKey(%q).quoted", tt.in)
		assert.Equal(t, tt.prefix, k.prefix, "analyseKey(%q).prefix", tt.in)
		assert.Equal(t, tt.whitespace, len(k.whitespace) > 0, "analyseKey(%q).whitespace = %v", tt.in, k.whitespace)
	}
}

func TestAnalyseKeyCASK(t *testing.T) {
	key := vectorKey("AAAY", "B2Kx")
	k := analyseKey(" " + key + "\n")
	assert.Equal(t, KeyCASK, k.class)
	assert.Equal(t, "new-format key for Speech, created 2025-06, checksum valid", k.describe())
	assert.Equal(t, KeyMalformed, analyseKey(key[:83]).class, "truncated")
	assert.Contains(t, analyseKey(key[:83]).why, "cut short")
	assert.Equal(t, KeyMalformed, analyseKey(key+"x").class, "padded")

	azdo := AppendChecksum(key[:76] + "AZDO")
	assert.Equal(t, KeyForeign, analyseKey(azdo).class)
	assert.Contains(t, analyseKey(azdo).why, "Azure DevOps")
	hashed := AppendChecksum(key[:57] + "H" + key[58:80])
	assert.Equal(t, KeyDerived, analyseKey(hashed).class)
}

func TestAnalyseKeyTooLong(t *testing.T) {
	k := analyseKey(strings.Repeat("a", MaxKeyLen+1))
	assert.Equal(t, KeyMalformed, k.class)
	assert.Contains(t, k.why, "too long")
}

func TestMask(t *testing.T) {
	assert.Equal(t, "(no key yet)", Mask(""))
	assert.Equal(t, "(16 chars)", Mask("0123456789abcdef"))
	assert.Equal(t, "ab12…ab12 (32 chars)", Mask(strings.Repeat("ab12", 8)))
	assert.Equal(t, "(20 chars)", Mask("é"+strings.Repeat("a", 19)), "non-ASCII keys show only their length")
}

func TestParseJWT(t *testing.T) {
	// {"aud":"https://cognitiveservices.azure.com","iss":"https://sts.windows.net/t/","exp":1577836800}
	tok := "eyJhbGciOiJSUzI1NiJ9." +
		"eyJhdWQiOiJodHRwczovL2NvZ25pdGl2ZXNlcnZpY2VzLmF6dXJlLmNvbSIsImlzcyI6Imh0dHBzOi8vc3RzLndpbmRvd3MubmV0L3QvIiwiZXhwIjoxNTc3ODM2ODAwfQ" +
		".c2lnbmF0dXJlc2lnbmF0dXJl"
	assert.True(t, isJWT(tok))
	c := parseJWT(tok)
	assert.True(t, c.ok)
	assert.Equal(t, "https://cognitiveservices.azure.com", c.audience)
	assert.False(t, c.stsToken())
	assert.Equal(t, " (Entra ID token, for https://cognitiveservices.azure.com, expires 2020-01-01 00:00 UTC)", c.describe())
	assert.False(t, parseJWT("eyJhbGciOiJub25lIn0.!!!.x").ok, "bad base64 payload")
}
