//go:build !(js && wasm)

package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// startServer runs newServer on a loopback port with a fake app.wasm.
func startServer(t *testing.T) (base string, srv *http.Server) {
	t.Helper()
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	require.NoError(t, os.WriteFile(wasm, []byte("\x00asm fake"), 0o644))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv, cleanup, err := newServer(ln.Addr().String(), wasm)
	require.NoError(t, err)
	t.Cleanup(cleanup)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String(), srv
}

// servedPaths are the files and endpoints az401 serve answers.
var servedPaths = []string{"/", "/index.html", "/causes", "/app.js", "/app-worker.js", "/wasm_exec.js",
	"/manifest.webmanifest", "/web/app.wasm", "/web/az401.css", "/relay", "/no/such/file"}

// TestServeRefusesOtherHosts: a site whose name points at 127.0.0.1 (DNS
// rebinding) gets nothing from any path, the page and its token
// included; nor does another origin.
func TestServeRefusesOtherHosts(t *testing.T) {
	base, _ := startServer(t)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(base, "http://"))
	get := func(path, host, origin string) (int, string) {
		req, _ := http.NewRequest(http.MethodGet, base+path, nil)
		req.Host = host
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, path := range servedPaths {
		for _, host := range []string{"evil.example:" + port, "127.evil.example:" + port, "localhost.evil.example:" + port, "127.0.0.1:1"} {
			status, body := get(path, host, "")
			assert.Equal(t, http.StatusMisdirectedRequest, status, "GET %s with Host %s", path, host)
			assert.Equal(t, "az401 serve answers only at its own address\n", body)
		}
		status, _ := get(path, "127.0.0.1:"+port, "https://evil.example")
		assert.Equal(t, http.StatusForbidden, status, "GET %s from another origin", path)
		for _, host := range []string{"127.0.0.1:" + port, "localhost:" + port} {
			status, _ := get(path, host, "")
			assert.NotEqual(t, http.StatusMisdirectedRequest, status, "GET %s with Host %s", path, host)
		}
	}
}

// TestServeSecurityHeaders: every answer, errors included, forbids
// framing and sniffing, sends no Referer, and carries a CSP that lets
// the page run (its inline loader by hash, WebAssembly) and nothing else.
func TestServeSecurityHeaders(t *testing.T) {
	base, _ := startServer(t)
	for _, path := range servedPaths {
		resp, err := http.Get(base + path)
		require.NoError(t, err)
		resp.Body.Close()
		h := resp.Header
		assert.Equal(t, "DENY", h.Get("X-Frame-Options"), path)
		assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"), path)
		assert.Equal(t, "no-referrer", h.Get("Referrer-Policy"), path)
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"frame-ancestors 'none'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "object-src 'none'", "base-uri 'none'"} {
			assert.Contains(t, csp, want, path)
		}
		assert.NotContains(t, csp, "'unsafe-eval'", path)
		assert.NotContains(t, csp, "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'", path)
	}
	resp, err := http.Get(base + "/app.js")
	require.NoError(t, err)
	js, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	token := relayToken(t, base)
	assert.Len(t, token, 48)
	assert.NotContains(t, string(js), token, "the token is in no file the service worker caches")
}

func relayToken(t *testing.T, base string) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/relay", nil)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// TestServeLimits: the server times out slow and idle connections, and
// refuses oversized headers; 300 idle connections leave a normal request
// served.
func TestServeLimits(t *testing.T) {
	base, srv := startServer(t)
	assert.NotZero(t, srv.ReadHeaderTimeout)
	assert.NotZero(t, srv.ReadTimeout)
	assert.NotZero(t, srv.WriteTimeout)
	assert.NotZero(t, srv.IdleTimeout)
	assert.Greater(t, srv.WriteTimeout, 15*time.Second, "a relayed call may take 15 s")

	req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
	req.Header.Set("X-Big", strings.Repeat("a", 64<<10))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode)

	addr := strings.TrimPrefix(base, "http://")
	for i := 0; i < 300; i++ {
		c, err := net.Dial("tcp", addr)
		require.NoError(t, err)
		defer c.Close()
		if i%2 == 0 {
			fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: %s\r\n", addr) // a request that never ends
		}
	}
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	require.NoError(t, c.SetDeadline(time.Now().Add(10*time.Second)))
	fmt.Fprintf(c, "GET /web/az401.css HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", addr)
	resp, err = http.ReadResponse(bufio.NewReader(c), nil)
	require.NoError(t, err, "a normal request is served beside 300 idle connections")
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}
