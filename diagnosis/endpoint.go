package diagnosis

import (
	"net/url"
	"strconv"
	"strings"
)

// endpointFacts is what an endpoint URL says.
type endpointFacts struct {
	given    bool
	raw      string // trimmed
	err      string // why it is not a usable absolute URL; "" if it is
	noScheme bool   // parsed as https:// + raw
	parsed   bool   // scheme, host and path below are set
	scheme   string
	host     string // lower case, no port
	path     string
	query    url.Values

	family   HostFamily
	cloud    Cloud
	label    string // the host's first label: a region or a resource name
	region   string // the region id the host names, when it names one
	badLabel string // why the host is not a real Azure AI host; "" if it is
	suggest  string // a corrected host for a typo'd domain

	segs        []string // lower-case path segments
	api         string   // the kind the path belongs to, "" if none
	version     string   // the path's version segment ("v3.2")
	tokenURL    bool     // the path is /sts/v1.0/issueToken
	afterToken  bool     // the path goes on after issueToken
	querySecret string   // the query parameter carrying a secret
}

// analyseEndpoint parses an endpoint or request URL into facts.
func analyseEndpoint(raw string) endpointFacts {
	e := endpointFacts{raw: strings.TrimSpace(raw)}
	e.given = e.raw != ""
	if !e.given {
		return e
	}
	if len(e.raw) > MaxEndpointLen {
		e.err = "longer than any endpoint URL"
		return e
	}
	s := e.raw
	if i := strings.IndexAny(s, " \t\r\n"); i >= 0 {
		e.err = "contains white space"
		s = s[:i]
	}
	if !strings.Contains(s, "://") {
		if strings.HasPrefix(s, "/") || !strings.Contains(s, ".") {
			if e.err == "" {
				e.err = "not an absolute URL: it has no scheme and no host"
			}
			return e
		}
		e.noScheme = true
		if e.err == "" {
			e.err = "no scheme: it needs https:// in front"
		}
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		e.err = "not a URL: " + strings.TrimPrefix(err.Error(), "parse "+strconv.Quote(s)+": ")
		return e
	}
	if u.Host == "" {
		if e.err == "" {
			e.err = "no host after " + u.Scheme + "://"
		}
		return e
	}
	e.parsed = true
	e.scheme = strings.ToLower(u.Scheme)
	e.host = strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	e.path = u.Path
	e.query = u.Query()
	if e.scheme != "http" && e.scheme != "https" && e.err == "" {
		e.err = "scheme " + e.scheme + ": an API endpoint starts with https://"
	}
	e.family, e.cloud, e.label = classifyHost(e.host)
	e.checkLabel()
	if e.family == HostUnknown {
		e.suggest = suggestDomain(e.host)
	}
	e.analysePath()
	for _, name := range []string{"subscription-key", "Subscription-Key", "Ocp-Apim-Subscription-Key", "api-key", "sig", "code", "key"} {
		if e.query.Has(name) {
			e.querySecret = name
			break
		}
	}
	return e
}

// checkLabel validates the region or resource name in the host
// (facts §2.1, §2.3).
func (e *endpointFacts) checkLabel() {
	switch e.family {
	case HostRegional, HostSpeech:
		r, exact := resolveRegion(e.label)
		switch {
		case r != nil && (exact || e.label == "virginia" || e.label == "arizona"):
			e.region = r.ID
		case r != nil:
			e.badLabel = strconv.Quote(e.label) + " is not a region id; the host uses " + r.ID
		case strings.Contains(e.label, "."):
			e.badLabel = strconv.Quote(e.label) + " has extra parts before the domain"
		default:
			e.badLabel = strconv.Quote(e.label) + " is not an Azure region"
			if c := closestRegion(e.label); c != "" {
				e.badLabel += "; did you mean " + c + "?"
			}
		}
		if e.family == HostSpeech && e.region != "" && !regionByID[e.region].Speech {
			e.badLabel = "Speech does not run in " + e.region
		}
	case HostTranslator:
		switch e.label {
		case "", "api", "api-nam", "api-apc", "api-eur":
		default:
			e.badLabel = strconv.Quote(e.label+".cognitive.microsofttranslator.com") +
				" does not exist: Translator answers on api. and the geographies api-nam., api-apc. and api-eur. only"
		}
	case HostCustom, HostOpenAI, HostFoundry:
		if !validSubdomain(e.label) {
			e.badLabel = strconv.Quote(e.label) + " is not a valid resource name (letters, digits and dashes, 2–64 characters)"
		}
	}
}

// analysePath reads which API the path calls, its version, and the
// token URL (facts §2.1).
func (e *endpointFacts) analysePath() {
	p := strings.ToLower(strings.Trim(e.path, "/"))
	if p == "" {
		return
	}
	e.segs = strings.Split(p, "/")
	seg := func(i int) string {
		if i < len(e.segs) {
			return e.segs[i]
		}
		return ""
	}
	for i := 0; i+2 < len(e.segs); i++ {
		if e.segs[i] == "sts" && e.segs[i+1] == "v1.0" && e.segs[i+2] == "issuetoken" {
			e.tokenURL = true
			e.afterToken = i+3 < len(e.segs)
		}
	}
	first := seg(0)
	for _, pa := range pathAPIs {
		if pa.seg == first {
			e.api = pa.api
			if pa.ver > 0 {
				e.version = seg(pa.ver)
			}
			return
		}
	}
	switch first {
	case "api":
		switch {
		case seg(1) == "speechtotext":
			e.api, e.version = "speech", seg(2)
		case seg(1) == "projects" && e.family == HostFoundry:
			e.api = "foundry-project" // facts §2.1 [S25]
		}
	case "text":
		if seg(1) == "analytics" {
			e.api, e.version = "language", seg(2)
		}
	case "customvision":
		e.version = seg(1)
		switch seg(2) {
		case "training":
			e.api = "custom-vision-training"
		case "prediction":
			e.api = "custom-vision-prediction"
		}
	case "luis":
		e.analyseLUIS(seg(1), seg(2))
	case "v5.0", "v7.0":
		if e.family == HostBing {
			e.api, e.version = "bing-search", first
		}
	case "models":
		if e.family == HostFoundry {
			e.api = "ai-services"
		}
	case "v2":
		if e.family == HostTranslatorV2 {
			e.api, e.version = "translator", "v2"
		}
	}
}

// pathAPIs maps a path's first segment to its API and the index of the
// segment holding the version (0: none) (facts §2.1). Paths that need
// more than their first segment are told apart in analysePath.
var pathAPIs = [...]struct {
	seg, api string
	ver      int
}{
	{"openai", "openai", 1},
	{"translator", "translator", 0}, {"translate", "translator", 0}, {"detect", "translator", 0},
	{"breaksentence", "translator", 0}, {"transliterate", "translator", 0}, {"dictionary", "translator", 0},
	{"languages", "translator", 0},
	{"speechtotext", "speech", 1}, {"speech", "speech", 1}, {"cognitiveservices", "speech", 1},
	{"texttospeech", "speech", 1}, {"tts", "speech", 1}, {"customvoice", "speech", 1},
	{"vision", "vision", 1}, {"computervision", "vision", 1}, {"face", "face", 1},
	{"language", "language", 0},
	{"formrecognizer", "document-intelligence", 1}, {"documentintelligence", "document-intelligence", 1},
	{"contentsafety", "content-safety", 0}, {"bing", "bing-search", 1}, {"qnamaker", "qna-maker", 1},
	{"personalizer", "personalizer", 1}, {"anomalydetector", "anomaly-detector", 1}, {"metricsadvisor", "metrics-advisor", 1},
}

// analyseLUIS tells LUIS authoring paths from prediction paths ([S14]):
// authoring /luis/api/v2.0 and /luis/authoring/v3.0-preview; prediction
// /luis/v2.0/apps and /luis/prediction/v3.0; the retired v1 /luis/v1.
func (e *endpointFacts) analyseLUIS(s1, s2 string) {
	switch {
	case s1 == "api" || s1 == "authoring" || s1 == "webapi":
		e.api, e.version = "luis-authoring", s2
	case s1 == "prediction":
		e.api, e.version = "luis-prediction", s2
	case s1 == "v2.0":
		e.api, e.version = "luis-prediction", s1
	case strings.HasPrefix(s1, "v1"):
		e.api, e.version = "luis-prediction", "v1"
	}
}

// resourceName returns the resource name the host reveals, or "".
func (e *endpointFacts) resourceName() string {
	switch e.family {
	case HostCustom, HostOpenAI, HostFoundry:
		if e.badLabel == "" {
			return e.label
		}
	}
	return ""
}
