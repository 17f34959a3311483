package diagnosis

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// routeTests are paths whose kind needs more than their first segment,
// or a host: one row per route shape the catalogue declares this way.
var routeTests = []struct {
	endpoint     string
	api, version string
}{
	{"https://westus.api.cognitive.microsoft.com/api/speechtotext/v2.0/transcriptions", "speech", "v2.0"},
	{"https://x.cognitiveservices.azure.com/text/analytics/v2.1/sentiment", "language", "v2.1"},
	{"https://x.cognitiveservices.azure.com/customvision/v3.3/Training/projects", "custom-vision-training", "v3.3"},
	{"https://x.cognitiveservices.azure.com/customvision/v3.0/Prediction/p/classify", "custom-vision-prediction", "v3.0"},
	// a Custom Vision path that is neither: no kind
	{"https://x.cognitiveservices.azure.com/customvision/v3.0/other", "", ""},
	{"https://westus.api.cognitive.microsoft.com/luis/authoring/v3.0-preview/apps", "luis-authoring", "v3.0-preview"},
	{"https://westus.api.cognitive.microsoft.com/luis/webapi/v2.0/apps", "luis-authoring", "v2.0"},
	{"https://westus.api.cognitive.microsoft.com/luis/prediction/v3.0/apps/x", "luis-prediction", "v3.0"},
	{"https://api.projectoxford.ai/luis/v1/application?id=x", "luis-prediction", "v1"},
	{"https://api.projectoxford.ai/luis/v1.0/application?id=x", "luis-prediction", "v1"},
	{"https://api.bing.microsoft.com/v5.0/search", "bing-search", "v5.0"},
	// v7.0 belongs to Bing on Bing's host only
	{"https://x.cognitiveservices.azure.com/v7.0/search", "", ""},
	{"https://x.services.ai.azure.com/models/chat/completions", "ai-services", ""},
	{"https://x.cognitiveservices.azure.com/models/chat/completions", "", ""},
	{"https://api.microsofttranslator.com/v2/http.svc/Translate", "translator", "v2"},
	{"https://api.cognitive.microsofttranslator.com/v2/http.svc/Translate", "", ""},
	{"https://x.openai.azure.com/openai", "openai", ""},
	{"https://x.openai.azure.com/openai/v1/models", "openai", "v1"},
}

func TestRoutes(t *testing.T) {
	for _, tt := range routeTests {
		e := analyseEndpoint(tt.endpoint)
		assert.Equal(t, tt.api, e.api, "analyseEndpoint(%q).api", tt.endpoint)
		assert.Equal(t, tt.version, e.version, "analyseEndpoint(%q).version", tt.endpoint)
	}
}

var routeSyntax = regexp.MustCompile(`^([a-z0-9.:-]+|\{v\}|\{v[0-9.]+\*?\})(/([a-z0-9.:-]+|\{v\}|\{v[0-9.]+\*?\}))*$`)

// TestCatalogue checks the rules a catalogue row must follow; a new row
// that breaks one fails here rather than misleading a user.
func TestCatalogue(t *testing.T) {
	seenRoute := map[route]string{}
	seenHost := map[hostFamily]string{}
	for _, k := range Kinds() {
		assert.True(t, isKebab(k.ID), "kind %q: id must be kebab-case", k.ID)
		assert.Same(t, &kinds[slices.IndexFunc(kinds, func(x Kind) bool { return x.ID == k.ID })], LookupKind(k.ID), "kind %q: duplicate id", k.ID)
		assert.NotEmpty(t, k.Name, "kind %q: no name", k.ID)
		assert.NotEmpty(t, k.Group, "kind %q: no group", k.ID)
		// Foundry projects take tokens only; AI Search and serverless
		// endpoints have keys of their own: no Azure AI services key fits.
		ownKeys := k.ID == "foundry-project" || k.ID == "ai-search" || k.ID == "serverless-model"
		assert.Equal(t, ownKeys, k.Services == "", "kind %q: key services %q", k.ID, k.Services)
		assert.True(t, strings.HasPrefix(k.Example, "https://"), "kind %q: example %q", k.ID, k.Example)
		assert.NotNil(t, lookupKeyWay(k.Header), "kind %q: header", k.ID)
		for _, h := range k.Accepts {
			assert.NotNil(t, lookupKeyWay(h), "kind %q: accepted header", k.ID)
		}
		assert.Regexp(t, `^(GET|POST)$`, k.Test.Method, "kind %q: test method", k.ID)
		assert.True(t, strings.HasPrefix(k.Test.Path, "/"), "kind %q: test path %q", k.ID, k.Test.Path)
		assert.NotEmpty(t, k.Test.Note, "kind %q: test note", k.ID)
		for _, id := range k.Covers {
			assert.NotNil(t, LookupKind(id), "kind %q covers unknown kind %q", k.ID, id)
		}
		for _, r := range k.paths {
			assert.Regexp(t, routeSyntax, r.path, "kind %q: route", k.ID)
			other, dup := seenRoute[r]
			assert.False(t, dup, "kind %q: route %q is also %q's", k.ID, r.path, other)
			seenRoute[r] = k.ID
		}
		for _, h := range k.hosts {
			other, dup := seenHost[h]
			assert.False(t, dup, "kind %q: host family %v is also %q's", k.ID, h, other)
			seenHost[h] = k.ID
		}
		if k.Retired != "" {
			assert.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, k.Retired, "kind %q: retirement date", k.ID)
			assert.NotEmpty(t, k.Successor, "kind %q: retired without a successor", k.ID)
		}
	}
}

// TestDerivedTables checks that every table keyed by kind names a kind
// of the catalogue, and that the derived tables hold every row.
func TestDerivedTables(t *testing.T) {
	for _, r := range retiredHosts {
		assert.NotEqual(t, hostUnknown, r.host, "retiredHosts: a host family")
		assert.Regexp(t, `^\d{4}(-\d{2}-\d{2})?$`, r.since, "retiredHosts: since")
	}
	assert.Len(t, kindByID, len(kinds))
	n := 0
	for _, k := range kinds {
		n += len(k.paths)
		assert.Contains(t, KindGroups(), k.Group)
	}
	assert.Len(t, kindRoutes, n)
	for h, k := range kindByHost {
		assert.Contains(t, k.hosts, h)
	}
}

// knownRoles are the built-in data roles a kind may name.
var knownRoles = []string{roleCognitiveUser, roleOpenAIUser, roleAzureAIUser, roleSpeechUser, roleSearchIndexReader}

// TestKindFacts checks the facts a row states about other rows or
// tables: they name existing kinds, roles and audiences, and agree.
func TestKindFacts(t *testing.T) {
	for _, k := range Kinds() {
		if k.Pair != "" {
			p := LookupKind(k.Pair)
			if assert.NotNil(t, p, "kind %q: pair %q is no kind", k.ID, k.Pair) {
				assert.Equal(t, k.ID, p.Pair, "kind %q: pair %q does not pair back", k.ID, k.Pair)
			}
		}
		if k.Audience != "" && k.Audience != NoAudience {
			assert.NotEmpty(t, audienceName(k.Audience), "kind %q: audience %q", k.ID, k.Audience)
			assert.Equal(t, normAudience(k.Audience), k.Audience, "kind %q: audience %q", k.ID, k.Audience)
		}
		assert.False(t, k.EntraOnly && k.Audience == NoAudience, "kind %q: Entra only with no audience", k.ID)
		if k.DataRole != "" {
			assert.Contains(t, knownRoles, k.DataRole, "kind %q: data role", k.ID)
		}
		assert.False(t, k.APIVersion != "" && k.DatedVersions, "kind %q: a fixed and a dated api-version", k.ID)
		for _, r := range k.RetiredVersions {
			assert.True(t, isPathVersion(r.Version) && r.Version == strings.ToLower(r.Version), "kind %q: retired version %q", k.ID, r.Version)
			assert.Regexp(t, `^\d{4}(-\d{2}-\d{2})?$`, r.Since, "kind %q: retired version %q since", k.ID, r.Version)
			assert.NotEmpty(t, r.Use, "kind %q: retired version %q without a successor", k.ID, r.Version)
			assert.Regexp(t, `^(\[[SI]\d+\])+$`, r.Source, "kind %q: retired version %q source", k.ID, r.Version)
		}
	}
}

// kindFactTests are endpoints whose findings come from one kind fact.
var kindFactTests = []struct {
	endpoint string
	want     string // the api-version problem, "" for none
}{
	// APIVersion: Translator takes 3.0 only; NeedsAPIVersion below the base.
	{"https://api.cognitive.microsofttranslator.com/translate?api-version=2024-01-01", "has api-version=2024-01-01; Translator (text) takes 3.0"},
	{"https://api.cognitive.microsofttranslator.com/translate", "has no api-version, which this API requires"},
	{"https://x.cognitiveservices.azure.com/translator/text/v3.0", ""},
	{"https://x.cognitiveservices.azure.com/translator/text/v3.0/translate", "has no api-version, which this API requires"},
	// a path version stands for the api-version
	{"https://x.openai.azure.com/openai/v1/models", ""},
	{"https://x.openai.azure.com/openai/deployments/d/chat/completions", "has no api-version, which this API requires"},
	{"https://x.openai.azure.com/openai", ""},
	{"https://x.cognitiveservices.azure.com/text/analytics/v3.1/sentiment", ""},
	{"https://x.cognitiveservices.azure.com/language/:analyze-text", "has no api-version, which this API requires"},
	{"https://x.cognitiveservices.azure.com/formrecognizer/v2.1/layout/analyze", ""},
	{"https://x.cognitiveservices.azure.com/formrecognizer/documentModels/prebuilt-read:analyze", "has no api-version, which this API requires"},
	{"https://x.cognitiveservices.azure.com/contentsafety/text:analyze?api-version=2024", "has api-version=2024, not YYYY-MM-DD or YYYY-MM-DD-preview"},
	// Speech names no api-version rule
	{"https://westus.stt.speech.microsoft.com/speech/recognition/conversation/cognitiveservices/v1", ""},
}

func TestKindFactRules(t *testing.T) {
	for _, tt := range kindFactTests {
		e := analyseEndpoint(tt.endpoint)
		assert.Equal(t, tt.want, apiVersionProblem(&e), "apiVersionProblem(%q)", tt.endpoint)
	}
}
