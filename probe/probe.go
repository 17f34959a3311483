// Package probe sends the test call that a diagnosis suggests and reads
// its answer: from the command line, from the local relay of az401
// serve, and (compiled to WebAssembly) from the page, where net/http
// becomes the browser's fetch.
package probe

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"az401/diagnosis"
)

// Timeout is how long a test call may take.
const Timeout = 15 * time.Second

// maxBody caps the answer read, as the diagnosis caps a pasted one.
const maxBody = diagnosis.MaxResponseLen

// shownHeaders are the answer headers worth showing: they identify the
// request for support, name the region that answered, or say why.
var shownHeaders = []string{"apim-request-id", "x-requestid", "x-ms-region", "WWW-Authenticate", "Retry-After",
	"policy-id", "Content-Type", "Location"}

// NewClient returns a client that never follows redirects: a redirect
// would carry the key's header to wherever the answer points.
func NewClient() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// Send sends the test call with the key and returns what came back.
// Errors never contain the key.
func Send(ctx context.Context, client *http.Client, p diagnosis.Probe, key, via string) diagnosis.ProbeResult {
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	res := diagnosis.ProbeResult{Host: p.Host, Via: via}
	q := p.WithKey(key)
	var body io.Reader
	if q.Body != "" {
		body = strings.NewReader(q.Body)
	}
	req, err := http.NewRequestWithContext(ctx, q.Method, q.URL, body)
	if err != nil {
		res.Failure, res.Detail = diagnosis.ProbeUnreachable, scrub(err.Error(), key)
		return res
	}
	for _, h := range q.Headers {
		if h.Name != "Content-Length" {
			req.Header.Set(h.Name, h.Value)
		}
	}
	redirectManual(req)
	start := time.Now()
	resp, err := client.Do(req)
	res.Latency = time.Since(start)
	if err != nil {
		res.Detail = scrub(err.Error(), key)
		switch {
		case errors.Is(ctx.Err(), context.DeadlineExceeded):
			res.Failure = diagnosis.ProbeTimeout
		case errors.Is(ctx.Err(), context.Canceled):
			res.Failure = diagnosis.ProbeCanceled
		default:
			res.Failure = classify(ctx, client, p)
		}
		return res
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	res.Status = resp.StatusCode
	res.Body = scrub(string(b), key)
	res.RetryAfter = resp.Header.Get("Retry-After")
	for _, name := range shownHeaders {
		if v := resp.Header.Get(name); v != "" {
			res.Headers = append(res.Headers, diagnosis.Header{Name: name, Value: scrub(v, key)})
		}
	}
	return res
}

// scrub removes the key, plain or URL-escaped, from a text.
func scrub(s, key string) string {
	key = strings.TrimSpace(key)
	if len(key) < 4 {
		return s
	}
	s = strings.ReplaceAll(s, key, "…")
	return strings.ReplaceAll(s, url.QueryEscape(key), "…")
}
