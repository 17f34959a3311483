//go:build !(js && wasm)

package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/web"
)

// Generate writes the complete static site into dir: pre-rendered
// index.html and causes.html, go-app's scripts and worker, the web
// assets and app.wasm (read from wasmPath). The routes must be
// registered (Register).
func Generate(dir string, s Site, wasmPath string) error {
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return fmt.Errorf("reading app.wasm: %w (build it first: make build)", err)
	}
	s.WasmSize = int64(len(wasm))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(dir, s.Handler()); err != nil {
		return fmt.Errorf("generating the site: %w", err)
	}
	for _, page := range pages {
		if fi, err := os.Stat(filepath.Join(dir, page)); err != nil || fi.Size() < 1024 {
			return errors.New("generating the site: " + page + " is missing or empty")
		}
		if err := secureHead(filepath.Join(dir, page), s.Domain); err != nil {
			return err
		}
	}
	webDir := filepath.Join(dir, "web")
	if err := os.MkdirAll(webDir, 0o755); err != nil {
		return err
	}
	err = fs.WalkDir(web.Assets, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := web.Assets.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(webDir, path), b, 0o644)
	})
	if err != nil {
		return fmt.Errorf("copying web assets: %w", err)
	}
	if err := os.WriteFile(filepath.Join(webDir, "app.wasm"), wasm, 0o644); err != nil {
		return err
	}
	// GitHub Pages would otherwise run Jekyll, which skips some files.
	if err := os.WriteFile(filepath.Join(dir, ".nojekyll"), nil, 0o644); err != nil {
		return err
	}
	return sealWorker(dir, s.Prefix)
}

// pages are the pre-rendered pages Generate writes.
var pages = []string{"index.html", "causes.html"}

// headMeta are the tags secureHead puts first in a page's head: the
// content security policy, and no Referer header on any request or link
// the page makes (a share link in the address bar is never sent on).
var headMeta = `<meta http-equiv="Content-Security-Policy" content="` + ContentSecurityPolicy() + `">` +
	`<meta name="referrer" content="no-referrer">`

// secureHead writes headMeta right after a page's charset, before any
// script or style, so the policy covers all of them. Without a domain
// the link-preview tags that need one (og:url, og:image) would read
// "https:///…": they are left out.
func secureHead(path, domain string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	const charset = `<meta charset="UTF-8">`
	head, rest, ok := strings.Cut(string(b), charset)
	if !ok {
		return errors.New("generating the site: no " + charset + " in " + filepath.Base(path))
	}
	if domain == "" {
		rest = ogWithoutDomain.ReplaceAllString(rest, "")
	}
	return os.WriteFile(path, []byte(head+charset+headMeta+rest), 0o644)
}

// ogWithoutDomain matches go-app's og:url and og:image tags with the
// line's indentation (go-app writes their two attributes in either
// order).
var ogWithoutDomain = regexp.MustCompile(`\n\s*<meta (property="og:(url|image)" content="[^"]*"|content="[^"]*" property="og:(url|image)")>`)

// sealed is what the service worker knows of one file of the build: its
// SHA-256 and the Content-Type it is served with.
type sealed struct {
	SHA256 string `json:"sha256"`
	Type   string `json:"type"`
}

// contentTypes are the Content-Types of the site's files, by extension:
// the worker builds every cached answer with this one header.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
	".wasm": "application/wasm", ".json": "application/json", ".webmanifest": "application/manifest+json",
	".png": "image/png", ".svg": "image/svg+xml", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8",
}

// contentType is the Content-Type of a file of the site; bytes the
// browser will not run for any other.
func contentType(name string) string {
	if t, ok := contentTypes[strings.ToLower(filepath.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

// sealWorker writes the SHA-256 and Content-Type of every file of the
// site into the service worker (serviceWorker), keyed by the path it is
// served at; the scope itself is index.html.
func sealWorker(dir, prefix string) error {
	sums := map[string]sealed{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil || rel == "app-worker.js" || rel == ".nojekyll" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		sums[prefix+"/"+filepath.ToSlash(rel)] = sealed{hex.EncodeToString(sum[:]), contentType(rel)}
		return nil
	})
	if err != nil {
		return fmt.Errorf("hashing the site: %w", err)
	}
	sums[prefix+"/"] = sums[prefix+"/index.html"]
	worker := filepath.Join(dir, "app-worker.js")
	b, err := os.ReadFile(worker)
	if err != nil {
		return err
	}
	js, err := json.Marshal(sums)
	if err != nil {
		return err
	}
	if !strings.Contains(string(b), integrityMarker) {
		return errors.New("generating the site: the service worker has no integrity map to fill")
	}
	return os.WriteFile(worker, []byte(strings.Replace(string(b), integrityMarker, string(js), 1)), 0o644)
}
