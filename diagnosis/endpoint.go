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
	port     string // the URL's port, "" if it gives none
	path     string
	query    url.Values

	family   hostFamily
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
	sdkVersion  bool     // an SDK sends this request and adds its own api-version
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
	u := e.parse()
	if u == nil {
		return e
	}
	host, err := CanonicalHost(u.Hostname())
	if err != nil {
		e.err, e.noScheme = err.Error(), false // no test call either
		return e
	}
	e.parsed = true
	e.scheme = strings.ToLower(u.Scheme)
	e.host = host
	e.port = u.Port()
	e.path = u.Path
	e.query = u.Query()
	if e.scheme != "http" && e.scheme != "https" && e.scheme != "wss" && e.err == "" { // wss: Azure OpenAI realtime
		e.err = "scheme " + e.scheme + ": an API endpoint starts with https://"
	}
	e.family, e.cloud, e.label = classifyHost(e.host)
	e.checkLabel()
	if e.family == hostUnknown {
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

// impliedKind is the kind the path belongs to, else the host's, else nil.
func (e *endpointFacts) impliedKind() *Kind {
	if e.api != "" {
		return kindByID[e.api]
	}
	return kindByHost[e.family]
}

// parse parses the URL, adding https:// where it has no scheme, and
// notes what is wrong with it; it returns nil if there is no host.
func (e *endpointFacts) parse() *url.URL {
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
			return nil
		}
		e.noScheme = true
		if e.err == "" {
			e.err = "no scheme: it needs https:// in front"
		}
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		// The parser's message quotes the input: masked (Truncate), as any echo.
		e.err = "not a URL: " + Truncate(strings.TrimPrefix(err.Error(), "parse "+strconv.Quote(s)+": "), 120)
		return nil
	}
	if u.Host == "" {
		if e.err == "" {
			e.err = "no host after " + u.Scheme + "://"
		}
		return nil
	}
	return u
}

// checkLabel validates the region or resource name in the host
// (sources §2.1, §2.3).
func (e *endpointFacts) checkLabel() {
	switch e.family {
	case hostRegional, hostSpeech:
		e.checkRegionLabel()
	case hostTranslator:
		switch e.label {
		case "", "api", "api-nam", "api-apc", "api-eur":
		default:
			e.badLabel = strconv.Quote(e.label+".cognitive.microsofttranslator.com") +
				" does not exist: Translator answers on api. and the geographies api-nam., api-apc. and api-eur. only"
		}
	case hostCustom, hostOpenAI, hostFoundry:
		if !validSubdomain(e.label) {
			e.badLabel = strconv.Quote(e.label) + " is not a valid resource name (letters, digits and dashes, 2–64 characters)"
		}
	}
}

// checkRegionLabel validates the region in a regional or Speech host.
func (e *endpointFacts) checkRegionLabel() {
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
	if e.family == hostSpeech && e.region != "" && !regionByID[e.region].Speech {
		e.badLabel = "Speech does not run in " + e.region
	}
}

// analysePath reads which API the path calls (the catalogue's routes),
// its version, and the token URL (sources §2.1).
func (e *endpointFacts) analysePath() {
	p := strings.ToLower(strings.Trim(e.path, "/"))
	if p == "" {
		return
	}
	e.segs = strings.Split(p, "/")
	for i := 0; i+2 < len(e.segs); i++ {
		if e.segs[i] == "sts" && e.segs[i+1] == "v1.0" && e.segs[i+2] == "issuetoken" {
			e.tokenURL = true
			e.afterToken = i+3 < len(e.segs)
		}
	}
	// The token service's base, as the 2017 trial page printed it
	// ("Endpoint: https://api.cognitive.microsoft.com/sts/v1.0"), is no
	// API either (MicrosoftDocs/azure-docs#17190).
	if len(e.segs) == 2 && e.segs[0] == "sts" && e.segs[1] == "v1.0" {
		e.tokenURL = true
	}
	if k, version := matchRoute(e.segs, e.family); k != nil {
		e.api, e.version = k.ID, version
	}
}

// resourceName returns the resource name the host reveals, or "".
func (e *endpointFacts) resourceName() string {
	switch e.family {
	case hostCustom, hostOpenAI, hostFoundry:
		if e.badLabel == "" {
			return e.label
		}
	}
	return ""
}
