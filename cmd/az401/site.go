//go:build !(js && wasm)

package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"time"

	ui "az401/app"
	"az401/internal/pages"
	"az401/probe"
)

// runStatic writes the static site.
func runStatic(args []string, e env) error {
	fs := newFlagSet("static")
	out := fs.String("out", "site", "")
	prefix := fs.String("prefix", "", "")
	version := fs.String("version", "", "")
	wasm := fs.String("wasm", "web/app.wasm", "")
	domain := fs.String("domain", "", "")
	if err := fs.Parse(args); err != nil {
		return flagError(fs, err)
	}
	p, err := cleanPrefix(*prefix)
	if err != nil {
		return err
	}
	s := ui.Site{Prefix: p, Version: *version, Domain: *domain}
	if s.Version == "" {
		if s.Version, err = fileVersion(*wasm); err != nil {
			return err
		}
	}
	if err := ui.Generate(*out, s, *wasm); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "az401 static: wrote %s (prefix %q, version %s)\n", *out, p, s.Version)
	return nil
}

// cleanPrefix normalises -prefix to "" or "/name".
func cleanPrefix(p string) (string, error) {
	p = "/" + strings.Trim(p, "/")
	if p == "/" {
		return "", nil
	}
	if strings.ContainsAny(p, " ?#\\") {
		return "", usagef("give the repository name, e.g. -prefix /az401", "-prefix %q is not a path", p)
	}
	return p, nil
}

// fileVersion names a build by the hash of its app.wasm, so a rebuilt
// page replaces the cached one.
func fileVersion(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("reading app.wasm: %w (build it first: make build)", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6]), nil
}

// runServe writes the site to a temporary directory and serves it on a
// loopback address, as GitHub Pages would serve it.
func runServe(args []string, e env) error {
	fs := newFlagSet("serve")
	addr := fs.String("addr", "127.0.0.1:8000", "")
	wasm := fs.String("wasm", "web/app.wasm", "")
	if err := fs.Parse(args); err != nil {
		return flagError(fs, err)
	}
	if !loopback(*addr) {
		return usagef("use -addr 127.0.0.1:PORT or [::1]:PORT", "az401 serve listens on loopback only, not %q", *addr)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w (is another az401 serve running?)", *addr, err)
	}
	defer ln.Close()
	srv, cleanup, err := newServer(ln.Addr().String(), *wasm)
	if err != nil {
		return err
	}
	defer cleanup()
	fmt.Fprintf(e.stdout, "az401 serve: http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newServer writes the site with a fresh relay token and returns the
// server for addr: the page, and the relay that sends its test calls
// from this process, where CORS does not hide the answer.
func newServer(addr, wasm string) (*http.Server, func(), error) {
	version, err := fileVersion(wasm)
	if err != nil {
		return nil, nil, err
	}
	dir, err := os.MkdirTemp("", "az401-site-")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	raw := make([]byte, 24)
	if _, err := rand.Read(raw); err != nil {
		cleanup()
		return nil, nil, err
	}
	token := hex.EncodeToString(raw)
	if err := ui.Generate(dir, ui.Site{Version: version, Env: map[string]string{probe.TokenEnv: token}}, wasm); err != nil {
		cleanup()
		return nil, nil, err
	}
	site := pages.Handler(dir, "")
	mux := http.NewServeMux()
	mux.Handle("/relay", probe.Relay(addr, token))
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Other sites may not load these files: app.js holds the token.
		w.Header().Set("Cross-Origin-Resource-Policy", "same-origin")
		site.ServeHTTP(w, r)
	}))
	return &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}, cleanup, nil
}

// loopback reports whether addr's host is a loopback address.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
