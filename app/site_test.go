//go:build !(js && wasm)

package app

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// generated writes a site with a stand-in app.wasm.
func generated(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	wasm := filepath.Join(dir, "app.wasm")
	require.NoError(t, os.WriteFile(wasm, []byte("\x00asm stand-in"), 0o644))
	site := filepath.Join(dir, "site")
	require.NoError(t, Generate(site, Site{Prefix: "/az401", Version: "t1"}, wasm))
	return site
}

// TestGeneratedHead checks each page's head: the policy and the referrer
// rule come before any script or style, and the one inline script is
// the one the policy allows by hash.
func TestGeneratedHead(t *testing.T) {
	site := generated(t)
	for _, page := range pages {
		b, err := os.ReadFile(filepath.Join(site, page))
		require.NoError(t, err)
		html := string(b)
		csp := strings.Index(html, `<meta http-equiv="Content-Security-Policy" content="`+ContentSecurityPolicy()+`">`)
		require.Positive(t, csp, page)
		assert.Less(t, csp, strings.Index(html, "<script"), "%s: the policy comes before the scripts", page)
		assert.Less(t, csp, strings.Index(html, "<link"), "%s: and before the styles", page)
		assert.Contains(t, html, `<meta name="referrer" content="no-referrer">`, page)
		inline := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(html, -1)
		require.Len(t, inline, 1, "%s: one inline script", page)
		sum := sha256.Sum256([]byte(inline[0][1]))
		assert.Contains(t, ContentSecurityPolicy(), "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'", page)
	}
	for _, directive := range []string{"script-src 'self' 'wasm-unsafe-eval' 'sha256-", "object-src 'none'", "base-uri 'none'"} {
		assert.Contains(t, ContentSecurityPolicy(), directive)
	}
	assert.NotContains(t, ContentSecurityPolicy(), "unsafe-inline")
}

// TestLinkPreview checks the tags a chat or social site reads when the
// page's link is shared: with the domain, absolute URLs of the page and
// of its picture under the prefix; without one, no "https:///" tags.
func TestLinkPreview(t *testing.T) {
	dir := t.TempDir()
	wasm := filepath.Join(dir, "app.wasm")
	require.NoError(t, os.WriteFile(wasm, []byte("\x00asm stand-in"), 0o644))
	for _, domain := range []string{"octo.github.io", ""} {
		site := filepath.Join(dir, "site-"+domain)
		require.NoError(t, Generate(site, Site{Prefix: "/az401", Version: "t1", Domain: domain}, wasm))
		b, err := os.ReadFile(filepath.Join(site, "index.html"))
		require.NoError(t, err)
		og := ogTags(string(b))
		assert.Equal(t, "az401: why does my Azure AI key get 401?", og["title"], domain)
		if domain == "" {
			assert.NotContains(t, og, "url")
			assert.NotContains(t, og, "image")
			continue
		}
		assert.Equal(t, "https://octo.github.io/az401", og["url"])
		assert.Equal(t, "https://octo.github.io/az401/web/icon-512.png", og["image"])
	}
}

// ogTags reads a page's og: meta tags, whichever order their attributes
// come in.
func ogTags(html string) map[string]string {
	tags := map[string]string{}
	for _, m := range regexp.MustCompile(`<meta ([^>]*)>`).FindAllStringSubmatch(html, -1) {
		prop := regexp.MustCompile(`property="og:([a-z]+)"`).FindStringSubmatch(m[1])
		content := regexp.MustCompile(`content="([^"]*)"`).FindStringSubmatch(m[1])
		if prop != nil && content != nil {
			tags[prop[1]] = content[1]
		}
	}
	return tags
}

// TestSealedWorker checks that the worker holds the SHA-256 of every file
// it caches, as served: a file without one would never be served offline,
// and a wrong one never at all.
func TestSealedWorker(t *testing.T) {
	site := generated(t)
	b, err := os.ReadFile(filepath.Join(site, "app-worker.js"))
	require.NoError(t, err)
	worker := string(b)
	assert.NotContains(t, worker, integrityMarker)
	m := regexp.MustCompile(`const integrity = (\{.*\});`).FindStringSubmatch(worker)
	require.Len(t, m, 2)
	var sums map[string]sealed
	require.NoError(t, json.Unmarshal([]byte(m[1]), &sums))
	for path, s := range sums {
		assert.NotEqual(t, "application/octet-stream", s.Type, "%s: a type the worker serves it with", path)
	}
	assert.Equal(t, "text/html; charset=utf-8", sums["/az401/"].Type)
	assert.Equal(t, "application/wasm", sums["/az401/web/app.wasm"].Type)
	m = regexp.MustCompile(`const resourcesToCache = (\[.*?\])`).FindStringSubmatch(worker)
	require.Len(t, m, 2)
	var cached []string
	require.NoError(t, json.Unmarshal([]byte(m[1]), &cached))
	for _, path := range append(cached, "/az401/", "/az401/index.html", "/az401/causes.html") {
		if path == "/az401" {
			continue // outside the worker's scope: never asked for
		}
		file := strings.TrimPrefix(path, "/az401/")
		if file == "" {
			file = "index.html"
		}
		body, err := os.ReadFile(filepath.Join(site, file))
		require.NoError(t, err, path)
		sum := sha256.Sum256(body)
		assert.Equal(t, hex.EncodeToString(sum[:]), sums[path].SHA256, path)
	}
	assert.NotContains(t, sums, "/az401/app-worker.js")
}
