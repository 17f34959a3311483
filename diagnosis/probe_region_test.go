package diagnosis_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

// TestRegionHeaderSecretNotCopied: a key typed as the region header is
// not put in the test call, its display or the copied commands (in a
// header or the query); the region field's region is sent instead, and a
// finding says so with the value masked.
func TestRegionHeaderSecretNotCopied(t *testing.T) {
	k := testkeys.CASK('T')
	for _, tt := range []struct {
		name, header, region string
		wantRegion           string // the region the call sends, "" none
	}{
		{"header", "", "westeurope", "westeurope"},
		{"query", diagnosis.HeaderQuery, "westeurope", "westeurope"},
		{"header no region", "", "", ""},
		{"query no region", diagnosis.HeaderQuery, "", ""},
	} {
		for _, sent := range []string{k, testkeys.Legacy(), "westeurope " + k} {
			in := diagnosis.Input{Kind: "translator", Endpoint: "https://api.cognitive.microsofttranslator.com/", Header: tt.header,
				Region: tt.region, RegionHeader: sent, Key: legacyKey}
			p, err := diagnosis.Analyse(in).TestCall()
			require.NoError(t, err)
			shown := strings.Join([]string{p.URL, p.Display(diagnosis.Analyse(in)), p.Curl(), p.PowerShell(), p.WithKey(in.Key).URL}, "\n")
			for _, h := range p.WithKey(in.Key).Headers {
				shown += "\n" + h.Value
			}
			assert.Empty(t, leak(shown, strings.TrimPrefix(sent, "westeurope ")), "%s: %s", tt.name, diagnosis.Mask(sent))
			if tt.wantRegion != "" {
				assert.Contains(t, p.Curl(), tt.wantRegion, tt.name)
			} else {
				assert.NotContains(t, p.Curl(), "Region", tt.name)
			}
			r := diagnosis.Diagnose(in)
			var fd *diagnosis.Finding
			for i := range r.Findings {
				if r.Findings[i].ID == "translator-region-header" {
					fd = &r.Findings[i]
				}
			}
			require.NotNil(t, fd, "%s: the finding says the header holds a secret", tt.name)
			assert.Contains(t, fd.Message, "looks like a key", tt.name)
			assert.Empty(t, leak(fd.Evidence, strings.TrimPrefix(sent, "westeurope ")), tt.name)
		}
	}
}

// TestHostSpelledOtherwise: a host a browser would read as another one
// is refused by the guard and named by a finding, with no test call; a
// trailing dot is the same host everywhere: the findings, the guard and
// the test call's host.
func TestHostSpelledOtherwise(t *testing.T) {
	for _, endpoint := range []string{"https://x.openai\uff0eazure.com/", "https://2130706433/", "https://x.openai.azure.c\u03bfm/",
		"x.openai\uff0eazure.com/", "https://0x7f000001/", "http://127.1:8080/"} {
		in := diagnosis.Input{Kind: "openai", Endpoint: endpoint, Key: legacyKey}
		r := diagnosis.Diagnose(in)
		require.True(t, r.Has("endpoint-malformed"), "%s: %v", endpoint, r.Findings)
		assert.NotContains(t, r.Findings[0].Message, "no scheme", endpoint)
		_, err := diagnosis.BuildTestCall(in)
		assert.Error(t, err, endpoint)
		guard, _ := diagnosis.CheckHost(endpoint)
		assert.Equal(t, diagnosis.GuardRefuse, guard, endpoint)
	}
	in := diagnosis.Input{Kind: "openai", Endpoint: "https://x.openai.azure.com./openai/models", Key: legacyKey}
	r := diagnosis.Diagnose(in)
	assert.False(t, r.Has("endpoint-unknown-host"), "%v", r.Findings)
	p, err := diagnosis.BuildTestCall(in)
	require.NoError(t, err)
	assert.Equal(t, "x.openai.azure.com", p.Host)
	guard, why := diagnosis.CheckHost(p.URL)
	assert.Equal(t, diagnosis.GuardAllow, guard, why)
	assert.Contains(t, why, "x.openai.azure.com is")
	p, err = diagnosis.BuildTestCall(diagnosis.Input{Kind: "openai", Endpoint: "https://X.example.com.:8443/", Key: legacyKey})
	require.NoError(t, err)
	assert.Equal(t, "x.example.com:8443", p.Host)
}
