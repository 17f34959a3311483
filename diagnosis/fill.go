package diagnosis

import (
	"slices"
	"strings"
)

// fill sets a snippet's fields from one service's hits: per field the
// best resolved value; an unresolved environment read becomes a note.
func (s *Snippet) fill(hits []hit) {
	by := map[role][]hit{}
	for _, h := range hits {
		by[h.role] = append(by[h.role], h)
	}
	for rl, hs := range by {
		by[rl] = pickBest(hs)
	}
	s.fillKey(by[roleKey])
	s.fillRegion(by[roleRegion])
	for _, h := range by[roleHeader] {
		s.Header.set(h.v.text, h.from, h.sure)
	}
	s.fillEndpoint(by[roleEndpoint], by[roleResource], len(by[roleQuery]) > 0)
	s.joinPath(by[rolePath])
	s.addQuery(by[roleQuery])
	s.fillVersion(by[roleVersion])
	for _, h := range by[roleScope] {
		if h.v.ok {
			s.scope.set(h.v.text, h.from, h.sure)
		}
	}
	s.fillKind(hits, by[roleKind])
	s.sdkRequest(by[roleDeployment], by[roleOperation])
	s.fillSettings(by)
	s.entra = len(by[roleScope]) > 0 || len(by[roleToken]) > 0
	// Speech SDKs build the host from the region.
	s.endpointElsewhere = s.endpointElsewhere || s.Kind.Value == "speech" && s.Region.Value != ""
	if h := s.Header.Value; s.RegionHeader.Value == "" && !s.regionHeaderRead && h != "" && h != HeaderQuery && h != HeaderBody {
		s.RegionHeader.set(NoRegionHeader, "no Ocp-Apim-Subscription-Region in the request", Sure)
	}
	s.findDefaults()
	s.regionFromHost()
}

// regionFromHost guesses the region from a regional endpoint's host
// (eastus.tts.speech.microsoft.com, westeurope.api.cognitive.microsoft.com)
// when the paste gives none itself: implied, not written, so guessed. It
// runs after findDefaults, which looks only at what the paste wrote.
func (s *Snippet) regionFromHost() {
	if s.Region.Value != "" || s.Endpoint.Value == "" {
		return
	}
	if ep := analyseEndpoint(s.Endpoint.Value); ep.region != "" {
		s.Region.set(ep.region, "the endpoint's host "+ep.host, Guessed)
	}
}

// fillEndpoint picks the endpoint: a URL, else one built from an Azure
// OpenAI resource name; an unresolved one becomes a note.
func (s *Snippet) fillEndpoint(urls, resources []hit, queryApart bool) {
	for _, h := range urls {
		switch {
		case h.v.ok && strings.Contains(h.v.text, "://"):
			s.Endpoint.set(h.v.text, h.from, h.sure)
		case h.v.ok && h.sure == Sure && isAngled(h.v.text):
			s.Endpoint.set(h.v.text, h.from, Sure) // a sample's "<your-endpoint>" left in
		case !h.v.ok:
			s.endpointElsewhere = true
			if h.v.env != "" {
				s.Notes = appendNew(s.Notes, "endpoint: read from env "+h.v.env+", which the paste does not set")
			}
		}
	}
	for _, h := range resources {
		if h.v.ok && isSubdomainName(h.v.text) {
			s.Endpoint.set("https://"+h.v.text+".openai.azure.com/", h.from, h.sure)
		}
	}
	s.extendEndpoint(urls, queryApart)
}

// extendEndpoint takes the longest resolved request URL (query included)
// that starts with the endpoint found: the base in a constant, the
// request URL built from it (BASE + "languages?…", {{base}}/openai/…?…).
// A path alone is taken only when the code passes the query apart
// (params=): else the URL may be a base the client adds to.
func (s *Snippet) extendEndpoint(urls []hit, queryApart bool) {
	for _, h := range urls {
		if h.v.ok && len(h.v.text) > len(s.Endpoint.Value) && s.Endpoint.Value != "" && (queryApart || strings.Contains(h.v.text, "?")) &&
			strings.HasPrefix(h.v.text, strings.TrimSuffix(s.Endpoint.Value, "/")) {
			s.Endpoint.Value, s.Endpoint.From = h.v.text, h.from+" (built on "+s.Endpoint.From+")"
		}
	}
}

// joinPath joins the request path a client takes apart from its base
// URL (conn.request("POST", "/language/…"), RestRequest("/…")) to an
// endpoint that holds only a host.
func (s *Snippet) joinPath(paths []hit) {
	base := strings.TrimSuffix(s.Endpoint.Value, "/")
	if len(paths) == 0 || base == "" || strings.Count(base, "/") > 2 {
		return
	}
	h := paths[0]
	s.Endpoint.Value, s.Endpoint.From = base+h.v.text, h.from+" (joined to "+s.Endpoint.From+")"
}

// addQuery adds the query a call sends apart from its URL to an
// endpoint that has none.
func (s *Snippet) addQuery(qs []hit) {
	if len(qs) == 0 || s.Endpoint.Value == "" || strings.Contains(s.Endpoint.Value, "?") {
		return
	}
	s.Endpoint.Value += qs[0].v.text
	s.Endpoint.From += " with " + qs[0].from
}

// fillVersion takes the api-version a client call is given as its own
// argument (api_version=, apiVersion, an options ServiceVersion): the
// client adds it to every request. A config entry alone is not taken:
// the paste does not show that the client reads it.
func (s *Snippet) fillVersion(hs []hit) {
	for _, h := range hs {
		if h.v.ok && h.name == "" {
			s.apiVersion.set(h.v.text, h.from, h.sure)
		}
	}
}

// addClientQuery adds to the facts of the endpoint the snippet gave the
// api-version its client sends apart from it, so the endpoint checks see
// the request the client makes; a request URL the snippet built for an
// SDK that adds its own api-version is marked so. An endpoint typed in
// the form, or one whose URL holds its own api-version, is left as it is.
func (s *Snippet) addClientQuery(ep *endpointFacts) {
	if s == nil || !ep.parsed || ep.raw != s.Endpoint.Value || ep.query.Has("api-version") {
		return
	}
	ep.sdkVersion = s.sdkVersion
	if s.apiVersion.Value != "" {
		ep.query.Set("api-version", s.apiVersion.Value)
	}
}

// isAngled reports a placeholder in angle brackets: <your-endpoint>.
func isAngled(v string) bool {
	return len(v) > 2 && v[0] == '<' && v[len(v)-1] == '>' && !strings.ContainsAny(v, " \n")
}

func isSubdomainName(v string) bool {
	return v != "" && !strings.ContainsAny(v, "/:. {}$") && validSubdomain(strings.ToLower(v))
}

// fillKey picks the key and notes where an unresolved one is read from.
// When the code reads the key from a variable the paste does not set, a
// config entry of another name is only a guess.
func (s *Snippet) fillKey(hs []hit) {
	readsOther := s.noteDefined(hs)
	for _, h := range hs {
		if readsOther && h.name != "" {
			h.sure = Guessed
		}
		switch {
		case h.v.ok && s.Key.Value == "":
			s.Key.set(h.v.text, h.from, h.sure)
			s.keyInCode = h.v.lit && isKeyShaped(h.v.text)
			if h.header != "" {
				s.Header.set(h.header, h.from, Sure)
			}
		case !h.v.ok:
			s.unresolvedKey(h)
		}
	}
}

// noteDefined records the key names the paste's config defines, and
// reports whether the code reads the key from a variable it does not set.
func (s *Snippet) noteDefined(hs []hit) bool {
	readsOther := false
	for _, h := range hs {
		if h.name != "" && h.v.ok && h.sure == Sure {
			s.envDefined = appendNew(s.envDefined, h.name)
		}
		readsOther = readsOther || h.name == "" && !h.v.ok && h.v.env != ""
	}
	return readsOther
}

// unresolvedKey notes a key the paste reads but does not hold.
func (s *Snippet) unresolvedKey(h hit) {
	s.keyElsewhere = true
	if h.v.env == "" {
		s.Notes = appendNew(s.Notes, "key: "+h.v.via)
		return
	}
	if s.envRead == "" && h.name == "" {
		s.envRead = h.v.env
	}
	s.Notes = appendNew(s.Notes, "key: read from env "+h.v.env+", which the paste does not set")
}

// fillRegion separates the resource's region from the region header.
func (s *Snippet) fillRegion(hs []hit) {
	for _, h := range hs {
		switch {
		case !h.v.ok:
			s.regionHeaderRead = s.regionHeaderRead || h.header == regionHeaderName
			if h.v.env != "" {
				s.Notes = appendNew(s.Notes, "region: read from env "+h.v.env+", which the paste does not set")
			}
		case h.header == regionHeaderName:
			s.RegionHeader.set(h.v.text, h.from, h.sure)
		case normName(h.name) == "xmsregion": // the answer's header names the region as the portal does: East US
			s.Region.set(regionIDOf(h.v.text), h.from, h.sure)
		default:
			s.Region.set(h.v.text, h.from, h.sure)
		}
	}
}

// regionIDOf returns the id of a region named as the portal shows it, or
// the name as it is.
func regionIDOf(name string) string {
	if r, _ := resolveRegion(name); r != nil {
		return r.ID
	}
	return name
}

// fillKind takes the kind a client call or resource says, else the one
// the names point to (a guess).
func (s *Snippet) fillKind(hits, kinds []hit) {
	for _, h := range kinds {
		s.Kind.set(h.v.text, h.from, h.sure)
	}
	for _, h := range hits {
		if h.kind != "" && h.role != roleEndpoint {
			s.Kind.set(h.kind, "the name "+h.from, Guessed)
		}
	}
	// Only Translator reads Ocp-Apim-Subscription-Region (sources §3).
	if v := s.RegionHeader.Value; v != "" && v != NoRegionHeader {
		s.Kind.set("translator", "the "+s.RegionHeader.From, Guessed)
	}
	if s.Endpoint.Value == "" {
		return
	}
	// A multi-service client (azure-ai-inference's ChatCompletionsClient)
	// talks to the kind its endpoint names: an Azure OpenAI deployment URL.
	if k := inferKindFrom(s.Endpoint.Value); k != nil && (s.Kind.Value == "" || isMultiService(s.Kind.Value) && !isMultiService(k.ID)) {
		s.Kind = Field{Value: k.ID, From: "the endpoint's host and path", Sure: s.Endpoint.Sure}
	}
}

// isMultiService reports the kinds of the multi-service resources: those
// that cover other kinds in the catalogue.
func isMultiService(kind string) bool {
	k := kindByID[kind]
	return k != nil && len(k.Covers) > 0
}

// fillSettings reads the resource settings and the OpenAI default.
func (s *Snippet) fillSettings(by map[role][]hit) {
	if hs := by[roleLocalAuthOff]; len(hs) > 0 {
		s.localAuthOff = true
	}
	if hs := by[roleNetwork]; len(hs) > 0 {
		s.networkClosed = hs[0].v.text
	}
	s.noSubdomain = len(by[roleNoSubdomain]) > 0
	for _, h := range by[roleKind] {
		s.resource = s.resource || strings.HasPrefix(h.from, "resource kind")
	}
	if hs := by[roleOpenAIDefault]; len(hs) > 0 && s.Endpoint.Value == "" {
		s.openAIDefault = true
		s.Endpoint.set("https://api.openai.com/v1/", "OpenAI client default base URL", Guessed)
	}
}

func appendNew(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// set fills a field unless a surer value is there already.
func (f *Field) set(value, from string, sure Sureness) {
	value = strings.TrimSpace(value)
	if value == "" || f.Value != "" && f.Sure >= sure {
		return
	}
	*f = Field{Value: value, From: from, Sure: sure}
}

// isKeyShaped reports a 32-hex or 84-char key.
func isKeyShaped(v string) bool {
	c := analyseKey(v).class
	return c == classLegacy || c == classCASK
}

// findDefaults notes a westus written in the paste, the default of many
// samples and libraries (sources §8 [I5][I10][I27]).
func (s *Snippet) findDefaults() {
	switch {
	case s.Region.Value == "westus":
		s.defaultRegion = s.Region.From
	case s.RegionHeader.Value == "westus":
		s.defaultRegion = s.RegionHeader.From
	case strings.Contains(s.Endpoint.Value, "//westus."):
		s.defaultRegion = s.Endpoint.From
	}
}

// Input fills an input's empty fields from the snippet and attaches it,
// so the snippet-* checks see what only the snippet shows.
func (s *Snippet) Input(in Input) Input {
	fill := func(dst *string, f Field) {
		if *dst == "" {
			*dst = f.Value
		}
	}
	s = s.confirmRegion(in.Region)
	fill(&in.Kind, s.Kind)
	fill(&in.Endpoint, s.Endpoint)
	fill(&in.Region, s.Region)
	fill(&in.Key, s.Key)
	fill(&in.Header, s.Header)
	fill(&in.RegionHeader, s.RegionHeader)
	fill(&in.Response, s.Response)
	if in.Status == 0 {
		in.Status, _ = atoiStatus(s.Status.Value)
	}
	in.Snippet = s
	return in
}

// confirmRegion returns the snippet with its guessed region made sure
// when the user gives that same region: the guess is then the user's
// word, not only what the paste implied (a regional host). The snippet
// itself is left as it is.
func (s *Snippet) confirmRegion(given string) *Snippet {
	if s.Region.Sure == Sure || s.Region.Value == "" || !strings.EqualFold(strings.TrimSpace(given), s.Region.Value) {
		return s
	}
	cp := *s
	cp.Region.Sure, cp.regionGiven = Sure, true
	return &cp
}

func atoiStatus(v string) (int, bool) {
	if len(v) != 3 || !isNumeric(v) {
		return 0, false
	}
	return int(v[0]-'0')*100 + int(v[1]-'0')*10 + int(v[2]-'0'), true
}

// guessedFields map cause-ID prefixes to the field they judge.
var guessedFields = []struct {
	prefix string
	field  func(s *Snippet, in *Input) (Field, string)
}{
	{"key-", func(s *Snippet, in *Input) (Field, string) { return s.Key, in.Key }},
	{"token-", func(s *Snippet, in *Input) (Field, string) { return s.Key, in.Key }},
	{"endpoint-", func(s *Snippet, in *Input) (Field, string) { return s.Endpoint, in.Endpoint }},
	{"region-", func(s *Snippet, in *Input) (Field, string) { return s.Region, in.Region }},
	{translatorRegionHeader.ID, func(s *Snippet, in *Input) (Field, string) { return s.RegionHeader, in.RegionHeader }},
	{"header-", func(s *Snippet, in *Input) (Field, string) { return s.Header, in.Header }},
}

// demote turns an error that rests on a guessed field into a warning: a
// value the reader is not sure of is never the basis of an error. It
// drops key-missing and endpoint-missing when the paste reads them from
// somewhere it does not show (a token provider, resource settings, an
// SDK that builds the host from the region), and makes key-missing a
// warning when the paste reads the key from a variable it does not set.
func (s *Snippet) demote(in *Input, fd Finding) (Finding, bool) {
	switch {
	case s == nil:
	case fd.ID == keyMissing.ID && in.Key == "" && (s.entra || s.resource),
		fd.ID == endpointMissing.ID && in.Endpoint == "" && s.endpointElsewhere:
		return fd, false
	case fd.ID == keyMissing.ID && in.Key == "" && s.keyElsewhere:
		// The code has a key, where the paste does not show: no cause of
		// the failure, only a key az401 cannot judge until it is given
		// (Report.Missing asks for it).
		fd.Severity = Info
		if s.envRead == "" {
			fd.Message += " The paste reads it from somewhere it does not show; paste the key itself to check it."
		}
	case fd.Severity == Error && s.restsOnGuess(in, fd.ID):
		fd.Severity = Warning
		fd.Message += " (The paste does not say this for sure.)"
	}
	return fd, true
}

// restsOnGuess reports whether a cause judges a field the reader only
// guessed (and the input still holds that guess).
func (s *Snippet) restsOnGuess(in *Input, id string) bool {
	if (id == keyKindMismatch.ID || id == endpointKindMismatch.ID) && s.Kind.Sure == Guessed && in.Kind == s.Kind.Value {
		return true
	}
	for _, g := range guessedFields {
		if f, used := g.field(s, in); strings.HasPrefix(id, g.prefix) && f.Value != "" && f.Sure == Guessed && strings.TrimSpace(used) == f.Value {
			return true
		}
	}
	return false
}
