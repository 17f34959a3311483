package app

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
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
	assert.Contains(t, s, "/az401/#endpoint=https%3A%2F%2Fapi.cognitive.microsofttranslator.com%2Ftranslate%3Fapi-version%3D3.0&header=query&",
		"encoded once")
	assert.NotContains(t, s, "%25", "never encoded twice")

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

	// A hand-made link with a key in the endpoint's query: the diagnosis
	// would take it for the key, so the link's endpoint goes without it.
	key := testkeys.Legacy()
	u, _ = url.Parse("https://h/az401/#kind=translator&endpoint=" + url.QueryEscape(
		"https://api.cognitive.microsofttranslator.com/translate?to=de&subscription-key="+key))
	f = formFromURL(u)
	assert.Equal(t, "https://api.cognitive.microsofttranslator.com/translate?to=de", f.Endpoint)
	assert.NotContains(t, f.input(time.Now()).Key, key)
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

// secrets are the shapes a link must never carry, whichever field holds
// them (facts §1: legacy and new-format keys; §1.3: other products'
// secrets; SAS tokens as the storage docs print them).
func secrets() map[string]string {
	return map[string]string{
		"legacy":      testkeys.Legacy(),
		"cask":        testkeys.CASK('b'),
		"cask-cut":    testkeys.CASK('b')[:83],
		"cask-typo":   testkeys.Mutate(testkeys.CASK('F'), 10),
		"jwt":         testkeys.Expand("${jwt-entra}"),
		"openai":      testkeys.Expand("${openai}"),
		"storage":     testkeys.Expand("${storage}"),
		"entra":       testkeys.Expand("${entra-secret}"),
		"sas":         "sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=q0b2mWj1%2Bk3Lr9Yt%2FZx8vN4eP6aQ%3D",
		"conn-string": "DefaultEndpointsProtocol=https;AccountName=st1;AccountKey=" + testkeys.Expand("${storage}") + ";EndpointSuffix=core.windows.net",
	}
}

// placements put a secret where a user may paste it by mistake, with the
// key field empty.
var placements = map[string]func(s string) form{
	"region":                  func(s string) form { return form{Kind: "translator", Region: s} },
	"region header":           func(s string) form { return form{Kind: "translator", RegionHeader: s} },
	"region with header name": func(s string) form { return form{Region: "Ocp-Apim-Subscription-Key: " + s} },
	"region url-escaped":      func(s string) form { return form{Region: url.QueryEscape(s)} },
	"header":                  func(s string) form { return form{Header: s} },
	"status":                  func(s string) form { return form{Status: s} },
	"trial started":           func(s string) form { return form{TrialStarted: s} },
	"kind":                    func(s string) form { return form{Kind: s} },
	"key age":                 func(s string) form { return form{KeyAge: s} },
	"endpoint alone":          func(s string) form { return form{Endpoint: s} },
	"endpoint api_key": func(s string) form {
		return form{Endpoint: "https://t1.cognitiveservices.azure.com/?api_key=" + url.QueryEscape(s)}
	},
	"endpoint subscriptionKey": func(s string) form {
		return form{Endpoint: "https://t1.cognitiveservices.azure.com/translate?subscriptionKey=" + url.QueryEscape(s) + "&to=de"}
	},
	"endpoint x-api-key": func(s string) form {
		return form{Endpoint: "https://t1.openai.azure.com/?x-api-key=" + url.QueryEscape(s)}
	},
	"endpoint encoded name": func(s string) form {
		return form{Endpoint: "https://t1.openai.azure.com/?subscription%2Dkey=" + url.QueryEscape(s)}
	},
	"endpoint any name":  func(s string) form { return form{Endpoint: "https://t1.openai.azure.com/?q=" + url.QueryEscape(s)} },
	"endpoint raw value": func(s string) form { return form{Endpoint: "https://t1.openai.azure.com/?q=" + s} },
	"endpoint userinfo": func(s string) form {
		return form{Endpoint: "https://apikey:" + url.PathEscape(s) + "@t1.openai.azure.com/"}
	},
	"endpoint fragment": func(s string) form { return form{Endpoint: "https://t1.openai.azure.com/#" + s} },
	"endpoint no scheme code": func(s string) form {
		return form{Endpoint: "myfunc.azurewebsites.net/api/translate?code=" + url.QueryEscape(s)}
	},
	"endpoint one slash": func(s string) form { return form{Endpoint: "https:/x.openai.azure.com/?subscription-key=" + s} },
	"endpoint backslash": func(s string) form { return form{Endpoint: `https://x.openai.azure.com\?subscription-key=` + s} },
	"endpoint path param": func(s string) form {
		return form{Endpoint: "https://x.openai.azure.com/a;subscription-key=" + s + "/b"}
	},
	"endpoint fragment param": func(s string) form {
		return form{Endpoint: "https://t1.openai.azure.com/#key=" + url.QueryEscape(s)}
	},
	"endpoint path": func(s string) form {
		return form{Endpoint: "https://t1.openai.azure.com/" + url.PathEscape(s) + "/chat"}
	},
	"endpoint no scheme":   func(s string) form { return form{Endpoint: "t1.openai.azure.com/?api_key=" + s} },
	"endpoint bad escape":  func(s string) form { return form{Endpoint: "https://t1.openai.azure.com/%zz?x=" + s} },
	"endpoint with spaces": func(s string) form { return form{Endpoint: "  https://t1.openai.azure.com/?key " + s + "  "} },
}

func TestShareLinkHoldsNoSecret(t *testing.T) {
	page, _ := url.Parse("https://user.github.io/az401/")
	for secretName, s := range secrets() {
		forms := []string{s, url.QueryEscape(s), url.PathEscape(s), url.QueryEscape(url.QueryEscape(s)), s[len(s)/4 : 3*len(s)/4]}
		for where, place := range placements {
			t.Run(secretName+" in "+where, func(t *testing.T) {
				link := shareURL(page, place(s)).String()
				for _, f := range forms {
					assert.NotContains(t, link, f)
				}
			})
		}
	}
}

// TestLinkValue lists what a link keeps of a value: secrets go, the rest
// stays as written.
func TestLinkValue(t *testing.T) {
	legacy, cask := testkeys.Legacy(), testkeys.CASK('b')
	for _, c := range []struct{ in, key, want string }{
		{"westeurope", "", "westeurope"},
		{" westeurope ", "", "westeurope"},
		{"-", "", "-"},
		{"401", "", "401"},
		{"2026-01-02", "", "2026-01-02"},
		{"document-intelligence", "", "document-intelligence"},
		{"<your-key>", "", "<your-key>"},
		{"https://t1.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", "",
			"https://t1.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"},
		{"https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de&Subscription-Key=" + legacy, "",
			"https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de"},
		{"https://x.azure-api.net/?api_key=abc&api-version=3.0", "", "https://x.azure-api.net/?api-version=3.0"},
		{"https://x.azure-api.net/?subscription%2Dkey=abc", "", "https://x.azure-api.net/"},
		{"https://x.azure-api.net/?sig=abc&code=def&token=1&client_secret=2&password=3", "", "https://x.azure-api.net/"},
		{"https://x.azure-api.net/?q=" + cask + "&to=de", "", "https://x.azure-api.net/?to=de"},
		{"https://user:pass@t1.openai.azure.com/path#frag", "", "https://t1.openai.azure.com/path"},
		{"https://t1.openai.azure.com/?", "", "https://t1.openai.azure.com/"},
		{"https://t1.openai.azure.com/" + legacy + "/x", "", ""},
		{legacy, "", ""},
		{"Bearer " + testkeys.Expand("${jwt-sts}"), "", ""},
		{"westeurope", "westeurope", ""},
		{"my key is abcdefgh", "abcdefgh", ""},
		{"https://h.example/?n=abc%64efgh", "abcdefgh", ""},
		{"short", "ab", "short"},
		// No scheme, a broken scheme, backslashes, path parameters: cut without parsing.
		{"myfunc.azurewebsites.net/api/translate?code=Zm9vYmFyYmF6cXV4&to=de", "", "myfunc.azurewebsites.net/api/translate?to=de"},
		{"myproxy.example.com/v1?api-key=corp-proxy-key-2024", "", "myproxy.example.com/v1"},
		{"https:/x.openai.azure.com/?subscription-key=corp-proxy-key-2024", "", "https:/x.openai.azure.com/"},
		{`https://x.openai.azure.com\?subscription-key=corp-proxy-key-2024`, "", `https://x.openai.azure.com\`},
		{"https://x.openai.azure.com/openai%3Fsubscription-key=corp-proxy-key-2024", "", "https://x.openai.azure.com/openai"},
		{"https://x.openai.azure.com/a;subscription-key=corp-proxy-key-2024/b;v=1", "", "https://x.openai.azure.com/a/b;v=1"},
		{"x.openai.azure.com/a;code=corp-proxy-key-2024", "", "x.openai.azure.com/a"},
		{"x.openai.azure.com/#access_token=corp-proxy-key-2024", "", "x.openai.azure.com/"},
		{"x.openai.azure.com/%23k=corp-proxy-key-2024", "", "x.openai.azure.com/"},
		{"user:corp-proxy-pass@x.openai.azure.com/", "", "x.openai.azure.com/"},
		{`user:corp-proxy-pass@x.openai.azure.com\p`, "", `x.openai.azure.com\p`},
		{"https://t1.openai.azure.com/?api-version=2024-10-21#x", "", "https://t1.openai.azure.com/?api-version=2024-10-21"},
		{strings.Repeat("w", maxShareValue+1), "", ""},
	} {
		assert.Equal(t, c.want, linkValue(c.in, c.key), "linkValue(%q, %q)", c.in, c.key)
	}
}

func FuzzLinkValue(f *testing.F) {
	f.Add("https://apikey:"+testkeys.Legacy()+"@t1.openai.azure.com/?api_key=x#"+testkeys.Legacy(), "")
	f.Add("westeurope", "west")
	f.Fuzz(func(t *testing.T, value, key string) {
		v := linkValue(value, key)
		if v == "" {
			return
		}
		if diagnosis.ContainsSecret(v) {
			t.Errorf("linkValue(%q) = %q, which holds a secret", value, v)
		}
		if u, err := url.Parse(v); err == nil && u.Host != "" && (u.User != nil || u.Fragment != "") {
			t.Errorf("linkValue(%q) = %q keeps user info or a fragment", value, v)
		}
	})
}
