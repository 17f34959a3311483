//go:build !(js && wasm)

package probe

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/fakeazure"
	"az401/internal/testkeys"
)

func TestRelay(t *testing.T) {
	gw := fakeazure.New(fakeazure.Gateway401NoCORS)
	defer gw.Close()
	relay := httptest.NewServer(nil)
	defer relay.Close()
	addr := strings.TrimPrefix(relay.URL, "http://")
	relay.Config.Handler = Relay(addr, "tok3n")
	key := testkeys.Legacy()
	p, err := diagnosis.BuildProbe(diagnosis.Input{Kind: "vision", Endpoint: gw.URL})
	require.NoError(t, err)

	post := func(token, origin, host, confirmed string) (*http.Response, diagnosis.ProbeResult) {
		body, _ := json.Marshal(relayRequest{p, key, confirmed})
		req, _ := http.NewRequest(http.MethodPost, relay.URL, bytes.NewReader(body))
		req.Header.Set(TokenHeader, token)
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		if host != "" {
			req.Host = host
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var res diagnosis.ProbeResult
		if resp.StatusCode == http.StatusOK {
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&res))
		}
		return resp, res
	}
	origin := "http://" + addr
	resp, _ := post("", origin, "", "127.0.0.1")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "no token")
	resp, _ = post("wrong", origin, "", "127.0.0.1")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "wrong token")
	resp, _ = post("tok3n", "https://evil.example", "", "127.0.0.1")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "foreign origin")
	resp, _ = post("tok3n", "", "", "127.0.0.1")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "no origin")
	resp, _ = post("tok3n", origin, "evil.example:80", "127.0.0.1")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "DNS rebinding: a foreign Host")
	resp, _ = post("tok3n", origin, "", "")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "a non-Azure host needs confirmation")
	assert.Empty(t, gw.Requests(), "nothing reached the gateway so far")

	resp, res := post("tok3n", origin, "", "127.0.0.1")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, 401, res.Status, "the relay reads an answer that has no CORS headers")
	assert.Equal(t, ViaRelayName, res.Via)
	require.Len(t, gw.Requests(), 1)
	assert.Equal(t, key, gw.Requests()[0].Header.Get("Ocp-Apim-Subscription-Key"))

	get, err := http.Get(relay.URL)
	require.NoError(t, err)
	get.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, get.StatusCode)
}

func TestViaRelay(t *testing.T) {
	gw := fakeazure.New(fakeazure.OK)
	defer gw.Close()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Set("Origin", srv.URL) // as the browser sends it for the page's own origin
		Relay(strings.TrimPrefix(srv.URL, "http://"), "t").ServeHTTP(w, r)
	}))
	defer srv.Close()
	p, _ := diagnosis.BuildProbe(diagnosis.Input{Kind: "vision", Endpoint: gw.URL})
	res := ViaRelay(nil, srv.URL, "t", p, testkeys.Legacy(), "127.0.0.1")
	assert.Equal(t, 200, res.Status)
	res = ViaRelay(nil, srv.URL, "wrong", p, testkeys.Legacy(), "127.0.0.1")
	assert.Equal(t, diagnosis.ProbeUnreachable, res.Failure)
	assert.Contains(t, res.Detail, "the local relay failed")
}

func TestSendScrubsTheKey(t *testing.T) {
	key := testkeys.Legacy()
	p, _ := diagnosis.BuildProbe(diagnosis.Input{Kind: "translator", Endpoint: fakeazure.Unresolvable, Header: "query"})
	res := Send(nil, p, key, "test")
	assert.Equal(t, diagnosis.ProbeUnreachable, res.Failure)
	assert.NotContains(t, res.Detail, key, "a URL error quotes the URL, key included")
	assert.NotEmpty(t, res.Detail)
}

func TestSendDoesNotFollowRedirects(t *testing.T) {
	target := fakeazure.New(fakeazure.OK)
	defer target.Close()
	redirect := httptest.NewServer(http.RedirectHandler(target.URL, http.StatusFound))
	defer redirect.Close()
	p, _ := diagnosis.BuildProbe(diagnosis.Input{Kind: "vision", Endpoint: redirect.URL})
	res := Send(nil, p, testkeys.Legacy(), "test")
	assert.Equal(t, http.StatusFound, res.Status)
	assert.Empty(t, target.Requests(), "the key's header never follows a redirect")
}
