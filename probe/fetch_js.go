//go:build js && wasm

package probe

import (
	"context"
	"net/http"
	"net/url"

	"az401/diagnosis"
)

// classify tells why the browser's fetch failed. Page code sees the same
// "TypeError: Failed to fetch" for an answer hidden by CORS and for a
// host it could not reach; a second request in no-cors mode, without the
// key and to the host's root only, gets an opaque answer from a host that
// is up (go-app guide §4.2).
func classify(ctx context.Context, client *http.Client, p diagnosis.Probe) string {
	u, err := url.Parse(p.URL)
	if err != nil {
		return diagnosis.ProbeUnreachable
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.Scheme+"://"+u.Host+"/", nil)
	if err != nil {
		return diagnosis.ProbeUnreachable
	}
	req.Header.Set("js.fetch:mode", "no-cors")
	resp, err := client.Do(req)
	if err != nil {
		return diagnosis.ProbeUnreachable
	}
	resp.Body.Close()
	return diagnosis.ProbeCORSBlocked
}

// redirectManual stops the browser from following a redirect with the
// key's header.
func redirectManual(req *http.Request) { req.Header.Set("js.fetch:redirect", "manual") }
