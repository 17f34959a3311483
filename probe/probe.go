// Package probe sends the test call that a diagnosis suggests and reads
// its answer: from the command line, from the local relay of az401
// serve, and from the page, where it uses the browser's fetch (Go's
// net/http client would add megabytes to the WebAssembly build).
package probe

import (
	"errors"
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

// exchange is one HTTP request, as each platform's do sends it. Redirects
// are never followed: a redirect would carry the key's header to
// wherever the answer points.
type exchange struct {
	method, url string
	headers     []diagnosis.Header
	body        string
	// noCORS asks the browser for an opaque answer (reachability only).
	noCORS bool
}

// answer is what came back.
type answer struct {
	status  int
	headers map[string]string // the shownHeaders present
	body    string
	opaque  bool // the browser hid the answer (no-cors or a redirect)
}

// Stop ends a call early when closed. It is a channel, not a context:
// the context package would add 25 KB to the page.
type Stop <-chan struct{}

// errors of a call that did not finish.
var (
	errTimeout  = errors.New("no answer within 15 s")
	errCanceled = errors.New("canceled")
)

// Send sends the test call with the key and returns what came back.
// The answer and errors pass through the engine's scrubber: the key, in
// any spelling, and anything shaped like a secret are masked.
func Send(stop Stop, p diagnosis.TestCall, key, via string) diagnosis.TestResult {
	res := diagnosis.TestResult{Host: p.Host, Via: via}
	scrub := diagnosis.NewScrubber(key).Scrub
	q := p.WithKey(key)
	for _, h := range q.Headers {
		if strings.EqualFold(h.Name, "Ocp-Apim-Subscription-Region") {
			res.SentRegionHeader = scrub(h.Value)
		}
	}
	start := time.Now()
	a, err := do(stop, Timeout, exchange{method: q.Method, url: q.URL, headers: q.Headers, body: q.Body})
	res.Latency = time.Since(start)
	switch {
	case err == nil && a.opaque:
		res.Failure, res.Detail = diagnosis.ProbeCORSBlocked, "the answer was a redirect, which the test call does not follow"
	case err == nil:
		res.Status, res.Body = a.status, scrub(a.body)
		res.RetryAfter = a.headers["Retry-After"]
		for _, name := range shownHeaders {
			if v := a.headers[name]; v != "" {
				res.Headers = append(res.Headers, diagnosis.Header{Name: name, Value: scrub(v)})
			}
		}
	case err == errTimeout:
		res.Failure, res.Detail = diagnosis.ProbeTimeout, err.Error()
	case err == errCanceled:
		res.Failure = diagnosis.ProbeCanceled
	default:
		res.Failure, res.Detail = classify(stop, p), scrub(err.Error())
	}
	return res
}

// classify tells why no answer came. Outside a browser it means the host
// was not reached. In a browser, page code sees the same "Failed to
// fetch" for an answer hidden by CORS and for a host it could not reach;
// a second request in no-cors mode, without the key and to the host's
// root only, gets an opaque answer from a host that is up (go-app guide
// §4.2).
func classify(stop Stop, p diagnosis.TestCall) string {
	if !inBrowser {
		return diagnosis.ProbeUnreachable
	}
	u, err := url.Parse(strings.SplitN(p.URL, "?", 2)[0])
	if err != nil {
		return diagnosis.ProbeUnreachable
	}
	if _, err := do(stop, Timeout, exchange{method: "GET", url: u.Scheme + "://" + u.Host + "/", noCORS: true}); err != nil {
		return diagnosis.ProbeUnreachable
	}
	return diagnosis.ProbeCORSBlocked
}
