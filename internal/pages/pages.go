// Package pages serves a directory the way GitHub Pages serves a project
// site, so local runs and browser tests meet the same sub-path, redirect
// and caching rules as the published site.
package pages

import (
	"bytes"
	"compress/gzip"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
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
	if gz := gzippedFor(r, name, fi, f); gz != nil {
		h := w.Header()
		h.Set("Last-Modified", fi.ModTime().UTC().Format(http.TimeFormat))
		if t, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !fi.ModTime().Truncate(time.Second).After(t) {
			w.WriteHeader(http.StatusNotModified)
			return true
		}
		if h.Get("Content-Type") == "" {
			h.Set("Content-Type", mime.TypeByExtension(filepath.Ext(name)))
		}
		h.Set("Content-Encoding", "gzip")
		h.Set("Vary", "Accept-Encoding")
		h.Set("Content-Length", strconv.Itoa(len(gz)))
		if r.Method != http.MethodHead {
			_, _ = w.Write(gz)
		}
		return true
	}
	http.ServeContent(w, r, name, fi.ModTime(), f)
	return true
}

// gzippedFor returns the file's gzip form when the client takes gzip,
// else nil.
func gzippedFor(r *http.Request, name string, fi os.FileInfo, f *os.File) []byte {
	if !acceptsGzip(r.Header.Get("Accept-Encoding")) {
		return nil
	}
	return gzipped(name, fi, f)
}

// acceptsGzip reads an Accept-Encoding header: gzip (or *) listed, and
// not with q=0.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if coding = strings.TrimSpace(coding); coding != "gzip" && coding != "*" {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// compressible are the extensions GitHub Pages sends gzipped, as
// `az401 serve` and the browser tests do too: app.wasm is a quarter of
// its size so.
var compressible = map[string]bool{".wasm": true, ".js": true, ".css": true, ".html": true, ".json": true,
	".webmanifest": true, ".svg": true, ".txt": true}

// gzCache holds each file's gzip form, by path, size and time: a file
// is compressed once per version, not per request.
var gzCache sync.Map

type gzKey struct {
	name string
	size int64
	mod  time.Time
}

// gzipped returns the file's gzip form, or nil for a kind that is not
// compressed (or that fails to read).
func gzipped(name string, fi os.FileInfo, f *os.File) []byte {
	if !compressible[filepath.Ext(name)] {
		return nil
	}
	key := gzKey{name, fi.Size(), fi.ModTime()}
	if b, ok := gzCache.Load(key); ok {
		return b.([]byte)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := io.Copy(zw, f)
	if err == nil {
		err = zw.Close()
	}
	if _, serr := f.Seek(0, io.SeekStart); err != nil || serr != nil {
		return nil
	}
	gzCache.Store(key, buf.Bytes())
	return buf.Bytes()
}
