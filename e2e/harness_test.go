// Package e2e runs the real built site in headless Chromium: the
// WebAssembly page generated as for GitHub Pages, served under /az401/
// by a handler that behaves like GitHub Pages.
package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	ui "az401/app"
	"az401/internal/corpus"
	"az401/internal/pages"
)

const prefix = "/az401"

var (
	chromium string // the browser binary
	wasmPath string // the built page
	siteDir  string // the generated site (version e2e-1)
)

// TestMain builds app.wasm and the static site once. A browser test must
// fail, not skip, when it cannot run: a missing Chromium fails them all.
func TestMain(m *testing.M) {
	os.Exit(setup(m))
}

func setup(m *testing.M) int {
	var err error
	if chromium, err = findChromium(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "az401-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	// make test has just built the page (AZ401_WASM); alone, the tests
	// build it themselves.
	if wasmPath = os.Getenv("AZ401_WASM"); wasmPath == "" {
		wasmPath = filepath.Join(tmp, "app.wasm")
		if err := buildWasm("az401/cmd/az401", wasmPath, false); err != nil {
			fmt.Fprintln(os.Stderr, "e2e:", err)
			return 1
		}
	}
	ui.Register()
	siteDir = filepath.Join(tmp, "site")
	if err := ui.Generate(siteDir, ui.Site{Prefix: prefix, Version: "e2e-1"}, wasmPath); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	return m.Run()
}

func findChromium() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium found: install it (apt-get install -y chromium) or run make test, which does")
}

// buildWasm builds a package for the browser with the flags of make build
// (WASMFLAGS in the Makefile, their one home). With named, the module
// keeps its function names (no -ldflags), for wasmsize.
func buildWasm(pkg, out string, named bool) error {
	flags, err := wasmFlags()
	if err != nil {
		return err
	}
	if named {
		flags = slices.DeleteFunc(flags, func(f string) bool { return strings.HasPrefix(f, "-ldflags") })
	}
	cmd := exec.Command("go", append(append([]string{"build"}, flags...), "-o", out, pkg)...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building %s for WebAssembly: %v\n%s", pkg, err, b)
	}
	return nil
}

// wasmFlags reads the page's build flags from the Makefile (make
// print-wasmflags prints one a line).
func wasmFlags() ([]string, error) {
	b, err := exec.Command("make", "-s", "-C", "..", "print-wasmflags").Output()
	if err != nil {
		return nil, fmt.Errorf("reading the wasm build flags (make print-wasmflags): %v", err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n"), nil
}

// site serves a generated site like GitHub Pages; swap replaces it (a
// new deploy).
type site struct {
	*httptest.Server
	mu  sync.Mutex
	dir string
}

func serve(t testing.TB, dir string) *site {
	s := &site{dir: dir}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		h := pages.Handler(s.dir, prefix)
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) swap(dir string) {
	s.mu.Lock()
	s.dir = dir
	s.mu.Unlock()
}

// page is the site's root URL.
func (s *site) page() string { return s.URL + prefix + "/" }

// browser is one headless Chromium with a fresh profile, recording every
// console message and every request the page makes.
type browser struct {
	t     testing.TB
	ctx   context.Context
	close func()

	mu       sync.Mutex
	console  []string
	requests []string
}

func newBrowser(t testing.TB) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-quic", true), chromedp.WindowSize(1280, 1000),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, tcancel := context.WithTimeout(ctx, 3*time.Minute)
	b := &browser{t: t, ctx: ctx, close: func() { tcancel(); cancel(); acancel() }}
	t.Cleanup(b.close)
	t.Cleanup(func() { noCSPViolations(b) })
	record := func(list *[]string, v any) {
		j, _ := json.Marshal(v)
		b.mu.Lock()
		*list = append(*list, string(j))
		b.mu.Unlock()
	}
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			record(&b.console, e)
		case *runtime.EventExceptionThrown:
			record(&b.console, e)
		case *log.EventEntryAdded:
			record(&b.console, e)
		case *network.EventRequestWillBeSent:
			record(&b.requests, e.Request)
		}
	}))
	return b
}

// open navigates and waits until WebAssembly has mounted the page.
func (b *browser) open(url string) {
	b.t.Helper()
	require.NoError(b.t, chromedp.Do(b.ctx, chromedp.Navigate(url)), "navigate %s", url)
	b.waitFor(`!!document.getElementById("ready")`, "the page to mount (#ready)")
}

// waitInstalled waits until a service worker controls the site, active,
// with app.wasm in its cache: a visit after that is a repeat visit.
// (go-app's default worker activates before its cache is filled.)
func (b *browser) waitInstalled() {
	b.t.Helper()
	b.waitFor(`window.__installed === true || (navigator.serviceWorker.ready.then(async r => {
		if (r.active && r.active.state === "activated" && await caches.match(new URL("web/app.wasm", location.href).href)) window.__installed = true;
	}), false)`, "the service worker to install")
}

// waitFor polls a JavaScript predicate.
func (b *browser) waitFor(predicate, what string) {
	b.t.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](predicate,
		chromedp.WithPollingInterval(25*time.Millisecond), chromedp.WithPollingTimeout(45*time.Second)))
	require.NoError(b.t, err, "waiting for %s", what)
}

// waitAcrossReload polls a predicate while the page reloads: a poll in
// a document that goes away fails, and is tried again in the new one.
func (b *browser) waitAcrossReload(predicate, what string) {
	b.t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	for {
		_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](predicate,
			chromedp.WithPollingInterval(25*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)))
		if err == nil {
			return
		}
		require.True(b.t, time.Now().Before(deadline), "waiting for %s: %v", what, err)
	}
}

// eval evaluates JavaScript and decodes its value into T.
func eval[T any](b *browser, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	require.NoError(b.t, err, "evaluating %s", js)
	return v
}

// revision is the count of diagnoses the page has run.
func (b *browser) revision() int {
	return eval[int](b, `+document.getElementById("verdict").dataset.revision`)
}

// set gives a form field a value as a user would (an input or change
// event), then waits for the page to re-diagnose; a value the field
// already holds changes nothing, and the page runs no diagnosis.
func (b *browser) set(id, value string) {
	b.t.Helper()
	before := b.revision()
	js := fmt.Sprintf(`(() => {
		const el = document.getElementById(%q);
		const checkbox = el.type === "checkbox";
		if (checkbox ? el.checked === (%q === "1") : el.value === %q) return false;
		if (checkbox) { el.checked = %q === "1"; } else { el.value = %q; }
		el.dispatchEvent(new Event(el.tagName === "SELECT" || checkbox ? "change" : "input", {bubbles: true}));
		return true;
	})()`, id, value, value, value, value)
	if eval[bool](b, js) {
		b.waitFor(fmt.Sprintf(`+document.getElementById("verdict").dataset.revision > %d`, before), "the diagnosis after setting #"+id)
	}
}

// findings reads the findings the page shows.
func (b *browser) findings() []corpus.Finding {
	return eval[[]corpus.Finding](b, `[...document.querySelectorAll("#findings [data-cause-id]")].map(e => ({id: e.dataset.causeId, severity: e.dataset.severity}))`)
}

// seen returns everything the browser recorded: console and requests.
func (b *browser) seen() (console, requests string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Join(b.console, "\n"), strings.Join(b.requests, "\n")
}
