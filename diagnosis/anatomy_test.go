package diagnosis_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"az401/diagnosis"
)

// anatomyTests are endpoints as the page draws them: each part's label,
// text and mark, written "label=text:mark".
var anatomyTests = []struct {
	in   diagnosis.Input
	want []string
}{
	// a clean custom subdomain with a versioned path and api-version
	{diagnosis.Input{Kind: "document-intelligence", Endpoint: "https://contoso.cognitiveservices.azure.com/formrecognizer/documentModels?api-version=2023-07-31"},
		[]string{"scheme=https://:ok", "resource name=contoso:ok", "domain=.cognitiveservices.azure.com:ok",
			"path=/formrecognizer/documentModels:ok", "query=?api-version=2023-07-31:ok"}},
	// Document Intelligence's 2024-11-30 under /formrecognizer/, which
	// serves 2023-07-31 and older (fresh-eyes review; see TestPathProblem)
	{diagnosis.Input{Kind: "document-intelligence", Status: 404, Endpoint: "https://contoso.cognitiveservices.azure.com/formrecognizer/documentModels/prebuilt-invoice:analyze?api-version=2024-11-30"},
		[]string{"scheme=https://:ok", "resource name=contoso:ok", "domain=.cognitiveservices.azure.com:ok",
			"path=/formrecognizer/documentModels/prebuilt-invoice:analyze:bad", "query=?api-version=2024-11-30:bad"}},
	// plain http and a regional host in another region than the resource
	{diagnosis.Input{Kind: "vision", Region: "eastus", Endpoint: "http://westus.api.cognitive.microsoft.com/"},
		[]string{"scheme=http://:bad", "region=westus:bad", "domain=.api.cognitive.microsoft.com:ok"}},
	// a Translator geography
	{diagnosis.Input{Kind: "translator", Endpoint: "https://api-eur.cognitive.microsofttranslator.com/translate?api-version=3.0"},
		[]string{"scheme=https://:ok", "geography=api-eur:ok", "domain=.cognitive.microsofttranslator.com:ok",
			"path=/translate:ok", "query=?api-version=3.0:ok"}},
	// a typo'd domain, and a path of another API than the one chosen
	{diagnosis.Input{Kind: "vision", Endpoint: "https://contoso.cognitiveservice.azure.com/face/v1.0/detect"},
		[]string{"scheme=https://:ok", "domain=contoso.cognitiveservice.azure.com:bad", "path=/face/v1.0/detect:bad"}},
	// the path of another API than the one chosen, on a real host
	{diagnosis.Input{Kind: "vision", Endpoint: "https://contoso.cognitiveservices.azure.com/face/v1.0/detect"},
		[]string{"scheme=https://:ok", "resource name=contoso:ok", "domain=.cognitiveservices.azure.com:ok",
			"path=/face/v1.0/detect:bad"}},
	// an API Management gateway, a secret in the query and a suspect api-version
	{diagnosis.Input{Kind: "openai", Endpoint: "https://gw.azure-api.net/openai/models?api-version=v1&subscription-key=abc"},
		[]string{"scheme=https://:ok", "resource name=gw:ok", "domain=.azure-api.net:warn",
			"path=/openai/models:warn", "query=?api-version=v1&subscription-key=%E2%80%A6:warn"}},
	// a token URL used as the endpoint
	{diagnosis.Input{Kind: "vision", Endpoint: "https://westus.api.cognitive.microsoft.com/sts/v1.0/issueToken"},
		[]string{"scheme=https://:ok", "region=westus:neutral", "domain=.api.cognitive.microsoft.com:ok",
			"path=/sts/v1.0/issueToken:bad"}},
	// not a URL: nothing to draw
	{diagnosis.Input{Endpoint: "/translate"}, nil},
}

func TestEndpointAnatomy(t *testing.T) {
	for _, tt := range anatomyTests {
		f := diagnosis.Analyse(tt.in)
		var got []string
		for _, s := range f.EndpointAnatomy(f.Report()) {
			got = append(got, s.Label+"="+s.Text+":"+s.Mark.String())
		}
		assert.Equal(t, tt.want, got, "EndpointAnatomy(%q, kind %q)", tt.in.Endpoint, tt.in.Kind)
	}
}

// TestEndpointAnatomyNotes checks the notes that explain a mark.
func TestEndpointAnatomyNotes(t *testing.T) {
	f := diagnosis.Analyse(diagnosis.Input{Kind: "vision", Region: "eastus", Endpoint: "https://westus.api.cognitive.microsoft.com/vision/v3.2/analyze"})
	notes := map[string]string{}
	for _, s := range f.EndpointAnatomy(f.Report()) {
		notes[s.Label] = s.Note
	}
	assert.Equal(t, "the resource is in eastus", notes["region"])
	assert.True(t, strings.HasPrefix(notes["domain"], "a regional endpoint"), notes["domain"])
	assert.Equal(t, "Computer Vision / Image Analysis v3.2", notes["path"])
}
