package diagnosis

import (
	"slices"
	"strings"
)

// The recognisers are data: which calls, argument names, config names,
// URL paths and command flags carry which field, and for which kind.
// Sources are the SDKs' READMEs and quickstarts (Azure/azure-sdk-for-*,
// Azure-Samples/cognitive-services-speech-sdk, openai/openai-python,
// microsoft/semantic-kernel, langchain-ai) and sources §2, §3.

// role is what an argument, entry or flag carries.
type role uint8

const (
	roleNone          role = iota
	roleKey                // the key (or a credential holding it)
	roleRegion             // the resource's region
	roleEndpoint           // the endpoint or request URL
	roleToken              // an Entra ID or issueToken token
	roleVersion            // the api-version
	roleScope              // a token scope
	roleResource           // an Azure OpenAI resource name: https://NAME.openai.azure.com/
	roleAuto               // a positional credential or endpoint: the value's shape decides
	roleHeader             // a "Name: value" header string (curl -H)
	roleBody               // a request body (curl -d)
	roleKind               // a resource kind (az … --kind)
	roleLocalAuthOff       // resource settings: key auth disabled
	roleNetwork            // resource settings: public access closed
	roleNoSubdomain        // resource settings: no custom subdomain
	roleOpenAIDefault      // an OpenAI() client with no base URL
	roleHost               // a bare host name: the client adds https://
	rolePath               // a request path the client joins to its base URL (or a whole URL)
	roleDeployment         // the Azure OpenAI deployment a client is bound to (azure_deployment=)
	roleOperation          // an Azure OpenAI SDK operation: its route, and the deployment it names
	roleQuery              // the query a call sends apart from its URL (axios params)
)

// ctor is an SDK constructor, factory, builder or credential: the kind
// it talks to ("" if it says nothing) and its positional arguments.
type ctor struct {
	kind string
	pos  positions
}

// positions are what a call's first arguments carry, roleNone past the
// last: an array, not a slice, so ctors is static data in the page's
// WebAssembly instead of start-up code allocating one slice an entry.
type positions [3]role

// ctors maps callee names (last segment, lower case) to what they take.
var ctors = map[string]ctor{
	// Speech: Python SpeechConfig(subscription=, region=, endpoint=, host=, auth_token=);
	// C#/Java/JS SpeechConfig.FromSubscription(key, region) and friends.
	"speechconfig": {kind: "speech"}, "speechtranslationconfig": {kind: "speech"},
	"fromsubscription":       {kind: "speech", pos: positions{roleKey, roleRegion}},
	"fromendpoint":           {kind: "speech", pos: positions{roleEndpoint, roleKey}},
	"fromhost":               {kind: "speech", pos: positions{roleEndpoint, roleKey}},
	"fromauthorizationtoken": {kind: "speech", pos: positions{roleToken, roleRegion}},
	"speechrecognizer":       {kind: "speech"}, "speechsynthesizer": {kind: "speech"},
	// Swift/Objective-C: SPXSpeechConfiguration(subscription:region:).
	"spxspeechconfiguration": {kind: "speech"}, "spxspeechtranslationconfiguration": {kind: "speech"},
	// Translator: TextTranslationClient(credential, region) (.NET), (credential=, region=) (Python).
	"texttranslationclient": {kind: "translator", pos: positions{roleAuto, roleRegion}},
	"translatorcredential":  {kind: "translator", pos: positions{roleKey, roleRegion}},
	// Vision, Face, Language, Document Intelligence, Content Safety, Custom Vision, LUIS:
	// (endpoint, credential) in Python/.NET/JS/Java; old .NET clients take the
	// credential first and Endpoint in an initializer.
	"imageanalysisclient": {kind: "vision", pos: positions{roleAuto, roleAuto}}, "computervisionclient": {kind: "vision", pos: positions{roleAuto, roleAuto}},
	"faceclient": {kind: "face", pos: positions{roleAuto, roleAuto}}, "faceadministrationclient": {kind: "face", pos: positions{roleAuto, roleAuto}},
	"textanalyticsclient": {kind: "language", pos: positions{roleAuto, roleAuto}}, "conversationanalysisclient": {kind: "language", pos: positions{roleAuto, roleAuto}},
	"questionansweringclient": {kind: "language", pos: positions{roleAuto, roleAuto}}, "textauthoringclient": {kind: "language", pos: positions{roleAuto, roleAuto}},
	"documentanalysisclient": {kind: "document-intelligence", pos: positions{roleAuto, roleAuto}}, "documentintelligenceclient": {kind: "document-intelligence", pos: positions{roleAuto, roleAuto}},
	"formrecognizerclient": {kind: "document-intelligence", pos: positions{roleAuto, roleAuto}}, "formtrainingclient": {kind: "document-intelligence", pos: positions{roleAuto, roleAuto}},
	"documentintelligence": {kind: "document-intelligence", pos: positions{roleAuto, roleAuto}}, "documentmodeladministrationclient": {kind: "document-intelligence", pos: positions{roleAuto, roleAuto}},
	"contentsafetyclient": {kind: "content-safety", pos: positions{roleAuto, roleAuto}}, "blocklistclient": {kind: "content-safety", pos: positions{roleAuto, roleAuto}},
	"customvisiontrainingclient": {kind: "custom-vision-training", pos: positions{roleAuto, roleAuto}}, "trainingapiclient": {kind: "custom-vision-training", pos: positions{roleAuto, roleAuto}},
	"customvisionpredictionclient": {kind: "custom-vision-prediction", pos: positions{roleAuto, roleAuto}}, "predictionapiclient": {kind: "custom-vision-prediction", pos: positions{roleAuto, roleAuto}},
	"luisruntimeclient": {kind: "luis-prediction", pos: positions{roleAuto, roleAuto}}, "luisauthoringclient": {kind: "luis-authoring", pos: positions{roleAuto, roleAuto}},
	"websearchclient": {kind: "bing-search", pos: positions{roleAuto}},
	// mstranslator (Python): Translator(key) [wronglink/mstranslator#24].
	"translator": {kind: "translator", pos: positions{roleKey}},
	// Azure OpenAI: openai-python AzureOpenAI(api_key=, azure_endpoint=, api_version=);
	// .NET AzureOpenAIClient(endpoint, credential); Java OpenAIClientBuilder;
	// Go azopenai.NewClientWithKeyCredential(endpoint, cred, nil); LangChain
	// AzureChatOpenAI; Semantic Kernel AzureChatCompletion and
	// AddAzureOpenAIChatCompletion(deployment, endpoint, key); Vercel createAzure.
	"azureopenai": {kind: "openai"}, "asyncazureopenai": {kind: "openai"}, "azurechatopenai": {kind: "openai"},
	"azureopenaiembeddings": {kind: "openai"}, "azurechatcompletion": {kind: "openai"}, "azuretextembedding": {kind: "openai"},
	"azureopenaiclient": {kind: "openai", pos: positions{roleAuto, roleAuto}}, "openaiclient": {kind: "openai", pos: positions{roleAuto, roleAuto}},
	"createazure":                           {kind: "openai"},
	"openaifileservice":                     {kind: "openai", pos: positions{roleAuto, roleAuto}}, // Semantic Kernel: (apiKey) or (Uri endpoint, apiKey)
	"newclientwithkeycredential":            {kind: "openai", pos: positions{roleEndpoint, roleAuto}},
	"addazureopenaichatcompletion":          {kind: "openai", pos: positions{roleNone, roleEndpoint, roleKey}},
	"addazureopenaitextembeddinggeneration": {kind: "openai", pos: positions{roleNone, roleEndpoint, roleKey}},
	"withendpoint":                          {pos: positions{roleEndpoint, roleVersion}}, "withapikey": {pos: positions{roleKey}},
	// Foundry / model inference.
	"chatcompletionsclient": {kind: "ai-services", pos: positions{roleAuto, roleAuto}}, "embeddingsclient": {kind: "ai-services", pos: positions{roleAuto, roleAuto}},
	"aiprojectclient": {kind: "foundry-project", pos: positions{roleAuto, roleAuto}},
	// Credentials.
	"azurekeycredential": {pos: positions{roleKey}}, "keycredential": {pos: positions{roleKey}}, "newkeycredential": {pos: positions{roleKey}},
	"apikeycredential": {pos: positions{roleKey}}, "cognitiveservicescredentials": {pos: positions{roleKey}},
	"apikeyserviceclientcredentials": {pos: positions{roleKey}}, "tokencredentials": {pos: positions{roleToken}},
	"get_bearer_token_provider": {pos: positions{roleNone, roleScope}}, "getbearertokenprovider": {pos: positions{roleNone, roleScope}},
	"get_token": {pos: positions{roleScope}}, "gettoken": {pos: positions{roleScope}}, "gettokenasync": {pos: positions{roleScope}},
	"tokenrequestcontext": {pos: positions{roleScope}},
	// Builder methods (Java, .NET options).
	"endpoint": {pos: positions{roleEndpoint}}, "region": {pos: positions{roleRegion}}, "apikey": {pos: positions{roleKey}},
	"setendpoint": {pos: positions{roleEndpoint}}, "setkey": {pos: positions{roleKey}},
	"serviceversion": {pos: positions{roleVersion}}, // Java: .serviceVersion(OpenAIServiceVersion.V2024_06_01)
	// HTTP clients that take the base and the path apart (Postman's code
	// exports): Python http.client HTTPSConnection(host) + conn.request(method,
	// path, body, headers); C# RestSharp RestClient(base) + RestRequest(path).
	"httpsconnection": {pos: positions{roleHost}}, "request": {pos: positions{roleNone, rolePath}},
	"restclient": {pos: positions{roleEndpoint}}, "restclientoptions": {pos: positions{roleEndpoint}},
	"restrequest": {pos: positions{rolePath}},
	// HTTP request calls: the request URL, built or not (Python requests
	// and httpx, fetch, Go net/http).
	"post": {pos: positions{roleEndpoint}}, "get": {pos: positions{roleEndpoint}}, "put": {pos: positions{roleEndpoint}},
	"fetch": {pos: positions{roleEndpoint}}, "newrequest": {pos: positions{roleNone, roleEndpoint}},
	"newrequestwithcontext": {pos: positions{roleNone, roleNone, roleEndpoint}},
}

// entraCredentials are azure-identity credentials: the code sends
// Microsoft Entra ID tokens, not a key.
var entraCredentials = words{"DefaultAzureCredential", "ManagedIdentityCredential",
	"AzureCliCredential", "ClientSecretCredential", "InteractiveBrowserCredential",
	"ChainedTokenCredential", "WorkloadIdentityCredential", "NewDefaultAzureCredential"}

// argRoles maps argument, option and property names (lower case, no _
// or -) to what they carry.
var argRoles = map[string]role{
	"subscription": roleKey, "subscriptionkey": roleKey, "key": roleKey, "apikey": roleKey, "openaiapikey": roleKey,
	"azureopenaiapikey": roleKey, "speechkey": roleKey, "endpointkey": roleKey, "authoringkey": roleKey, "s": roleKey,
	"region": roleRegion, "location": roleRegion, "serviceregion": roleRegion, "speechregion": roleRegion,
	"endpoint": roleEndpoint, "azureendpoint": roleEndpoint, "baseurl": roleEndpoint, "apibase": roleEndpoint,
	"openaiapibase": roleEndpoint, "azureopenaiendpoint": roleEndpoint, "azureopenaibasepath": roleEndpoint,
	"host": roleEndpoint, "uri": roleEndpoint, "url": roleEndpoint, "endpointurl": roleEndpoint,
	"azureadtoken": roleToken, "adtoken": roleToken, "authtoken": roleToken, "authorizationtoken": roleToken,
	"apiversion": roleVersion, "openaiapiversion": roleVersion, "azureopenaiapiversion": roleVersion, "serviceversion": roleVersion,
	"resourcename": roleResource, "azureopenaiapiinstancename": roleResource,
	"scope": roleScope, "scopes": roleScope, "tokenscope": roleScope, "credential": roleAuto, "credentials": roleAuto,
	"h": roleHeader, "header": roleHeader, "d": roleBody, "data": roleBody, "dataraw": roleBody,
	"dataurlencode": roleBody, "body": roleBody, "kind": roleKind,
}

// normName lower-cases a name and drops - _ $ and leading dashes.
func normName(s string) string {
	s = strings.TrimLeft(s, "-.$@")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c == '-' || c == ' ' {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// regionHeaderName is Translator's region header.
const regionHeaderName = "ocp-apim-subscription-region"

// queryKeyParams are query parameters that carry a key, compared after
// normName: subscription-key, Subscription-Key, subscription_key, key,
// api-key, apikey, code, Ocp-Apim-Subscription-Key.
var queryKeyParams = words{"subscriptionkey", "key", "apikey",
	"ocpapimsubscriptionkey", "code"}

// configWords name what a config entry holds, matched on its name's
// words (AZURE_OPENAI_API_KEY → azure openai api key).
var configWords = []struct {
	words string // space-separated words, all must appear in order as whole words
	role  role
}{
	{"key vault", roleNone}, {"vault", roleNone}, {"keyword", roleNone}, {"deployment", roleNone}, {"model", roleNone},
	{"api version", roleVersion}, {"version", roleVersion},
	{"subscription key", roleKey}, {"api key", roleKey}, {"apikey", roleKey}, {"key", roleKey}, {"secret", roleNone},
	{"subscription", roleKey},
	{"region", roleRegion}, {"location", roleRegion},
	{"endpoint", roleEndpoint}, {"base url", roleEndpoint}, {"api base", roleEndpoint}, {"url", roleEndpoint},
	{"uri", roleEndpoint}, {"host", roleEndpoint}, {"instance name", roleResource}, {"resource name", roleResource},
	{"token", roleToken}, {"scope", roleScope},
}

// serviceWords name the kind a config name, section or variable talks
// about.
var serviceWords = []struct{ word, kind string }{
	{"openai", "openai"}, {"aoai", "openai"}, {"gpt", "openai"}, {"chatgpt", "openai"},
	{"speech", "speech"}, {"tts", "speech"}, {"stt", "speech"}, {"spx", "speech"},
	{"translator", "translator"}, {"translate", "translator"}, {"translation", "translator"},
	{"customvision", "custom-vision-training"}, {"vision", "vision"}, {"cv", "vision"}, {"face", "face"},
	{"language", "language"}, {"textanalytics", "language"}, {"clu", "language"},
	{"formrecognizer", "document-intelligence"}, {"documentintelligence", "document-intelligence"},
	{"docintel", "document-intelligence"}, {"contentsafety", "content-safety"}, {"luis", "luis-prediction"},
	{"bing", "bing-search"}, {"aiservices", "ai-services"}, {"foundry", "ai-services"},
	{"cognitiveservices", "cognitive-services"}, {"cognitive", "cognitive-services"},
}

// nameWords splits AZURE_OPENAI_API_KEY, azureOpenAiApiKey, Speech:Key
// and spring.ai.azure.openai.api-key into lower-case words.
func nameWords(s string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z' {
				flush()
			}
			cur.WriteByte(c + 'a' - 'A')
		case c >= '0' && c <= '9':
			if i > 0 && (s[i-1] < '0' || s[i-1] > '9') {
				flush() // key1 → key 1
			}
			cur.WriteByte(c)
		case c >= 'a' && c <= 'z':
			cur.WriteByte(c)
		default:
			flush()
		}
	}
	flush()
	return words
}

// configRole returns what a config name holds.
func configRole(name string) role {
	words := " " + strings.Join(nameWords(name), " ") + " "
	for _, cw := range configWords {
		if strings.Contains(words, " "+cw.words+" ") {
			return cw.role
		}
	}
	return roleNone
}

// serviceOf returns the kind a name's words (or the joined words: form
// recognizer) point to, or "".
func serviceOf(name string) string {
	words := nameWords(name)
	for i, w := range words {
		joined := w
		if i+1 < len(words) {
			joined += words[i+1]
		}
		for _, sw := range serviceWords {
			if w == sw.word || joined == sw.word {
				return sw.kind
			}
		}
	}
	return ""
}

// resourceKinds maps a Microsoft.CognitiveServices/accounts kind (az
// JSON, Bicep, ARM, Terraform, az … --kind) to the API kind.
var resourceKinds = map[string]string{
	"openai": "openai", "aiservices": "ai-services", "cognitiveservices": "cognitive-services",
	"texttranslation": "translator", "speechservices": "speech", "computervision": "vision", "face": "face",
	"textanalytics": "language", "formrecognizer": "document-intelligence", "contentsafety": "content-safety",
	"customvision.training": "custom-vision-training", "customvision.prediction": "custom-vision-prediction",
	"luis.authoring": "luis-authoring", "luis": "luis-prediction", "bing.search.v7": "bing-search",
	"qnamaker": "qna-maker", "personalizer": "personalizer", "anomalydetector": "anomaly-detector",
	"metricsadvisor": "metrics-advisor", "language": "language",
}

// commandKinds: command-line tools that talk to one kind.
var commandKinds = map[string]string{"spx": "speech", "bf": "luis-authoring", "luis": "luis-authoring"}

// words is a small set of names. A slice of strings is static data in
// the page's WebAssembly; a small map literal would be start-up code,
// one insert an entry.
type words []string

// has reports whether s is one of the words.
func (w words) has(s string) bool { return slices.Contains(w, s) }
