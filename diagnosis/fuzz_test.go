package diagnosis

import (
	"strings"
	"testing"
	"time"
)

// The fuzz targets check that no input makes a parser panic, and that a
// key never comes back whole in what the parsers keep for display.

func FuzzAnalyseKey(f *testing.F) {
	for _, tt := range keyTests {
		f.Add(tt.in)
	}
	f.Add(vectorKey("AAAB", "KPTD"))
	f.Fuzz(func(t *testing.T, s string) {
		k := analyseKey(s)
		_ = k.describe()
		if len(k.clean) > 16 && strings.Contains(k.why, k.clean) {
			t.Fatalf("analyseKey(%q).why repeats the key", s)
		}
		_ = Mask(k.clean)
	})
}

func FuzzAnalyseEndpoint(f *testing.F) {
	for _, tt := range endpointTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := analyseEndpoint(s)
		_ = pathProblem(&e)
		_ = RedactEndpoint(s)
	})
}

func FuzzAnalyseResponse(f *testing.F) {
	for _, tt := range statusTests {
		f.Add(0, tt.in)
	}
	f.Add(401, `{"error":{"code":401000}}`)
	f.Fuzz(func(t *testing.T, status int, s string) {
		r := analyseResponse(status, s)
		if r.status != status && status != 0 {
			t.Fatalf("analyseResponse(%d, %q) changed a given status to %d", status, s, r.status)
		}
		_ = retryAfter(r.text)
		_ = excerpt(s, r.text, "denied")
	})
}

func FuzzDiagnose(f *testing.F) {
	f.Add("translator", "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0", "eastus", vectorKey("AAAb", "XjxS"), "", 401, `{"error":{"code":401000}}`)
	f.Add("openai", "https://x1.openai.azure.com/openai/v1/", "West US 2", "Bearer eyJhbGciOiJub25lIn0.e30.x", "authorization", 0, "")
	f.Fuzz(func(t *testing.T, kind, endpoint, region, key, header string, status int, response string) {
		facts := Analyse(Input{Kind: kind, Endpoint: endpoint, Region: region, Key: key, Header: header,
			RegionHeader: region, Status: status, Response: response, Now: time.Unix(1e9, 0), KeyAge: time.Minute})
		if r := facts.Report(); r.Verdict == "" {
			t.Fatal("no verdict")
		}
		_ = facts.TokenClaims()
		if call, err := facts.TestCall(); err == nil {
			if !strings.HasPrefix(call.URL, "https://"+call.Host+"/") && !strings.HasPrefix(call.URL, "http://"+call.Host+"/") {
				t.Fatalf("the test call to %q goes elsewhere: %q", call.Host, call.URL)
			}
			_ = call.Display(facts)
		}
	})
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`curl -H "Ocp-Apim-Subscription-Key: abc" https://api.cognitive.microsofttranslator.com/translate?api-version=3.0`,
		"$headers = @{ 'api-key' = $key }\nInvoke-RestMethod -Uri https://x1.openai.azure.com/ -Headers $headers",
		"AZURE_OPENAI_KEY=abc\nAZURE_OPENAI_ENDPOINT=https://x1.openai.azure.com/",
		`{"kind": "OpenAI", "location": "eastus", "properties": {"disableLocalAuth": true}}`,
		"POST /translate HTTP/1.1\nHost: api.cognitive.microsofttranslator.com\n\nHTTP/1.1 401 Unauthorized\n\n{}",
		`speech_config = speechsdk.SpeechConfig(subscription=key, region="westus")`,
		// Found by a review: lower-casing that changes byte lengths before
		// an answer word, and an argument with no value.
		"401 Unauthorized ȺȺȺȺȺȺȺȺȺȺȺȺ computervisionerror",
		"Invoke-RestMethod  -A{''=",
		strings.Repeat(")\n{\n", 2000),
		strings.Repeat(`"a"+`, 3000) + `"a"`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := Extract(text)
		in := s.Input(Input{})
		if r := Diagnose(in); r.Verdict == "" {
			t.Fatal("no verdict")
		}
	})
}
