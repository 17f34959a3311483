package diagnosis

import (
	"slices"
	"time"
)

// Kind is an API kind a user can pick: one Azure AI API and how it
// authenticates. The catalogue ([Kinds]) is the only place that knows a
// kind: the tables the checks read (hosts, paths, the menu) are built
// from it.
type Kind struct {
	// ID is the CLI's --kind value and the page's option value.
	ID string
	// Name is the product name.
	Name string
	// Group is the heading the page lists the kind under; groups are
	// listed in the order the catalogue first names them.
	Group string
	// Header is how the key is sent (a Header* constant).
	Header string
	// Accepts lists other Header* values the API also reads the key from.
	Accepts []string
	// QueryKey is the query parameter the API reads the key from, "" if
	// it reads the key from headers only.
	QueryKey string
	// RegionHeader says a regional or multi-service key must also send
	// Ocp-Apim-Subscription-Region (Subscription-Region= in the query).
	RegionHeader bool
	// BearerKey is the path version on which the API also takes the key
	// as Authorization: Bearer ("v1"), "" if none.
	BearerKey string
	// STSTokens says the API accepts tokens from /sts/v1.0/issueToken.
	STSTokens bool
	// DatedVersions says the API's api-version is a date (YYYY-MM-DD).
	DatedVersions bool
	// RegionalPreviews says the API's preview api-versions run only in
	// some regions: elsewhere they answer 404 "Resource not found" to a
	// good key (Azure/azure-sdk-for-python#33312).
	RegionalPreviews bool
	// StableVersions are the API's GA api-versions up to the newest one
	// az401 knows, in order: a date without -preview before the newest
	// that is not among them was never served (a -preview dropped, a
	// date made up). Later dates are not judged: they may be newer GAs.
	StableVersions []string
	// APIVersion is the one api-version the API takes ("3.0"), "" if it
	// takes several.
	APIVersion string
	// NeedsAPIVersion says a request path beyond the API's base (its
	// first segment, or Test.CustomPrefix) needs an api-version in the
	// query, unless the path names a version segment (v1, v3.1…).
	NeedsAPIVersion bool
	// RetiredVersions are the path versions of the API that were
	// switched off.
	RetiredVersions []RetiredVersion
	// Services lists the key service characters (see docs/sources.md#s1)
	// whose keys the API accepts.
	Services string
	// MaybeServices lists service characters accepted only under a
	// condition, which MaybeNote states.
	MaybeServices string
	MaybeNote     string
	// hosts are the host families that belong to this kind alone: an
	// endpoint on one of them implies the kind.
	hosts []hostFamily
	// paths are the path shapes of the kind's URLs (see route).
	paths []route
	// Covers lists the kinds a multi-service kind also serves.
	Covers []string
	// Pair is the kind whose keys look like this kind's but do not open
	// it (LUIS authoring and prediction), "" if none.
	Pair string
	// RefusesPairKey says the API answers 401 to its pair's key: the LUIS
	// authoring API to the prediction ("endpoint") key, the first 401
	// cause LUIS documents; the prediction API takes an authoring key as
	// a starter key and answers 403 once its quota is spent (sources
	// §4.2 [S15]).
	RefusesPairKey bool
	// RegionlessHost says the API answers on api.cognitive.microsoft.com
	// with no region in the host.
	RegionlessHost bool
	// LimitedAccess says some features need approval, and a bare 403
	// most often means one was called unapproved.
	LimitedAccess bool
	// Audience is the token audience (aud) the API accepts; "" means the
	// cloud's Azure AI services audience, NoAudience that the API takes
	// no Entra ID token.
	Audience string
	// EntraOnly says the API takes only Entra ID tokens, never a key.
	EntraOnly bool
	// DataRole is the built-in role that grants the API's data actions;
	// "" means Cognitive Services User.
	DataRole string
	// SpeechRegions says the kind runs only in Speech regions, never in
	// "global", and answers on the region's speech hosts.
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
	// nothing (docs/sources.md#s7), for the test call.
	Test TestPlan
}

// RetiredVersion is a path version of an API that no longer answers.
type RetiredVersion struct {
	// Version is the path's version segment, lower case ("v2.0").
	Version string
	// Since is when it stopped answering: a date (YYYY-MM-DD), after
	// which the finding holds, or a year, for versions long gone.
	Since string
	// Use says what to call instead.
	Use string
	// Source cites docs/sources.md ("[S36]").
	Source string
}

// NoAudience is the [Kind.Audience] of an API that takes no Entra ID
// token.
const NoAudience = "-"

// TestPlan describes the test request of a kind, relative to the
// resource's endpoint.
type TestPlan struct {
	Method string
	// Path includes the query, e.g. "/vision/v3.2/models".
	Path        string
	ContentType string
	Body        string
	// Note says what the call costs or proves.
	Note string
	// Versions replaces Path when the endpoint's path has that version
	// ("v1": "/openai/v1/models").
	Versions map[string]string
	// CustomPrefix goes before Path on a custom subdomain host.
	CustomPrefix string
	// UnderProject puts Path under the endpoint's Foundry project
	// (/api/projects/NAME).
	UnderProject bool
}

// route is a path shape of a kind: its first segments, lower case,
// separated by "/". A segment "{v}" is the version segment, whatever it
// holds (and may be missing at the end); "{v7.0}" is a version segment
// that must be v7.0; "{v1*}" one that starts with v1 and is read as v1.
type route struct {
	path string
	on   hostFamily // the host family the route needs; hostUnknown: any
}

// translatorV3 is what replaced Translator v2.
const translatorV3 = "Translator v3: https://api.cognitive.microsofttranslator.com/translate?api-version=3.0"

// openAIVersions are the test paths of the OpenAI v1 API.
var openAIVersions = map[string]string{"v1": "/openai/v1/models"}

// kinds is the catalogue: one row per kind, every fact about a kind in
// its row. Sources (docs/sources.md): §1.2 (services), §2 (hosts,
// paths), §3 (headers), §5 (retirements), §7 (test calls).
var kinds = []Kind{
	{ID: "openai", Name: "Azure OpenAI", Group: "Generative AI", Header: HeaderAPIKey,
		Accepts: []string{HeaderSubscriptionKey}, BearerKey: "v1", DatedVersions: true, NeedsAPIVersion: true,
		DataRole: roleOpenAIUser, Services: "BA", hosts: []hostFamily{hostOpenAI}, paths: []route{{path: "openai/{v}"}},
		// The stable folders of the data-plane inference spec (sources [S20]:
		// Azure/azure-rest-api-specs …/AzureOpenAI/inference/stable/).
		StableVersions: []string{"2022-12-01", "2023-05-15", "2024-02-01", "2024-06-01", "2024-10-21"},
		Example:        "https://NAME.openai.azure.com/",
		Test: TestPlan{Method: "GET", Path: "/openai/models?api-version=2024-10-21",
			Note: "lists the models; no inference cost", Versions: openAIVersions}},
	{ID: "ai-services", Name: "Azure AI services / Foundry (multi-service)", Group: "Multi-service",
		Header: HeaderSubscriptionKey, Accepts: []string{HeaderAPIKey}, STSTokens: true, DatedVersions: true,
		Services: "A", MaybeServices: "E",
		MaybeNote: "an older Cognitive Services multi-service key works for the classic APIs, not for Azure OpenAI or Foundry models",
		hosts:     []hostFamily{hostFoundry}, paths: []route{{"models", hostFoundry}},
		Covers: []string{"openai", "translator", "speech", "vision", "face", "language",
			"document-intelligence", "content-safety", "custom-vision-training", "custom-vision-prediction"},
		Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestPlan{Method: "GET", Path: "/openai/models?api-version=2024-10-21",
			Note: "lists the models; no inference cost", Versions: openAIVersions}},
	{ID: "cognitive-services", Name: "Cognitive Services (multi-service, older)", Group: "Multi-service",
		Header: HeaderSubscriptionKey, Accepts: []string{HeaderAPIKey}, STSTokens: true,
		Services: "E", MaybeServices: "A",
		MaybeNote: "an Azure AI services key is accepted where the resource is of kind AIServices",
		Covers: []string{"translator", "speech", "vision", "face", "language", "document-intelligence",
			"content-safety", "custom-vision-training", "custom-vision-prediction", "luis-prediction"},
		Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestPlan{Method: "POST", Path: "/sts/v1.0/issueToken", ContentType: "application/x-www-form-urlencoded",
			Note: "exchanges the key for a 10-minute token; proves key and region [S1][S11]"}},
	{ID: "translator", Name: "Translator (text)", Group: "Language and text", Header: HeaderSubscriptionKey,
		QueryKey: "Subscription-Key", RegionHeader: true, STSTokens: true, Services: "bAE", GlobalOK: true,
		APIVersion: "3.0", NeedsAPIVersion: true,
		RetiredVersions: []RetiredVersion{{"v2", "2019-04-30", translatorV3, "[S37]"}},
		hosts:           []hostFamily{hostTranslator, hostTranslatorV2},
		paths: []route{{path: "translator"}, {path: "translate"}, {path: "detect"}, {path: "breaksentence"},
			{path: "transliterate"}, {path: "dictionary"}, {path: "languages"}, {"{v2}", hostTranslatorV2}},
		Example: "https://api.cognitive.microsofttranslator.com/",
		Test: TestPlan{Method: "POST", Path: "/detect?api-version=3.0", ContentType: "application/json",
			Body: `[{"Text":"a"}]`, Note: "detect is not counted as translated characters",
			CustomPrefix: "/translator/text/v3.0"}},
	{ID: "speech", Name: "Speech", Group: "Speech", Header: HeaderSubscriptionKey, QueryKey: "subscription-key",
		STSTokens: true, Services: "YAE", SpeechRegions: true, hosts: []hostFamily{hostSpeech}, DataRole: roleSpeechUser,
		RetiredVersions: []RetiredVersion{
			{"v3.0", "2026-03-31", "speech-to-text REST v3.2 or later (/speechtotext/v3.2/…)", "[S36]"},
			{"v3.1-preview.1", "2023-05-12", "speech-to-text REST v3.2 or later", "[S36]"},
			{"v2.0", "2024-02-29", "batch transcription in speech-to-text REST v3.2 or later", "[S36]"}},
		paths: []route{{path: "speechtotext/{v}"}, {path: "speech/{v}"}, {path: "cognitiveservices/{v}"},
			{path: "texttospeech/{v}"}, {path: "tts/{v}"}, {path: "customvoice/{v}"}, {path: "api/speechtotext/{v}"}},
		Example: "https://REGION.api.cognitive.microsoft.com/",
		Test: TestPlan{Method: "GET", Path: "/cognitiveservices/voices/list",
			Note: "lists the voices on the region's tts host"}},
	{ID: "vision", Name: "Computer Vision / Image Analysis", Group: "Vision", Header: HeaderSubscriptionKey,
		Services: "FAE", paths: []route{{path: "vision/{v}"}, {path: "computervision/{v}"}},
		Example: "https://NAME.cognitiveservices.azure.com/",
		Test:    TestPlan{Method: "GET", Path: "/vision/v3.2/models", Note: "lists domain models; no image processed"}},
	{ID: "face", Name: "Face", Group: "Vision", Header: HeaderSubscriptionKey, Services: "KAE", LimitedAccess: true,
		paths: []route{{path: "face/{v}"}}, Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestPlan{Method: "GET", Path: "/face/v1.2/largefacelists?top=1",
			Note: "lists face lists; a 403 UnsupportedFeature still proves the key is good"}},
	{ID: "language", Name: "Language (Text Analytics)", Group: "Language and text", Header: HeaderSubscriptionKey,
		DatedVersions: true, NeedsAPIVersion: true, Services: "aAE", paths: []route{{path: "language"}, {path: "text/analytics/{v}"}},
		RetiredVersions: []RetiredVersion{
			{"v2.0", "2024-02-29", "/language/:analyze-text?api-version=2023-04-01", "[S35]"},
			{"v2.1", "2024-02-29", "/language/:analyze-text?api-version=2023-04-01", "[S35]"}},
		Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestPlan{Method: "POST", Path: "/language/:analyze-text?api-version=2023-04-01", ContentType: "application/json",
			Body: `{"kind":"LanguageDetection","analysisInput":{"documents":[{"id":"1","text":"a"}]}}`,
			Note: "detects the language of one letter: one text record billed"}},
	{ID: "document-intelligence", Name: "Document Intelligence (Form Recognizer)", Group: "Vision",
		Header: HeaderSubscriptionKey, DatedVersions: true, NeedsAPIVersion: true, Services: "LAE", RegionalPreviews: true,
		paths:   []route{{path: "documentintelligence/{v}"}, {path: "formrecognizer/{v}"}},
		Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestPlan{Method: "GET", Path: "/documentintelligence/info?api-version=2024-11-30",
			Note: "reads the custom model count; no OCR quota used"}},
	{ID: "content-safety", Name: "Content Safety", Group: "Language and text", Header: HeaderSubscriptionKey,
		DatedVersions: true, NeedsAPIVersion: true, Services: "HAE", paths: []route{{path: "contentsafety"}},
		Example: "https://NAME.cognitiveservices.azure.com/",
		Test:    TestPlan{Method: "GET", Path: "/contentsafety/text/blocklists?api-version=2024-09-01", Note: "lists blocklists"}},
	{ID: "custom-vision-training", Name: "Custom Vision (training)", Group: "Vision", Header: HeaderTrainingKey,
		Services: "J", MaybeServices: "AE", MaybeNote: "a multi-service key works only if the project lives on that multi-service resource",
		paths: []route{{path: "customvision/{v}/training"}}, Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestPlan{Method: "GET", Path: "/customvision/v3.3/Training/projects", Note: "lists projects"}},
	{ID: "custom-vision-prediction", Name: "Custom Vision (prediction)", Group: "Vision", Header: HeaderPredictionKey,
		Services: "I", MaybeServices: "AE", MaybeNote: "a multi-service key works only if the iteration was published to that multi-service resource",
		paths: []route{{path: "customvision/{v}/prediction"}}, Example: "https://NAME-prediction.cognitiveservices.azure.com/",
		Test: TestPlan{Method: "GET", Path: "/customvision/v3.0/Prediction/00000000-0000-0000-0000-000000000000/classify/iterations/x/url",
			Note: "a 404 for the made-up project still proves the key passed the gateway"}},
	// LUIS paths ([S14]): authoring /luis/api/v2.0 and
	// /luis/authoring/v3.0-preview; prediction /luis/v2.0/apps and
	// /luis/prediction/v3.0; the retired v1 /luis/v1.
	{ID: "luis-authoring", Name: "LUIS (authoring)", Group: "Retired", Header: HeaderSubscriptionKey, Services: "R",
		Pair: "luis-prediction", RefusesPairKey: true,
		paths:   []route{{path: "luis/api/{v}"}, {path: "luis/authoring/{v}"}, {path: "luis/webapi/{v}"}},
		Retired: "2025-10-01", Successor: "Conversational Language Understanding (CLU) in the Language service",
		Example: "https://REGION.api.cognitive.microsoft.com/",
		Test:    TestPlan{Method: "GET", Path: "/luis/api/v2.0/apps/", Note: "lists the apps"}},
	{ID: "luis-prediction", Name: "LUIS (prediction)", Group: "Retired", Header: HeaderSubscriptionKey,
		QueryKey: "subscription-key", Services: "S", Pair: "luis-authoring",
		RetiredVersions: []RetiredVersion{{"v1", "2016", "the v3.0 prediction API (and LUIS itself retired on 2025-10-01)", "[I60]"}},
		MaybeServices:   "E", MaybeNote: "a multi-service key works only if it was assigned to the LUIS app",
		paths:   []route{{path: "luis/prediction/{v}"}, {path: "luis/{v2.0}"}, {path: "luis/{v1*}"}},
		Retired: "2025-10-01", Successor: "Conversational Language Understanding (CLU) in the Language service",
		Example: "https://REGION.api.cognitive.microsoft.com/",
		Test: TestPlan{Method: "GET", Path: "/luis/prediction/v3.0/apps/00000000-0000-0000-0000-000000000000/slots/production/predict?query=hi",
			Note: "needs the app ID; one query billed"}},
	{ID: "bing-search", Name: "Bing Search", Group: "Retired", Header: HeaderSubscriptionKey, Services: "fghijklno",
		GlobalOK: true, hosts: []hostFamily{hostBing}, RegionlessHost: true,
		RetiredVersions: []RetiredVersion{{"v5.0", "2018", "v7.0 (and Bing Search itself retired on 2025-08-11)", "[S30]"}},
		paths:           []route{{path: "bing/{v}"}, {"{v5.0}", hostBing}, {"{v7.0}", hostBing}},
		Retired:         "2025-08-11", Successor: "Grounding with Bing Search in Azure AI Foundry agents",
		Example: "https://api.bing.microsoft.com/",
		Test:    TestPlan{Method: "GET", Path: "/v7.0/search?q=a&count=1", Note: "one search transaction"}},
	{ID: "qna-maker", Name: "QnA Maker", Group: "Retired", Header: HeaderSubscriptionKey, Services: "VW",
		paths: []route{{path: "qnamaker/{v}"}},
		// The date is Microsoft's QnA Maker retirement notice; causes.md
		// lists QnA Maker among the retired services.
		Retired: "2025-03-31", Successor: "custom question answering in the Language service",
		Example: "https://REGION.api.cognitive.microsoft.com/",
		Test:    TestPlan{Method: "GET", Path: "/qnamaker/v4.0/knowledgebases", Note: "lists knowledge bases"}},
	{ID: "personalizer", Name: "Personalizer", Group: "Retired", Header: HeaderSubscriptionKey, Services: "U",
		paths: []route{{path: "personalizer/{v}"}}, Retired: "2026-10-01",
		Successor: "no direct successor [S34]", Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestPlan{Method: "GET", Path: "/personalizer/v1.0/configurations/service", Note: "reads the settings"}},
	{ID: "anomaly-detector", Name: "Anomaly Detector", Group: "Retired", Header: HeaderSubscriptionKey, Services: "DC",
		paths: []route{{path: "anomalydetector/{v}"}}, Retired: "2026-10-01",
		Successor: "Microsoft Fabric anomaly detection [S34]", Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestPlan{Method: "GET", Path: "/anomalydetector/v1.1/multivariate/models?$top=1", Note: "lists models"}},
	{ID: "metrics-advisor", Name: "Metrics Advisor", Group: "Retired", Header: HeaderSubscriptionKey, Services: "T",
		paths: []route{{path: "metricsadvisor/{v}"}}, Retired: "2026-10-01",
		Successor: "no direct successor [S34]", Example: "https://NAME.cognitiveservices.azure.com/",
		Test: TestPlan{Method: "GET", Path: "/metricsadvisor/v1.0/stats/latest", Note: "reads ingestion stats"}},
	{ID: "bing-speech", Name: "Bing Speech", Group: "Retired", Header: HeaderSubscriptionKey, STSTokens: true, RegionlessHost: true,
		Services: "m", Retired: "2019-10-15",
		Successor: "the Speech service, with a new Speech resource key [I33]", Example: "https://api.cognitive.microsoft.com/",
		Test: TestPlan{Method: "POST", Path: "/sts/v1.0/issueToken", ContentType: "application/x-www-form-urlencoded",
			Note: "exchanges the key for a token"}},
	// Foundry projects take only Entra ID tokens for https://ai.azure.com
	// (sources §2.1 [S25]); the test call lists the project's deployments.
	{ID: "foundry-project", Name: "Azure AI Foundry project (Entra ID only)", Group: "Generative AI",
		Header: HeaderAuthorization, paths: []route{{"api/projects", hostFoundry}},
		Audience: audFoundry, EntraOnly: true, DataRole: roleAzureAIUser,
		Example: "https://NAME.services.ai.azure.com/api/projects/PROJECT",
		Test: TestPlan{Method: "GET", Path: "/deployments?api-version=v1", UnderProject: true,
			Note: "lists the project's model deployments; only an Entra ID token opens it"}},
	// Serverless (models-as-a-service) endpoints have their own keys, sent
	// as a bearer token (sources §2.1, OBSERVED).
	{ID: "serverless-model", Name: "Serverless model endpoint (*.models.ai.azure.com)", Group: "Generative AI",
		Header: HeaderAuthorization, hosts: []hostFamily{hostServerless}, Audience: NoAudience,
		Example: "https://ENDPOINT.REGION.models.ai.azure.com/",
		Test:    TestPlan{Method: "GET", Path: "/info", Note: "reads the deployed model's name; no inference cost"}},
	// Azure AI Search: admin and query keys in api-key, never AI services
	// keys (sources §1.3, §3).
	{ID: "ai-search", Name: "Azure AI Search", Group: "Language and text", Header: HeaderAPIKey,
		hosts: []hostFamily{hostSearch}, paths: []route{{path: "indexes"}, {path: "indexers"},
			{path: "datasources"}, {path: "skillsets"}, {path: "servicestats"}},
		Audience: audSearch, DataRole: roleSearchIndexReader,
		Example: "https://NAME.search.windows.net/",
		Test: TestPlan{Method: "GET", Path: "/indexes?api-version=2024-07-01&$select=name",
			Note: "lists the index names; needs an admin key (a query key answers 403)"}},
}

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
	return ka != nil && slices.Contains(ka.Covers, b) || kb != nil && slices.Contains(kb.Covers, a)
}

// servedOn reports whether the kind's routes are served on the host
// family: its own hosts, or those of a kind it covers.
func (k *Kind) servedOn(h hostFamily) bool {
	return slices.Contains(k.hosts, h) || slices.ContainsFunc(k.Covers, func(id string) bool {
		c := kindByID[id]
		return c != nil && slices.Contains(c.hosts, h)
	})
}

// livesOn reports whether one of the kind's routes needs a host family
// that belongs to the other kind: a Foundry project path is served by
// an AI services resource.
func (k *Kind) livesOn(other *Kind) bool {
	for _, r := range k.paths {
		if r.on != hostUnknown && kindByHost[r.on] == other && other != k {
			return true
		}
	}
	return false
}
