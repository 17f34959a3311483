package diagnosis

import (
	"fmt"
	"slices"
	"strings"
)

const fixCopyEndpoint = "Open the resource in the Azure portal, Resource Management → Keys and Endpoint\n" +
	"Copy the Endpoint value (e.g. https://NAME.cognitiveservices.azure.com/) and add the API's path to it"

var endpointMissing = &Check{
	ID: "endpoint-missing", Area: AreaEndpoint, Severity: Warning, Title: "No endpoint given",
	Doc: "Without the endpoint, the region, host and path checks cannot run; most 401s come from a " +
		"key used on the wrong host or region.",
	Fix: fixCopyEndpoint, Sources: "§2",
	Run: func(c *Check, f *Facts) []Finding {
		// The Speech SDK needs only the key and the region.
		if f.ep.given || !f.key.given || f.Kind() != nil && f.Kind().SpeechRegions && f.region != nil {
			return nil
		}
		return one(c.finding("No endpoint was given, so host and region were not checked.", ""))
	},
}

var endpointMalformed = &Check{
	ID: "endpoint-malformed", Area: AreaEndpoint, Severity: Error, Title: "Endpoint is not an absolute URL",
	Doc: "The endpoint must be an absolute https URL: scheme, host, then the path. A missing scheme, " +
		"spaces, or bad escapes make SDKs fail or resolve the URL against something else.",
	Fix: fixCopyEndpoint, Sources: "§2.1",
	Run: func(c *Check, f *Facts) []Finding {
		if f.ep.err == "" {
			return nil
		}
		fd := c.finding("The endpoint is "+f.ep.err+".", Truncate(f.endpointShown(), 120))
		if f.ep.noScheme && !strings.ContainsAny(f.ep.raw, " \t") {
			fd = fd.withFix("Use https://" + Truncate(f.endpointShown(), 120))
		}
		return one(fd)
	},
}

var endpointInsecure = &Check{
	ID: "endpoint-insecure", Area: AreaEndpoint, Severity: Error, Title: "Endpoint uses http:// instead of https://",
	Doc: "Azure AI services answer on HTTPS only; over http:// the key would travel in clear text.",
	Fix: "Use https:// in the endpoint", Sources: "§2",
	Run: func(c *Check, f *Facts) []Finding {
		if f.ep.scheme != "http" || f.ep.family == hostUnknown || f.ep.family == hostLoopback {
			return nil
		}
		return one(c.finding("The endpoint uses http://; Azure AI services need https://.", "http://"+f.ep.host))
	},
}

var endpointNotAPI = &Check{
	ID: "endpoint-not-api", Area: AreaEndpoint, Severity: Error, Title: "Endpoint is a web page, not an API",
	Doc: "The URL is a page for people (the Azure portal, AI Foundry, Speech or Language Studio, the " +
		"documentation, the old API console), not an API endpoint. Calls to it get HTML or a redirect, " +
		"never an API answer.",
	Fix: fixCopyEndpoint, Sources: "§2",
	Run: func(c *Check, f *Facts) []Finding {
		if f.ep.family != hostWebPage {
			return nil
		}
		name := webPage(f.ep.host)
		if name == "" {
			name = "the old API testing console"
		}
		fd := c.finding("The endpoint is "+name+", a web page, not an API endpoint.", f.ep.host)
		if res := portalResourceName(f.ep.raw); res != "" {
			fd = fd.withFix("The portal link names the resource " + res + ": its endpoint is likely https://" + res +
				".cognitiveservices.azure.com/ (check Keys and Endpoint)")
		}
		return one(fd)
	},
}

// portalResourceName finds the account name in a portal link
// (…/providers/Microsoft.CognitiveServices/accounts/NAME/…).
func portalResourceName(raw string) string {
	l := strings.ToLower(raw)
	i := strings.Index(l, "microsoft.cognitiveservices/accounts/")
	if i < 0 {
		return ""
	}
	name := l[i+len("microsoft.cognitiveservices/accounts/"):]
	if j := strings.IndexAny(name, "/?#&"); j >= 0 {
		name = name[:j]
	}
	if !validSubdomain(name) {
		return ""
	}
	return name
}

var endpointOpenAIPublic = &Check{
	ID: "endpoint-openai-public", Area: AreaEndpoint, Severity: Error, Title: "Endpoint is OpenAI's own API, not Azure",
	Doc: "api.openai.com is OpenAI's service, with its own sk-… keys. Azure OpenAI keys work only on the " +
		"Azure resource's endpoint (https://NAME.openai.azure.com/ or its cognitiveservices/services.ai " +
		"forms); an OpenAI client needs base_url set to that endpoint's /openai/v1/.",
	Fix:     "Set the base URL to your resource: https://NAME.openai.azure.com/openai/v1/\nOr use the AzureOpenAI client with azure_endpoint",
	Sources: "§1.3, §2.1 [S24][I17]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.resp.hit(ruleOpenAIPlatform) && f.ep.family != hostOpenAIPublic && !(f.in.Snippet != nil && f.in.Snippet.openAIDefault) {
			// OpenAI's answer, wherever the input says the call went.
			return one(c.finding("The answer is OpenAI's own service refusing the key: the call went to api.openai.com, not to Azure.",
				f.evidence(ruleOpenAIPlatform)))
		}
		if f.ep.family != hostOpenAIPublic || f.in.Snippet != nil && f.in.Snippet.openAIDefault {
			return nil // snippet-openai-default says it for a client with no base URL
		}
		if f.key.class == classForeign && strings.HasPrefix(f.key.clean, "sk-") && f.kind == nil {
			return nil // an OpenAI key on OpenAI's API: not an Azure question
		}
		return one(c.finding("The endpoint is api.openai.com, OpenAI's own service; Azure keys work only on the Azure resource's endpoint.", f.ep.host))
	},
}

var endpointUnknownHost = &Check{
	ID: "endpoint-unknown-host", Area: AreaEndpoint, Severity: Warning, Title: "Endpoint is not an Azure AI host",
	Doc: "The host is not on an Azure AI domain: an API Management front door (*.azure-api.net), a " +
		"company proxy, a local address, or a typo in the domain. Region and kind checks are limited. An " +
		"API Management gateway wants its own subscription key, not the AI resource's key.",
	Fix:     "If this is a proxy or API Management, use the key that gateway issued and the header it expects\nOtherwise use the endpoint from Keys and Endpoint",
	Sources: "§2, §3 [I38]",
	Run: func(c *Check, f *Facts) []Finding {
		switch f.ep.family {
		case hostUnknown:
			if !f.ep.parsed {
				return nil
			}
			if f.ep.suggest != "" {
				return one(c.finding("The host "+f.ep.host+" is not an Azure AI domain; did you mean "+f.ep.suggest+"?",
					f.ep.host).withSeverity(Error).withFix("Use https://" + f.ep.suggest + "/"))
			}
			return one(c.finding("The host "+f.ep.host+" is not an Azure AI domain, so region and kind checks are limited.", f.ep.host))
		case hostAPIM:
			return one(c.finding("The host is an API Management gateway: it wants the key it issued (its subscription key), not the AI resource's key.", f.ep.host))
		case hostLoopback:
			return one(c.finding("The host is a local address: a proxy or test server, not Azure.", f.ep.host))
		}
		return nil
	},
}

var endpointHostInvalid = &Check{
	ID: "endpoint-host-invalid", Area: AreaEndpoint, Severity: Error, Title: "Azure AI domain with a host that does not exist",
	Doc: "The domain is Azure AI's, but the part in front of it is not a real region or resource: " +
		"display names or dashes in region hosts (west-us.api.cognitive…), invented Translator " +
		"geographies (api-eastus.cognitive.microsofttranslator.com), or an invalid resource name.",
	Fix:     "Use the region id (e.g. westus2) in regional hosts\nFor Translator use api., api-nam., api-apc. or api-eur. only\nOr copy the endpoint from Keys and Endpoint",
	Sources: "§2.1, §2.3 [S2][S5][I58]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.ep.badLabel == "" {
			return nil
		}
		return one(c.finding("The host does not exist: "+f.ep.badLabel+".", f.ep.host))
	},
}

var endpointCloudMismatch = &Check{
	ID: "endpoint-cloud-mismatch", Area: AreaEndpoint, Severity: Error, Title: "Endpoint and region are in different Azure clouds",
	Doc: "Azure Government (.us hosts, usgov… regions) and Azure China (.cn hosts, china… regions) are " +
		"separate clouds: a resource, its key, its host and its region all live in one. Mixing them always fails.",
	Fix:     "Use the host of the cloud your resource is in: .azure.us / .microsoft.us for Government, .azure.cn for China",
	Sources: "§2.2 [S2][S7][S9]",
	Run: func(c *Check, f *Facts) []Finding {
		if tc := issuerCloud(f.key.token.issuer); f.key.class == classToken && tc != CloudUnknown && f.ep.cloud != CloudUnknown && tc != f.ep.cloud {
			return one(c.finding(fmt.Sprintf("The token was issued by Entra ID in the %s, but the endpoint is in the %s.", tc, f.ep.cloud),
				"iss "+Truncate(f.key.token.issuer, 80)+", host "+f.ep.host))
		}
		if f.region == nil || f.region.Cloud == CloudUnknown || f.ep.cloud == CloudUnknown || f.region.Cloud == f.ep.cloud {
			return nil
		}
		return one(c.finding(fmt.Sprintf("The host is in the %s but the region %s is in the %s.", f.ep.cloud, f.region.ID, f.region.Cloud),
			f.ep.host+" vs region "+f.region.ID))
	},
}

var endpointRegionMismatch = &Check{
	ID: "endpoint-region-mismatch", Area: AreaEndpoint, Severity: Error, Title: "Endpoint's region differs from the resource's region",
	Doc: "A key works only in its resource's region. A regional host (REGION.api.cognitive.microsoft.com, " +
		"REGION.tts.speech.microsoft.com) for another region answers 401. Many SDKs, samples and libraries " +
		"default to westus; free trial keys were bound to westcentralus.",
	Fix:     "Use the host of the resource's region, or the resource's custom subdomain endpoint",
	Sources: "§2.1, §2.3 [S8][I9][I10][I11][I12]",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.hostInOtherRegion() {
			return nil
		}
		shown := f.ep.region
		if shown == "westus" {
			shown += " (the default of many SDKs and samples)"
		}
		msg := fmt.Sprintf("The endpoint is for %s but the resource is in %s.", shown, f.region.ID)
		host := strings.Replace(f.ep.host, f.ep.label+".", f.region.ID+".", 1)
		return one(c.finding(msg, "host "+f.ep.host+", region "+f.regionRaw).
			withFix("Use https://" + host + "/ (the resource's region)\nOr use the resource's custom subdomain endpoint from Keys and Endpoint"))
	},
}

// hostInOtherRegion reports a regional host of another region than the
// resource's, in the same cloud.
func (f *Facts) hostInOtherRegion() bool {
	return f.ep.region != "" && f.region != nil && f.region.ID != Global && f.ep.region != f.region.ID &&
		f.region.Cloud == f.ep.cloud
}

var endpointNeedsRegion = &Check{
	ID: "endpoint-needs-region", Area: AreaEndpoint, Severity: Error, Title: "Global host used for a regional resource",
	Doc: "api.cognitive.microsoft.com without a region serves only global Translator and Bing resources. " +
		"Multi-service keys and every regional resource need the region in the host, and the global token " +
		"service (…/sts/v1.0/issueToken) issues tokens only for global resources.",
	Fix:     "Use https://REGION.api.cognitive.microsoft.com/ with the resource's region, or the resource's custom subdomain",
	Sources: "§2.1, §3 [S1][S2][I6][I15]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.ep.family != hostGlobal {
			return nil
		}
		fix := ""
		if r := f.regionID(); r != "" && r != Global {
			fix = "Use https://" + r + ".api.cognitive.microsoft.com" + f.ep.path
		}
		var fd Finding
		switch {
		case f.ep.tokenURL && f.region != nil && f.region.ID != Global:
			fd = c.finding("The global token service issues tokens only for global resources; this resource is in "+f.region.ID+".", f.ep.host+f.ep.path)
		case f.multiServiceKey():
			fd = c.finding("A multi-service key needs the region in the host.", f.ep.host)
		case !f.ep.tokenURL && (f.Kind() == nil || !f.Kind().RegionlessHost):
			fd = c.finding("api.cognitive.microsoft.com without a region serves only Translator and Bing; this call needs the region in the host.", f.ep.host)
		default:
			return nil
		}
		if fix != "" {
			fd = fd.withFix(fix)
		}
		return one(fd)
	},
}

var endpointKindMismatch = &Check{
	ID: "endpoint-kind-mismatch", Area: AreaEndpoint, Severity: Error, Title: "Endpoint belongs to another API than the one chosen",
	Doc: "The host or the path is another API's: a Speech host with Translator, /formrecognizer/ with " +
		"Vision, a Custom Vision Training path with a prediction key. Each API has its own paths, and a " +
		"single-service key only opens its own.",
	Fix:     "Use the endpoint and path of the API you call\nOr choose the API kind that the endpoint belongs to",
	Sources: "§2.1 [I2]",
	Run: func(c *Check, f *Facts) []Finding {
		k := f.kind
		if k == nil {
			return nil
		}
		// A kind's routes may live on another kind's hosts (Foundry
		// projects on AI services resources); a Pair is another check's.
		if api := kindByID[f.ep.api]; api != nil && !compatible(k.ID, api.ID) && api.ID != k.Pair && !api.livesOn(k) {
			return one(c.finding(fmt.Sprintf("The path is %s's, but the API chosen is %s.", api.Name, k.Name),
				"path "+Truncate(f.ep.path, 80)))
		}
		// NAME.openai.azure.com is an Azure OpenAI resource's host: another
		// API's path there answers 401 "not supported with … pricing tier
		// OpenAI.S0" (MicrosoftLearning/AI-102-AIEngineer#242).
		if f.ep.family == hostOpenAI && !k.servedOn(hostOpenAI) {
			return one(c.finding(fmt.Sprintf("The host is an Azure OpenAI resource's, but the API chosen is %s.", k.Name), f.ep.host))
		}
		if f.ep.api == "" && f.inferred != nil && !compatible(k.ID, f.inferred.ID) && !k.livesOn(f.inferred) {
			return one(c.finding(fmt.Sprintf("The host is %s's, but the API chosen is %s.", f.inferred.Name, k.Name), f.ep.host))
		}
		return nil
	},
}

var endpointTokenURL = &Check{
	ID: "endpoint-token-url", Area: AreaEndpoint, Severity: Error, Title: "Token URL used as the API endpoint",
	Doc: "…/sts/v1.0/issueToken exchanges a key for a 10-minute token; it is not the base of an API. " +
		"Appending an API route to it (…/issueToken/translate) gives 404, and the tokens it issues are " +
		"accepted only by Translator and Speech.",
	Fix:     "Use the API's own endpoint (e.g. https://api.cognitive.microsofttranslator.com/) for calls\nCall issueToken only to get a token, then send it as Authorization: Bearer",
	Sources: "§2.1, §3 [S1][I7][I37]",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.ep.tokenURL {
			return nil
		}
		switch {
		case f.ep.afterToken:
			return one(c.finding("An API route was appended to the issueToken URL.", Truncate(f.ep.path, 80)))
		case f.kind != nil && !f.kind.STSTokens:
			return one(c.finding("The endpoint is the issueToken URL, but "+f.kind.Name+" does not accept issueToken tokens.", Truncate(f.ep.path, 80)))
		case f.resp.status == 404:
			return one(c.finding("The issueToken URL answered 404: it was used as an API endpoint.", Truncate(f.ep.path, 80)))
		}
		return nil
	},
}

var endpointPathSuspect = &Check{
	ID: "endpoint-path-suspect", Area: AreaEndpoint, Severity: Warning, Title: "Endpoint path or api-version looks wrong",
	Doc: "Double slashes, a path segment repeated (the SDK adds /openai itself), an api-version that is " +
		"not YYYY-MM-DD or YYYY-MM-DD-preview (Translator: 3.0), an api-version the path's base does not " +
		"serve (Document Intelligence: 2023-07-31 and older under /formrecognizer/, 2023-10-31-preview and " +
		"later under /documentintelligence/), or a missing api-version where the API needs one. These give 404 or 400 rather than 401, and can make a 401 hard to read.",
	Fix:     "Give SDKs only the base endpoint (https://NAME.cognitiveservices.azure.com/); they add the path\nUse an api-version from the API's reference",
	Sources: "§4.5, §2.1 [S26][I42][I43]",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.ep.parsed || len(f.ep.segs) == 0 {
			return nil
		}
		if why := pathProblem(&f.ep); why != "" {
			fd := c.finding("The path "+why+".", Truncate(f.endpointShown(), 120))
			if why == docIntelBaseProblem(&f.ep) {
				fd = docIntelFinding(fd, f)
			}
			return one(fd)
		}
		if f.speechOnCustomHostNotFound() {
			return one(c.finding("Speech answered 404 on the custom subdomain: it serves Speech there only through a private "+
				"endpoint; elsewhere use the regional host (REGION.stt.speech.microsoft.com, REGION.tts.speech.microsoft.com).",
				Truncate(f.endpointShown(), 120)))
		}
		return nil
	},
}

// speechOnCustomHostNotFound tells whether a Speech route on a custom
// subdomain got 404: "Speech Services use custom subdomains with private
// endpoints only" (sources §2.1 [S2]; Azure-Samples/azure-search-openai-demo#1905).
func (f *Facts) speechOnCustomHostNotFound() bool {
	if f.ep.family != hostCustom || f.ep.api != "speech" {
		return false
	}
	return f.resp.status == 404 || f.resp.hit(ruleNotFound)
}

// pathProblem says what looks wrong in the endpoint's path, or "".
func pathProblem(e *endpointFacts) string {
	// A base ending in / joined to a route starting with / gives a
	// leading //: Translator serves it (the [I5] tutorial worked once its
	// region was right), Azure OpenAI answers 404 to //openai/…
	// (MicrosoftDocs/azure-docs#110272, evalstate/fast-agent-docs#11).
	p := e.path
	if e.family != hostOpenAI {
		p = strings.TrimPrefix(p, "/")
	}
	if strings.Contains(p, "//") {
		return "has a double slash"
	}
	if why := repeatedSegments(e.segs); why != "" {
		return why
	}
	if why := missingBase(e); why != "" {
		return why
	}
	if why := openAIRouteProblem(e); why != "" {
		return why
	}
	if why := docIntelBaseProblem(e); why != "" {
		return why
	}
	return apiVersionProblem(e)
}

// Document Intelligence serves its api-versions under two bases:
// 2023-07-31 and older under /formrecognizer, 2023-10-31-preview and
// later under /documentintelligence (sources §2.1; Azure/azure-rest-api-specs
// FormRecognizer/stable/2023-07-31/FormRecognizer.json hostTemplate
// "{endpoint}/formrecognizer", ai/DocumentIntelligence/main.tsp
// @server("{endpoint}/documentintelligence") from 2023-10-31-preview).
const (
	docIntelNewBase   = "documentintelligence"
	docIntelOldBase   = "formrecognizer"
	docIntelLastOld   = "2023-07-31"
	docIntelFirstNew  = "2023-10-31-preview"
	docIntelNewPrefix = "2023-10-31"
)

// docIntelFinding gives a base mismatch its own fix; a 404 to it is
// the mismatch's answer, so it is then an error.
func docIntelFinding(fd Finding, f *Facts) Finding {
	fd = fd.withFix("Call /" + docIntelNewBase + "/… with api-version=2024-11-30 (the Document Intelligence SDKs do)\n" +
		"Or keep /" + docIntelOldBase + "/… with api-version=" + docIntelLastOld + " (the Form Recognizer SDKs do)")
	if f.resp.status == 404 || f.resp.hit(ruleNotFound) {
		fd = fd.withSeverity(Error)
	}
	return fd
}

// docIntelBaseProblem says when a Document Intelligence api-version is
// asked of the base that does not serve it, or "".
func docIntelBaseProblem(e *endpointFacts) string {
	v := e.query.Get("api-version")
	if e.api != "document-intelligence" || len(e.segs) == 0 || !isAPIVersion(v) {
		return ""
	}
	newer := v[:10] >= docIntelNewPrefix
	switch {
	case e.segs[0] == docIntelOldBase && newer:
		return "uses /" + docIntelOldBase + "/ with api-version=" + v + ": that version is served under /" + docIntelNewBase +
			"/ (/" + docIntelOldBase + "/ takes " + docIntelLastOld + " and older)"
	case e.segs[0] == docIntelNewBase && !newer:
		return "uses /" + docIntelNewBase + "/ with api-version=" + v + ": that version is served under /" + docIntelOldBase +
			"/ (/" + docIntelNewBase + "/ takes " + docIntelFirstNew + " and later)"
	}
	return ""
}

// openAIAccountRoutes are the Azure OpenAI routes that belong to the
// resource, not to a deployment: /openai/assistants, not
// /openai/deployments/NAME/assistants (sources §2.1 [S26];
// alexrudall/ruby-openai#430).
var openAIAccountRoutes = map[string]bool{"assistants": true, "threads": true, "vector_stores": true,
	"files": true, "batches": true}

// openAIFirstVersions are the first api-versions that serve a route:
// older ones answer 404 "Resource not found" or 400 (sources §4.5;
// microsoft/sample-app-aoai-chatGPT#131 for chat on 2022-12-01,
// openai/openai-python#1512 for assistants on 2023-05-15).
var openAIFirstVersions = map[string]string{"chat": "2023-03-15-preview", "assistants": "2024-02-15-preview",
	"threads": "2024-02-15-preview", "vector_stores": "2024-05-01-preview"}

// openAIRouteProblem says what is wrong with an Azure OpenAI route, or "".
func openAIRouteProblem(e *endpointFacts) string {
	if e.api != "openai" || len(e.segs) < 2 || e.segs[0] != "openai" {
		return ""
	}
	route := e.segs[1]
	if route == "deployments" && len(e.segs) > 3 {
		route = e.segs[3]
		if openAIAccountRoutes[route] {
			return "puts /" + route + " under /deployments/" + e.segs[2] + "; " + route + " are the resource's, at /openai/" + route
		}
	}
	first, ok := openAIFirstVersions[route]
	v := e.query["api-version"]
	if !ok || len(v) == 0 || !isAPIVersion(v[0]) || v[0][:10] >= first[:10] {
		return ""
	}
	return "has api-version=" + v[0] + ", older than " + route + " (first served in " + first + ")"
}

// repeatedSegments finds one segment or a pair of segments written
// twice in a row: an SDK given the portal's /face/v1.0 adds its own
// (Azure/azure-sdk-for-python#8065).
func repeatedSegments(segs []string) string {
	for i := 0; i+1 < len(segs); i++ {
		// A segment after a collection (indexes, deployments…) is a name
		// the user chose: AI Search's /indexes/docs/docs is no repeat.
		named := i > 0 && strings.HasSuffix(segs[i-1], "s")
		if segs[i] == segs[i+1] && !isNumeric(segs[i]) && !named {
			return "repeats /" + segs[i] + "/"
		}
		if i+3 < len(segs) && segs[i] == segs[i+2] && segs[i+1] == segs[i+3] && !named {
			return "repeats /" + segs[i] + "/" + segs[i+1] + "/"
		}
	}
	return ""
}

// missingBase says which base path the route lacks: Azure OpenAI's
// routes all start with /openai on NAME.openai.azure.com (sources §2.1;
// a client given the bare host calls /responses, openai/codex#1628), and
// a custom subdomain serves Translator only under /translator/text/v3.0
// (sources §2.1 [S3][S5]; MicrosoftDocs/azure-docs#114806).
func missingBase(e *endpointFacts) string {
	if e.family == hostOpenAI && e.api == "" {
		return "does not start with /openai, where Azure OpenAI's routes are"
	}
	k := kindByID[e.api]
	if k == nil || k.Test.CustomPrefix == "" || e.family != hostCustom {
		return ""
	}
	prefix := strings.ToLower(k.Test.CustomPrefix)
	if p := "/" + strings.Join(e.segs, "/"); !underOtherBase(e) && !strings.HasPrefix(p+"/", prefix+"/") && k.Test.Path != "" {
		return "lacks " + k.Test.CustomPrefix + " before /" + e.segs[0] + ": on a custom subdomain " + k.Name + " is served under it"
	}
	return ""
}

// otherCustomBases are further base paths a custom subdomain serves for
// a kind besides its test prefix: Document Translation runs under
// /translator/text/batch/v1.0 and /translator/document on the Translator
// resource's custom subdomain (sources §2.1 [S3]; MicrosoftTranslator/DocumentTranslation#47).
// Their versions are in the path (v1.0) or their own api-version.
var otherCustomBases = map[string][]string{"translator": {"/translator/text/batch", "/translator/document"}}

// underOtherBase tells whether the path is under one of otherCustomBases.
func underOtherBase(e *endpointFacts) bool {
	p := strings.ToLower("/" + strings.Join(e.segs, "/"))
	for _, other := range otherCustomBases[e.api] {
		if strings.HasPrefix(p+"/", other+"/") {
			return true
		}
	}
	return false
}

// apiVersionProblem says what is wrong with the path's api-version, or "".
func apiVersionProblem(e *endpointFacts) string {
	k := kindByID[e.api]
	if k == nil || underOtherBase(e) {
		return ""
	}
	v, hasV := e.query["api-version"]
	switch {
	case hasV && k.APIVersion != "" && !isPathVersion(e.version):
		if v[0] != k.APIVersion {
			return "has api-version=" + v[0] + "; " + k.Name + " takes " + k.APIVersion
		}
	case hasV && k.DatedVersions:
		return datedVersionProblem(k, e, v[0])
	case !hasV && k.NeedsAPIVersion && !e.sdkVersion && !isPathVersion(e.version) && len(e.segs) > baseDepth(k, e.segs):
		return "has no api-version, which this API requires"
	}
	return ""
}

// datedVersionProblem says what is wrong with the api-version v of an
// API whose versions are dates, or "".
func datedVersionProblem(k *Kind, e *endpointFacts, v string) string {
	switch {
	case !isAPIVersion(v) && !(k.BearerKey != "" && e.version == k.BearerKey):
		return "has api-version=" + v + ", not YYYY-MM-DD or YYYY-MM-DD-preview"
	case unknownStable(k, v):
		return "has api-version=" + v + ", which " + k.Name + " never served: its GA versions up to " +
			k.StableVersions[len(k.StableVersions)-1] + " are " + strings.Join(k.StableVersions, ", ") + "; previews end in -preview"
	}
	return ""
}

// unknownStable reports a GA-looking api-version (a date, no -preview)
// that the API never served: older than its newest known GA version,
// and not one of them.
func unknownStable(k *Kind, v string) bool {
	n := len(k.StableVersions)
	return n > 0 && isAPIVersion(v) && !strings.HasSuffix(v, "-preview") && v < k.StableVersions[n-1] &&
		!slices.Contains(k.StableVersions, v)
}

// baseDepth is how many path segments the API's base endpoint has: its
// Test.CustomPrefix on a custom subdomain; none on its own hosts, where
// an API with such a prefix serves its operations at the root; else
// one, the API's own segment (/openai, /language…).
func baseDepth(k *Kind, segs []string) int {
	prefix := strings.Split(strings.Trim(strings.ToLower(k.Test.CustomPrefix), "/"), "/")
	switch {
	case k.Test.CustomPrefix == "":
		return 1
	case len(segs) > 0 && segs[0] == prefix[0]:
		return len(prefix)
	}
	return 0
}

// isPathVersion reports whether a path segment is a version: v1, v3.1.
func isPathVersion(s string) bool { return len(s) > 1 && s[0] == 'v' && s[1] >= '0' && s[1] <= '9' }

// isAPIVersion matches YYYY-MM-DD and YYYY-MM-DD-preview.
func isAPIVersion(v string) bool {
	date, suffix, _ := strings.Cut(v, "-preview")
	if suffix != "" || len(date) != 10 || date[4] != '-' || date[7] != '-' {
		return false
	}
	return isNumeric(date[:4]) && isNumeric(date[5:7]) && isNumeric(date[8:])
}

func isNumeric(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
