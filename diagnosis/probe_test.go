package diagnosis_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

// probeTests cover every kind: the request the test call sends, with
// the key where the API reads it.
var probeTests = []struct {
	in      diagnosis.Input
	request string // method and URL
	headers []string
	body    string
}{
	{diagnosis.Input{Kind: "openai", Endpoint: "https://c1.openai.azure.com/openai/deployments/gpt/chat/completions?api-version=2024-10-21"},
		"GET https://c1.openai.azure.com/openai/models?api-version=2024-10-21", []string{"api-key: KEY"}, ""},
	{diagnosis.Input{Kind: "openai", Endpoint: "https://c1.openai.azure.com/openai/v1/", Header: "authorization"},
		"GET https://c1.openai.azure.com/openai/v1/models", []string{"Authorization: Bearer KEY"}, ""},
	{diagnosis.Input{Kind: "openai", Endpoint: "https://c1.openai.azure.com/", Header: "authorization"},
		"GET https://c1.openai.azure.com/openai/models?api-version=2024-10-21", []string{"api-key: KEY"}, ""}, // a key is never a bearer token on classic paths
	{diagnosis.Input{Kind: "ai-services", Endpoint: "https://f1.services.ai.azure.com/"},
		"GET https://f1.services.ai.azure.com/openai/models?api-version=2024-10-21", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "ai-services", Endpoint: "https://m1.cognitiveservices.azure.com/vision/v3.2/analyze"},
		"GET https://m1.cognitiveservices.azure.com/vision/v3.2/models", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "cognitive-services", Endpoint: "https://westeurope.api.cognitive.microsoft.com/"},
		"POST https://westeurope.api.cognitive.microsoft.com/sts/v1.0/issueToken", []string{"Content-Type: application/x-www-form-urlencoded", "Content-Length: 0", "Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "translator", Endpoint: "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de", Region: "westeurope"},
		"POST https://api.cognitive.microsofttranslator.com/detect?api-version=3.0", []string{"Content-Type: application/json", "Ocp-Apim-Subscription-Key: KEY", "Ocp-Apim-Subscription-Region: westeurope"}, `[{"Text":"a"}]`},
	{diagnosis.Input{Kind: "translator", Endpoint: "https://api.cognitive.microsofttranslator.com/", Region: "global"},
		"POST https://api.cognitive.microsofttranslator.com/detect?api-version=3.0", []string{"Content-Type: application/json", "Ocp-Apim-Subscription-Key: KEY"}, `[{"Text":"a"}]`},
	{diagnosis.Input{Kind: "translator", Endpoint: "https://api.cognitive.microsofttranslator.com/", Region: "eastus", RegionHeader: "westus"},
		"POST https://api.cognitive.microsofttranslator.com/detect?api-version=3.0", []string{"Content-Type: application/json", "Ocp-Apim-Subscription-Key: KEY", "Ocp-Apim-Subscription-Region: westus"}, `[{"Text":"a"}]`}, // tests what the user sends
	{diagnosis.Input{Kind: "translator", Endpoint: "https://api.cognitive.microsofttranslator.com/", Region: "westeurope", Header: "query"},
		"POST https://api.cognitive.microsofttranslator.com/detect?api-version=3.0&Subscription-Key=KEY&Subscription-Region=westeurope", []string{"Content-Type: application/json"}, `[{"Text":"a"}]`},
	{diagnosis.Input{Kind: "translator", Endpoint: "https://tr1.cognitiveservices.azure.com/", Region: "switzerlandnorth"},
		"POST https://tr1.cognitiveservices.azure.com/translator/text/v3.0/detect?api-version=3.0", []string{"Content-Type: application/json", "Ocp-Apim-Subscription-Key: KEY", "Ocp-Apim-Subscription-Region: switzerlandnorth"}, `[{"Text":"a"}]`},
	{diagnosis.Input{Kind: "speech", Endpoint: "https://westeurope.api.cognitive.microsoft.com/", Region: "westeurope"},
		"GET https://westeurope.tts.speech.microsoft.com/cognitiveservices/voices/list", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "speech", Endpoint: "https://usgovvirginia.stt.speech.azure.us/speech/recognition"},
		"GET https://usgovvirginia.tts.speech.azure.us/cognitiveservices/voices/list", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "speech", Endpoint: "https://sp1.cognitiveservices.azure.com/"},
		"POST https://sp1.cognitiveservices.azure.com/sts/v1.0/issueToken", []string{"Content-Type: application/x-www-form-urlencoded", "Content-Length: 0", "Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "vision", Endpoint: "https://v1.cognitiveservices.azure.com/"},
		"GET https://v1.cognitiveservices.azure.com/vision/v3.2/models", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "face", Endpoint: "https://fc.cognitiveservices.azure.com/face/v1.0/detect"},
		"GET https://fc.cognitiveservices.azure.com/face/v1.2/largefacelists?top=1", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "language", Endpoint: "https://l1.cognitiveservices.azure.com/"},
		"POST https://l1.cognitiveservices.azure.com/language/:analyze-text?api-version=2023-04-01", []string{"Content-Type: application/json", "Ocp-Apim-Subscription-Key: KEY"}, `{"kind":"LanguageDetection","analysisInput":{"documents":[{"id":"1","text":"a"}]}}`},
	{diagnosis.Input{Kind: "document-intelligence", Endpoint: "https://d1.cognitiveservices.azure.com/"},
		"GET https://d1.cognitiveservices.azure.com/documentintelligence/info?api-version=2024-11-30", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "content-safety", Endpoint: "https://cs.cognitiveservices.azure.com/"},
		"GET https://cs.cognitiveservices.azure.com/contentsafety/text/blocklists?api-version=2024-09-01", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "foundry-project", Endpoint: "https://f2.services.ai.azure.com/api/projects/MyProj/agents"},
		"GET https://f2.services.ai.azure.com/api/projects/MyProj/deployments?api-version=v1", []string{"Authorization: Bearer KEY"}, ""},
	{diagnosis.Input{Kind: "serverless-model", Endpoint: "https://llama-x.eastus2.models.ai.azure.com/chat/completions"},
		"GET https://llama-x.eastus2.models.ai.azure.com/info", []string{"Authorization: Bearer KEY"}, ""},
	{diagnosis.Input{Kind: "ai-search", Endpoint: "https://srch1.search.windows.net/indexes/docs/docs?search=*"},
		"GET https://srch1.search.windows.net/indexes?api-version=2024-07-01&$select=name", []string{"api-key: KEY"}, ""},
	{diagnosis.Input{Kind: "language", Endpoint: "https://l2.cognitiveservices.azure.com/", Header: "ocp-apim-subscription-key", Key: testkeys.JWT(`{"aud":"https://cognitiveservices.azure.com"}`)},
		"POST https://l2.cognitiveservices.azure.com/language/:analyze-text?api-version=2023-04-01", []string{"Content-Type: application/json", "Authorization: Bearer KEY"}, `{"kind":"LanguageDetection","analysisInput":{"documents":[{"id":"1","text":"a"}]}}`}, // a token always goes as a bearer token
	{diagnosis.Input{Kind: "custom-vision-training", Endpoint: "https://cv.cognitiveservices.azure.com/"},
		"GET https://cv.cognitiveservices.azure.com/customvision/v3.3/Training/projects", []string{"Training-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "custom-vision-prediction", Endpoint: "https://cv.cognitiveservices.azure.com/"},
		"GET https://cv.cognitiveservices.azure.com/customvision/v3.0/Prediction/00000000-0000-0000-0000-000000000000/classify/iterations/x/url", []string{"Prediction-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "luis-authoring", Endpoint: "https://westus.api.cognitive.microsoft.com/"},
		"GET https://westus.api.cognitive.microsoft.com/luis/api/v2.0/apps/", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "luis-prediction", Endpoint: "https://westus.api.cognitive.microsoft.com/", Header: "query"},
		"GET https://westus.api.cognitive.microsoft.com/luis/prediction/v3.0/apps/00000000-0000-0000-0000-000000000000/slots/production/predict?query=hi&subscription-key=KEY", nil, ""},
	{diagnosis.Input{Kind: "bing-search", Endpoint: "https://api.bing.microsoft.com/"},
		"GET https://api.bing.microsoft.com/v7.0/search?q=a&count=1", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "qna-maker", Endpoint: "https://westus.api.cognitive.microsoft.com/"},
		"GET https://westus.api.cognitive.microsoft.com/qnamaker/v4.0/knowledgebases", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "personalizer", Endpoint: "https://p1.cognitiveservices.azure.com/"},
		"GET https://p1.cognitiveservices.azure.com/personalizer/v1.0/configurations/service", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "anomaly-detector", Endpoint: "https://a1.cognitiveservices.azure.com/"},
		"GET https://a1.cognitiveservices.azure.com/anomalydetector/v1.1/multivariate/models?$top=1", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "metrics-advisor", Endpoint: "https://ma.cognitiveservices.azure.com/"},
		"GET https://ma.cognitiveservices.azure.com/metricsadvisor/v1.0/stats/latest", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Kind: "bing-speech", Endpoint: "https://api.cognitive.microsoft.com/"},
		"POST https://api.cognitive.microsoft.com/sts/v1.0/issueToken", []string{"Content-Type: application/x-www-form-urlencoded", "Content-Length: 0", "Ocp-Apim-Subscription-Key: KEY"}, ""},
	{diagnosis.Input{Endpoint: "https://c2.openai.azure.com/"}, // kind inferred from the host
		"GET https://c2.openai.azure.com/openai/models?api-version=2024-10-21", []string{"api-key: KEY"}, ""},
	{diagnosis.Input{Kind: "vision", Endpoint: "http://127.0.0.1:4000/", Header: "body"},
		"GET http://127.0.0.1:4000/vision/v3.2/models", []string{"Ocp-Apim-Subscription-Key: KEY"}, ""}, // a key in the body is never read: tested the right way
}

func TestBuildTestCall(t *testing.T) {
	seen := map[string]bool{}
	for _, tt := range probeTests {
		p, err := diagnosis.BuildTestCall(tt.in)
		require.NoError(t, err, "BuildTestCall(%+v)", tt.in)
		p = p.WithKey("KEY")
		assert.Equal(t, tt.request, p.Method+" "+p.URL, "BuildTestCall(%s, %s)", tt.in.Kind, tt.in.Endpoint)
		var hs []string
		for _, h := range p.Headers {
			hs = append(hs, h.Name+": "+h.Value)
		}
		assert.Equal(t, tt.headers, hs, "BuildTestCall(%s, %s).Headers", tt.in.Kind, tt.in.Endpoint)
		assert.Equal(t, tt.body, p.Body)
		assert.NotEmpty(t, p.Note)
		seen[tt.in.Kind] = true
	}
	for _, k := range diagnosis.Kinds() {
		assert.True(t, seen[k.ID], "no probe test for kind %s", k.ID)
	}
}

func TestBuildTestCallErrors(t *testing.T) {
	_, err := diagnosis.BuildTestCall(diagnosis.Input{Kind: "vision"})
	assert.ErrorContains(t, err, "no endpoint")
	_, err = diagnosis.BuildTestCall(diagnosis.Input{Endpoint: "https://example.com/"})
	assert.ErrorContains(t, err, "choose the API")
	// Speech with a region and no endpoint: the host the SDK builds from
	// the region (fresh-eyes review; facts §7, the voices list).
	p, err := diagnosis.BuildTestCall(diagnosis.Input{Kind: "speech", Region: "westeurope", Key: testkeys.Legacy()})
	require.NoError(t, err)
	assert.Equal(t, "GET https://westeurope.tts.speech.microsoft.com/cognitiveservices/voices/list", p.Method+" "+p.URL)
	_, err = diagnosis.BuildTestCall(diagnosis.Input{Kind: "speech", Region: "global", Key: testkeys.Legacy()})
	assert.ErrorContains(t, err, "no endpoint", "Speech does not run in global: no host to build")
	// An API no key opens gets no key-as-bearer call: it needs a token
	// (fresh-eyes review; facts §2.1 [S25]).
	_, err = diagnosis.BuildTestCall(diagnosis.Input{Kind: "foundry-project", Key: testkeys.CASK('A'),
		Endpoint: "https://contoso-hub.services.ai.azure.com/api/projects/proj1"})
	assert.ErrorContains(t, err, "a token is needed")
	p, err = diagnosis.BuildTestCall(diagnosis.Input{Kind: "foundry-project", Key: testkeys.Expand("${jwt-entra}"),
		Endpoint: "https://contoso-hub.services.ai.azure.com/api/projects/proj1/agents"})
	require.NoError(t, err)
	assert.Contains(t, p.Note, "it needs the same token")
	assert.Equal(t, "AZURE_TOKEN", p.SecretVar)
}

func TestProbeNote(t *testing.T) {
	p, _ := diagnosis.BuildTestCall(diagnosis.Input{Kind: "vision", Endpoint: "https://v1.cognitiveservices.azure.com/vision/v3.2/analyze?visualFeatures=Tags"})
	assert.Contains(t, p.Note, "Your URL calls /vision/v3.2/analyze; the test call uses this safer sibling")
	p, _ = diagnosis.BuildTestCall(diagnosis.Input{Kind: "vision", Endpoint: "https://v1.cognitiveservices.azure.com/vision/v3.2/models"})
	assert.Contains(t, p.Note, "It is the URL you gave.")
}

func TestProbeNeverHoldsTheKey(t *testing.T) {
	key := testkeys.CASK('b')
	f := diagnosis.Analyse(diagnosis.Input{Kind: "translator", Key: key, Region: "westeurope", Header: "query",
		Endpoint: "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0"})
	p, err := f.TestCall()
	require.NoError(t, err)
	for _, s := range []string{p.URL, p.Note, p.Display(f), p.Curl(), p.PowerShell(), p.Body} {
		assert.NotContains(t, s, key)
	}
	assert.Contains(t, p.Display(f), diagnosis.Mask(key))
	assert.Contains(t, p.WithKey(key).URL, "Subscription-Key="+key)
}

func TestProbeCommands(t *testing.T) {
	p, _ := diagnosis.BuildTestCall(diagnosis.Input{Kind: "translator", Region: "westeurope",
		Endpoint: "https://api.cognitive.microsofttranslator.com/"})
	assert.Equal(t, `curl -i -X POST 'https://api.cognitive.microsofttranslator.com/detect?api-version=3.0' \
  -H 'Content-Type: application/json' \
  -H 'Ocp-Apim-Subscription-Key: '"$AZURE_KEY"'' \
  -H 'Ocp-Apim-Subscription-Region: westeurope' \
  --data-raw '[{"Text":"a"}]'`, p.Curl())
	assert.Equal(t, `$headers = @{
  'Ocp-Apim-Subscription-Key' = "$env:AZURE_KEY"
  'Ocp-Apim-Subscription-Region' = 'westeurope'
}
try {
  $r = Invoke-WebRequest -UseBasicParsing -Method POST -Uri 'https://api.cognitive.microsofttranslator.com/detect?api-version=3.0' -Headers $headers -ContentType 'application/json' -Body '[{"Text":"a"}]'
  'HTTP ' + [int]$r.StatusCode; $r.Content
} catch {
  if ($_.Exception.Response) { 'HTTP ' + [int]$_.Exception.Response.StatusCode; $_.ErrorDetails.Message } else { $_.Exception.Message }
}`, p.PowerShell())
}

func TestCheckHost(t *testing.T) {
	for in, want := range map[string]diagnosis.Guard{
		"https://c1.openai.azure.com/":                   diagnosis.GuardAllow,
		"https://x1.cognitiveservices.azure.us/":         diagnosis.GuardAllow,
		"https://chinaeast2.api.cognitive.azure.cn/":     diagnosis.GuardAllow,
		"https://corp.azure-api.net/":                    diagnosis.GuardConfirm, // anyone can create a gateway
		"https://anything.azure-api.net/openai/":         diagnosis.GuardConfirm,
		"https://api.cognitive.microsofttranslator.com/": diagnosis.GuardAllow,
		"https://evil.example.com/":                      diagnosis.GuardConfirm,
		"https://c1.openai.azure.com.evil.example/":      diagnosis.GuardConfirm,
		"https://api.openai.com/":                        diagnosis.GuardConfirm,
		"http://127.0.0.1:8080/":                         diagnosis.GuardConfirm,
		"http://localhost/":                              diagnosis.GuardConfirm,
		"http://127.0.0.2:9/":                            diagnosis.GuardConfirm,
		"http://[::1]:8080/":                             diagnosis.GuardConfirm,
		"http://127.evil.example/":                       diagnosis.GuardRefuse, // a name, resolved anywhere
		"http://x.localhost/":                            diagnosis.GuardRefuse,
		"http://127.0.0.1.nip.io/":                       diagnosis.GuardRefuse,
		"http://0x7f000001/":                             diagnosis.GuardRefuse,
		"https://127.evil.example/":                      diagnosis.GuardConfirm,
		"http://c1.openai.azure.com/":                    diagnosis.GuardRefuse,
		"http://192.168.1.10/":                           diagnosis.GuardRefuse,
		"ftp://c1.openai.azure.com/":                     diagnosis.GuardRefuse,
		"c1.openai.azure.com":                            diagnosis.GuardRefuse,
		"javascript:alert(1)":                            diagnosis.GuardRefuse,
		"https://c1.openai.azure.com./":                  diagnosis.GuardAllow,  // the same host, as the findings say
		"https://x.openai\uff0eazure.com/":               diagnosis.GuardRefuse, // fetch goes to x.openai.azure.com
		"https://x.openai.azure.c\u03bfm/":               diagnosis.GuardRefuse, // a Greek omicron: punycode
		"https://2130706433/":                            diagnosis.GuardRefuse, // fetch goes to 127.0.0.1
		"http://2130706433/":                             diagnosis.GuardRefuse,
		"https://0x7f.1/":                                diagnosis.GuardRefuse,
		"https://127.1/":                                 diagnosis.GuardRefuse,
		"http://127.000.0.1/":                            diagnosis.GuardRefuse,
		"https://1.2.3.4/":                               diagnosis.GuardConfirm,
	} {
		got, why := diagnosis.CheckHost(in)
		assert.Equal(t, want, got, "CheckHost(%q): %s", in, why)
	}
}

func TestProbeFindings(t *testing.T) {
	base := diagnosis.Input{Kind: "vision", Endpoint: "https://v1.cognitiveservices.azure.com/", Key: testkeys.Legacy(),
		Status: 200}
	for failure, id := range map[string]string{diagnosis.ProbeCORSBlocked: "probe-cors-blocked",
		diagnosis.ProbeUnreachable: "probe-host-unreachable", diagnosis.ProbeTimeout: "probe-timeout"} {
		in := base
		in.TestResult = &diagnosis.TestResult{Failure: failure, Host: "v1.cognitiveservices.azure.com", Detail: "TypeError: Failed to fetch"}
		r := diagnosis.Diagnose(in)
		assert.True(t, r.Has(id), failure)
		assert.True(t, r.Has("response-ok"), "with no answer read, the pasted answer still counts")
	}
	in := base
	in.TestResult = &diagnosis.TestResult{Status: 401, Body: `{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint."}}`}
	r := diagnosis.Diagnose(in)
	assert.True(t, r.Has("response-invalid-key-or-endpoint"), "the test call's answer replaces the pasted one")
	assert.False(t, r.Has("response-ok"))
	in.TestResult = &diagnosis.TestResult{Status: 429, RetryAfter: "7"}
	r = diagnosis.Diagnose(in)
	require.True(t, r.Has("response-rate-limited"))
	assert.True(t, strings.Contains(r.Findings[0].Message, "Retry after 7 seconds"), r.Findings[0].Message)
}

// TestGuardAsksWhereTheFindingWarns: the host guard asks before the key
// goes to exactly the hosts a finding says are not Azure AI's (one host
// classification for both).
func TestGuardAsksWhereTheFindingWarns(t *testing.T) {
	hostFindings := []string{"endpoint-unknown-host", "endpoint-not-api", "endpoint-openai-public"}
	for _, endpoint := range []string{
		"https://c1.openai.azure.com/", "https://westeurope.api.cognitive.microsoft.com/",
		"https://x1.cognitiveservices.azure.us/", "https://chinaeast2.api.cognitive.azure.cn/",
		"https://api.cognitive.microsofttranslator.com/", "https://westus.tts.speech.microsoft.com/",
		"https://f1.services.ai.azure.com/", "https://api.bing.microsoft.com/",
		"https://corp.azure-api.net/", "https://anything.azure-api.net/", "https://evil.example.com/",
		"https://c1.openai.azure.com.evil.example/", "https://api.openai.com/", "https://portal.azure.com/",
		"https://127.evil.example/", "https://x.localhost/", "https://localhost:8443/",
		"http://127.0.0.1:8080/", "http://localhost/", "http://[::1]:9/",
		"https://x.openai.azure.com./", "https://x.openai\uff0eazure.com/", "https://2130706433/",
		"https://x.openai.azure.c\u03bfm/", "x.openai.azure.com./", "https://evil.example./",
	} {
		r := diagnosis.Diagnose(diagnosis.Input{Endpoint: endpoint, Kind: "vision"})
		warns := false
		for _, id := range hostFindings {
			warns = warns || r.Has(id)
		}
		guard, why := diagnosis.CheckHost(endpoint)
		assert.Equal(t, warns, guard == diagnosis.GuardConfirm, "%s: finding warns %v, guard %v (%s)", endpoint, warns, guard, why)
	}
}

// TestProbeKeySecondLine: a key with a second line is sent as the
// finding says, its first line only, in the query as in a header, and
// shown masked as sent.
func TestProbeKeySecondLine(t *testing.T) {
	key := testkeys.Legacy()
	pasted := " " + key + "\r\nX-Injected: 1\n"
	in := diagnosis.Input{Kind: "translator", Key: pasted, Region: "westeurope", Header: "query",
		Endpoint: "https://api.cognitive.microsofttranslator.com/"}
	r := diagnosis.Diagnose(in)
	require.True(t, r.Has("key-whitespace"))
	assert.Contains(t, r.Findings[slicesIndex(r, "key-whitespace")].Message, "only the first was used")
	p, err := diagnosis.BuildTestCall(in)
	require.NoError(t, err)
	assert.Contains(t, p.WithKey(pasted).URL, "Subscription-Key="+key+"&")
	assert.NotContains(t, p.WithKey(pasted).URL, "Injected")
	assert.Contains(t, p.Display(diagnosis.Analyse(in)), diagnosis.Mask(key))
	in.Header = ""
	p, _ = diagnosis.BuildTestCall(in)
	assert.Equal(t, key, p.WithKey(pasted).Headers[1].Value)
	assert.Equal(t, key, diagnosis.ProbeKey(pasted))
	assert.Equal(t, key, diagnosis.ProbeKey("\ufeff"+key+"\u200b\n"))
}

func slicesIndex(r diagnosis.Report, id string) int {
	for i, f := range r.Findings {
		if f.ID == id {
			return i
		}
	}
	return -1
}

// TestCopyRefusesControlCharacters: a control or bidi character in any
// part of the request gives a comment, not a command.
func TestCopyRefusesControlCharacters(t *testing.T) {
	for _, bad := range []string{"\n", "\r", "\x00", "\x1b[2J", "\u009b", "\u202e", "\u2066", "\x7f"} {
		p := diagnosis.TestCall{Method: "GET", URL: "https://c1.openai.azure.com/openai/models",
			Headers: []diagnosis.Header{{Name: "api-key", Value: diagnosis.KeySlot}, {Name: "X-Region", Value: "west" + bad + "europe"}}}
		for name, cmd := range map[string]string{"curl": p.Curl(), "PowerShell": p.PowerShell()} {
			assert.True(t, strings.HasPrefix(cmd, "# not copied: "), "%s with %q: %q", name, bad, cmd)
			assert.NotContains(t, cmd, bad, name)
			assert.NotContains(t, cmd, "\n", name)
		}
	}
}

// TestTestCallHostPort: the test call goes to the port the endpoint
// gives, with or without a scheme, and names it in its Host.
func TestTestCallHostPort(t *testing.T) {
	for endpoint, want := range map[string]string{
		"https://contoso.openai.azure.com/openai/models":      "contoso.openai.azure.com",
		"https://contoso.openai.azure.com:443/openai/models":  "contoso.openai.azure.com:443",
		"https://contoso.openai.azure.com:/openai/models":     "contoso.openai.azure.com",
		"contoso.openai.azure.com:8443/openai/models":         "contoso.openai.azure.com:8443",
		"http://[::1]:9/openai/models":                        "[::1]:9",
		"  https://Contoso.openai.azure.com:8443/openai/  \n": "contoso.openai.azure.com:8443",
	} {
		p, err := diagnosis.BuildTestCall(diagnosis.Input{Kind: "openai", Endpoint: endpoint})
		require.NoError(t, err, endpoint)
		assert.Equal(t, want, p.Host, endpoint)
		assert.True(t, strings.HasPrefix(p.URL, "https://"+want+"/") || strings.HasPrefix(p.URL, "http://"+want+"/"), "%s: %s", endpoint, p.URL)
	}
}
