//go:build !(js && wasm)

package probe

import (
	"context"
	"net/http"

	"az401/diagnosis"
)

// classify names a failed call outside the browser: no CORS here, so
// any failure to get an answer means the host was not reached.
func classify(context.Context, *http.Client, diagnosis.Probe) string {
	return diagnosis.ProbeUnreachable
}

// redirectManual is the browser's concern; the native client is built
// not to follow redirects (NewClient).
func redirectManual(*http.Request) {}
