package diagnosis

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

var keyTests = []struct {
	in         string
	class      keyClass
	quoted     bool
	prefix     string
	whitespace bool
}{
	{"", classEmpty, false, "", false},
	{"   ", classEmpty, false, "", true},
	{`""`, classEmpty, true, "", false},
	{strings.Repeat("ab12", 8), classLegacy, false, "", false},
	{strings.Repeat("AB12", 8), classLegacy, false, "", false},                    // upper-case hex
	{"\ufeff" + strings.Repeat("ab12", 8) + "\r\n", classLegacy, false, "", true}, // BOM and CRLF
	{strings.Repeat("ab12", 4) + "\u200b" + strings.Repeat("ab12", 4), classLegacy, false, "", true},
	{`"` + strings.Repeat("ab12", 8) + `"`, classLegacy, true, "", false},
	{"'" + strings.Repeat("ab12", 8) + "'", classLegacy, true, "", false},
	{"Ocp-Apim-Subscription-Key: " + strings.Repeat("ab12", 8), classLegacy, false, "Ocp-Apim-Subscription-Key:", false},
	{"api-key:" + strings.Repeat("ab12", 8), classLegacy, false, "api-key:", false},
	{"key1=" + strings.Repeat("ab12", 8), classLegacy, false, "key1=", false},
	{`export AZURE_AI_KEY="` + strings.Repeat("ab12", 8) + `"`, classLegacy, true, "AZURE_AI_KEY=", false},
	{`"key1": "` + strings.Repeat("ab12", 8) + `",`, classLegacy, true, "key1:", false},
	{"$env:SPEECH_KEY = '" + strings.Repeat("ab12", 8) + "'", classLegacy, true, "SPEECH_KEY=", false},
	{"Bearer " + strings.Repeat("ab12", 8), classLegacy, false, "Bearer", false},
	{strings.Repeat("ab12", 8)[:31], classMalformed, false, "", false},
	{strings.Repeat("ab12", 8) + "0", classMalformed, false, "", false},
	{"0c5a6f21-7d3b-4e1a-9b2c-5f8d7e6a4b3c", classGUID, false, "", false},
	{"{0C5A6F21-7D3B-4E1A-9B2C-5F8D7E6A4B3C}", classGUID, false, "", false},
	{"aad#/subscriptions/x/resourceGroups/y#eyJ0", classToken, false, "", false},
	{"<your-key>", classPlaceholder, false, "", false},
	{"YOUR_SUBSCRIPTION_KEY", classPlaceholder, false, "", false},
	{"paste-key-here", classPlaceholder, false, "", false},
	{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", classPlaceholder, false, "", false},
	{"abcd••••••••wxyz", classPlaceholder, false, "", false},
	{"${AZURE_KEY}", classPlaceholder, false, "", false},
	{"%SPEECH_KEY%", classPlaceholder, false, "", false},
	{"null", classPlaceholder, false, "", false},
	{"sk-proj-abcdefghijklmnopqrstuvwxyz0123456789", classForeign, false, "", false},
	{"?sv=2022-11-02&ss=b&srt=sco&sp=r&se=2026-01-01&sig=abc%3D", classForeign, false, "", false},
	{"Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=a;SharedAccessKey=b", classForeign, false, "", false},
	{"ab1" + "8Q~" + strings.Repeat("x_y.z", 6) + "abcd", classForeign, false, "", false},
	{strings.Repeat("Ab1", 14) + "AzSe" + "A" + "b1c2d", classForeign, false, "", false},
	{"hello world", classMalformed, false, "", false},
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
	assert.Equal(t, classCASK, k.class)
	assert.Equal(t, "new-format key for Speech, created 2025-06, checksum valid", k.describe())
	assert.Equal(t, classMalformed, analyseKey(key[:83]).class, "truncated")
	assert.Contains(t, analyseKey(key[:83]).why, "cut short")
	assert.Equal(t, classMalformed, analyseKey(key+"x").class, "padded")

	azdo := AppendChecksum(key[:76] + "AZDO")
	assert.Equal(t, classForeign, analyseKey(azdo).class)
	assert.Contains(t, analyseKey(azdo).why, "Azure DevOps")
	hashed := AppendChecksum(key[:57] + "H" + key[58:80])
	assert.Equal(t, classDerived, analyseKey(hashed).class)
}

func TestAnalyseKeyTooLong(t *testing.T) {
	k := analyseKey(strings.Repeat("a", MaxKeyLen+1))
	assert.Equal(t, classMalformed, k.class)
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
