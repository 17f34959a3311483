//go:build !(js && wasm)

package probe

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
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
	p, err := diagnosis.BuildTestCall(diagnosis.Input{Kind: "vision", Endpoint: gw.URL})
	require.NoError(t, err)

	post := func(token, origin, host, confirmed string) (*http.Response, diagnosis.TestResult) {
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
		var res diagnosis.TestResult
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
	assert.Equal(t, http.StatusMisdirectedRequest, resp.StatusCode, "DNS rebinding: a foreign Host")
	resp, _ = post("tok3n", origin, "", "")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "a non-Azure host needs confirmation")
	assert.Empty(t, gw.Requests(), "nothing reached the gateway so far")

	resp, res := post("tok3n", origin, "", "127.0.0.1")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, 401, res.Status, "the relay reads an answer that has no CORS headers")
	assert.Equal(t, ViaRelayName, res.Via)
	require.Len(t, gw.Requests(), 1)
	assert.Equal(t, key, gw.Requests()[0].Header.Get("Ocp-Apim-Subscription-Key"))

	put, _ := http.NewRequest(http.MethodPut, relay.URL, nil)
	putResp, err := http.DefaultClient.Do(put)
	require.NoError(t, err)
	putResp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, putResp.StatusCode)
}

// TestRelayRefusesAPIManagementUnconfirmed: a gateway on azure-api.net,
// which anyone can create, gets the key only once its host is confirmed.
func TestRelayRefusesAPIManagementUnconfirmed(t *testing.T) {
	relay := httptest.NewServer(nil)
	defer relay.Close()
	addr := strings.TrimPrefix(relay.URL, "http://")
	relay.Config.Handler = Relay(addr, "tok3n")
	p, err := diagnosis.BuildTestCall(diagnosis.Input{Kind: "openai", Endpoint: "https://anything.azure-api.net/"})
	require.NoError(t, err)
	for _, confirmed := range []string{"", "other.azure-api.net", "azure-api.net"} {
		body, _ := json.Marshal(relayRequest{p, testkeys.Legacy(), confirmed})
		req, _ := http.NewRequest(http.MethodPost, relay.URL, bytes.NewReader(body))
		req.Header.Set(TokenHeader, "tok3n")
		req.Header.Set("Origin", relay.URL)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Equal(t, http.StatusForbidden, resp.StatusCode, "confirmed %q", confirmed)
		assert.Contains(t, string(msg), "anything.azure-api.net only after you confirm that host")
	}
}

// TestRelayToken: the page reads the token from the relay, which gives it
// only to the page's own origin at its own address, never cached.
func TestRelayToken(t *testing.T) {
	relay := httptest.NewServer(nil)
	defer relay.Close()
	addr := strings.TrimPrefix(relay.URL, "http://")
	relay.Config.Handler = Relay(addr, "tok3n")
	get := func(host string, header ...string) (int, string, string) {
		req, _ := http.NewRequest(http.MethodGet, relay.URL, nil)
		if host != "" {
			req.Host = host
		}
		for i := 0; i < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header.Get("Cache-Control")
	}
	_, port, _ := net.SplitHostPort(addr)
	status, body, cache := get("", "Sec-Fetch-Site", "same-origin")
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "tok3n", body)
	assert.Equal(t, "no-store", cache)
	for _, tt := range []struct {
		host   string
		header []string
		status int
	}{
		{"evil.example:" + port, nil, http.StatusMisdirectedRequest},
		{"127.evil.example:" + port, nil, http.StatusMisdirectedRequest},
		{"", []string{"Origin", "https://evil.example"}, http.StatusForbidden},
		{"", []string{"Origin", "null"}, http.StatusForbidden},
		{"", []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
		{"", []string{"Sec-Fetch-Site", "same-site"}, http.StatusForbidden},
	} {
		status, body, _ := get(tt.host, tt.header...)
		assert.Equal(t, tt.status, status, "%s %v", tt.host, tt.header)
		assert.NotContains(t, body, "tok3n")
	}
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
	p, _ := diagnosis.BuildTestCall(diagnosis.Input{Kind: "vision", Endpoint: gw.URL})
	res := ViaRelay(nil, srv.URL, p, testkeys.Legacy(), "127.0.0.1")
	assert.Equal(t, 200, res.Status, "the token read from the relay opens it")
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	res = ViaRelay(nil, down.URL, p, testkeys.Legacy(), "127.0.0.1")
	assert.Equal(t, diagnosis.ProbeUnreachable, res.Failure)
	assert.Contains(t, res.Detail, "the local relay failed")
}

func TestSendScrubsTheKey(t *testing.T) {
	key := testkeys.Legacy()
	p, _ := diagnosis.BuildTestCall(diagnosis.Input{Kind: "translator", Endpoint: fakeazure.Unresolvable, Header: "query"})
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
	p, _ := diagnosis.BuildTestCall(diagnosis.Input{Kind: "vision", Endpoint: redirect.URL})
	res := Send(nil, p, testkeys.Legacy(), "test")
	assert.Equal(t, http.StatusFound, res.Status)
	assert.Empty(t, target.Requests(), "the key's header never follows a redirect")
}
