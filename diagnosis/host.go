package diagnosis

import (
	"errors"
	"net/netip"
	"strings"
)

// hostFamily is a shape of endpoint host (sources §2).
type hostFamily int

// Host families.
const (
	hostUnknown       hostFamily = iota
	hostRegional                 // {region}.api.cognitive.microsoft.com and sovereign forms
	hostGlobal                   // api.cognitive.microsoft.com, no region
	hostCustom                   // {name}.cognitiveservices.azure.com (custom subdomain)
	hostOpenAI                   // {name}.openai.azure.com
	hostFoundry                  // {name}.services.ai.azure.com
	hostServerless               // {endpoint}.{region}.models.ai.azure.com
	hostTranslator               // api.cognitive.microsofttranslator.com and geographies
	hostSpeech                   // {region}.stt|tts.speech.microsoft.com
	hostBing                     // api.bing.microsoft.com
	hostProjectOxford            // api.projectoxford.ai (retired)
	hostTranslatorV2             // api.microsofttranslator.com (retired v2)
	hostOpenAIPublic             // api.openai.com, OpenAI's own API
	hostAPIM                     // {name}.azure-api.net, an API Management front door
	hostWebPage                  // a portal, studio or docs page, not an API
	hostLoopback                 // localhost, 127.0.0.0/8 and ::1, a local proxy or test server
	hostSearch                   // {name}.search.windows.net, Azure AI Search
)

var hostFamilyNames = [...]string{"an unknown host", "a regional endpoint", "the global endpoint",
	"a custom subdomain endpoint", "an Azure OpenAI endpoint", "an Azure AI Foundry endpoint",
	"a serverless model endpoint", "a Translator endpoint", "a Speech endpoint", "the Bing Search endpoint",
	"the retired Project Oxford endpoint", "the retired Translator v2 endpoint", "OpenAI's own API",
	"an API Management gateway", "a web page", "a local address", "an Azure AI Search endpoint"}

// String describes the family in words, e.g. "a regional endpoint".
func (h hostFamily) String() string { return hostFamilyNames[h] }

// hostSuffix is one pattern of Azure AI host: a suffix after the first
// label, or a whole host when exact.
type hostSuffix struct {
	suffix string
	exact  bool
	family hostFamily
	cloud  Cloud
}

// hostSuffixes are the Azure AI host patterns per cloud (sources §2.1, §2.2).
var hostSuffixes = []hostSuffix{
	{"api.cognitive.microsoft.com", true, hostGlobal, CloudPublic},
	{".api.cognitive.microsoft.com", false, hostRegional, CloudPublic},
	{".cognitiveservices.azure.com", false, hostCustom, CloudPublic},
	{".openai.azure.com", false, hostOpenAI, CloudPublic},
	{".services.ai.azure.com", false, hostFoundry, CloudPublic},
	{".models.ai.azure.com", false, hostServerless, CloudPublic},
	{".cognitive.microsofttranslator.com", false, hostTranslator, CloudPublic},
	{".stt.speech.microsoft.com", false, hostSpeech, CloudPublic},
	// Custom Speech and batch transcription v2.0 lived on {region}.cris.ai until
	// that API retired (MicrosoftDocs/azure-docs#19645, #22901; sources §5).
	{".cris.ai", false, hostSpeech, CloudPublic},
	{".tts.speech.microsoft.com", false, hostSpeech, CloudPublic},
	// Speech translation: wss://REGION.s2s.speech.microsoft.com/speech/translation/…
	// (Azure-Samples/cognitive-services-speech-sdk#2675).
	{".s2s.speech.microsoft.com", false, hostSpeech, CloudPublic},
	{"api.bing.microsoft.com", true, hostBing, CloudPublic},
	{"api.projectoxford.ai", true, hostProjectOxford, CloudPublic},
	{"api.microsofttranslator.com", true, hostTranslatorV2, CloudPublic},
	{"api.openai.com", true, hostOpenAIPublic, CloudUnknown},
	{".dev.cognitive.microsoft.com", false, hostWebPage, CloudPublic},
	{".azure-api.net", false, hostAPIM, CloudUnknown},
	{".search.windows.net", false, hostSearch, CloudPublic},
	{".search.azure.us", false, hostSearch, CloudGovernment},
	{".search.azure.cn", false, hostSearch, CloudChina},
	// Azure Government.
	{".api.cognitive.microsoft.us", false, hostRegional, CloudGovernment},
	{".cognitiveservices.azure.us", false, hostCustom, CloudGovernment},
	{".openai.azure.us", false, hostOpenAI, CloudGovernment},
	{"api.cognitive.microsofttranslator.us", true, hostTranslator, CloudGovernment},
	{".stt.speech.azure.us", false, hostSpeech, CloudGovernment},
	{".tts.speech.azure.us", false, hostSpeech, CloudGovernment},
	// Azure China.
	{".api.cognitive.azure.cn", false, hostRegional, CloudChina},
	{".cognitiveservices.azure.cn", false, hostCustom, CloudChina},
	{".openai.azure.cn", false, hostOpenAI, CloudChina},
	{"api.translator.azure.cn", true, hostTranslator, CloudChina},
	{".stt.speech.azure.cn", false, hostSpeech, CloudChina},
	{".tts.speech.azure.cn", false, hostSpeech, CloudChina},
}

// webPages are hosts of pages people copy instead of an endpoint:
// portals, studios, docs (sources §2; causes endpoint-not-api).
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
func classifyHost(host string) (hostFamily, Cloud, string) {
	if webPage(host) != "" {
		return hostWebPage, CloudUnknown, ""
	}
	if isLoopback(host) {
		return hostLoopback, CloudUnknown, ""
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
	return hostUnknown, CloudUnknown, ""
}

// isLoopback reports whether a host is this machine: the name localhost,
// or an address in 127.0.0.0/8 or ::1. Names that merely start with 127.
// or end in .localhost are resolved by DNS and may point anywhere.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"))
	return err == nil && ip.Unmap().IsLoopback()
}

// foreign reports whether a family is outside Azure AI's own domains: an
// API Management gateway (which anyone can create), a local address, a
// web page, OpenAI's API or an unknown host. The host guard asks before a
// key goes to one, and a finding says why: endpoint-unknown-host, or
// endpoint-not-api and endpoint-openai-public for the families they name.
func (h hostFamily) foreign() bool {
	switch h {
	case hostUnknown, hostAPIM, hostLoopback, hostWebPage, hostOpenAIPublic:
		return true
	}
	return false
}

// AzureAIHost reports whether host is on a known Azure AI domain (public,
// Government or China cloud): the hosts a test call may send a key to
// without asking. An API Management gateway is not one.
func AzureAIHost(host string) bool {
	f, _, _ := classifyHost(strings.ToLower(host))
	return !f.foreign()
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

// CanonicalHost is the one spelling of a URL's host (url.URL.Hostname)
// that the findings, the host guard and the test call all use: lower
// case, one trailing dot trimmed. It refuses, with the reason, the
// spellings a browser would read as another host than the one named: a
// host with non-ASCII characters (a fullwidth dot is a dot, a Greek
// omicron becomes punycode) and an IPv4 address not written as four
// decimal numbers (2130706433 and 0x7f.1 are 127.0.0.1).
func CanonicalHost(hostname string) (string, error) {
	host := strings.TrimSuffix(strings.ToLower(hostname), ".")
	for i := range len(host) {
		if host[i] >= 0x80 {
			return "", errors.New("a host with non-ASCII characters, which browsers turn into another name (a fullwidth dot into a dot, " +
				"a look-alike letter into punycode): type the host in plain ASCII, as the portal shows it")
		}
	}
	if numericIPv4(host) {
		if ip, err := netip.ParseAddr(host); err != nil || !ip.Is4() || ip.String() != host {
			return "", errors.New("an IPv4 address not written as four decimal numbers, which browsers read as another address " +
				"(2130706433 is 127.0.0.1): write it as four numbers, e.g. 127.0.0.1")
		}
	}
	return host, nil
}

// numericIPv4 reports whether a browser reads a host as an IPv4 address:
// its last label is a number, decimal or 0x hex (WHATWG URL).
func numericIPv4(host string) bool {
	last := host[strings.LastIndexByte(host, '.')+1:]
	if h, ok := strings.CutPrefix(last, "0x"); ok {
		return isHex(h) || h == ""
	}
	if last == "" {
		return false
	}
	for i := range len(last) {
		if last[i] < '0' || last[i] > '9' {
			return false
		}
	}
	return true
}
