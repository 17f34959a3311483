package app

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/internal/testkeys"
)

func TestShareRoundTrip(t *testing.T) {
	page, _ := url.Parse("https://user.github.io/az401/")
	f := form{Kind: "translator", Endpoint: "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&Subscription-Key=" + testkeys.Legacy(),
		Region: "westeurope", Key: testkeys.CASK('b'), Header: "query", RegionHeader: "westeurope", Status: "401",
		Response: "secret body", KeyAge: "just-now", Regenerated: true, TrialStarted: "2026-01-02"}
	u := shareURL(page, f)
	s := u.String()
	assert.NotContains(t, s, f.Key)
	assert.NotContains(t, s, testkeys.Legacy(), "the key in the endpoint's query is stripped")
	assert.NotContains(t, s, "secret")
	assert.Equal(t, "/az401/", u.Path)
	assert.Empty(t, u.RawQuery)

	back, err := url.Parse(s)
	require.NoError(t, err)
	got := formFromURL(back)
	want := f
	want.Key, want.Response = "", ""
	want.Endpoint = "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0"
	assert.Equal(t, want, got)
}

func TestShareDropsValuesHoldingTheKey(t *testing.T) {
	key := testkeys.Legacy()
	f := form{Kind: "vision", Region: key, Key: key}
	assert.Equal(t, url.Values{"kind": {"vision"}}, f.shareValues())
}

func TestFormFromQueryAndJunk(t *testing.T) {
	u, _ := url.Parse("https://h/az401/?kind=openai&endpoint=https%3A%2F%2Fx1.openai.azure.com%2F&key=leak&key-age=forever")
	f := formFromURL(u)
	assert.Equal(t, "openai", f.Kind)
	assert.Equal(t, "https://x1.openai.azure.com/", f.Endpoint)
	assert.Empty(t, f.Key, "a link never fills the key")
	assert.Empty(t, f.KeyAge, "unknown choices are dropped")
	u, _ = url.Parse("https://h/#kind=nope&region=" + string(make([]byte, 0)) + "westus")
	assert.Equal(t, form{Region: "westus"}, formFromURL(u))
}

func TestFormInput(t *testing.T) {
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	in := form{Status: " 401 ", KeyAge: "just-now", TrialStarted: "2026-01-02"}.input(now)
	assert.Equal(t, 401, in.Status)
	assert.Equal(t, 2*time.Minute, in.KeyAge)
	assert.Equal(t, 2026, in.TrialStarted.Year())
	in = form{Status: "abc", TrialStarted: "soon"}.input(now)
	assert.Zero(t, in.Status)
	assert.True(t, in.TrialStarted.IsZero())
}
