package diagnosis_test

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

// window is how many characters of a key output may never show in a
// row: Mask shows four and four.
const window = 12

// shownText is everything output shows for an input: the report as the
// CLI's JSON holds it, both anatomies, the token's claims, the snippet's
// notes and sources and each field as shown, the resource name (the
// page's Ask Azure commands name it, and nothing else of the input),
// the role commands, and the test call's note and display.
func shownText(in diagnosis.Input) string {
	f := diagnosis.Analyse(in)
	r := f.Report()
	b, _ := json.Marshal(r)
	claims, _ := json.Marshal(f.TokenClaims())
	out := []string{string(b), string(claims), f.ResourceName()}
	for _, c := range f.RoleCommands("") {
		out = append(out, c.Title, c.Cmd)
	}
	for _, s := range append(f.EndpointAnatomy(r), f.KeyAnatomy(r)...) {
		out = append(out, s.Text, s.Note)
	}
	if s := in.Snippet; s != nil {
		out = append(out, s.Service)
		out = append(out, s.Notes...)
		out = append(out, s.ReadAs...)
		for _, fl := range s.Fields() {
			out = append(out, fl.Field.From, fl.Shown())
		}
	}
	if call, err := f.TestCall(); err == nil {
		out = append(out, call.Note, call.Display(f))
	} else {
		out = append(out, err.Error())
	}
	return strings.Join(out, "\n")
}

// leak returns the first window of key found in text, or "".
func leak(text, key string) string {
	lower := strings.ToLower(text)
	for i := 0; i+window <= len(key); i++ {
		if distinct(key[i:i+window]) < window/2 {
			continue // "000000000000" is in every zero GUID
		}
		if strings.Contains(lower, strings.ToLower(key[i:i+window])) {
			return key[i : i+window]
		}
	}
	return ""
}

// legacyKey is a 32-hex key whose every 12 characters are distinct
// (testkeys.Legacy repeats itself).
const legacyKey = "7c1e4b9a02f35d68e1a4c7b90d2f6e35"

// secretKeys are the keys the property tests place everywhere: a new
// key, a legacy key, and the new key lower-cased (a host is lower case).
func secretKeys() map[string]string {
	k := testkeys.CASK('T')
	return map[string]string{"cask": k, "legacy": legacyKey, "cask-lower": strings.ToLower(k)}
}

// TestNoFieldShowsAKey: a key typed into any field, at any place in it,
// is never shown beyond what Mask shows, whether the key field holds the
// same key, another, or nothing.
func TestNoFieldShowsAKey(t *testing.T) {
	for name, k := range secretKeys() {
		places := map[string]diagnosis.Input{
			"kind":               {Kind: k},
			"kind with words":    {Kind: "translator " + k},
			"endpoint bare":      {Endpoint: k, Kind: "openai"},
			"endpoint host":      {Endpoint: "https://" + k + ".openai.azure.com/", Kind: "openai"},
			"endpoint path":      {Endpoint: "https://myres.openai.azure.com/openai/deployments/" + k + "/chat/completions", Kind: "openai"},
			"endpoint sts path":  {Endpoint: "https://westeurope.api.cognitive.microsoft.com/sts/v1.0/issueToken/" + k, Kind: "speech"},
			"endpoint port":      {Endpoint: "https://x.openai.azure.com:" + k + "/", Kind: "openai"},
			"endpoint query":     {Endpoint: "https://x.openai.azure.com/?q=" + k, Kind: "openai"},
			"endpoint user":      {Endpoint: "https://" + k + "@x.openai.azure.com/", Kind: "openai"},
			"endpoint fragment":  {Endpoint: "https://x.openai.azure.com/#" + k, Kind: "openai"},
			"endpoint no scheme": {Endpoint: "x.openai.azure.com/" + k, Kind: "openai"},
			"endpoint space":     {Endpoint: "https://x.openai.azure.com/ " + k, Kind: "openai"},
			"region":             {Region: k, Kind: "translator", Endpoint: "https://api.cognitive.microsofttranslator.com/"},
			"region with words":  {Region: "westeurope " + k, Kind: "translator", Endpoint: "https://api.cognitive.microsofttranslator.com/"},
			"header":             {Header: k, Kind: "translator"},
			"region header":      {RegionHeader: k, Kind: "translator", Endpoint: "https://api.cognitive.microsofttranslator.com/"},
			"region header words": {RegionHeader: "westeurope " + k, Kind: "translator",
				Endpoint: "https://api.cognitive.microsofttranslator.com/"},
			"response": {Status: 401, Kind: "translator", Response: `{"error":{"code":"401000","message":"The request is not authorized because credentials are missing or invalid subscription key ` + k + `."}}`},
			"test result": {Kind: "openai", Endpoint: "https://x.openai.azure.com/", TestResult: &diagnosis.TestResult{
				Status: 401, Body: "bad key " + k, Detail: "error " + k, Host: k, Headers: []diagnosis.Header{{Name: "x", Value: k}}}},
			"test failure": {Kind: "openai", Endpoint: "https://x.openai.azure.com/", TestResult: &diagnosis.TestResult{
				Failure: diagnosis.ProbeUnreachable, Detail: "dial tcp: lookup " + k + ": no such host", Host: k}},
		}
		for place, in := range places {
			for _, keyField := range []string{"", k, testkeys.CASK('O')} {
				in.Key = keyField
				if got := leak(shownText(in), k); got != "" {
					t.Errorf("%s key in %s (key field %q): output shows %q", name, place, diagnosis.Mask(keyField), got)
				}
			}
		}
	}
}

// identifier finds the names and values of a snippet where a key could
// be put instead, whole (a key glued to letters is no paste's shape).
var identifier = regexp.MustCompile(`[A-Za-z0-9_]{3,}`)

// TestNoSnippetShowsAKey: a key put in the place of any name or value of
// every corpus snippet (an environment variable's name, a deployment in
// the path, the region header, a quoted answer…) is never shown beyond
// what Mask shows: not in the findings, the notes, the fields as shown,
// the anatomy or the test call.
func TestNoSnippetShowsAKey(t *testing.T) {
	keys := secretKeys()
	for _, c := range loadSnippets(t) {
		seen := map[string]bool{}
		for _, word := range identifier.FindAllString(c.text, -1) {
			if seen[word] {
				continue
			}
			seen[word] = true
			for name, k := range keys {
				if testing.Short() && name != "cask" {
					continue
				}
				text := identifier.ReplaceAllStringFunc(c.text, func(w string) string {
					if w == word {
						return k
					}
					return w
				})
				for _, s := range diagnosis.ExtractServices(text) {
					in := snippetInput(s)
					if got := leak(shownText(in), k); got != "" {
						t.Errorf("%s: %s key for %q: output shows %q", c.name, name, word, got)
					}
				}
			}
		}
	}
}

// snippetInput fills an input from a snippet as the page does.
func snippetInput(s diagnosis.Snippet) diagnosis.Input {
	st, _ := strconv.Atoi(s.Status.Value)
	return diagnosis.Input{Kind: s.Kind.Value, Endpoint: s.Endpoint.Value, Region: s.Region.Value, Key: s.Key.Value,
		Header: s.Header.Value, RegionHeader: s.RegionHeader.Value, Status: st, Response: s.Response.Value, Snippet: &s}
}

// TestKeyAsEnvNameIsMasked: the review's case: a key pasted as the name
// of the environment variable the code reads the key from is shown
// masked in the note and the findings.
func TestKeyAsEnvNameIsMasked(t *testing.T) {
	k := testkeys.CASK('T')
	for _, code := range []string{
		"import os\nkey = os.getenv(\"" + k + "\")\nendpoint=\"https://myres.cognitiveservices.azure.com/\"\nheaders={\"Ocp-Apim-Subscription-Key\": key}",
		"const key = process.env[\"" + k + "\"];\nfetch(\"https://myres.cognitiveservices.azure.com/\", {headers: {\"Ocp-Apim-Subscription-Key\": key}})",
		"curl -H \"Ocp-Apim-Subscription-Key: $" + k + "\" https://myres.cognitiveservices.azure.com/",
		"curl -H \"Ocp-Apim-Subscription-Key: ${" + k + "}\" https://myres.cognitiveservices.azure.com/",
		"var key = Environment.GetEnvironmentVariable(\"" + k + "\");\nvar endpoint = \"https://myres.cognitiveservices.azure.com/\";",
		"speech_config = speechsdk.SpeechConfig(subscription=os.environ.get('" + k + "'), region='westeurope')",
		"Endpoint=https://myres.cognitiveservices.azure.com/;Key=" + k,
	} {
		s := diagnosis.Extract(code)
		in := snippetInput(s)
		shown := shownText(in)
		assert.Empty(t, leak(shown, k), code)
		assert.Empty(t, leak(strings.Join(s.Notes, "\n"), k), code)
	}
}

// distinct counts the different bytes of s.
func distinct(s string) int {
	seen := map[byte]bool{}
	for i := range len(s) {
		seen[s[i]] = true
	}
	return len(seen)
}

// TestMaskSecretsAnyCase: a key lower- or upper-cased (a host is lower
// case) is masked too, being longer than any host label; a long resource
// name stays.
func TestMaskSecretsAnyCase(t *testing.T) {
	k := testkeys.CASK('T')
	for _, in := range []string{"https://" + strings.ToLower(k) + ".cognitiveservices.azure.com/", "key " + strings.ToUpper(k)} {
		assert.Empty(t, leak(diagnosis.MaskSecrets(in), k), in)
	}
	name := "https://" + strings.Repeat("contoso", 9) + ".cognitiveservices.azure.com/"
	assert.Equal(t, name, diagnosis.MaskSecrets(name), "a 63-letter resource name stays")
}

// TestScrubberKnownKey: the Scrubber masks a key it knows in every
// spelling, even when it has no key's shape.
func TestScrubberKnownKey(t *testing.T) {
	key := "my pass/word+1\n"
	s := diagnosis.NewScrubber(key)
	for _, in := range []string{"sent my pass/word+1 there", "?k=my+pass%2Fword%2B1", "/my%20pass%2Fword+1/", "MY PASS/WORD+1"} {
		got := s.Scrub(in)
		assert.NotContains(t, strings.ToLower(got), "pass", in)
		assert.Contains(t, got, "(14 chars)", in)
	}
	assert.Equal(t, "nothing here", s.Scrub("nothing here"))
}
