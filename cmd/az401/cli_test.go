//go:build !(js && wasm)

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ui "az401/app"
	"az401/diagnosis"
	"az401/internal/corpus"
	"az401/internal/testkeys"
)

func TestMain(m *testing.M) {
	ui.Register()
	os.Exit(m.Run())
}

// az runs the command line with a key in $AZ401_KEY and stdin.
func az(t *testing.T, key, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		getenv: func(k string) string {
			if k == "AZ401_KEY" {
				return key
			}
			return ""
		}})
	return code, out.String(), errb.String()
}

// TestDiagnoseCorpus answers every corpus case through the CLI's JSON,
// as the "done when" asks.
func TestDiagnoseCorpus(t *testing.T) {
	cases, err := corpus.Load("../../diagnosis/testdata/corpus.json")
	require.NoError(t, err)
	dir := t.TempDir()
	for i, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			args := []string{"diagnose", "--format", "json"}
			add := func(flag, v string) {
				if v != "" {
					args = append(args, "--"+flag, v)
				}
			}
			add("kind", c.Kind)
			add("endpoint", c.Endpoint)
			add("region", c.Region)
			add("header", c.Header)
			add("region-header", c.RegionHeader)
			add("key-age", c.KeyAge)
			add("trial-started", c.TrialStarted)
			add("now", c.Now)
			if c.Status != 0 {
				add("status", strconv.Itoa(c.Status))
			}
			if c.Regenerated {
				args = append(args, "--regenerated")
			}
			if c.Response != "" {
				f := filepath.Join(dir, strconv.Itoa(i))
				require.NoError(t, os.WriteFile(f, []byte(c.Response), 0o600))
				add("response-file", f)
			}
			key := c.ExpandedKey()
			code, out, errs := az(t, key, "", args...)
			require.Empty(t, errs)
			var rep struct {
				Input    map[string]any
				Findings []corpus.Finding
				Verdict  string
			}
			require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
			missing, unexpected := c.Check(rep.Findings)
			assert.Empty(t, missing, "az401 %s: missing", strings.Join(args, " "))
			assert.Empty(t, unexpected, "az401 %s: unexpected", strings.Join(args, " "))
			wantCode := exitOK
			for _, f := range rep.Findings {
				if f.Severity == "error" {
					wantCode = exitError
				}
			}
			assert.Equal(t, wantCode, code)
			if len(strings.TrimSpace(key)) > 16 { // shorter ones are sample words, never keys
				assert.NotContains(t, out, strings.TrimSpace(key), "the key must never be printed whole")
			}
		})
	}
}

func TestDiagnoseText(t *testing.T) {
	key := testkeys.CASK('Y')
	code, out, errs := az(t, "", key+"\n", "diagnose", "--key-stdin", "--kind", "translator",
		"--endpoint", "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de",
		"--region", "westeurope", "--now", "2026-11-28T00:00:00Z")
	assert.Equal(t, exitError, code)
	assert.Empty(t, errs)
	assert.NotContains(t, out, key)
	for _, want := range []string{
		"az401 diagnose: kind translator, endpoint https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de, region westeurope, key " + diagnosis.Mask(key),
		"Most likely: the key is a Speech key, but the API is Translator (text).",
		"ERROR   key-kind-mismatch: Key is for another service than the API called",
		"  Found in: the key's service code Y = Speech; the API is Translator (text)",
		"  Fix:\n    - Use the key of a Translator (text) resource",
		"  More info: az401 explain key-kind-mismatch",
		"1 error, 1 warning, 1 note.",
	} {
		assert.Contains(t, out, want)
	}
}

func TestDiagnoseClean(t *testing.T) {
	code, out, _ := az(t, testkeys.CASK('B'), "", "diagnose", "--kind", "openai", "--endpoint", "https://contoso.openai.azure.com/")
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "No error found offline")
}

// TestTokenClaims: a pasted token's claims are listed in both formats,
// under input.token in JSON; the token itself is never printed.
func TestTokenClaims(t *testing.T) {
	tok := testkeys.Expand("${jwt-entra}")
	args := []string{"diagnose", "--kind", "openai", "--endpoint", "https://contoso.openai.azure.com/", "--header", "authorization",
		"--now", "2026-11-28T12:00:00Z"}
	_, out, errs := az(t, tok, "", append(args, "--format", "text")...)
	assert.Contains(t, out, "Token (decoded here, sent nowhere")
	assert.NotContains(t, out+errs, tok)
	_, out, errs = az(t, tok, "", append(args, "--format", "json")...)
	assert.NotContains(t, out+errs, tok)
	var rep struct {
		Input struct {
			Token []diagnosis.Claim `json:"token"`
		} `json:"input"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
	assert.Contains(t, rep.Input.Token, diagnosis.Claim{Part: "payload", Name: "aud", Value: "https://cognitiveservices.azure.com",
		Meaning: claimMeaning(rep.Input.Token, "aud")})
	_, out, _ = az(t, testkeys.Legacy(), "", append(args[:5], "--format", "json")...)
	assert.NotContains(t, out, `"token"`, "a key has no claims")
}

// claimMeaning is the meaning the report gives a claim, so the test
// checks the value without restating the wording.
func claimMeaning(cs []diagnosis.Claim, name string) string {
	for _, c := range cs {
		if c.Name == name {
			return c.Meaning
		}
	}
	return ""
}

func TestKeyNeverPrinted(t *testing.T) {
	key := testkeys.Legacy()
	for _, form := range []string{"text", "json"} {
		_, out, errs := az(t, "api-key: "+key, "", "diagnose", "--format", form, "--kind", "vision",
			"--endpoint", "https://v1.cognitiveservices.azure.com/vision?subscription-key="+key, "--region", key)
		assert.NotContains(t, out+errs, key, form)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, tt := range []struct {
		args       []string
		stderrHas  string
		stdinKey   bool
		hintSuffix string
	}{
		{args: []string{"diagnose", "--kind", "translater"}, stderrHas: "az401: hint: did you mean --kind translator?"},
		{args: []string{"diagnose", "--kind", "zzzzzzzz"}, stderrHas: "az401: hint: kinds are: openai,"},
		{args: []string{"diagnose", "--key", "abc"}, stderrHas: "az401: error: there is no --key flag"},
		{args: []string{"diagnose", "--regon", "westus"}, stderrHas: "did you mean --region?"},
		{args: []string{"diagnose", "--header", "api_key"}, stderrHas: "did you mean --header api-key?"},
		{args: []string{"diagnose", "--status", "4010"}, stderrHas: "is not an HTTP status"},
		{args: []string{"diagnose", "--key-age", "soon"}, stderrHas: "--key-age"},
		{args: []string{"diagnose", "--now", "yesterday"}, stderrHas: "RFC 3339"},
		{args: []string{"diagnose", "--format", "yaml"}, stderrHas: "unknown --format"},
		{args: []string{"diagnose", "--key-stdin", "--response-file", "-"}, stderrHas: "both want standard input"},
		{args: []string{"diagnose", "--response-file", "/no/such/file"}, stderrHas: "cannot read /no/such/file"},
		{args: []string{"diagnose", "abcd1234"}, stderrHas: "never from arguments"},
		{args: []string{"diagnoze"}, stderrHas: "did you mean az401 diagnose?"},
		{args: []string{"explain"}, stderrHas: "explain takes one cause ID"},
		{args: []string{"explain", "key-is-gui"}, stderrHas: "did you mean az401 explain key-is-guid?"},
		{args: []string{"serve", "-addr", "0.0.0.0:8000"}, stderrHas: "loopback only"},
		{args: []string{"static", "-prefix", "a b"}, stderrHas: "is not a path"},
		{args: []string{"kinds", "extra"}, stderrHas: "takes no arguments"},
		// A key on the command line is refused wherever it hides.
		{args: []string{"diagnose", "--endpoint", "https://t1.cognitiveservices.azure.com/translate?Subscription-Key=" + testkeys.Legacy()},
			stderrHas: "--endpoint holds a key, token or other secret"},
		{args: []string{"probe", "--dry-run", "--endpoint", "https://apikey:" + testkeys.Legacy() + "@t1.cognitiveservices.azure.com/"},
			stderrHas: "--endpoint holds a key"},
		{args: []string{"diagnose", "--region", testkeys.CASK('b')}, stderrHas: "--region holds a key"},
		{args: []string{"diagnose", "--endpoint", "https://t1.cognitiveservices.azure.com/translate#" + testkeys.Legacy()}, stderrHas: "--endpoint holds a key"},
		{args: []string{"diagnose", "--endpoint", "https://t1.cognitiveservices.azure.com/" + testkeys.CASK('b') + "/translate"}, stderrHas: "--endpoint holds a key"},
		{args: []string{"diagnose", "--endpoint", "https://t1.cognitiveservices.azure.com/translate?api-version=3.0;subscription-key=" + testkeys.Legacy()},
			stderrHas: "--endpoint holds a key"},
		{args: []string{"diagnose", "--key-stdin"}, stderrHas: "--key-stdin read no key"},
		{args: []string{"diagnose", "--status", "abc"}, stderrHas: `--status "abc" is not a valid value`},
	} {
		code, out, errs := az(t, "", "", tt.args...)
		assert.Equal(t, exitUsage, code, "az401 %v", tt.args)
		assert.Empty(t, out, "az401 %v", tt.args)
		assert.Contains(t, errs, tt.stderrHas, "az401 %v", tt.args)
		assert.Contains(t, errs, "az401: hint:", "az401 %v: every usage error has a hint", tt.args)
	}
	code, _, errs := az(t, "", "")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "Usage:")
	for _, cmd := range []string{"diagnose", "probe", "serve"} {
		code, out, _ := az(t, "", "", cmd, "-h")
		assert.Equal(t, exitOK, code, "az401 %s -h is no error", cmd)
		assert.Contains(t, out, "Usage:")
		assert.Contains(t, out, "The flags of az401 "+cmd+" are --")
	}
	code, out, _ := az(t, "", "", "--version")
	assert.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(out, "az401 "), out)
}

func TestExplainEveryCause(t *testing.T) {
	for _, c := range diagnosis.All() {
		code, out, errs := az(t, "", "", "explain", c.ID)
		assert.Equal(t, exitOK, code, c.ID)
		assert.Empty(t, errs)
		assert.True(t, strings.HasPrefix(out, c.ID+": "+c.Title+"\nSeverity: "+c.Severity.String()), c.ID)
		assert.Contains(t, out, c.Doc)
		assert.Contains(t, out, "Sources: "+c.Sources)
	}
}

func TestKindsAndCauses(t *testing.T) {
	_, out, _ := az(t, "", "", "kinds")
	for _, k := range diagnosis.Kinds() {
		assert.Contains(t, out, k.ID)
	}
	assert.Contains(t, out, "LUIS (prediction) (retired 2025-10-01)")
	_, out, _ = az(t, "", "", "kinds", "--format", "json")
	var kinds []map[string]string
	require.NoError(t, json.Unmarshal([]byte(out), &kinds))
	assert.Len(t, kinds, len(diagnosis.Kinds()))
	_, out, _ = az(t, "", "", "causes")
	assert.Equal(t, len(diagnosis.All())+1, strings.Count(out, "\n"))
}

// TestCausesDoc keeps docs/causes.md generated from the registry.
func TestCausesDoc(t *testing.T) {
	_, out, _ := az(t, "", "", "causes", "--format", "markdown")
	have, err := os.ReadFile("../../docs/causes.md")
	require.NoError(t, err)
	assert.Equal(t, out, string(have), "docs/causes.md needs updating. Run: make docs")
}

func TestStatic(t *testing.T) {
	dir := t.TempDir()
	wasm := filepath.Join(dir, "app.wasm")
	require.NoError(t, os.WriteFile(wasm, []byte("\x00asm fake"), 0o644))
	out := filepath.Join(dir, "site")
	code, stdout, errs := az(t, "", "", "static", "-out", out, "-prefix", "az401", "-version", "abc123", "-wasm", wasm)
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, stdout, `prefix "/az401", version abc123`)
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	require.NoError(t, err)
	assert.Contains(t, string(index), `href="/az401/web/az401.css"`)
	assert.Contains(t, string(index), `id="key"`)
	assert.NotContains(t, string(index), "raw.githubusercontent.com", "no third-party icons")
	for _, f := range []string{"causes.html", "app.js", "app-worker.js", "manifest.webmanifest", "wasm_exec.js",
		"web/app.wasm", "web/az401.css", "web/icon-192.png", ".nojekyll"} {
		assert.FileExists(t, filepath.Join(out, f))
	}
	appJS, _ := os.ReadFile(filepath.Join(out, "app.js"))
	assert.Contains(t, string(appJS), `goappWasmContentLength = "9"`, "WasmContentLength is the raw size of app.wasm")
	worker, _ := os.ReadFile(filepath.Join(out, "app-worker.js"))
	assert.Contains(t, string(worker), `"app-" + "abc123"`)
	assert.Contains(t, string(worker), "ignoreSearch: true")
}

func TestDiagnoseFrom(t *testing.T) {
	dir := t.TempDir()
	snippet := filepath.Join(dir, "call.sh")
	key := testkeys.CASK('Y')
	require.NoError(t, os.WriteFile(snippet, []byte(`curl -X POST "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de" -H "Ocp-Apim-Subscription-Key: `+key+`" -d "[{'Text':'Hi'}]"`), 0o600))
	code, out, errs := az(t, "", "", "diagnose", "--from", snippet, "--region", "westeurope", "--format", "json")
	require.Empty(t, errs)
	assert.Equal(t, exitError, code)
	assert.NotContains(t, out, key)
	for _, want := range []string{`"id": "key-kind-mismatch"`, `"id": "translator-region-header"`, `"id": "snippet-key-in-code"`,
		`"name": "key"`, `"from": "curl header Ocp-Apim-Subscription-Key"`, `"read_as": [`, `"region": "westeurope"`} {
		assert.Contains(t, out, want)
	}
	code, out, _ = az(t, "", "AZURE_OPENAI_KEY="+testkeys.CASK('B')+"\nAZURE_OPENAI_ENDPOINT=https://c1.openai.azure.com/\n", "diagnose", "--from", "-")
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "From --from (env):")
	assert.Contains(t, out, "endpoint      https://c1.openai.azure.com/  (AZURE_OPENAI_ENDPOINT, sure)")
	assert.Contains(t, out, "Read as: settings (env).")

	code, _, errs = az(t, "", "", "diagnose", "--from", "-", "--key-stdin")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "both want standard input")
}

// TestDiagnoseFromServices: a .env with Speech and Translator settings
// gives one report per service, never a mix; --service narrows.
func TestDiagnoseFromServices(t *testing.T) {
	env := "SPEECH_KEY=" + testkeys.CASK('Y') + "\nSPEECH_REGION=westeurope\n" +
		"TRANSLATOR_KEY=" + testkeys.CASK('b') + "\nTRANSLATOR_REGION=eastus\n"
	code, out, errs := az(t, "", env, "diagnose", "--from", "-", "--format", "json")
	require.Empty(t, errs)
	var doc struct {
		Input    struct{ Kind, Region string }
		Services []struct {
			Service string
			Input   struct{ Kind, Region string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc), out)
	assert.Equal(t, "speech", doc.Input.Kind)
	require.Len(t, doc.Services, 2)
	assert.Equal(t, "westeurope", doc.Services[0].Input.Region)
	assert.Equal(t, "translator", doc.Services[1].Input.Kind)
	assert.Equal(t, "eastus", doc.Services[1].Input.Region)
	assert.Equal(t, "Translator (text)", doc.Services[1].Service)
	assert.Equal(t, exitOK, code)

	_, out, _ = az(t, "", env, "diagnose", "--from", "-")
	assert.Contains(t, out, "== Service 1 of 2: Speech ==")
	assert.Contains(t, out, "== Service 2 of 2: Translator (text) ==")

	for _, sel := range []string{"2", "translator"} {
		_, out, errs = az(t, "", env, "diagnose", "--from", "-", "--service", sel)
		require.Empty(t, errs)
		assert.Contains(t, out, "kind translator")
		assert.NotContains(t, out, "== Service")
	}
	code, _, errs = az(t, "", env, "diagnose", "--from", "-", "--service", "openai")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "1 (speech), 2 (translator)")
}
