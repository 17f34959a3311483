package e2e

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ui "az401/app"
	"az401/diagnosis"
	"az401/internal/fakeazure"
	"az401/internal/pages"
	"az401/internal/testkeys"
	"az401/probe"
)

// fillForCall fills the form for a Vision test call to endpoint.
func fillForCall(b *browser, endpoint, key string) {
	b.set("kind", "vision")
	b.set("endpoint", endpoint)
	b.set("key", key)
}

// send confirms the host when asked, clicks Send and waits for the answer.
func send(b *browser, confirm bool) {
	b.t.Helper()
	if confirm && !eval[bool](b, `document.getElementById("probe-confirm").checked`) {
		require.NoError(b.t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("probe-confirm"))))
	}
	b.waitFor(`!document.getElementById("probe-send").disabled`, "Send enabled")
	require.NoError(b.t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("probe-send"))))
	b.waitFor(`!!document.getElementById("probe-result")`, "the test call's answer")
	b.t.Logf("probe: %s", eval[string](b, `document.getElementById("probe-result").textContent`))
}

func hasFinding(b *browser, id string) bool {
	for _, f := range b.findings() {
		if f.ID == id {
			return true
		}
	}
	return false
}

// TestCallFromBrowser sends the test call from the static page (no
// relay) to fake gateways: a 401 with CORS is read and diagnosed, one
// without CORS is told apart from a host that cannot be reached.
func TestCallFromBrowser(t *testing.T) {
	s := serve(t, siteDir)
	key := testkeys.CASK('F')
	gw := fakeazure.New(fakeazure.Gateway401)
	defer gw.Close()
	b := newBrowser(t)
	b.open(s.page())
	fillForCall(b, gw.URL+"/", key)
	assert.Contains(t, eval[string](b, `document.getElementById("probe-request").textContent`), diagnosis.Mask(key))
	assert.True(t, eval[bool](b, `document.getElementById("probe-send").disabled`), "a loopback host needs confirmation")
	send(b, true)
	assert.Equal(t, "401", eval[string](b, `document.getElementById("probe-result").dataset.status`))
	assert.True(t, hasFinding(b, "response-invalid-key-or-endpoint"), "%v", b.findings())
	assert.Contains(t, eval[string](b, `document.getElementById("verdict").textContent`), "the service refused the key for this endpoint")

	// The key reached the gateway only in the header Vision reads.
	var withKey int
	for _, r := range gw.Requests() {
		if r.Method == http.MethodOptions {
			assert.Empty(t, r.Header.Get("Ocp-Apim-Subscription-Key"), "a preflight carries no key")
			continue
		}
		withKey++
		assert.Equal(t, key, r.Header.Get("Ocp-Apim-Subscription-Key"))
		assert.Equal(t, "/vision/v3.2/models", r.Path)
		assert.NotContains(t, r.RawQuery+r.Body, key)
	}
	assert.Equal(t, 1, withKey)
	// And no other request the page made carried it.
	_, requests := b.seen()
	for _, line := range strings.Split(requests, "\n") {
		if strings.Contains(line, key) {
			var req struct {
				URL     string
				Headers map[string]string
			}
			require.NoError(t, json.Unmarshal([]byte(line), &req))
			assert.True(t, strings.HasPrefix(req.URL, gw.URL+"/"), "the key went to %s", req.URL)
			assert.NotContains(t, req.URL, key)
		}
	}

	noCORS := fakeazure.New(fakeazure.Gateway401NoCORS)
	defer noCORS.Close()
	b.set("endpoint", noCORS.URL+"/")
	send(b, true)
	assert.Equal(t, "cors-blocked", eval[string](b, `document.getElementById("probe-result").dataset.failure`))
	assert.True(t, hasFinding(b, "probe-cors-blocked"), "%v", b.findings())
	assert.Contains(t, eval[string](b, `document.getElementById("cors-advice").textContent`), "Paste what it prints into the paste box")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("cors-paste"))))
	b.waitFor(`document.activeElement.id === "paste"`, "the paste box focused")
	assert.Contains(t, eval[string](b, `document.getElementById("probe-result").textContent`), "make run", "the local way is named too")

	b.set("endpoint", fakeazure.Unresolvable)
	send(b, true)
	assert.True(t, hasFinding(b, "probe-host-unreachable"), "%v", b.findings())
}

// TestSharedForeignEndpoint opens a share link whose endpoint is a host
// outside Azure: the key is never sent there without the confirmation.
func TestSharedForeignEndpoint(t *testing.T) {
	s := serve(t, siteDir)
	gw := fakeazure.New(fakeazure.OK)
	defer gw.Close()
	b := newBrowser(t)
	b.open(s.page() + "#kind=vision&endpoint=" + url.QueryEscape(gw.URL+"/"))
	b.set("key", testkeys.Legacy())
	b.waitFor(`!!document.getElementById("probe-confirm")`, "the host confirmation")
	assert.Contains(t, eval[string](b, `document.querySelector("label.guard").textContent`), "Send my key to "+strings.TrimPrefix(gw.URL, "http://")+".")
	assert.True(t, eval[bool](b, `document.getElementById("probe-send").disabled`))
	eval[bool](b, `(document.getElementById("probe-send").click(), true)`)
	eval[bool](b, `new Promise(r => setTimeout(() => r(true), 300))`)
	assert.Empty(t, gw.Requests(), "nothing was sent without confirming the host")
	assert.Nil(t, eval[any](b, `document.getElementById("probe-result")`))
}

// serveWithRelay serves the site as az401 serve does: at the root, with
// a relay token in the page and /relay beside it.
func serveWithRelay(t *testing.T) *httptest.Server {
	srv := httptest.NewUnstartedServer(nil)
	addr := srv.Listener.Addr().String()
	dir := filepath.Join(t.TempDir(), "site")
	require.NoError(t, ui.Generate(dir, ui.Site{Version: "relay-1", Env: map[string]string{probe.TokenEnv: "e2e-token"}}, wasmPath))
	mux := http.NewServeMux()
	mux.Handle("/relay", probe.Relay(addr, "e2e-token"))
	mux.Handle("/", pages.Handler(dir, ""))
	srv.Config.Handler = mux
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// TestCallThroughRelay reads, through az401 serve's relay, the answer of
// a gateway that sends no CORS headers; /relay refuses other callers.
func TestCallThroughRelay(t *testing.T) {
	srv := serveWithRelay(t)
	gw := fakeazure.New(fakeazure.Gateway401NoCORS)
	defer gw.Close()
	b := newBrowser(t)
	b.open(srv.URL + "/")
	fillForCall(b, gw.URL+"/", testkeys.Legacy())
	assert.Equal(t, "relay", eval[string](b, `document.getElementById("probe-via").value`), "the relay is the default")
	send(b, true)
	assert.Equal(t, "401", eval[string](b, `document.getElementById("probe-result").dataset.status`))
	assert.Contains(t, eval[string](b, `document.getElementById("probe-result").textContent`), "sent through az401 serve")
	assert.True(t, hasFinding(b, "response-invalid-key-or-endpoint"))

	status := eval[int](b, `fetch("/relay", {method: "POST", body: "{}"}).then(r => r.status)`)
	assert.Equal(t, http.StatusForbidden, status, "no token")
	other := newBrowser(t)
	s2 := serve(t, siteDir)
	other.open(s2.page())
	status = eval[int](other, `fetch(`+"`"+srv.URL+"/relay`"+`, {method: "POST", headers: {"X-Az401-Token": "e2e-token"}, body: "{}"}).then(r => r.status, () => 0)`)
	assert.NotEqual(t, http.StatusOK, status, "another origin cannot use the relay, even with the token")
}
