package diagnosis_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

// TestKeyNeverWhole checks no finding text carries a key whole, whatever
// the input makes the checks say.
func TestKeyNeverWhole(t *testing.T) {
	keys := []string{testkeys.Legacy(), testkeys.CASK('B'), testkeys.Mutate(testkeys.CASK('Y'), 3),
		testkeys.CASK('Y')[:83], testkeys.Expand("${openai}"), testkeys.Expand("${jwt-entra}"),
		testkeys.Expand("${storage}"), testkeys.Expand("${entra-secret}"), testkeys.Expand("${cask-sig:AZDO}")}
	for _, key := range keys {
		for _, kind := range diagnosis.Kinds() {
			for _, wrap := range []string{"%s", `"%s"`, "Bearer %s", "api-key: %s", " %s\n"} {
				r := diagnosis.Diagnose(diagnosis.Input{Kind: kind.ID, Key: strings.Replace(wrap, "%s", key, 1),
					Endpoint: "https://x1.cognitiveservices.azure.com/?subscription-key=" + key, Region: "westus",
					Header: diagnosis.HeaderAuthorization, Status: 401})
				for _, f := range r.Findings {
					for _, s := range []string{f.Message, f.Evidence, f.Fix, r.Verdict} {
						assert.NotContains(t, s, key, "%s finding for %s", f.ID, kind.ID)
						assert.NotContains(t, s, key[4:len(key)-4], "%s finding for %s shows the key's middle", f.ID, kind.ID)
					}
				}
			}
		}
	}
}

// TestJunk feeds 1 MB of random bytes to every field: no panic, a
// finding for each oversized field, and a bounded time.
func TestJunk(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 1<<20)
	for i := range junk {
		junk[i] = byte(rng.Uint32())
	}
	s := string(junk)
	start := time.Now()
	r := diagnosis.Diagnose(diagnosis.Input{Kind: s, Key: s, Endpoint: s, Region: s, Header: s, RegionHeader: s, Response: s})
	t.Logf("1 MB of junk in every field: %v", time.Since(start))
	assert.True(t, r.Has("key-malformed"))
	assert.True(t, r.Has("endpoint-malformed"))
	assert.True(t, r.Has("region-malformed"))
	assert.True(t, r.Has("input-too-large"))
}

func TestResponseUnrecognized(t *testing.T) {
	r := diagnosis.Diagnose(diagnosis.Input{Status: 503})
	assert.True(t, r.Has("response-unrecognized"))
	assert.Contains(t, r.Findings[0].Message, "service-side failure")
	r = diagnosis.Diagnose(diagnosis.Input{Response: "something odd happened"})
	assert.True(t, r.Has("response-unrecognized"))
}

// TestKeyInTheURL: a key left in the endpoint's query is the key the
// call sends: judged as the key (not "no key given"), and never shown.
func TestKeyInTheURL(t *testing.T) {
	key := testkeys.Legacy()
	r := diagnosis.Diagnose(diagnosis.Input{Kind: "translator", Region: "westeurope",
		Endpoint: "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de&Subscription-Key=" + key})
	assert.False(t, r.Has("key-missing"), "%v", r.Findings)
	assert.True(t, r.Has("key-decoded"), "%v", r.Findings)
	assert.NotContains(t, fmt.Sprint(r), key)
	// Nothing the facts hand out shows it: the test call, its commands,
	// the cards.
	f := diagnosis.Analyse(diagnosis.Input{Kind: "translator", Region: "westeurope",
		Endpoint: "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de&SUBSCRIPTION-KEY=" + strings.ToUpper(key)})
	p, _ := f.TestCall()
	ks, _ := f.Key()
	shown := fmt.Sprint(p.URL, p.Note, p.Display(f), p.Curl(), p.PowerShell(), ks, f.EndpointAnatomy(f.Report()), f.KeyAnatomy(f.Report()))
	assert.NotContains(t, strings.ToLower(shown), key)

	// Translator's region in the query is the region header it sends.
	r = diagnosis.Diagnose(diagnosis.Input{Kind: "translator", Region: "westeurope", Key: key,
		Endpoint: "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de&Subscription-Region=westeurope"})
	assert.False(t, r.Has("translator-region-header"), "%v", r.Findings)
}

// TestMissing: a cause found from an error alone says which inputs
// would let the diagnosis check more; with them given, nothing is said.
func TestMissing(t *testing.T) {
	body := "Access denied due to invalid subscription key or wrong API endpoint."
	r := diagnosis.Diagnose(diagnosis.Input{Response: body})
	assert.Equal(t, "Not given yet: the key, the endpoint and the API you call. Fill in what you have: the diagnosis then checks more.", r.Missing)
	r = diagnosis.Diagnose(diagnosis.Input{Kind: "language", Key: testkeys.Legacy(), Endpoint: "https://lang1.cognitiveservices.azure.com/", Response: body})
	assert.Empty(t, r.Missing)
	assert.Empty(t, diagnosis.Diagnose(diagnosis.Input{}).Missing, "nothing entered: the verdict says what to paste")
}

// TestRegionDisplayName: the portal's display name in the Region field
// is read as its id and only worth checking; sent in the region header,
// it is the header's problem.
func TestRegionDisplayName(t *testing.T) {
	translator := "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de"
	r := diagnosis.Diagnose(diagnosis.Input{Kind: "translator", Key: testkeys.Legacy(), Endpoint: translator, Region: "East Asia"})
	require.True(t, r.Has("region-malformed"), "%v", r.Findings)
	for _, f := range r.Findings {
		if f.ID == "region-malformed" {
			assert.Equal(t, diagnosis.Warning, f.Severity)
			assert.Contains(t, f.Message, "the region id is eastasia")
		}
	}
	r = diagnosis.Diagnose(diagnosis.Input{Kind: "translator", Key: testkeys.Legacy(), Endpoint: translator, Region: "eastasia",
		RegionHeader: "East Asia", Status: 401})
	require.NotEmpty(t, r.Findings)
	assert.Equal(t, "translator-region-header", r.Findings[0].ID, "%v", r.Findings)
	assert.Contains(t, r.Findings[0].Message, "a display name: send the id eastasia")

	// A pasted snippet that surely passes the display name to the Speech
	// SDK: the SDK builds its host from it, an error (fresh-eyes review;
	// facts §2.3 [I34]). Typed over in the form, it is the form's again.
	s := diagnosis.Extract(`var config = SpeechConfig.FromSubscription("` + testkeys.Legacy() + `", "West Europe");`)
	r = diagnosis.Diagnose(s.Input(diagnosis.Input{}))
	require.NotEmpty(t, r.Findings)
	assert.Equal(t, "region-malformed", r.Findings[0].ID, "%v", r.Findings)
	assert.Equal(t, diagnosis.Error, r.Findings[0].Severity)
	assert.Contains(t, r.Findings[0].Message, "the code passes it as the region")
	r = diagnosis.Diagnose(s.Input(diagnosis.Input{Region: "North Europe"}))
	for _, f := range r.Findings {
		if f.ID == "region-malformed" {
			assert.Equal(t, diagnosis.Warning, f.Severity, "the region typed in the form is not the code's")
		}
	}
}

// TestEntraOnlyWithKey: a key on a Foundry project endpoint leads with
// the token it needs, naming the resource's key-taking endpoints, and
// no "use the key of a Foundry project resource" (no such key exists;
// fresh-eyes review, facts §2.1 [S25]).
func TestEntraOnlyWithKey(t *testing.T) {
	for _, key := range []string{testkeys.CASK('A'), testkeys.CASK('Y'), testkeys.Legacy()} {
		r := diagnosis.Diagnose(diagnosis.Input{Kind: "foundry-project", Key: key,
			Endpoint: "https://contoso-hub.services.ai.azure.com/api/projects/proj1"})
		require.NotEmpty(t, r.Findings)
		assert.Equal(t, "endpoint-needs-entra", r.Findings[0].ID, "%v", r.Findings)
		assert.False(t, r.Has("key-kind-mismatch"), "%v", r.Findings)
		assert.Contains(t, r.Findings[0].Fix, "https://contoso-hub.services.ai.azure.com/openai/v1/")
	}
}

// TestTokenPermissionDenied: PermissionDenied proves a token typed in
// the key field went as a bearer token and was accepted, so the token is
// no error and the fix does not ask about a key (fresh-eyes review;
// facts §3: PermissionDenied is the answer to a valid token).
func TestTokenPermissionDenied(t *testing.T) {
	denied := `{"error":{"code":"PermissionDenied","message":"The principal ` + "`00000000-0000-0000-0000-000000000001`" +
		` lacks the required data action ` + "`Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action`" +
		` to perform ` + "`POST /openai/deployments/{deployment-id}/chat/completions`" + ` operation."}}`
	r := diagnosis.Diagnose(diagnosis.Input{Kind: "openai", Key: testkeys.Expand("${jwt-entra}"), Status: 401, Response: denied,
		Endpoint: "https://x1.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21"})
	require.NotEmpty(t, r.Findings)
	assert.Equal(t, "response-permission-denied", r.Findings[0].ID, "%v", r.Findings)
	assert.NotContains(t, r.Findings[0].Fix, "If you meant to use a key")
	for _, f := range r.Findings {
		if f.ID == "key-is-token" {
			assert.Equal(t, diagnosis.Info, f.Severity, "%v", f)
		}
	}
	assert.NotContains(t, r.Verdict, "more error")
	assert.NotContains(t, r.Verdict, "`", "the service's code quotes stay out of the sentence")
	assert.Contains(t, r.Verdict, "lacks the data action Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action,")
}

// TestPlainWords: messages read as sentences (fresh-eyes review, the
// plain words rule): one colon after "The service answered", "an" before
// a vowel, the key's service said in words, and no step to trim an
// endpoint that already is the base.
func TestPlainWords(t *testing.T) {
	r := diagnosis.Diagnose(diagnosis.Input{Kind: "openai", Key: testkeys.CASK('b'), Endpoint: "https://c1.openai.azure.com/"})
	require.NotEmpty(t, r.Findings)
	top := r.Findings[0]
	assert.Equal(t, "key-kind-mismatch", top.ID, "%v", r.Findings)
	assert.Equal(t, "The key is a Translator key, but the API is Azure OpenAI.", top.Message)
	assert.Equal(t, "the key's service code b = Translator; the API is Azure OpenAI", top.Evidence)
	assert.True(t, strings.HasPrefix(top.Fix, "Use the key of an Azure OpenAI resource"), top.Fix)

	r = diagnosis.Diagnose(diagnosis.Input{Kind: "vision", Key: testkeys.CASK('b'), Endpoint: "https://api.cognitive.microsofttranslator.com/"})
	for _, f := range r.Findings {
		assert.NotContains(t, f.Message+f.Fix, " a A", "%s", f.ID)
	}

	r = diagnosis.Diagnose(diagnosis.Input{Kind: "vision", Key: testkeys.Legacy(), Endpoint: "https://v1.cognitiveservices.azure.com/", Status: 404})
	assert.Equal(t, "The service answered: the key passed, but the path or api-version is wrong (404 Not Found).", r.Verdict)
	require.NotEmpty(t, r.Findings)
	assert.Equal(t, "Check the path and api-version against the API reference", r.Findings[0].Fix)
	r = diagnosis.Diagnose(diagnosis.Input{Kind: "vision", Key: testkeys.Legacy(), Endpoint: "https://v1.cognitiveservices.azure.com/vision/v3.2/analyse", Status: 404})
	require.NotEmpty(t, r.Findings)
	assert.Contains(t, r.Findings[0].Fix, "Give SDKs only the base endpoint")
}

// TestRegionFix: region-malformed's fix suggests only regions the API
// can have (no "global" for Speech, facts §2.3) and, for a word such as
// "europe", the regions whose id holds it (fresh-eyes review).
func TestRegionFix(t *testing.T) {
	for _, tt := range []struct{ kind, region, want string }{
		{"speech", "westeuorpe-x", "Use the id of the resource's Location (Overview page), e.g. westus2, westeurope"},
		{"translator", "westeuorpe-x", "Use the id of the resource's Location (Overview page), e.g. westus2, westeurope, global"},
		{"", "westeuorpe-x", "Use the id of the resource's Location (Overview page), e.g. westus2, westeurope, global"},
		{"speech", "europe", "Did you mean northeurope or westeurope? Use the id of the resource's Location"},
		{"vision", "https://example.com/", "Use the id of the resource's Location (Overview page), e.g. westus2, westeurope"},
		{"speech", "westeurop", "Did you mean westeurope? Use the id of the resource's Location"},
	} {
		r := diagnosis.Diagnose(diagnosis.Input{Kind: tt.kind, Region: tt.region, Key: testkeys.Legacy()})
		var fix string
		for _, f := range r.Findings {
			if f.ID == "region-malformed" {
				fix = f.Fix
			}
		}
		assert.Equal(t, tt.want, fix, "region %q for %q", tt.region, tt.kind)
	}
}

func TestVerdict(t *testing.T) {
	translator := "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de"
	for _, c := range []struct {
		name string
		in   diagnosis.Input
		want string // the whole verdict, or with contains a part of it
		part bool
	}{
		{"nothing entered", diagnosis.Input{}, "Nothing to diagnose yet: paste a key, an endpoint, or the error you got.", false},
		{"a success", diagnosis.Input{Kind: "openai", Key: testkeys.CASK('B'), Endpoint: "https://c1.openai.azure.com/", Status: 200}, "key works", true},
		{"all given and agreeing", diagnosis.Input{Kind: "openai", Key: testkeys.CASK('B'), Endpoint: "https://c1.openai.azure.com/"},
			"No error found offline: key, endpoint and API agree. If calls still fail, send a test call or paste the error you get.", false},
		{"an error, in plain words", diagnosis.Input{Kind: "translator", Key: "8f14e45f-ceea-467f-a9a1-2f5c3d1e7b90", Endpoint: "http://api.cognitive.microsofttranslator.com/"},
			"Most likely: the key is a GUID: most likely the Azure subscription ID (or a tenant or app ID), not the resource key. 1 more error below.", false},
		// The review's false all-clear: Translator with no region said "key,
		// endpoint and region agree".
		{"translator without a region", diagnosis.Input{Kind: "translator", Key: testkeys.Legacy(), Endpoint: translator},
			"Not checked yet: the region is empty. No error so far, but a Translator resource that is not global needs the Ocp-Apim-Subscription-Region header; enter the region to check it.", false},
		// Told that no region header is sent, the verdict says what that
		// risks rather than only that the region is empty.
		{"translator, header not sent, no region", diagnosis.Input{Kind: "translator", Key: testkeys.Legacy(), Endpoint: translator, RegionHeader: diagnosis.NoRegionHeader},
			"No certain cause; worth checking first: the request sends no Ocp-Apim-Subscription-Region; unless the resource is in \"global\", Translator refuses it.", false},
		// A key that decodes as Translator's leaves the region header
		// (the review: "check the key is a Translator key" after the page
		// had decoded it as one).
		{"401000 to a Translator key", diagnosis.Input{Kind: "translator", Key: testkeys.CASK('b'), Endpoint: translator,
			Response: `{"error":{"code":401000,"message":"The request is not authorized because credentials are missing or invalid."}}`},
			"Most likely: Translator refused the credentials (401000). The key's format says it is a Translator key, which Translator takes, " +
				"so the region header is the likely cause (missing or wrong), or the key is another resource's.", false},
		// The service's own answer is no guess (a fresh-eyes review: "No
		// certain cause" read as "we don't know").
		{"the service's answer", diagnosis.Input{Kind: "openai", Key: testkeys.CASK('B'),
			Endpoint: "https://contoso.openai.azure.com/openai/deployments/x/chat/completions?api-version=2024-10-21",
			Response: `{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."}}`},
			"The service answered: the key passed, but the deployment does not exist (yet).", false},
		// The Speech SDK builds its host from the region: no endpoint is
		// missing (fresh-eyes review).
		{"speech with a region, no endpoint", diagnosis.Input{Kind: "speech", Key: testkeys.Legacy(), Region: "westeurope"},
			"No error found offline: key, API and region agree. If calls still fail, send a test call or paste the error you get.", false},
		{"translator with its region", diagnosis.Input{Kind: "translator", Key: testkeys.Legacy(), Endpoint: translator, Region: "global"},
			"No error found offline: key, endpoint, API and region agree.", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := diagnosis.Diagnose(c.in).Verdict
			if c.part {
				assert.Contains(t, got, c.want)
			} else {
				assert.Equal(t, c.want, got)
			}
		})
	}
}

// noAIKey are the kinds no Azure AI services key opens: Foundry projects
// take only tokens, AI Search and serverless endpoints their own keys.
var noAIKey = map[string]bool{"foundry-project": true, "ai-search": true, "serverless-model": true}

func TestKindsCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range diagnosis.Kinds() {
		assert.False(t, seen[k.ID], "duplicate kind %s", k.ID)
		seen[k.ID] = true
		assert.NotEmpty(t, k.Name)
		if !noAIKey[k.ID] {
			assert.NotEmpty(t, k.Services, "%s accepts no key service", k.ID)
		}
		for _, s := range []byte(k.Services + k.MaybeServices) {
			assert.NotEmpty(t, diagnosis.ServiceName(s), "%s: unknown service %q", k.ID, s)
		}
		assert.True(t, slices.ContainsFunc(diagnosis.KeyWays, func(w diagnosis.KeyWay) bool { return w.ID == k.Header && w.Wire != "" }),
			"%s: header %q", k.ID, k.Header)
		assert.NotEmpty(t, k.Test.Method, "%s has no test call", k.ID)
		assert.True(t, strings.HasPrefix(k.Test.Path, "/"), k.ID)
		assert.Equal(t, k.MaybeServices != "", k.MaybeNote != "", "%s: a conditional service needs its condition", k.ID)
		assert.Equal(t, k.Retired == "", k.Successor == "", "%s: a retired kind names its successor", k.ID)
	}
	for _, id := range []string{"openai", "translator", "speech", "vision", "face", "language", "document-intelligence",
		"ai-services", "cognitive-services", "content-safety", "custom-vision-training", "custom-vision-prediction",
		"luis-authoring", "luis-prediction", "bing-search", "qna-maker"} {
		assert.NotNil(t, diagnosis.LookupKind(id), "kind %s of spec/cli.md", id)
	}
}

func TestParseKeyAge(t *testing.T) {
	for in, want := range map[string]time.Duration{"5m": 5 * time.Minute, "2h": 2 * time.Hour, "40d": 40 * 24 * time.Hour} {
		got, err := diagnosis.ParseKeyAge(in)
		assert.NoError(t, err)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "soon", "-5m", "5x", "d"} {
		_, err := diagnosis.ParseKeyAge(in)
		assert.Error(t, err, in)
	}
}

// TestKeyTyping: a key typed halfway gets no format error until it is
// whole; the rest of the diagnosis runs.
func TestKeyTyping(t *testing.T) {
	in := diagnosis.Input{Kind: "speech", Key: testkeys.CASK('Y')[:10], Endpoint: "https://westeurope.api.cognitive.microsoft.com/"}
	assert.True(t, diagnosis.Diagnose(in).Has("key-malformed"))
	in.KeyTyping = true
	r := diagnosis.Diagnose(in)
	assert.False(t, r.Has("key-malformed"))
	assert.NotContains(t, r.Verdict, "neither key format")
	in.Key = testkeys.Mutate(testkeys.CASK('Y'), 3)
	assert.False(t, diagnosis.Diagnose(in).Has("key-checksum-mismatch"))
	in.KeyTyping = false
	assert.True(t, diagnosis.Diagnose(in).Has("key-checksum-mismatch"))
}
