package diagnosis_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

// TestRedactEndpointHidesTheKey: however a URL carries the key, the
// shown URL does not (issue 9 item 10); the rest of the URL stays.
func TestRedactEndpointHidesTheKey(t *testing.T) {
	key := testkeys.Legacy()
	cask := testkeys.CASK('O')
	for _, tt := range []struct{ in, keep string }{
		{"https://h.cognitiveservices.azure.com/x?api_key=" + key, "https://h.cognitiveservices.azure.com/x?api_key="},
		{"https://h/x?subscriptionKey=" + key + "&to=de", "&to=de"},
		{"https://h/x?x-api-key=" + key, "x-api-key="},
		{"https://h/x?X_API_KEY=" + key, "X_API_KEY="},
		{"https://h/x?api%2Dkey=" + key, "api%2Dkey="},
		{"https://h/x?Ocp-Apim-Subscription-Key=" + cask, "Ocp-Apim-Subscription-Key="},
		{"https://h/x?k=" + key, "k="},                        // a secret-shaped value under any name
		{"https://h/x?k=" + url.QueryEscape(cask+"\n"), "k="}, // encoded
		{"https://user:" + key + "@h.openai.azure.com/", "@h.openai.azure.com/"},
		{"https://h.openai.azure.com/#key=" + key, "https://h.openai.azure.com/#key="},
		{"https://h.openai.azure.com/#access_token=abc.def.ghi", "#access_token="},
		{"https://h.openai.azure.com/" + key + "/models", "/models"},
		{key, ""},
		{cask, ""},
	} {
		got := diagnosis.RedactEndpoint(tt.in)
		assert.NotContains(t, got, key, tt.in)
		assert.NotContains(t, got, cask, tt.in)
		assert.NotContains(t, got, key[4:28], tt.in)
		assert.NotContains(t, got, "abc.def.ghi", tt.in)
		assert.Contains(t, got, tt.keep, tt.in)
	}
	for _, plain := range []string{"https://myveryveryverylongresourcename123.cognitiveservices.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
		"https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de&from=en", "https://h/x?region=westeurope",
	} {
		assert.Equal(t, plain, diagnosis.RedactEndpoint(plain))
	}
	assert.Equal(t, "https://h/x?monkey=", diagnosis.RedactEndpoint("https://h/x?monkey="), "an empty value stays")
}

// TestRedactEndpointEverySpelling: the shown endpoint hides a secret
// that has no key's shape however the URL spells its parts, as share
// links do (app TestLinkValue): %3F and %23, a backslash, ";name="
// path parameters, user info with no scheme.
func TestRedactEndpointEverySpelling(t *testing.T) {
	const p = "corp-proxy-key-2024"
	for in, want := range map[string]string{
		"https://x.openai.azure.com/openai%3Fsubscription-key=" + p + "&to=de": "https://x.openai.azure.com/openai%3Fsubscription-key=%E2%80%A6&to=de",
		"https://x.openai.azure.com/openai%3fapi_key=" + p:                     "https://x.openai.azure.com/openai%3fapi_key=%E2%80%A6",
		"https://x.openai.azure.com/%23access_token=" + p + "&a=1":             "https://x.openai.azure.com/%23access_token=%E2%80%A6&a=1",
		`https://x.openai.azure.com\?subscription-key=` + p:                    `https://x.openai.azure.com\?subscription-key=%E2%80%A6`,
		"https://x.openai.azure.com/a;subscription-key=" + p + "/b;v=1":        "https://x.openai.azure.com/a;subscription-key=%E2%80%A6/b;v=1",
		"x.openai.azure.com/a;code=" + p:                                       "x.openai.azure.com/a;code=%E2%80%A6",
		"https:/x.openai.azure.com/?subscription-key=" + p:                     "https:/x.openai.azure.com/?subscription-key=%E2%80%A6",
		"user:" + p + "@x.openai.azure.com/":                                   "…@x.openai.azure.com/",
		`user:` + p + `@x.openai.azure.com\p`:                                  `…@x.openai.azure.com\p`,
		"https://x.openai.azure.com/?":                                         "https://x.openai.azure.com/?",
		"The principal user@contoso.com lacks the data action a/b":             "The principal user@contoso.com lacks the data action a/b",
	} {
		assert.Equal(t, want, diagnosis.RedactEndpoint(in), in)
	}
}

func TestIsSecretParam(t *testing.T) {
	for name, want := range map[string]bool{
		"subscription-key": true, "Subscription-Key": true, "subscriptionKey": true, "api_key": true, "x-api-key": true,
		"API-KEY": true, "api%2Dkey": true, "apiKey": true, "access_token": true, "sig": true, "code": true,
		"client_secret": true, "password": true, "api-version": false, "to": false, "deployment": false, "sv": false,
	} {
		assert.Equal(t, want, diagnosis.IsSecretParam(name), name)
	}
}

// TestMaskSecrets: key-shaped words are masked in running text; words
// that only look long stay.
func TestMaskSecrets(t *testing.T) {
	key, cask := testkeys.Legacy(), testkeys.CASK('O')
	jwt := testkeys.JWT(`{"aud":"https://cognitiveservices.azure.com"}`)
	for _, in := range []string{
		"unknown --kind " + strQuote(key), "--header \"Ocp-Apim-Subscription-Key: " + cask + "\"",
		"Ocp-Apim-Subscription-Key:" + key, "subscription-key=" + key + "&x", "Bearer " + jwt,
		`{"error":"key ` + key + ` is invalid"}`, "path/" + cask + "/x",
	} {
		got := diagnosis.MaskSecrets(in)
		assert.NotContains(t, got, key, in)
		assert.NotContains(t, got, cask[4:80], in)
		assert.NotContains(t, got, jwt[4:len(jwt)-4], in)
	}
	for _, plain := range []string{"az401 explain endpoint-unknown-host", "https://westeurope.api.cognitive.microsoft.com/vision/v3.2/models",
		"apim-request-id: 0f8fad5b-d9cb-469f-a165-70867728950e", "Retry after 7 seconds.", "myveryveryverylongresourcename123"} {
		assert.Equal(t, plain, diagnosis.MaskSecrets(plain))
	}
}

func strQuote(s string) string { return `"` + s + `"` }
