package diagnosis

import (
	"net/url"
	"strings"
	"time"
)

// Facts is an input parsed once for all checks: the key decoded, the
// endpoint taken apart, the region and kind resolved, the response read.
type Facts struct {
	in   Input
	key  keyFacts
	ep   endpointFacts
	resp responseFacts

	kind      *Kind // the chosen kind, nil if none or unknown
	inferred  *Kind // the kind the endpoint implies, nil if none
	region    *Region
	regionRaw string // trimmed region field
	regionOK  bool   // the field is the region's id (any case)

	regionHeader string // the Translator region header value, "" unknown

	scrub *Scrubber // masks the key and secrets in every text handed out
}

// Analyse parses an input into facts. It never fails: what cannot be
// parsed becomes a fact that a check reports.
func Analyse(in Input) *Facts {
	if strings.TrimSpace(in.Key) == "" {
		// A key left in the URL (…&Subscription-Key=…) is the key the
		// call sends: judge it, and mask it, as if pasted in the key field.
		if k := queryValue(in.Endpoint, "subscription-key"); k != "" {
			in.Key = k
			if in.Header == "" {
				in.Header = HeaderQuery
			}
		}
	}
	if in.RegionHeader == "" {
		// Translator reads the region from the query as from the header
		// (Subscription-Region=, sources §3).
		in.RegionHeader = queryValue(in.Endpoint, "subscription-region")
	}
	if pr := in.TestResult; in.RegionHeader == "" && pr != nil && pr.Status != 0 {
		// The test call's answer is to the region header it sent.
		in.RegionHeader = pr.SentRegionHeader
	}
	f := &Facts{in: in, scrub: NewScrubber(in.Key)}
	f.key = analyseKey(in.Key)
	f.ep = analyseEndpoint(in.Endpoint)
	in.Snippet.addClientQuery(&f.ep)
	f.resp = analyseResponse(in.Status, in.Response)
	if pr := in.TestResult; pr != nil && pr.Status != 0 {
		f.resp = analyseResponse(pr.Status, pr.Body+"\n"+pr.RetryAfterText())
	}
	f.kind = kindByID[strings.TrimSpace(strings.ToLower(in.Kind))]
	f.inferred = f.inferKind()
	f.regionRaw = strings.TrimSpace(in.Region)
	if len(f.regionRaw) > MaxRegionLen {
		f.regionRaw = f.regionRaw[:MaxRegionLen]
	}
	if f.regionRaw != "" {
		var exact bool
		f.region, exact = resolveRegion(f.regionRaw)
		f.regionOK = f.region != nil && (exact || strings.ToLower(f.regionRaw) == f.region.ID)
	}
	f.regionHeader = strings.TrimSpace(in.RegionHeader)
	if f.regionHeader == "" {
		f.regionHeader = injectedRegionHeader(f.key.extraLine)
	}
	return f
}

// Scrub masks the key and anything shaped like a secret in a text to
// show, as every text the Facts hand out is (an answer to the test call
// or an error may echo the key). Nil facts know no key.
func (f *Facts) Scrub(text string) string {
	if f == nil {
		return MaskSecrets(text)
	}
	return f.scrub.Scrub(text)
}

// queryValue returns the value of the URL's query parameter name (in
// any case), or "": the key (subscription-key) or the Translator region
// (subscription-region) a call sends in its URL.
func queryValue(endpoint, name string) string {
	_, query, ok := strings.Cut(endpoint, "?")
	if !ok {
		return ""
	}
	query, _, _ = strings.Cut(query, "#")
	for _, pair := range strings.Split(query, "&") {
		n, value, _ := strings.Cut(pair, "=")
		if strings.EqualFold(n, name) {
			if v, err := url.QueryUnescape(value); err == nil {
				return v
			}
			return value
		}
	}
	return ""
}

// injectedRegionHeader reads "Ocp-Apim-Subscription-Region: X" pasted on a
// second line of the key field, the workaround of [I4].
func injectedRegionHeader(line string) string {
	name, value, ok := strings.Cut(line, ":")
	if ok && strings.EqualFold(strings.TrimSpace(name), "Ocp-Apim-Subscription-Region") {
		return strings.TrimSpace(value)
	}
	return ""
}

// inferKind is the kind the endpoint's path or host belongs to.
func (f *Facts) inferKind() *Kind { return f.ep.impliedKind() }

// inferKindFrom is the kind an endpoint URL's path or host belongs to,
// nil if none: the endpoint alone is analysed, not a whole input.
func inferKindFrom(endpoint string) *Kind {
	ep := analyseEndpoint(endpoint)
	return ep.impliedKind()
}

// Kind is the kind the checks apply: the chosen one, else the one the
// endpoint implies, else nil.
func (f *Facts) Kind() *Kind {
	if f.kind != nil {
		return f.kind
	}
	return f.inferred
}

// regionID returns the resolved region id, or "".
func (f *Facts) regionID() string {
	if f.region == nil {
		return ""
	}
	return f.region.ID
}

// header returns how the key was sent, lower case, "" if not said.
func (f *Facts) header() string { return strings.ToLower(strings.TrimSpace(f.in.Header)) }

// sentAs is how the key travels: the header the input names, else the
// kind's usual one, else "".
func (f *Facts) sentAs() string {
	if h := f.header(); h != "" {
		return h
	}
	if k := f.Kind(); k != nil {
		return k.Header
	}
	return ""
}

// bearerToken reports whether a token travels as Authorization: Bearer.
func (f *Facts) bearerToken() bool {
	return f.key.class == classToken && f.sentAs() == HeaderAuthorization
}

// keyService returns the service character of a decodable new-format key,
// or 0.
func (f *Facts) keyService() byte {
	if f.key.class == classCASK && f.key.cask.checksumOK {
		return f.key.cask.service
	}
	return 0
}

// multiServiceKey reports whether the key is a multi-service key
// (service A or E).
func (f *Facts) multiServiceKey() bool {
	s := f.keyService()
	return s == 'A' || s == 'E'
}

// passed reports whether day (YYYY-MM-DD) has come at the input's clock;
// a zero clock is after every date.
func (f *Facts) passed(day string) bool {
	return f.in.Now.IsZero() || f.in.Now.UTC().Format(time.DateOnly) >= day
}

// maskedKey is the key as evidence may show it.
func (f *Facts) maskedKey() string { return Mask(f.key.clean) }

// endpointShown is the endpoint as evidence may show it: secrets in the
// query removed.
func (f *Facts) endpointShown() string { return RedactEndpoint(f.ep.raw) }
