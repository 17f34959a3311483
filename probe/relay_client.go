package probe

import (
	"encoding/json"
	"fmt"
	"time"

	"az401/diagnosis"
)

// TokenHeader carries the per-run token of az401 serve's relay. The page
// reads the token from the relay (GET) each time it sends a call, so it
// is in no file the service worker caches: a page reloaded after az401
// serve restarted gets the new one.
const TokenHeader = "X-Az401-Token"

// TokenEnv is the page's environment variable (app.Getenv) that says
// az401 serve's relay is beside the page; its value is not the token.
// The static site has none, and so no relay.
const TokenEnv = "AZ401_RELAY_TOKEN"

// ViaRelayName says, in a result, that the call went through the relay.
const ViaRelayName = "through az401 serve"

// relayRequest is what the page posts to the relay.
type relayRequest struct {
	Call diagnosis.TestCall
	Key  string
	// ConfirmedHost is the host the user confirmed the key may go to,
	// for one outside the Azure AI domains.
	ConfirmedHost string
}

// ViaRelay sends the test call through az401 serve's relay at relayURL
// (same origin as the page), with the token it reads from there first,
// and returns its answer.
func ViaRelay(stop Stop, relayURL string, p diagnosis.TestCall, key, confirmedHost string) diagnosis.TestResult {
	fail := func(err error) diagnosis.TestResult {
		return diagnosis.TestResult{Host: p.Host, Via: ViaRelayName, Failure: diagnosis.ProbeUnreachable,
			Detail: diagnosis.NewScrubber(key).Scrub("the local relay failed: " + err.Error())}
	}
	body, err := json.Marshal(relayRequest{p, key, confirmedHost})
	if err != nil {
		return fail(err)
	}
	t, err := do(stop, Timeout, exchange{method: "GET", url: relayURL})
	if err == nil && t.status != 200 {
		err = fmt.Errorf("status %d reading its token (is az401 serve still running?)", t.status)
	}
	var a answer
	if err == nil {
		a, err = do(stop, Timeout+5*time.Second, exchange{method: "POST", url: relayURL, body: string(body),
			headers: []diagnosis.Header{{Name: "Content-Type", Value: "application/json"}, {Name: TokenHeader, Value: t.body}}})
	}
	switch {
	case err == errCanceled:
		return diagnosis.TestResult{Host: p.Host, Via: ViaRelayName, Failure: diagnosis.ProbeCanceled}
	case err != nil:
		return fail(err)
	case a.status != 200:
		return fail(fmt.Errorf("status %d (is az401 serve still running?)", a.status))
	}
	var res diagnosis.TestResult
	if err := json.Unmarshal([]byte(a.body), &res); err != nil {
		return fail(err)
	}
	return res
}
