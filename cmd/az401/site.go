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

// cleanPrefix normalises -prefix to "" or "/name": letters, digits and
// . _ - / only, and no . or .. segment. The prefix goes into every page's
// links and scripts, so nothing else may.
func cleanPrefix(p string) (string, error) {
	p = "/" + strings.Trim(p, "/")
	if p == "/" {
		return "", nil
	}
	bad := strings.ContainsFunc(p, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._/-", r))
	})
	for _, seg := range strings.Split(p[1:], "/") {
		bad = bad || seg == "" || seg == "." || seg == ".."
	}
	if bad {
		return "", usagef("give the repository name (letters, digits, . _ - /), e.g. -prefix /az401", "-prefix %s is not a path", quoteArg(p))
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

// newServer writes the site and returns the server for addr: the page,
// and the relay that sends its test calls from this process, where CORS
// does not hide the answer. The relay's token is fresh for each run and
// in no file of the site: the page reads it from the relay when it calls
// (probe.ViaRelay). Every answer goes only to requests made to addr
// (probe.LocalOnly) and carries the security headers.
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
	if err := ui.Generate(dir, ui.Site{Version: version, Env: map[string]string{probe.TokenEnv: "relay"}}, wasm); err != nil {
		cleanup()
		return nil, nil, err
	}
	// The pages carry the policy as a meta tag too; the header adds what a
	// meta tag cannot: no framing.
	csp := ui.ContentSecurityPolicy() + "; frame-ancestors 'none'"
	mux := http.NewServeMux()
	mux.Handle("/relay", probe.Relay(addr, token))
	mux.Handle("/", pages.Handler(dir, ""))
	srv := &http.Server{
		Handler:           securityHeaders(csp, probe.LocalOnly(addr, mux)),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		// A relayed call takes up to probe.Timeout, and the check of an
		// unreachable host as long again.
		WriteTimeout:   3 * probe.Timeout,
		IdleTimeout:    60 * time.Second,
		MaxHeaderBytes: 16 << 10,
	}
	return srv, cleanup, nil
}

// securityHeaders adds to every answer: the content security policy, no
// framing, no MIME sniffing, no Referer, and no loading by other sites.
func securityHeaders(csp string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Frame-Options", "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
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
