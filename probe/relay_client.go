package probe

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"az401/diagnosis"
)

// TokenHeader carries the per-run token that az401 serve embeds in the
// page it serves.
const TokenHeader = "X-Az401-Token"

// TokenEnv is the page's environment variable (app.Getenv) holding the
// token; the static site has none, and so no relay.
const TokenEnv = "AZ401_RELAY_TOKEN"

// relayRequest is what the page posts to the relay.
type relayRequest struct {
	Probe diagnosis.Probe
	Key   string
	// ConfirmedHost is the host the user confirmed the key may go to,
	// for one outside the Azure AI domains.
	ConfirmedHost string
}

// ViaRelay sends the test call through az401 serve's relay at relayURL
// (same origin as the page) and returns its answer.
func ViaRelay(ctx context.Context, client *http.Client, relayURL, token string, p diagnosis.Probe, key, confirmedHost string) diagnosis.ProbeResult {
	fail := func(err error) diagnosis.ProbeResult {
		return diagnosis.ProbeResult{Host: p.Host, Via: "az401 serve", Failure: diagnosis.ProbeUnreachable,
			Detail: scrub("the local relay failed: "+err.Error(), key)}
	}
	body, err := json.Marshal(relayRequest{p, key, confirmedHost})
	if err != nil {
		return fail(err)
	}
	ctx, cancel := context.WithTimeout(ctx, Timeout+5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, relayURL, bytes.NewReader(body))
	if err != nil {
		return fail(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(TokenHeader, token)
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return diagnosis.ProbeResult{Host: p.Host, Via: "az401 serve", Failure: diagnosis.ProbeCanceled}
		}
		return fail(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fail(fmt.Errorf("status %d (is az401 serve still running?)", resp.StatusCode))
	}
	var res diagnosis.ProbeResult
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return fail(err)
	}
	return res
}
