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

// LocalOnly serves next only to requests made to addr by name (a Host of
// addr, or of 127.0.0.1, localhost or [::1] with its port) and, when the
// browser names one, from the page's own origin. Another Host is a site
// whose name was made to point at this machine (DNS rebinding): it gets
// 421; another Origin gets 403.
func LocalOnly(addr string, next http.Handler) http.Handler {
	hosts := localHosts(addr)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hosts[strings.ToLower(r.Host)] {
			http.Error(w, "az401 serve answers only at its own address", http.StatusMisdirectedRequest)
			return
		}
		if o := r.Header.Get("Origin"); o != "" && !hosts[strings.TrimPrefix(strings.ToLower(o), "http://")] {
			http.Error(w, "az401 serve answers only its own page", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// localHosts are the Host values that name addr.
func localHosts(addr string) map[string]bool {
	_, port, _ := net.SplitHostPort(addr)
	return map[string]bool{strings.ToLower(addr): true, "127.0.0.1:" + port: true, "localhost:" + port: true, "[::1]:" + port: true}
}

// Relay returns the handler of /relay: it sends the page's test call from
// this process, where CORS does not hide the answer. Only the page served
// on addr may use it: the request must come to that address (no DNS
// rebinding), from that origin, with the token, and the host guard
// applies as in the page. GET gives the page the token (same origin only);
// POST sends a call. Nothing is logged.
func Relay(addr, token string) http.Handler {
	hosts := localHosts(addr)
	send := relaySend(token)
	return LocalOnly(addr, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		switch {
		case r.Method == http.MethodGet && sameOrigin(r):
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			_, _ = io.WriteString(w, token)
		case r.Method == http.MethodGet:
			http.Error(w, "relay: only the page served here may use it", http.StatusForbidden)
		case r.Method != http.MethodPost:
			http.Error(w, "relay: GET or POST only", http.StatusMethodNotAllowed)
		case !hosts[strings.TrimPrefix(strings.ToLower(r.Header.Get("Origin")), "http://")]:
			http.Error(w, "relay: only the page served here may use it", http.StatusForbidden)
		default:
			send.ServeHTTP(w, r)
		}
	}))
}

// sameOrigin reports whether a browser says the request comes from a page
// of the same origin (Sec-Fetch-Site). A request without the header is
// not a browser's: no web page made it.
func sameOrigin(r *http.Request) bool {
	site := r.Header.Get("Sec-Fetch-Site")
	return site == "" || site == "same-origin"
}

// relaySend sends a posted test call that carries the token.
func relaySend(token string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get(TokenHeader)), []byte(token)) != 1 {
			http.Error(w, "relay: missing or wrong token", http.StatusForbidden)
			return
		}
		var req relayRequest
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil {
			http.Error(w, "relay: bad request", http.StatusBadRequest)
			return
		}
		u, err := url.Parse(strings.SplitN(req.Call.URL, "?", 2)[0])
		if err != nil {
			http.Error(w, "relay: bad URL", http.StatusBadRequest)
			return
		}
		req.Call.Host = u.Host
		switch guard, why := diagnosis.CheckHost(req.Call.URL); {
		case guard == diagnosis.GuardRefuse:
			http.Error(w, "relay: "+why, http.StatusBadRequest)
			return
		case guard == diagnosis.GuardConfirm && !req.Call.Allows(req.ConfirmedHost):
			http.Error(w, "relay: the key may go to "+req.Call.Host+" only after you confirm that host", http.StatusForbidden)
			return
		}
		res := Send(r.Context().Done(), req.Call, req.Key, ViaRelayName)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(res)
	})
}
