package e2e

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/internal/fakeazure"
	"az401/internal/testkeys"
)

var (
	serveBinOnce sync.Once
	serveBin     string
	serveBinErr  error
)

// az401Binary builds the native az401 once for the tests that run az401
// serve as a user does.
func az401Binary(t *testing.T) string {
	t.Helper()
	serveBinOnce.Do(func() {
		if serveBin = os.Getenv("AZ401_BIN"); serveBin != "" {
			return // built by make test
		}
		dir, err := os.MkdirTemp("", "az401-bin-")
		if err != nil {
			serveBinErr = err
			return
		}
		serveBin = filepath.Join(dir, "az401")
		if b, err := exec.Command("go", "build", "-o", serveBin, "az401/cmd/az401").CombinedOutput(); err != nil {
			serveBinErr = fmt.Errorf("building az401: %v\n%s", err, b)
		}
	})
	require.NoError(t, serveBinErr)
	return serveBin
}

// azServe is a running az401 serve process.
type azServe struct {
	cmd  *exec.Cmd
	addr string
}

// startServe runs az401 serve on addr (port 0: any) with the test's
// app.wasm and waits until it listens.
func startServe(t *testing.T, addr string) *azServe {
	t.Helper()
	cmd := exec.Command(az401Binary(t), "serve", "-addr", addr, "-wasm", wasmPath)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	s := &azServe{cmd: cmd}
	t.Cleanup(s.stop)
	line := make(chan string, 1)
	go func() {
		l, _ := bufio.NewReader(out).ReadString('\n')
		line <- l
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case l := <-line:
		u, ok := strings.CutPrefix(strings.TrimSpace(l), "az401 serve: http://")
		require.True(t, ok, "az401 serve printed %q", l)
		s.addr, _, _ = strings.Cut(u, "/")
	case <-time.After(60 * time.Second):
		t.Fatal("az401 serve did not start")
	}
	return s
}

// stop ends the process as Ctrl-C does.
func (s *azServe) stop() {
	if s.cmd.ProcessState != nil {
		return
	}
	_ = s.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}

func (s *azServe) url() string { return "http://" + s.addr + "/" }

// TestServeRefusesRebinding: az401 serve answers no path, the page and
// its scripts included, to a request for another host name (DNS
// rebinding), and sends its security headers on every answer.
func TestServeRefusesRebinding(t *testing.T) {
	s := startServe(t, "127.0.0.1:0")
	_, port, _ := net.SplitHostPort(s.addr)
	for _, path := range []string{"/", "/app.js", "/app-worker.js", "/wasm_exec.js", "/web/app.wasm", "/relay", "/causes"} {
		req, _ := http.NewRequest(http.MethodGet, s.url()+strings.TrimPrefix(path, "/"), nil)
		req.Host = "evil.example:" + port
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Equal(t, http.StatusMisdirectedRequest, resp.StatusCode, path)
		assert.NotContains(t, string(body), "goapp", path)

		resp, err = http.Get(s.url() + strings.TrimPrefix(path, "/"))
		require.NoError(t, err)
		resp.Body.Close()
		assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'", path)
		assert.Equal(t, "DENY", resp.Header.Get("X-Frame-Options"), path)
		assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"), path)
		assert.Equal(t, "no-referrer", resp.Header.Get("Referrer-Policy"), path)
	}
}

// TestServeRestart: the page works under its CSP, and after az401 serve
// restarts (a new relay token, the same port) the page reloaded from the
// service worker's cache still sends test calls through the relay.
func TestServeRestart(t *testing.T) {
	gw := fakeazure.New(fakeazure.Gateway401NoCORS)
	defer gw.Close()
	s := startServe(t, "127.0.0.1:0")
	addr := s.addr
	b := newBrowser(t)
	b.open(s.url())
	b.waitInstalled()
	call := func(what string) {
		fillForCall(b, gw.URL+"/", testkeys.Legacy())
		assert.Equal(t, "relay", eval[string](b, `document.getElementById("probe-via").value`), what)
		send(b, true)
		assert.Equal(t, "401", eval[string](b, `document.getElementById("probe-result").dataset.status`), what)
		assert.Contains(t, eval[string](b, `document.getElementById("probe-result").textContent`), "sent through az401 serve", what)
	}
	call("first run")
	s.stop()
	s = startServe(t, addr)
	require.Equal(t, addr, s.addr)
	b.open(s.url())
	call("after a restart")
	require.Len(t, gw.Requests(), 2)
	console, _ := b.seen()
	assert.NotContains(t, console, "Content Security Policy", "the page runs under its CSP")
	assert.NotContains(t, console, "Content-Security-Policy")
}
