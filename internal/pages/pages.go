// Package pages serves a directory the way GitHub Pages serves a project
// site, so local runs and browser tests meet the same sub-path, redirect
// and caching rules as the published site.
package pages

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Handler serves dir under prefix ("/az401", or "" for the root):
// prefix → 301 prefix/, dir/ → dir/index.html, name → name.html, misses
// → 404.html (or a plain 404). index.html is served without a redirect,
// unlike http.FileServer, and every answer says Cache-Control: no-cache
// so the browser's HTTP cache cannot hide what the service worker does.
func Handler(dir, prefix string) http.Handler {
	prefix = strings.TrimRight(prefix, "/")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := r.URL.Path
		if prefix != "" && p == prefix {
			http.Redirect(w, r, prefix+"/", http.StatusMovedPermanently)
			return
		}
		rel, ok := strings.CutPrefix(p, prefix+"/")
		if !ok {
			notFound(w, r, dir)
			return
		}
		rel = path.Clean("/" + rel)
		if strings.HasSuffix(p, "/") {
			rel = path.Join(rel, "index.html")
		}
		name := filepath.Join(dir, filepath.FromSlash(rel))
		if fi, err := os.Stat(name); err == nil && fi.IsDir() {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		} else if err != nil {
			name += ".html"
		}
		if !serveFile(w, r, name, http.StatusOK) {
			notFound(w, r, dir)
		}
	})
}

func notFound(w http.ResponseWriter, r *http.Request, dir string) {
	if !serveFile(w, r, filepath.Join(dir, "404.html"), http.StatusNotFound) {
		http.NotFound(w, r)
	}
}

// serveFile writes a regular file with its content type, or reports false.
func serveFile(w http.ResponseWriter, r *http.Request, name string, status int) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.IsDir() {
		return false
	}
	switch filepath.Ext(name) {
	case ".wasm":
		w.Header().Set("Content-Type", "application/wasm")
	case ".webmanifest":
		w.Header().Set("Content-Type", "application/manifest+json")
	}
	if status != http.StatusOK {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		_, _ = f.WriteTo(w)
		return true
	}
	http.ServeContent(w, r, name, fi.ModTime(), f)
	return true
}
