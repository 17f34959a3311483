package diagnosis

import "time"

// Kind is an API kind a user can pick: one Azure AI API and how it
// authenticates.
type Kind struct {
	// ID is the CLI's --kind value and the page's option value.
	ID string
	// Name is the product name.
	Name string
	// Group is the heading the page lists the kind under.
	Group string
	// Header is how the key is sent (a Header* constant).
	Header string
	// Services lists the key service characters (facts §1.2) whose keys
	// the API accepts.
	Services string
	// MaybeServices lists service characters accepted only under a
	// condition, which MaybeNote states.
	MaybeServices string
	MaybeNote     string
	// Hosts are the host families the API answers on.
	Hosts []HostFamily
	// Paths are the first path segments of its URLs ("openai", "vision").
	Paths []string
	// Covers lists the kinds a multi-service kind also serves.
	Covers []string
	// SpeechRegions says the kind runs only in Speech regions and never
	// in "global".
	SpeechRegions bool
	// GlobalOK says the resource may have the location "global".
	GlobalOK bool
	// Retired is the retirement date (YYYY-MM-DD), "" if the API is live.
	// A string, so the catalogue is static data with no start-up code.
	Retired string
	// Successor says what replaced a retired API.
	Successor string
	// Example is an endpoint as the portal shows it.
	Example string
	// Test is the cheapest request that needs a valid key and changes
	// nothing (facts §7), for the test call.
	Test TestCall
}

// TestCall describes the test request of a kind, relative to the
// resource's endpoint.
type TestCall struct {
	Method string
	// Path includes the query, e.g. "/vision/v3.2/models".
	Path        string
	ContentType string
	Body        string
	// Note says what the call costs or proves.
	Note string
}

// classicHosts are where the classic APIs answer: regional and custom
// hosts, and API Management front doors.
var classicHosts = []HostFamily{HostRegional, HostCustom, HostAPIM}

// kinds is the catalogue: one row per kind, every fact about a kind in
// its row. Sources: facts §1.2 (services), §2 (hosts, paths), §3
// (headers), §5 (retirements), §7 (test calls).
var kinds = []Kind{
	{ID: "openai", Name: "Azure OpenAI", Group: "Generative AI", Header: HeaderAPIKey,
		Services: "BA", Hosts: []HostFamily{HostOpenAI, HostCustom, HostFoundry, HostAPIM},
		Paths: []string{"openai"}, Example: "https://NAME.openai.azure.com/",
		Test: TestCall{Method: "GET", Path: "/openai/models?api-version=2024-10-21",
			Note: "lists the models; no inference cost"}},
	{ID: "ai-services", Name: "Azure AI services / Foundry (multi-service)", Group: "Multi-service",
		Header: HeaderSubscriptionKey, Services: "A", MaybeServices: "E",
		MaybeNote: "an older Cognitive Services multi-service key works for the classic APIs, not for Azure OpenAI or Foundry models",
		Hosts:     []HostFamily{HostCustom, HostFoundry, HostOpenAI, HostRegional, HostTranslator, HostSpeech, HostAPIM},
		Paths:     []string{"models"},
		Covers: []string{"openai", "translator", "speech", "vision", "face", "language",
			"document-intelligence", "content-safety", "custom-vision-training", "custom-vision-prediction"},
		Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestCall{Method: "GET", Path: "/openai/models?api-version=2024-10-21",
			Note: "lists the models; no inference cost"}},
	{ID: "cognitive-services", Name: "Cognitive Services (multi-service, older)", Group: "Multi-service",
		Header: HeaderSubscriptionKey, Services: "E", MaybeServices: "A",
		MaybeNote: "an Azure AI services key is accepted where the resource is of kind AIServices",
		Hosts:     []HostFamily{HostRegional, HostCustom, HostTranslator, HostSpeech, HostAPIM},
		Covers: []string{"translator", "speech", "vision", "face", "language", "document-intelligence",
			"content-safety", "custom-vision-training", "custom-vision-prediction", "luis-prediction"},
		Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestCall{Method: "POST", Path: "/sts/v1.0/issueToken", ContentType: "application/x-www-form-urlencoded",
			Note: "exchanges the key for a 10-minute token; proves key and region [S1][S11]"}},
	{ID: "translator", Name: "Translator (text)", Group: "Language and text", Header: HeaderSubscriptionKey,
		Services: "bAE", GlobalOK: true,
		Hosts:   []HostFamily{HostTranslator, HostCustom, HostRegional, HostGlobal, HostAPIM},
		Paths:   []string{"translator", "translate", "detect", "breaksentence", "transliterate", "dictionary", "languages"},
		Example: "https://api.cognitive.microsofttranslator.com/",
		Test: TestCall{Method: "POST", Path: "/detect?api-version=3.0", ContentType: "application/json",
			Body: `[{"Text":"a"}]`, Note: "detect is not counted as translated characters"}},
	{ID: "speech", Name: "Speech", Group: "Speech", Header: HeaderSubscriptionKey, Services: "YAE",
		SpeechRegions: true, Hosts: []HostFamily{HostSpeech, HostRegional, HostCustom, HostAPIM},
		Paths:   []string{"speechtotext", "speech", "cognitiveservices", "texttospeech", "tts", "customvoice"},
		Example: "https://REGION.api.cognitive.microsoft.com/",
		Test: TestCall{Method: "GET", Path: "/cognitiveservices/voices/list",
			Note: "lists the voices on the region's tts host"}},
	{ID: "vision", Name: "Computer Vision / Image Analysis", Group: "Vision", Header: HeaderSubscriptionKey,
		Services: "FAE", Hosts: classicHosts, Paths: []string{"vision", "computervision"},
		Example: "https://NAME.cognitiveservices.azure.com/",
		Test:    TestCall{Method: "GET", Path: "/vision/v3.2/models", Note: "lists domain models; no image processed"}},
	{ID: "face", Name: "Face", Group: "Vision", Header: HeaderSubscriptionKey, Services: "KAE",
		Hosts: classicHosts, Paths: []string{"face"}, Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestCall{Method: "GET", Path: "/face/v1.2/largefacelists?top=1",
			Note: "lists face lists; a 403 UnsupportedFeature still proves the key is good"}},
	{ID: "language", Name: "Language (Text Analytics)", Group: "Language and text", Header: HeaderSubscriptionKey,
		Services: "aAE", Hosts: classicHosts, Paths: []string{"language", "text"},
		Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestCall{Method: "POST", Path: "/language/:analyze-text?api-version=2023-04-01", ContentType: "application/json",
			Body: `{"kind":"LanguageDetection","analysisInput":{"documents":[{"id":"1","text":"a"}]}}`,
			Note: "detects the language of one letter: one text record billed"}},
	{ID: "document-intelligence", Name: "Document Intelligence (Form Recognizer)", Group: "Vision",
		Header: HeaderSubscriptionKey, Services: "LAE", Hosts: classicHosts,
		Paths: []string{"documentintelligence", "formrecognizer"}, Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestCall{Method: "GET", Path: "/documentintelligence/info?api-version=2024-11-30",
			Note: "reads the custom model count; no OCR quota used"}},
	{ID: "content-safety", Name: "Content Safety", Group: "Language and text", Header: HeaderSubscriptionKey,
		Services: "HAE", Hosts: classicHosts, Paths: []string{"contentsafety"},
		Example: "https://NAME.cognitiveservices.azure.com/",
		Test:    TestCall{Method: "GET", Path: "/contentsafety/text/blocklists?api-version=2024-09-01", Note: "lists blocklists"}},
	{ID: "custom-vision-training", Name: "Custom Vision (training)", Group: "Vision", Header: HeaderTrainingKey,
		Services: "J", MaybeServices: "AE", MaybeNote: "a multi-service key works only if the project lives on that multi-service resource",
		Hosts: classicHosts, Paths: []string{"customvision"}, Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestCall{Method: "GET", Path: "/customvision/v3.3/Training/projects", Note: "lists projects"}},
	{ID: "custom-vision-prediction", Name: "Custom Vision (prediction)", Group: "Vision", Header: HeaderPredictionKey,
		Services: "I", MaybeServices: "AE", MaybeNote: "a multi-service key works only if the iteration was published to that multi-service resource",
		Hosts: classicHosts, Paths: []string{"customvision"}, Example: "https://NAME-prediction.cognitiveservices.azure.com/",
		Test: TestCall{Method: "GET", Path: "/customvision/v3.0/Prediction/00000000-0000-0000-0000-000000000000/classify/iterations/x/url",
			Note: "a 404 for the made-up project still proves the key passed the gateway"}},
	{ID: "luis-authoring", Name: "LUIS (authoring)", Group: "Retired", Header: HeaderSubscriptionKey, Services: "R",
		Hosts: []HostFamily{HostRegional, HostCustom, HostProjectOxford}, Paths: []string{"luis"},
		Retired: "2025-10-01", Successor: "Conversational Language Understanding (CLU) in the Language service",
		Example: "https://REGION.api.cognitive.microsoft.com/",
		Test:    TestCall{Method: "GET", Path: "/luis/api/v2.0/apps/", Note: "lists the apps"}},
	{ID: "luis-prediction", Name: "LUIS (prediction)", Group: "Retired", Header: HeaderSubscriptionKey, Services: "S",
		MaybeServices: "E", MaybeNote: "a multi-service key works only if it was assigned to the LUIS app",
		Hosts: []HostFamily{HostRegional, HostCustom, HostProjectOxford}, Paths: []string{"luis"},
		Retired: "2025-10-01", Successor: "Conversational Language Understanding (CLU) in the Language service",
		Example: "https://REGION.api.cognitive.microsoft.com/",
		Test: TestCall{Method: "GET", Path: "/luis/prediction/v3.0/apps/00000000-0000-0000-0000-000000000000/slots/production/predict?query=hi",
			Note: "needs the app ID; one query billed"}},
	{ID: "bing-search", Name: "Bing Search", Group: "Retired", Header: HeaderSubscriptionKey, Services: "fghijklno",
		GlobalOK: true, Hosts: []HostFamily{HostBing, HostGlobal, HostRegional, HostCustom}, Paths: []string{"bing", "v7.0"},
		Retired: "2025-08-11", Successor: "Grounding with Bing Search in Azure AI Foundry agents",
		Example: "https://api.bing.microsoft.com/",
		Test:    TestCall{Method: "GET", Path: "/v7.0/search?q=a&count=1", Note: "one search transaction"}},
	{ID: "qna-maker", Name: "QnA Maker", Group: "Retired", Header: HeaderSubscriptionKey, Services: "VW",
		Hosts: []HostFamily{HostRegional, HostCustom, HostAPIM}, Paths: []string{"qnamaker"},
		// The date is Microsoft's QnA Maker retirement notice; causes.md
		// lists QnA Maker among the retired services.
		Retired: "2025-03-31", Successor: "custom question answering in the Language service",
		Example: "https://REGION.api.cognitive.microsoft.com/",
		Test:    TestCall{Method: "GET", Path: "/qnamaker/v4.0/knowledgebases", Note: "lists knowledge bases"}},
	{ID: "personalizer", Name: "Personalizer", Group: "Retired", Header: HeaderSubscriptionKey, Services: "U",
		Hosts: classicHosts, Paths: []string{"personalizer"}, Retired: "2026-10-01",
		Successor: "no direct successor [S34]", Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestCall{Method: "GET", Path: "/personalizer/v1.0/configurations/service", Note: "reads the settings"}},
	{ID: "anomaly-detector", Name: "Anomaly Detector", Group: "Retired", Header: HeaderSubscriptionKey, Services: "DC",
		Hosts: classicHosts, Paths: []string{"anomalydetector"}, Retired: "2026-10-01",
		Successor: "Microsoft Fabric anomaly detection [S34]", Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestCall{Method: "GET", Path: "/anomalydetector/v1.1/multivariate/models?$top=1", Note: "lists models"}},
	{ID: "metrics-advisor", Name: "Metrics Advisor", Group: "Retired", Header: HeaderSubscriptionKey, Services: "T",
		Hosts: classicHosts, Paths: []string{"metricsadvisor"}, Retired: "2026-10-01",
		Successor: "no direct successor [S34]", Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestCall{Method: "GET", Path: "/metricsadvisor/v1.0/stats/latest", Note: "reads ingestion stats"}},
	{ID: "bing-speech", Name: "Bing Speech", Group: "Retired", Header: HeaderSubscriptionKey, Services: "m",
		Hosts: []HostFamily{HostGlobal, HostRegional}, Paths: []string{"sts"}, Retired: "2019-10-15",
		Successor: "the Speech service, with a new Speech resource key [I33]", Example: "https://api.cognitive.microsoft.com/",
		Test: TestCall{Method: "POST", Path: "/sts/v1.0/issueToken", ContentType: "application/x-www-form-urlencoded",
			Note: "exchanges the key for a token"}},
	// Foundry projects take only Entra ID tokens for https://ai.azure.com
	// (facts §2.1 [S25]); the test call lists the project's deployments.
	{ID: "foundry-project", Name: "Azure AI Foundry project (Entra ID only)", Group: "Generative AI",
		Header: HeaderAuthorization, Hosts: []HostFamily{HostFoundry}, Paths: []string{"api"},
		Example: "https://NAME.services.ai.azure.com/api/projects/PROJECT",
		Test: TestCall{Method: "GET", Path: "/deployments?api-version=v1",
			Note: "lists the project's model deployments; only an Entra ID token opens it"}},
	// Serverless (models-as-a-service) endpoints have their own keys, sent
	// as a bearer token (facts §2.1, OBSERVED).
	{ID: "serverless-model", Name: "Serverless model endpoint (*.models.ai.azure.com)", Group: "Generative AI",
		Header: HeaderAuthorization, Hosts: []HostFamily{HostServerless},
		Example: "https://ENDPOINT.REGION.models.ai.azure.com/",
		Test:    TestCall{Method: "GET", Path: "/info", Note: "reads the deployed model's name; no inference cost"}},
	// Azure AI Search: admin and query keys in api-key, never AI services
	// keys (facts §1.3, §3).
	{ID: "ai-search", Name: "Azure AI Search", Group: "Language and text", Header: HeaderAPIKey,
		Hosts: []HostFamily{HostSearch}, Paths: []string{"indexes", "indexers", "datasources", "skillsets", "servicestats"},
		Example: "https://NAME.search.windows.net/",
		Test: TestCall{Method: "GET", Path: "/indexes?api-version=2024-07-01&$select=name",
			Note: "lists the index names; needs an admin key (a query key answers 403)"}},
}

var kindByID = func() map[string]*Kind {
	m := make(map[string]*Kind, len(kinds))
	for i := range kinds {
		m[kinds[i].ID] = &kinds[i]
	}
	return m
}()

// Kinds returns the catalogue of API kinds. Do not modify it.
func Kinds() []Kind { return kinds }

// LookupKind returns the kind with the id, or nil.
func LookupKind(id string) *Kind { return kindByID[id] }

// IsRetired reports whether the kind is retired at now; a zero now counts
// as after every date.
func (k *Kind) IsRetired(now time.Time) bool {
	return k.Retired != "" && (now.IsZero() || now.UTC().Format(time.DateOnly) >= k.Retired)
}

// compatible reports whether an endpoint meant for API b serves a user
// who picked API a: the same API, or a multi-service kind covering it.
func compatible(a, b string) bool {
	if a == b {
		return true
	}
	ka, kb := kindByID[a], kindByID[b]
	return ka != nil && contains(ka.Covers, b) || kb != nil && contains(kb.Covers, a)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
