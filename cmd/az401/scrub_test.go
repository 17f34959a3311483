//go:build !(js && wasm)

package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/internal/fakeazure"
	"az401/internal/testkeys"
)

// assertNoKey fails if output shows more of a key than Mask does (first
// four, last four, length), in any case.
func assertNoKey(t *testing.T, output, key, what string) {
	t.Helper()
	for _, s := range []string{output, strings.ToLower(output)} {
		low := strings.ToLower(key)
		assert.NotContains(t, s, low[:9], "%s: the key's start", what)
		assert.NotContains(t, s, low[len(low)-9:], "%s: the key's end", what)
		assert.NotContains(t, s, low[4:len(low)-4], "%s: the key's middle", what)
	}
}

// TestKeyNeverPrintedWhole: a key given where it does not belong, in a
// URL of any spelling, or quoted by a pasted answer, is never printed
// whole (issue 9 item 10).
func TestKeyNeverPrintedWhole(t *testing.T) {
	hexKey := "5e8f2c1a9b7d4e6f0a3c8b2d1e9f7a6c" // not a real key: 32 hex characters
	cask := testkeys.CASK('O')
	for _, key := range []string{hexKey, cask} {
		for _, args := range [][]string{
			{"diagnose", "--header", "Ocp-Apim-Subscription-Key: " + key},
			{"diagnose", "--kind", key}, {"diagnose", "--status", key}, {"diagnose", "--format", key},
			{"diagnose", "--now", key}, {"diagnose", "--key-age", key}, {"diagnose", "--region", key},
			{"explain", key}, {key}, {"diagnose", key}, {"diagnose", "--kind", "vision", key},
			{"diagnose", "--" + key}, {"probe", "--allow-host", key, "--kind", "vision"},
			{"static", "-prefix", key + " x"},
		} {
			code, out, errs := az(t, "", "", args...)
			assert.NotEqual(t, exitOK, code, "%v", args)
			assertNoKey(t, out+errs, key, strings.Join(args, " "))
		}
		for _, endpoint := range []string{
			"https://h.cognitiveservices.azure.com/?api_key=" + key, "https://h.cognitiveservices.azure.com/?subscriptionKey=" + key,
			"https://h.cognitiveservices.azure.com/?x-api-key=" + key, "https://h.cognitiveservices.azure.com/?api%2Dkey=" + key,
			"https://h.cognitiveservices.azure.com/?k=" + url.QueryEscape(key), "https://u:" + key + "@h.cognitiveservices.azure.com/",
			"https://h.cognitiveservices.azure.com/#key=" + key, key, "https://h.cognitiveservices.azure.com/" + key,
		} {
			for _, form := range []string{"text", "json"} {
				_, out, errs := az(t, "", "", "diagnose", "--kind", "vision", "--format", form, "--endpoint", endpoint)
				assertNoKey(t, out+errs, key, form+" --endpoint "+endpoint)
			}
		}
	}
}

// TestKnownKeyScrubbed: the key given on stdin never comes back in any
// spelling, even from a pasted answer that quotes it.
func TestKnownKeyScrubbed(t *testing.T) {
	key := testkeys.CASK('O')
	body := `{"error":{"message":"key ` + key + ` / ` + strings.ToUpper(key) + ` / ` + strings.ToLower(key) + ` / ` +
		url.QueryEscape(key+"=") + ` / ` + key[:40] + `"}}`
	file := filepath.Join(t.TempDir(), "answer.json")
	require.NoError(t, os.WriteFile(file, []byte(body), 0o600))
	for _, form := range []string{"text", "json"} {
		_, out, errs := az(t, "", key+"\n", "diagnose", "--key-stdin", "--kind", "vision", "--status", "401",
			"--endpoint", "https://h.cognitiveservices.azure.com/", "--response-file", file, "--format", form)
		assertNoKey(t, out+errs, key, form)
	}
	// An answer that quotes the key back in another case or encoding.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(body))
	}))
	defer srv.Close()
	for _, form := range []string{"text", "json"} {
		_, out, errs := az(t, key, "", "probe", "--kind", "vision", "--endpoint", srv.URL,
			"--allow-host", strings.TrimPrefix(srv.URL, "http://"), "--format", form)
		assert.Contains(t, out, "401")
		assertNoKey(t, out+errs, key, "probe "+form)
	}
}

// hostile holds terminal escapes, C1 controls and bidi overrides.
const hostile = "\x1b[31mred\x1b]0;pwned\x07 \u009b2J \u202eevil\u202c \u2066x\u2069 \x08\x7f"

func assertTerminalSafe(t *testing.T, output, what string) {
	t.Helper()
	for _, r := range output {
		if r == '\n' || r == '\t' {
			continue
		}
		assert.False(t, r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069,
			"%s: %U reaches the terminal", what, r)
	}
}

// TestTerminalOutputHasNoControls: nothing from an answer or a paste
// drives the terminal (issue 9 item 11).
func TestTerminalOutputHasNoControls(t *testing.T) {
	dir := t.TempDir()
	answer := filepath.Join(dir, "answer.txt")
	require.NoError(t, os.WriteFile(answer, []byte(`{"error":{"code":"401","message":"`+hostile+`"}}`), 0o600))
	snippet := filepath.Join(dir, "call.sh")
	require.NoError(t, os.WriteFile(snippet, []byte("curl -H 'Ocp-Apim-Subscription-Region: "+hostile+"' https://h"+hostile+".cognitiveservices.azure.com/\n# "+hostile), 0o600))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("apim-request-id", "\u202eevil\u009b") // Go's client refuses C0 in headers
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(hostile))
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	for _, form := range []string{"text", "json"} {
		_, out, errs := az(t, "", "", "diagnose", "--kind", "vision", "--response-file", answer, "--status", "401", "--format", form)
		assertTerminalSafe(t, out+errs, "--response-file "+form)
		_, out, errs = az(t, "", "", "diagnose", "--from", snippet, "--format", form)
		assertTerminalSafe(t, out+errs, "--from "+form)
		_, out, errs = az(t, testkeys.Legacy(), "", "probe", "--kind", "vision", "--endpoint", srv.URL, "--allow-host", host, "--format", form)
		assert.Contains(t, out, "401")
		assertTerminalSafe(t, out+errs, "probe "+form)
		_, out, errs = az(t, "", "", "diagnose", "--kind", "vision", "--region", hostile, "--endpoint", "https://h.cognitiveservices.azure.com/"+hostile, "--format", form)
		assertTerminalSafe(t, out+errs, "--region "+form)
	}
}

// TestProbeAPIManagementNeedsAllowHost: a gateway on azure-api.net,
// which anyone can create, gets the key only with --allow-host.
func TestProbeAPIManagementNeedsAllowHost(t *testing.T) {
	code, out, errs := az(t, testkeys.Legacy(), "", "probe", "--kind", "openai", "--endpoint", "https://anything.azure-api.net/")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "anything.azure-api.net is an API Management gateway")
	assert.Contains(t, errs, "az401: hint: if you trust anything.azure-api.net, pass --allow-host anything.azure-api.net")
}

// TestProbeSendsTheKeysFirstLine: a key with a second line goes in the
// query as the finding says: its first line only.
func TestProbeSendsTheKeysFirstLine(t *testing.T) {
	srv := fakeazure.New(fakeazure.OK)
	defer srv.Close()
	key := testkeys.Legacy()
	host := strings.TrimPrefix(srv.URL, "http://")
	_, out, _ := az(t, key+"\nX-Injected: 1", "", "probe", "--kind", "vision", "--endpoint", srv.URL, "--allow-host", host, "--header", "query")
	assert.Contains(t, out, "key-whitespace")
	require.Len(t, srv.Requests(), 1)
	q, err := url.ParseQuery(srv.Requests()[0].RawQuery)
	require.NoError(t, err)
	assert.Equal(t, key, q.Get("subscription-key"))
}

// TestStaticPrefix: -prefix goes into every link and script of the site,
// so it takes a plain path only.
func TestStaticPrefix(t *testing.T) {
	for in, want := range map[string]string{"": "", "/": "", "az401": "/az401", "/az401/": "/az401", "a/b_c.d-e": "/a/b_c.d-e"} {
		got, err := cleanPrefix(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"a b", `"><script>`, "a?b", "a#b", `a\b`, "../x", "a/../b", "a/./b", "a//b", "é", "a'b", "a%2e", "a;b", "a\nb"} {
		_, err := cleanPrefix(in)
		assert.Error(t, err, "%q", in)
	}
}
