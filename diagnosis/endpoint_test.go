package diagnosis

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

var endpointTests = []struct {
	in       string
	family   hostFamily
	cloud    Cloud
	region   string
	api      string
	version  string
	badLabel bool
	err      bool
}{
	{"https://westus.api.cognitive.microsoft.com/", hostRegional, CloudPublic, "westus", "", "", false, false},
	{"https://WestEurope.api.cognitive.microsoft.com/vision/v3.2/analyze", hostRegional, CloudPublic, "westeurope", "vision", "v3.2", false, false},
	{"https://west-us.api.cognitive.microsoft.com/", hostRegional, CloudPublic, "", "", "", true, false},
	{"https://westus9.api.cognitive.microsoft.com/", hostRegional, CloudPublic, "", "", "", true, false},
	{"https://api.cognitive.microsoft.com/sts/v1.0/issueToken", hostGlobal, CloudPublic, "", "", "", false, false},
	{"https://contoso.cognitiveservices.azure.com/formrecognizer/documentModels?api-version=2023-07-31", hostCustom, CloudPublic, "", "document-intelligence", "documentmodels", false, false},
	{"https://contoso.openai.azure.com/openai/deployments/x/chat/completions?api-version=2024-10-21", hostOpenAI, CloudPublic, "", "openai", "deployments", false, false},
	{"https://contoso-.openai.azure.com/", hostOpenAI, CloudPublic, "", "", "", true, false},
	{"https://foundry.services.ai.azure.com/models", hostFoundry, CloudPublic, "", "ai-services", "", false, false},
	{"https://api.cognitive.microsofttranslator.com/translate?api-version=3.0", hostTranslator, CloudPublic, "", "translator", "", false, false},
	{"https://api-eur.cognitive.microsofttranslator.com/", hostTranslator, CloudPublic, "", "", "", false, false},
	{"https://api-us.cognitive.microsofttranslator.com/", hostTranslator, CloudPublic, "", "", "", true, false},
	{"https://eastus.tts.speech.microsoft.com/cognitiveservices/voices/list", hostSpeech, CloudPublic, "eastus", "speech", "voices", false, false},
	{"https://southindia.stt.speech.microsoft.com/", hostSpeech, CloudPublic, "southindia", "", "", true, false},
	{"https://usgovvirginia.api.cognitive.microsoft.us/", hostRegional, CloudGovernment, "usgovvirginia", "", "", false, false},
	{"https://virginia.api.cognitive.microsoft.us/", hostRegional, CloudGovernment, "usgovvirginia", "", "", false, false},
	{"https://chinaeast2.api.cognitive.azure.cn/", hostRegional, CloudChina, "chinaeast2", "", "", false, false},
	{"https://api.translator.azure.cn/translate", hostTranslator, CloudChina, "", "translator", "", false, false},
	{"https://xy.cognitiveservices.azure.us/", hostCustom, CloudGovernment, "", "", "", false, false},
	{"https://api.bing.microsoft.com/v7.0/search?q=a", hostBing, CloudPublic, "", "bing-search", "v7.0", false, false},
	{"https://westus.api.cognitive.microsoft.com/luis/api/v2.0/apps", hostRegional, CloudPublic, "westus", "luis-authoring", "v2.0", false, false},
	{"https://westus.api.cognitive.microsoft.com/luis/v2.0/apps/x?q=a", hostRegional, CloudPublic, "westus", "luis-prediction", "v2.0", false, false},
	{"https://cv.cognitiveservices.azure.com/customvision/v3.0/Prediction/p/classify", hostCustom, CloudPublic, "", "custom-vision-prediction", "v3.0", false, false},
	{"https://x.azure-api.net/openai/", hostAPIM, CloudUnknown, "", "openai", "", false, false},
	{"http://127.0.0.1:8080/v1", hostLoopback, CloudUnknown, "", "", "", false, false},
	{"https://portal.azure.com/#home", hostWebPage, CloudUnknown, "", "", "", false, false},
	{"https://westus.dev.cognitive.microsoft.com/docs/services/x", hostWebPage, CloudPublic, "", "", "", false, false},
	{"contoso.cognitiveservices.azure.com", hostCustom, CloudPublic, "", "", "", false, true},
	{"https://exa mple.com/", hostUnknown, CloudUnknown, "", "", "", false, true},
	{"/translate?api-version=3.0", hostUnknown, CloudUnknown, "", "", "", false, true},
	{"https://%zz/", hostUnknown, CloudUnknown, "", "", "", false, true},
	{"ftp://xy.cognitiveservices.azure.com/", hostCustom, CloudPublic, "", "", "", false, true},
}

func TestAnalyseEndpoint(t *testing.T) {
	for _, tt := range endpointTests {
		e := analyseEndpoint(tt.in)
		assert.Equal(t, tt.family, e.family, "analyseEndpoint(%q).family", tt.in)
		assert.Equal(t, tt.cloud, e.cloud, "analyseEndpoint(%q).cloud", tt.in)
		assert.Equal(t, tt.region, e.region, "analyseEndpoint(%q).region", tt.in)
		assert.Equal(t, tt.api, e.api, "analyseEndpoint(%q).api", tt.in)
		assert.Equal(t, tt.version, e.version, "analyseEndpoint(%q).version", tt.in)
		assert.Equal(t, tt.badLabel, e.badLabel != "", "analyseEndpoint(%q).badLabel = %q", tt.in, e.badLabel)
		assert.Equal(t, tt.err, e.err != "", "analyseEndpoint(%q).err = %q", tt.in, e.err)
	}
}

func TestSuggestDomain(t *testing.T) {
	assert.Equal(t, "x.cognitiveservices.azure.com", suggestDomain("x.cognitiveservice.azure.com"))
	assert.Equal(t, "x.openai.azure.com", suggestDomain("x.openai.azure.co"))
	assert.Equal(t, "", suggestDomain("example.com"))
}

func TestRedactEndpoint(t *testing.T) {
	assert.Equal(t, "https://h/translate?Subscription-Key=%E2%80%A6&to=de", RedactEndpoint("https://h/translate?Subscription-Key=secret&to=de"))
	assert.Equal(t, "https://h/x", RedactEndpoint("https://h/x"))

	assert.Equal(t, "0123…cdef (32 chars)", Field{Value: "0123456789abcdef0123456789abcdef"}.Shown(true))
	assert.Equal(t, Mask("sk-proj-abcdefghijklmnopqrstuvwx"), Field{Value: "sk-proj-abcdefghijklmnopqrstuvwx"}.Shown(false),
		"a value shaped like a secret is masked in any field")
	assert.Equal(t, "https://h/translate?Subscription-Key=%E2%80%A6&to=de",
		Field{Value: "https://h/translate?Subscription-Key=secret&to=de"}.Shown(false))
}

var statusTests = []struct {
	in   string
	want int
}{
	{`{"error":{"code":"401","message":"Access denied"}}`, 401},
	{`{"error":{"code":401000,"message":"x"}}`, 401},
	{`openai.AuthenticationError: Error code: 401 - {'error': {'code': 'PermissionDenied'}}`, 401},
	{`The remote server returned an error: (401) Unauthorized.`, 401},
	{`HTTP/1.1 403 Forbidden`, 403},
	{`{ "statusCode": 403, "message": "Out of call volume quota." }`, 403},
	{`{\"error\":{\"code\":\"401\"}}`, 401},
	{`StatusCode: 1006, undefined Reason`, 0},
	{`retry after 86400 seconds`, 0},
	{`Response status code does not indicate success: 401 (PermissionDenied).`, 401},
	{`AuthenticationError: 401 status code (no body)`, 401},
	{`401 Client Error: PermissionDenied for url: https://a.services.ai.azure.com/x`, 401},
	{`Error: The API deployment for this resource does not exist.`, 0},
	{`4010 apples`, 0},
	{``, 0},
}

func TestStatusIn(t *testing.T) {
	for _, tt := range statusTests {
		r := analyseResponse(0, tt.in)
		assert.Equal(t, tt.want, r.status, "analyseResponse(0, %q).status", tt.in)
	}
}

func TestResponseCodes(t *testing.T) {
	r := analyseResponse(0, `Status: 401 (PermissionDenied) ErrorCode: 401 Content: {"error":{"code":"401"}}`)
	assert.False(t, r.hit(rulePermissionDenied), "the .NET reason phrase is no RBAC signal (sources §4.1)")
	r = analyseResponse(0, `{'error': {'code': 'PermissionDenied', 'message': 'x'}}`)
	assert.True(t, r.hit(rulePermissionDenied))
	r = analyseResponse(0, `{"error":{"code":4010001}}`)
	assert.False(t, r.hit(ruleTranslator401000), "a longer number is not 401000")
	// A 200 whose body refuses the key is no success.
	f := Analyse(Input{Kind: "translator", Status: 200, Response: `<string>ArgumentException: Invalid Azure Subscription key.</string>`})
	r2 := f.Report()
	assert.False(t, r2.Has("response-ok"), "%v", r2.Findings)
	assert.True(t, r2.Has("response-invalid-key-or-endpoint"), "%v", r2.Findings)
}

func TestRegions(t *testing.T) {
	r, exact := resolveRegion("West US 2")
	assert.Equal(t, "westus2", r.ID)
	assert.False(t, exact)
	r, _ = resolveRegion("India Central")
	assert.Equal(t, "centralindia", r.ID)
	assert.Equal(t, "westeurope", closestRegion("westeurop"))
	assert.Equal(t, "", closestRegion("mars"))
	assert.True(t, regionByID["eastus"].TokenExchange)
	assert.False(t, regionByID["eastus2"].TokenExchange)
	assert.Equal(t, CloudChina, regionByID["chinanorth3"].Cloud)
}

// TestPathProblem: a repeated segment is a mistake unless it names an
// item of a collection.
func TestPathProblem(t *testing.T) {
	for _, tt := range []struct{ url, want string }{
		{"https://contoso.openai.azure.com/openai/openai/deployments/gpt4/chat/completions?api-version=2024-10-21", "repeats /openai/"},
		{"https://srch1.search.windows.net/indexes/docs/docs?api-version=2024-07-01&search=*", ""},
		{"https://contoso.openai.azure.com/openai/deployments/chat/chat/completions?api-version=2024-10-21", ""},
		{"https://vis1.cognitiveservices.azure.com/vision/vision/v3.2/analyze", "repeats /vision/"},
		// A GA-looking api-version Azure OpenAI never served: the -preview
		// of 2023-03-15-preview dropped (a fresh-eyes review of the page).
		{"https://contoso.openai.azure.com/openai/deployments/d/chat/completions?api-version=2023-03-15",
			"has api-version=2023-03-15, which Azure OpenAI never served: its GA versions up to 2024-10-21 are " +
				"2022-12-01, 2023-05-15, 2024-02-01, 2024-06-01, 2024-10-21; previews end in -preview"},
		{"https://contoso.openai.azure.com/openai/deployments/d/chat/completions?api-version=2023-03-15-preview", ""},
		{"https://contoso.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-06-01", ""},
		// Later than the newest known GA: maybe a newer GA, not judged.
		{"https://contoso.openai.azure.com/openai/deployments/d/chat/completions?api-version=2025-06-01", ""},
		// Document Intelligence's versions each under their own base
		// (fresh-eyes review; Azure/azure-rest-api-specs
		// FormRecognizer/stable/2023-07-31/FormRecognizer.json hostTemplate
		// {endpoint}/formrecognizer, ai/DocumentIntelligence/main.tsp
		// @server {endpoint}/documentintelligence).
		{"https://d1.cognitiveservices.azure.com/formrecognizer/documentModels/prebuilt-invoice:analyze?api-version=2024-11-30",
			"uses /formrecognizer/ with api-version=2024-11-30: that version is served under /documentintelligence/ (/formrecognizer/ takes 2023-07-31 and older)"},
		{"https://d1.cognitiveservices.azure.com/formrecognizer/documentModels/prebuilt-read:analyze?api-version=2023-10-31-preview",
			"uses /formrecognizer/ with api-version=2023-10-31-preview: that version is served under /documentintelligence/ (/formrecognizer/ takes 2023-07-31 and older)"},
		{"https://d1.cognitiveservices.azure.com/documentintelligence/documentModels/prebuilt-invoice:analyze?api-version=2023-07-31",
			"uses /documentintelligence/ with api-version=2023-07-31: that version is served under /formrecognizer/ (/documentintelligence/ takes 2023-10-31-preview and later)"},
		{"https://d1.cognitiveservices.azure.com/formrecognizer/documentModels/prebuilt-invoice:analyze?api-version=2023-07-31", ""},
		{"https://d1.cognitiveservices.azure.com/formrecognizer/documentModels/prebuilt-invoice:analyze?api-version=2022-08-31", ""},
		{"https://d1.cognitiveservices.azure.com/documentintelligence/documentModels/prebuilt-invoice:analyze?api-version=2024-11-30", ""},
		{"https://westeurope.api.cognitive.microsoft.com/documentintelligence/info?api-version=2024-02-29-preview", ""},
	} {
		e := analyseEndpoint(tt.url)
		assert.Equal(t, tt.want, pathProblem(&e), "pathProblem(%s)", tt.url)
	}
}
