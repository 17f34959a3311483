//go:build !(js && wasm)

package probe

import (
	"crypto/subtle"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"

	"az401/diagnosis"
)

// Relay returns the handler of /relay: it sends the page's test call from
// this process, where CORS does not hide the answer. Only the page served
// on addr may use it: the request must come to that address (no DNS
// rebinding), from that origin, with the token, and the host guard
// applies as in the page. Nothing is logged.
func Relay(addr, token string) http.Handler {
	_, port, _ := net.SplitHostPort(addr)
	hosts := map[string]bool{addr: true, "127.0.0.1:" + port: true, "localhost:" + port: true, "[::1]:" + port: true}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method != http.MethodPost:
			http.Error(w, "relay: POST only", http.StatusMethodNotAllowed)
			return
		case !hosts[r.Host], !hosts[strings.TrimPrefix(r.Header.Get("Origin"), "http://")]:
			http.Error(w, "relay: only the page served here may use it", http.StatusForbidden)
			return
		case subtle.ConstantTimeCompare([]byte(r.Header.Get(TokenHeader)), []byte(token)) != 1:
			http.Error(w, "relay: missing or wrong token", http.StatusForbidden)
			return
		}
		var req relayRequest
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil {
			http.Error(w, "relay: bad request", http.StatusBadRequest)
			return
		}
		u, err := url.Parse(strings.SplitN(req.Probe.URL, "?", 2)[0])
		if err != nil {
			http.Error(w, "relay: bad URL", http.StatusBadRequest)
			return
		}
		req.Probe.Host = u.Host
		switch guard, why := diagnosis.CheckHost(req.Probe.URL); {
		case guard == diagnosis.GuardRefuse:
			http.Error(w, "relay: "+why, http.StatusBadRequest)
			return
		case guard == diagnosis.GuardConfirm && !req.Probe.Allows(req.ConfirmedHost):
			http.Error(w, "relay: the key may go to "+req.Probe.Host+" only after you confirm that host", http.StatusForbidden)
			return
		}
		res := Send(r.Context().Done(), req.Probe, req.Key, ViaRelayName)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(res)
	})
}
