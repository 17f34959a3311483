//go:build !(js && wasm)

package probe

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

// TestSendScrubsTheKeyInAnyCase: an answer that quotes the key back, in
// another case or URL-escaped, in its body or a shown header, shows it
// masked.
func TestSendScrubsTheKeyInAnyCase(t *testing.T) {
	key := testkeys.Legacy()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Bearer error="`+strings.ToUpper(key)+`"`)
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"error":{"message":"invalid key ` + strings.ToUpper(key) + ` or ` + key + `"}}`))
	}))
	defer srv.Close()
	p, err := diagnosis.BuildTestCall(diagnosis.Input{Kind: "vision", Endpoint: srv.URL})
	assert.NoError(t, err)
	res := Send(nil, p, key, "test")
	assert.Equal(t, http.StatusUnauthorized, res.Status)
	shown := strings.ToLower(res.Body)
	for _, h := range res.Headers {
		shown += "\n" + strings.ToLower(h.Value)
	}
	assert.NotContains(t, shown, strings.ToLower(key)[:12], "the key in any case is masked: %s", shown)
	assert.Contains(t, res.Body, "invalid key", "the rest of the answer stays")
}
