//go:build !(js && wasm)

package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/fakeazure"
	"az401/internal/testkeys"
)

// TestProbeScenarios sends the CLI's test call to a fake gateway per
// answer of sources §4: each yields its finding, and the key travels only
// in the header the API reads.
func TestProbeScenarios(t *testing.T) {
	key := testkeys.CASK('F')
	for _, tt := range []struct {
		name     string
		scenario fakeazure.Scenario
		kind     string
		want     string
		code     int
	}{
		{"gateway 401", fakeazure.Gateway401, "vision", "response-invalid-key-or-endpoint", exitError},
		{"translator 401000", fakeazure.Translator401000, "translator", "response-translator-credentials", exitError},
		{"local auth disabled", fakeazure.LocalAuthDisabled, "vision", "response-local-auth-disabled", exitError},
		{"not found", fakeazure.NotFound, "vision", "response-not-found", exitOK},
		{"rate limited", fakeazure.RateLimited, "vision", "response-rate-limited", exitOK},
		{"ok", fakeazure.OK, "vision", "response-ok", exitOK},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := fakeazure.New(tt.scenario)
			defer srv.Close()
			host := strings.TrimPrefix(srv.URL, "http://")
			k := key
			if tt.kind == "translator" {
				k = testkeys.CASK('b')
			}
			code, out, errs := az(t, k, "", "probe", "--format", "json", "--kind", tt.kind, "--endpoint", srv.URL+"/",
				"--region", "westeurope", "--allow-host", strings.Split(host, ":")[0])
			require.Empty(t, errs)
			assert.Equal(t, tt.code, code, out)
			var rep struct {
				Probe    map[string]any
				Findings []diagnosis.Finding
			}
			require.NoError(t, json.Unmarshal([]byte(out), &rep))
			assert.Equal(t, true, rep.Probe["sent"])
			assert.Equal(t, float64(tt.scenario.Status), rep.Probe["status"])
			require.NotEmpty(t, rep.Findings)
			ids := map[string]bool{}
			for _, f := range rep.Findings {
				ids[f.ID] = true
			}
			assert.True(t, ids[tt.want], "want %s in %v", tt.want, rep.Findings)
			assert.NotContains(t, out, k)

			reqs := srv.Requests()
			require.Len(t, reqs, 1, "one request, no preflight from the command line")
			r := reqs[0]
			assert.Equal(t, k, r.Header.Get("Ocp-Apim-Subscription-Key"), "the key in the header the API reads")
			for name, values := range r.Header {
				if name != "Ocp-Apim-Subscription-Key" {
					assert.NotContains(t, strings.Join(values, ","), k, "header %s", name)
				}
			}
			assert.NotContains(t, r.RawQuery+r.Body, k)
		})
	}
}

func TestProbeText(t *testing.T) {
	srv := fakeazure.New(fakeazure.RateLimited)
	defer srv.Close()
	code, out, _ := az(t, testkeys.Legacy(), "", "probe", "--kind", "vision", "--endpoint", srv.URL, "--allow-host", "127.0.0.1")
	assert.Equal(t, exitOK, code)
	for _, want := range []string{"az401 probe: kind vision", "Test call (the key masked):",
		"  GET " + srv.URL + "/vision/v3.2/models", "  Ocp-Apim-Subscription-Key: 9f3a…9f3a (32 chars)",
		"Answer: 429 in ", "  Retry-After: 7", "Retry after 7 seconds"} {
		assert.Contains(t, out, want)
	}
}

func TestProbeUnreachable(t *testing.T) {
	code, out, _ := az(t, testkeys.Legacy(), "", "probe", "--kind", "vision", "--endpoint", fakeazure.Unresolvable,
		"--allow-host", "az401-test-host.invalid", "--format", "json")
	assert.Equal(t, exitError, code)
	assert.Contains(t, out, `"id": "probe-host-unreachable"`)
	assert.Contains(t, out, `"failure": "unreachable"`)
}

func TestProbeHostGuard(t *testing.T) {
	srv := fakeazure.New(fakeazure.OK)
	defer srv.Close()
	code, _, errs := az(t, testkeys.Legacy(), "", "probe", "--kind", "vision", "--endpoint", srv.URL)
	assert.Equal(t, exitUsage, code)
	host := strings.TrimPrefix(srv.URL, "http://")
	assert.Contains(t, errs, "the key goes to "+host+" only with --allow-host: 127.0.0.1 is a local address over plain http")
	assert.Contains(t, errs, "az401: hint: if you trust "+host+", pass --allow-host "+host)
	assert.Empty(t, srv.Requests(), "nothing is sent without --allow-host")

	code, _, errs = az(t, testkeys.Legacy(), "", "probe", "--kind", "vision", "--endpoint", "http://v1.cognitiveservices.azure.com/")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "plain http")

	code, _, errs = az(t, "", "", "probe", "--kind", "vision", "--endpoint", "https://v1.cognitiveservices.azure.com/")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "no key to test")
}

func TestProbeDryRun(t *testing.T) {
	code, out, errs := az(t, testkeys.Legacy(), "", "probe", "--dry-run", "--kind", "translator", "--region", "westeurope",
		"--endpoint", "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de")
	require.Empty(t, errs)
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "POST https://api.cognitive.microsofttranslator.com/detect?api-version=3.0")
	assert.Contains(t, out, "Ocp-Apim-Subscription-Region: westeurope")
	assert.Contains(t, out, `-H 'Ocp-Apim-Subscription-Key: '"$AZURE_KEY"''`)
	assert.Contains(t, out, "Not sent (--dry-run)")
	assert.NotContains(t, out, testkeys.Legacy())
}
