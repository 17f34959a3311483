package pages

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("home"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "causes.html"), []byte("causes"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "web"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("\x00asm"), 0o644))
	srv := httptest.NewServer(Handler(dir, "/az401"))
	defer srv.Close()
	c := srv.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for _, tt := range []struct {
		path     string
		status   int
		location string
		ctype    string
	}{
		{"/az401", 301, "/az401/", ""},
		{"/az401/", 200, "", "text/html; charset=utf-8"},
		{"/az401/index.html", 200, "", "text/html; charset=utf-8"},
		{"/az401/causes", 200, "", "text/html; charset=utf-8"},
		{"/az401/web", 301, "/az401/web/", ""},
		{"/az401/web/app.wasm", 200, "", "application/wasm"},
		{"/az401/../etc/passwd", 404, "", ""},
		{"/other/", 404, "", ""},
	} {
		res, err := c.Get(srv.URL + tt.path)
		require.NoError(t, err)
		res.Body.Close()
		assert.Equal(t, tt.status, res.StatusCode, "GET %s", tt.path)
		assert.Equal(t, tt.location, res.Header.Get("Location"), "GET %s", tt.path)
		assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"), "GET %s", tt.path)
		if tt.ctype != "" {
			assert.Equal(t, tt.ctype, res.Header.Get("Content-Type"), "GET %s", tt.path)
		}
	}
}

// TestGzip: what GitHub Pages compresses is sent gzipped to a client
// that takes it, with its own content type, and plain to one that does
// not; an unchanged file revalidates with 304.
func TestGzip(t *testing.T) {
	dir := t.TempDir()
	wasm := bytes.Repeat([]byte("\x00asm wasm body "), 4096)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644))
	srv := httptest.NewServer(Handler(dir, ""))
	defer srv.Close()
	get := func(encoding, since string) *http.Response {
		req, _ := http.NewRequest("GET", srv.URL+"/app.wasm", nil)
		req.Header.Set("Accept-Encoding", encoding)
		if since != "" {
			req.Header.Set("If-Modified-Since", since)
		}
		res, err := http.DefaultTransport.RoundTrip(req)
		require.NoError(t, err)
		return res
	}
	res := get("gzip, deflate", "")
	assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
	zr, err := gzip.NewReader(res.Body)
	require.NoError(t, err)
	body, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, wasm, body)
	assert.Less(t, res.ContentLength, int64(len(wasm)/10))
	res.Body.Close()

	assert.Equal(t, http.StatusNotModified, get("gzip", res.Header.Get("Last-Modified")).StatusCode)
	plain := get("identity", "")
	assert.Empty(t, plain.Header.Get("Content-Encoding"))
	b, _ := io.ReadAll(plain.Body)
	assert.Equal(t, wasm, b)
}

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{"gzip": true, "gzip, deflate, br": true, "br;q=1.0, gzip;q=0.8": true,
		"*": true, "": false, "identity": false, "gzip;q=0": false, "deflate, gzip; q=0": false, "x-gzip": false} {
		assert.Equal(t, want, acceptsGzip(header), "%q", header)
	}
}
