package diagnosis

import "strings"

// HostFamily is a shape of endpoint host (facts §2).
type HostFamily int

// Host families.
const (
	HostUnknown       HostFamily = iota
	HostRegional                 // {region}.api.cognitive.microsoft.com and sovereign forms
	HostGlobal                   // api.cognitive.microsoft.com, no region
	HostCustom                   // {name}.cognitiveservices.azure.com (custom subdomain)
	HostOpenAI                   // {name}.openai.azure.com
	HostFoundry                  // {name}.services.ai.azure.com
	HostServerless               // {endpoint}.{region}.models.ai.azure.com
	HostTranslator               // api.cognitive.microsofttranslator.com and geographies
	HostSpeech                   // {region}.stt|tts.speech.microsoft.com
	HostBing                     // api.bing.microsoft.com
	HostProjectOxford            // api.projectoxford.ai (retired)
	HostTranslatorV2             // api.microsofttranslator.com (retired v2)
	HostOpenAIPublic             // api.openai.com, OpenAI's own API
	HostAPIM                     // {name}.azure-api.net, an API Management front door
	HostWebPage                  // a portal, studio or docs page, not an API
	HostLoopback                 // localhost and 127.0.0.0/8, a local proxy or test server
)

var hostFamilyNames = [...]string{"an unknown host", "a regional endpoint", "the global endpoint",
	"a custom subdomain endpoint", "an Azure OpenAI endpoint", "an Azure AI Foundry endpoint",
	"a serverless model endpoint", "a Translator endpoint", "a Speech endpoint", "the Bing Search endpoint",
	"the retired Project Oxford endpoint", "the retired Translator v2 endpoint", "OpenAI's own API",
	"an API Management gateway", "a web page", "a local address"}

// String describes the family in words, e.g. "a regional endpoint".
func (h HostFamily) String() string { return hostFamilyNames[h] }

// hostSuffix is one pattern of Azure AI host: a suffix after the first
// label, or a whole host when exact.
type hostSuffix struct {
	suffix string
	exact  bool
	family HostFamily
	cloud  Cloud
}

// hostSuffixes are the Azure AI host patterns per cloud (facts §2.1, §2.2).
var hostSuffixes = []hostSuffix{
	{"api.cognitive.microsoft.com", true, HostGlobal, CloudPublic},
	{".api.cognitive.microsoft.com", false, HostRegional, CloudPublic},
	{".cognitiveservices.azure.com", false, HostCustom, CloudPublic},
	{".openai.azure.com", false, HostOpenAI, CloudPublic},
	{".services.ai.azure.com", false, HostFoundry, CloudPublic},
	{".models.ai.azure.com", false, HostServerless, CloudPublic},
	{".cognitive.microsofttranslator.com", false, HostTranslator, CloudPublic},
	{".stt.speech.microsoft.com", false, HostSpeech, CloudPublic},
	{".tts.speech.microsoft.com", false, HostSpeech, CloudPublic},
	{"api.bing.microsoft.com", true, HostBing, CloudPublic},
	{"api.projectoxford.ai", true, HostProjectOxford, CloudPublic},
	{"api.microsofttranslator.com", true, HostTranslatorV2, CloudPublic},
	{"api.openai.com", true, HostOpenAIPublic, CloudUnknown},
	{".dev.cognitive.microsoft.com", false, HostWebPage, CloudPublic},
	{".azure-api.net", false, HostAPIM, CloudUnknown},
	// Azure Government.
	{".api.cognitive.microsoft.us", false, HostRegional, CloudGovernment},
	{".cognitiveservices.azure.us", false, HostCustom, CloudGovernment},
	{".openai.azure.us", false, HostOpenAI, CloudGovernment},
	{"api.cognitive.microsofttranslator.us", true, HostTranslator, CloudGovernment},
	{".stt.speech.azure.us", false, HostSpeech, CloudGovernment},
	{".tts.speech.azure.us", false, HostSpeech, CloudGovernment},
	// Azure China.
	{".api.cognitive.azure.cn", false, HostRegional, CloudChina},
	{".cognitiveservices.azure.cn", false, HostCustom, CloudChina},
	{".openai.azure.cn", false, HostOpenAI, CloudChina},
	{"api.translator.azure.cn", true, HostTranslator, CloudChina},
	{".stt.speech.azure.cn", false, HostSpeech, CloudChina},
	{".tts.speech.azure.cn", false, HostSpeech, CloudChina},
}

// webPages are hosts of pages people copy instead of an endpoint:
// portals, studios, docs (facts §2; causes endpoint-not-api).
var webPages = [...]struct{ host, name string }{
	{"portal.azure.com", "the Azure portal"},
	{"portal.azure.us", "the Azure Government portal"},
	{"portal.azure.cn", "the Azure China portal"},
	{"ai.azure.com", "Azure AI Foundry"},
	{"oai.azure.com", "Azure OpenAI Studio"},
	{"ml.azure.com", "Azure Machine Learning studio"},
	{"speech.microsoft.com", "Speech Studio"},
	{"language.cognitive.azure.com", "Language Studio"},
	{"contentsafety.cognitive.azure.com", "Content Safety Studio"},
	{"portal.vision.cognitive.azure.com", "Vision Studio"},
	{"documentintelligence.ai.azure.com", "Document Intelligence Studio"},
	{"formrecognizer.appliedai.azure.com", "Form Recognizer Studio"},
	{"www.customvision.ai", "the Custom Vision portal"},
	{"customvision.ai", "the Custom Vision portal"},
	{"www.luis.ai", "the LUIS portal"},
	{"luis.ai", "the LUIS portal"},
	{"eu.luis.ai", "the LUIS portal"},
	{"au.luis.ai", "the LUIS portal"},
	{"learn.microsoft.com", "Microsoft Learn (documentation)"},
	{"docs.microsoft.com", "Microsoft Docs (documentation)"},
	{"docs.azure.cn", "Azure China documentation"},
	{"azure.microsoft.com", "the Azure website"},
	{"github.com", "GitHub"},
}

// webPage names the page a host serves, or "".
func webPage(host string) string {
	for _, w := range webPages {
		if w.host == host {
			return w.name
		}
	}
	return ""
}

// knownDomains are the domains an Azure AI host ends with, for typo
// suggestions.
var knownDomains = []string{"cognitiveservices.azure.com", "openai.azure.com", "services.ai.azure.com",
	"api.cognitive.microsoft.com", "cognitive.microsofttranslator.com", "stt.speech.microsoft.com",
	"tts.speech.microsoft.com"}

// classifyHost finds the family and cloud of a lower-case host, and the
// first label (the region or resource name) where the family has one.
func classifyHost(host string) (HostFamily, Cloud, string) {
	if webPage(host) != "" {
		return HostWebPage, CloudUnknown, ""
	}
	if isLoopback(host) {
		return HostLoopback, CloudUnknown, ""
	}
	for _, s := range hostSuffixes {
		if s.exact {
			if host == s.suffix {
				return s.family, s.cloud, ""
			}
			continue
		}
		if strings.HasSuffix(host, s.suffix) && len(host) > len(s.suffix) {
			return s.family, s.cloud, host[:len(host)-len(s.suffix)]
		}
	}
	return HostUnknown, CloudUnknown, ""
}

func isLoopback(host string) bool {
	return host == "localhost" || strings.HasSuffix(host, ".localhost") || strings.HasPrefix(host, "127.") || host == "::1"
}

// AzureAIHost reports whether host is on a known Azure AI domain (public,
// Government or China cloud): the hosts a test call may send a key to
// without asking. An API Management gateway (*.azure-api.net) is not one:
// anyone can create one, so the key goes there only once confirmed.
func AzureAIHost(host string) bool {
	f, _, _ := classifyHost(strings.ToLower(host))
	switch f {
	case HostUnknown, HostWebPage, HostLoopback, HostOpenAIPublic, HostAPIM:
		return false
	}
	return true
}

// suggestDomain returns a known Azure AI domain one or two typos away from
// the end of host, or "".
func suggestDomain(host string) string {
	for _, d := range knownDomains {
		n := strings.Count(d, ".") + 1
		labels := strings.Split(host, ".")
		if len(labels) < n {
			continue
		}
		tail := strings.Join(labels[len(labels)-n:], ".")
		if tail != d && editDistance(tail, d, 3) < 3 {
			return strings.Join(labels[:len(labels)-n], ".") + "." + d
		}
	}
	return ""
}

// validSubdomain checks a custom subdomain name: letters, digits and
// dashes, 2–64 characters, not starting or ending with a dash ([S2]).
func validSubdomain(name string) bool {
	if len(name) < 2 || len(name) > 64 || name[0] == '-' || name[len(name)-1] == '-' {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !isAlnum(name[i]) && name[i] != '-' {
			return false
		}
	}
	return true
}
