package diagnosis

import (
	"net/url"
	"slices"
	"strings"
)

// hit is one field value the recognisers found, with the service it
// belongs to when the paste says.
type hit struct {
	role   role
	v      value
	kind   string // the kind the surrounding call, name or section names, or ""
	from   string
	pos    int
	sure   Sureness
	header string // for a key: how it is sent (an Input.Header value)
	name   string // for a config entry: its name
	route  string // for an operation: its route under /openai/deployments/NAME/
}

// collector gathers hits from a program.
type collector struct {
	p     *program
	r     *resolver
	hits  []hit
	azure bool // the paste builds an Azure OpenAI client

	azureAPIType bool // a client configured with api_type azure
}

// collect runs every recogniser over a program.
func collect(p *program) []hit {
	c := &collector{p: p, r: newResolver(p), azure: hasAzureOpenAIClient(p), azureAPIType: azureAPIType(p)}
	for _, cl := range p.calls {
		c.fromCall(cl)
	}
	for _, pr := range p.pairs {
		c.fromPair(pr)
	}
	for _, t := range p.strs {
		c.fromString(t)
	}
	return c.hits
}

func (c *collector) add(h hit) {
	if h.v.text = strings.TrimSpace(h.v.text); h.v.text == "" && h.v.env == "" && h.v.via == "" {
		return
	}
	if h.role == roleKey && h.header == "" && h.v.ok && namesVariable(h.v.text) && c.r != nil {
		h.v = c.r.env(h.v.text, h.pos, "") // env_key = "AZURE_OPENAI_API_KEY"
	}
	c.hits = append(c.hits, h)
}

// namesVariable reports a value that names an environment variable or a
// setting (AZURE_OPENAI_API_KEY, AZURE_OPENAI) rather than being a key:
// upper-case letters, digits and at least one _, which no key has, and
// not a sample's placeholder (YOUR_KEY_HERE).
func namesVariable(v string) bool {
	if len(v) < 3 || v[0] < 'A' || v[0] > 'Z' || !strings.Contains(v, "_") || analyseKey(v).class == classPlaceholder {
		return false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// callKind is the kind a call talks to: its own, its builder chain's,
// or the call it is an argument of.
func (c *collector) callKind(cl *call) string {
	if k := ctorOf(cl.name).kind; k != "" {
		return k
	}
	if k := ctorOf(cl.root).kind; k != "" {
		return k
	}
	if k := commandKinds[cl.name]; k != "" {
		return k
	}
	for outer := cl.parent; outer != nil; outer = outer.parent {
		if k := ctorOf(outer.name).kind; k != "" {
			return k
		}
	}
	return ""
}

// qualifiedKind returns the kind of the client class a qualified method
// name goes through, and that class: a .NET stack frame's
// Azure.AI.FormRecognizer.DocumentAnalysis.DocumentAnalysisClient.AnalyzeDocumentAsync.
func qualifiedKind(full string) (string, string) {
	segs := strings.Split(full, ".")
	for i := len(segs) - 2; i >= 0; i-- {
		if k := ctorOf(segs[i]).kind; k != "" {
			return k, segs[i]
		}
	}
	return "", ""
}

// ctorOf looks a callee up in ctors; a builder (TextAnalyticsClientBuilder)
// counts as the client it builds.
func ctorOf(name string) ctor {
	low := strings.ToLower(name)
	if ct, ok := ctors[low]; ok {
		return ct
	}
	if strings.HasSuffix(low, "clientoptions") { // .NET: new DocumentIntelligenceClientOptions(ServiceVersion.V2024_11_30)
		return ctor{pos: positions{roleVersion}}
	}
	return ctors[strings.TrimSuffix(low, "builder")]
}

// fromCall reads a call's arguments by the ctors and argRoles tables.
func (c *collector) fromCall(cl *call) {
	kind := c.callKind(cl)
	from := cl.name + "(…)"
	if cl.cmd {
		from = cl.full
	}
	if kind != "" && ctorOf(cl.name).kind != "" {
		c.add(hit{role: roleKind, v: value{text: kind, ok: true}, kind: kind, from: cl.name + " in the code", pos: cl.pos, sure: Sure})
	}
	if k, cls := qualifiedKind(cl.full); kind == "" && k != "" {
		c.add(hit{role: roleKind, v: value{text: k, ok: true}, kind: k, from: "the method of " + cls + " it names", pos: cl.pos, sure: Guessed})
	}
	if entraCredentials.has(strings.TrimSuffix(cl.name, "Builder")) { // Java: new DefaultAzureCredentialBuilder()
		c.add(hit{role: roleToken, v: value{via: cl.name}, from: cl.name, pos: cl.pos, sure: Sure})
	}
	ct := ctorOf(cl.name)
	for i, a := range cl.args {
		rl := roleNone
		if i < len(ct.pos) {
			rl = ct.pos[i]
		}
		if cl.cmd {
			rl = roleAuto
		}
		c.arg(rl, a, kind, from+" argument", cl)
	}
	for _, n := range cl.named {
		if n.name == "params" {
			c.params(n, kind, from)
			continue
		}
		c.arg(namedRole(n.name), n.val, kind, from+" "+strings.TrimLeft(n.name, "-"), cl)
	}
	c.headerCall(cl, kind)
	c.openAIDefault(cl)
	c.operation(cl)
	if cl.cmd {
		c.fromCommand(cl)
	}
}

// params reads axios's params option or requests' params= (a dict, or
// the variable holding it), the query the call sends, as a query:
// "?api-version=3.0&to=fr". An entry the paste does not resolve
// (an array, a variable it does not set) is left out.
func (c *collector) params(n *pair, kind, from string) {
	val := n.val
	if v := trimNL(val); len(v) == 1 && v[0].kind == tWord { // params=params: the dict set before
		if prs := c.r.vars[v[0].text]; len(prs) > 0 {
			val = prs[len(prs)-1].val
		}
	}
	inner, _, ok := bracketed(val, 0, "{")
	if !ok {
		return
	}
	var q []string
	for _, e := range splitTop(inner, ",") {
		e = trimNL(e)
		for len(e) > 0 && e[len(e)-1].kind == tNL {
			e = e[:len(e)-1]
		}
		if op := entryOp(e); op == 1 && len(e) > 2 {
			if v := c.r.eval(e[2:], e[2].pos); v.ok {
				q = append(q, e[0].text+"="+v.text)
			}
		}
	}
	if len(q) > 0 {
		c.add(hit{role: roleQuery, v: value{text: "?" + strings.Join(q, "&"), ok: true}, kind: kind, from: from + " params", pos: n.pos, sure: Sure})
	}
}

// namedRole is what a named argument or option carries: by the argRoles
// table, else, for a name of several words (azureApiKey,
// azure_endpoint_url), by the words of its name.
func namedRole(name string) role {
	if rl := argRoles[normName(name)]; rl != roleNone || len(nameWords(name)) < 2 || isHeaderName(name) {
		return rl
	}
	return configRole(name)
}

// arg turns one argument into a hit by its role.
func (c *collector) arg(rl role, val []token, kind, from string, cl *call) {
	if rl == roleNone || len(val) == 0 || isCallExpr(val) {
		return
	}
	v := c.eval(val, cl)
	rl, v = refine(rl, val, v)
	if rl == roleAuto {
		if rl = autoRole(v, cl); rl == roleNone {
			return
		}
	}
	switch rl {
	case roleHeader:
		c.headerString(val[0], kind)
		return
	case roleHost, rolePath:
		var ok bool
		if rl, v, ok = urlPart(rl, v); !ok {
			return
		}
	case roleBody:
		c.bodyKey(v, kind, val[0].pos)
		return
	case roleKind:
		if k := resourceKinds[strings.ToLower(v.text)]; k != "" {
			c.add(hit{role: roleKind, v: value{text: k, ok: true}, kind: k, from: "resource kind " + v.text + " (" + from + ")", pos: val[0].pos, sure: Sure})
		}
		return
	}
	h := hit{role: rl, v: v, kind: kind, from: from, pos: val[0].pos, sure: choose(v.guess, Guessed, Sure)}
	c.add(h)
	c.sdkRegionHeader(h, cl)
}

// sdkRegionHeader adds the region header a Translator SDK sends with the
// region it is given.
func (c *collector) sdkRegionHeader(h hit, cl *call) {
	if h.role == roleRegion && h.kind == "translator" && !cl.cmd {
		h.header = regionHeaderName
		c.add(h)
	}
}

// refine reads a .NET ServiceVersion enum as the api-version, and a
// path given where a URL goes (axios({baseURL, url: '/translate'})) as
// the path the client joins to its base.
func refine(rl role, val []token, v value) (role, value) {
	switch {
	case rl == roleVersion:
		v = enumVersion(val, v)
	case rl == roleEndpoint && v.ok && strings.HasPrefix(v.text, "/"):
		rl = rolePath
	}
	return rl, v
}

// enumVersion reads a .NET ServiceVersion enum member as the
// api-version it stands for: ….ServiceVersion.V2024_05_01_Preview is
// 2024-05-01-preview. Anything else is v unchanged.
func enumVersion(val []token, v value) value {
	if v.ok || len(val) != 1 || val[0].kind != tWord {
		return v
	}
	name := lastSegment(val[0].text)
	date, preview := strings.CutSuffix(strings.ToLower(name), "_preview")
	date = strings.ReplaceAll(strings.TrimPrefix(date, "v"), "_", "-")
	if !isDate(date) || name[0] != 'V' {
		return v
	}
	return value{text: date + choose(preview, "-preview", ""), ok: true, lit: true}
}

// autoRole is what a positional credential-or-endpoint argument carries
// by its value's shape; in a command line only a URL counts.
func autoRole(v value, cl *call) role {
	if low := strings.ToLower(v.text); strings.Contains(low, "://") || strings.Contains(low, "endpoint") || strings.Contains(low, "url") {
		return roleEndpoint
	}
	if v.lit && slices.Contains(fetchCredentials, v.text) {
		return roleNone // fetch(url, {credentials: "omit"}) is a cookie mode
	}
	return choose(cl.cmd, roleNone, roleKey)
}

// fetchCredentials are the values of fetch's credentials option, which
// says whether cookies go with the request, not a key.
var fetchCredentials = []string{"omit", "same-origin", "include"}

// urlPart reads a client's bare host (https:// added) or request path: a
// path is kept to join to the base URL, a whole URL is the endpoint;
// anything else (a body, a variable the paste does not set) is nothing.
func urlPart(rl role, v value) (role, value, bool) {
	switch {
	case !v.ok:
		return rl, v, false
	case strings.Contains(v.text, "://"):
		return roleEndpoint, v, true
	case rl == roleHost && v.text != "" && !strings.ContainsAny(v.text, "/: "):
		v.text = "https://" + v.text
		return roleEndpoint, v, true
	}
	return rl, v, rl == rolePath && strings.HasPrefix(v.text, "/")
}

// eval resolves an argument; in a command line a bare word is text.
func (c *collector) eval(val []token, cl *call) value {
	if cl != nil && cl.cmd && len(val) == 1 && val[0].kind == tWord && len(val[0].parts) == 0 && !strings.HasPrefix(val[0].text, "$") {
		return value{text: val[0].text, ok: true, lit: true}
	}
	if len(val) == 0 {
		return value{}
	}
	return c.r.eval(val, val[0].pos)
}

// isCallExpr reports an argument that is itself a call (a credential
// object): its own recogniser reads it.
func isCallExpr(val []token) bool {
	i := 0
	if val[0].text == "new" {
		i = 1
	}
	return len(val) > i+1 && val[i].kind == tWord && (val[i+1].text == "(" || val[i+1].text == "{") && ctors[strings.ToLower(lastSegment(val[i].text))].pos != positions{}
}

// headerCalls add a header: Headers.Add(n, v), setRequestHeader(n, v),
// req.Header.Set(n, v), .header(n, v), TryAddWithoutValidation(n, v).
var headerCalls = words{"add", "set", "append", "setrequestheader", "header",
	"addheader", "setheader", "tryaddwithoutvalidation", "put", "headers"}

func (c *collector) headerCall(cl *call, kind string) {
	if n := namedHeader(cl); n != nil && len(cl.args) > 0 {
		c.header(n.val[0].text, cl.args[0], "", kind, cl.name+"(…, forHTTPHeaderField: \""+n.val[0].text+"\")")
		return
	}
	if !headerCalls.has(strings.ToLower(cl.name)) || len(cl.args) < 2 || len(cl.args[0]) != 1 || cl.args[0][0].kind != tStr {
		return
	}
	c.header(cl.args[0][0].text, cl.args[1], "", kind, cl.name+"(\""+cl.args[0][0].text+"\", …)")
}

// namedHeader returns Swift's forHTTPHeaderField: "Name" argument of
// setValue/addValue(value, forHTTPHeaderField: name), or nil.
func namedHeader(cl *call) *pair {
	for _, n := range cl.named {
		if strings.EqualFold(n.name, "forHTTPHeaderField") && len(n.val) == 1 && n.val[0].kind == tStr {
			return n
		}
	}
	return nil
}

// header records a key or region header whose value is an expression
// (val) or a raw text.
func (c *collector) header(name string, val []token, raw, kind, from string) {
	low := strings.ToLower(strings.TrimSpace(name))
	how, isKey := keyHeaders[low]
	if !isKey && low != regionHeaderName {
		return
	}
	v := value{text: raw, ok: true, lit: true}
	pos := 0
	if len(val) > 0 {
		v, pos = c.r.eval(val, val[0].pos), val[0].pos
	} else if val != nil {
		return
	}
	if low == regionHeaderName {
		c.add(hit{role: roleRegion, v: v, kind: kind, from: from, pos: pos, sure: Sure, header: regionHeaderName})
		return
	}
	c.add(hit{role: roleHeader, v: value{text: how, ok: true}, kind: kind, from: from, pos: pos, sure: Sure})
	if t, ok := cutBearer(v.text); ok {
		v.text = t
	}
	c.add(hit{role: roleKey, v: v, kind: kind, from: from, pos: pos, sure: choose(v.guess, Guessed, Sure), header: how})
}

func cutBearer(s string) (string, bool) {
	if hasPrefixFold(s, "bearer ") {
		return strings.TrimSpace(s[7:]), true
	}
	return s, false
}

// headerString reads "Name: value" written in one string (curl -H, a
// header array), the value possibly interpolated.
func (c *collector) headerString(t token, kind string) {
	if t.kind != tStr && t.kind != tWord {
		return
	}
	head := t.text
	if len(t.parts) > 0 && !t.parts[0].isExpr {
		head = t.parts[0].lit
	}
	name, rest, ok := strings.Cut(head, ":")
	if !ok {
		return
	}
	if len(t.parts) == 0 {
		c.header(name, nil, strings.TrimSpace(rest), kind, "header "+strings.TrimSpace(name))
		return
	}
	tail := t
	tail.parts = append([]strPart{{lit: strings.TrimLeft(rest, " ")}}, t.parts[1:]...)
	c.header(name, []token{tail}, "", kind, "header "+strings.TrimSpace(name))
}

// bodyKey finds subscription-key=… in a request body [I26].
func (c *collector) bodyKey(v value, kind string, pos int) {
	low := strings.ToLower(v.text)
	i := strings.Index(low, "subscription-key=")
	if i < 0 {
		return
	}
	k := v.text[i+len("subscription-key="):]
	if j := strings.IndexAny(k, "&\"' \n"); j >= 0 {
		k = k[:j]
	}
	c.add(hit{role: roleHeader, v: value{text: HeaderBody, ok: true}, kind: kind, from: "request body", pos: pos, sure: Sure})
	c.add(hit{role: roleKey, v: value{text: k, ok: v.ok, lit: v.lit}, kind: kind, from: "request body subscription-key", pos: pos, sure: Sure, header: HeaderBody})
}

// fromPair reads an assignment or config entry: a header by its name, or
// a key, region, endpoint… by the words of its name.
func (c *collector) fromPair(pr *pair) {
	if pr.label || pr.call != nil && !isHeaderName(pr.name) {
		return
	}
	if isHeaderName(pr.name) {
		c.headerPair(pr)
		return
	}
	if slices.ContainsFunc(pr.path, isKeyRef) {
		return // Kubernetes valueFrom: key: names the Secret's entry
	}
	rl := pairRole(pr)
	if rl == roleNone {
		return
	}
	kind := serviceOf(pr.name)
	if path := strings.Join(pr.path, " "); kind == "" && !hasMarker(path) {
		kind = serviceOf(path)
	}
	v := c.r.eval(pr.val, pr.pos)
	if literalRaw(pr.raw) {
		v = value{text: unquote(pr.raw), ok: true}
	}
	v.lit = v.lit && !pr.cfg
	sure := choose(pr.cfg && !v.guess, Sure, Guessed)
	name := pr.name
	if len(pr.path) > 0 && !hasMarker(strings.Join(pr.path, " ")) {
		name = strings.Join(pr.path, ":") + ":" + pr.name
	}
	from := name
	if r, ok := c.clientSetting(pr, rl); ok {
		rl, name = r, ""
	}
	c.add(hit{role: rl, v: v, kind: kind, from: from, pos: pr.pos, sure: sure, name: name})
}

// clientSetting reads a property set on a client's configuration object
// (config.api_version = …, openai.api_version = …) as the client
// argument it is: the client sends it. ruby-openai sends
// config.access_token as the api-key header when config.api_type is
// :azure (alexrudall/ruby-openai README, Azure).
func (c *collector) clientSetting(pr *pair, rl role) (role, bool) {
	i := strings.LastIndexByte(pr.name, '.')
	if i <= 0 || pr.cfg || len(pr.path) > 0 {
		return rl, false
	}
	switch {
	case rl == roleVersion:
		return rl, true
	case rl == roleToken && normName(pr.name[i+1:]) == "accesstoken" && c.azureAPIType:
		return roleKey, true
	}
	return rl, false
}

// azureAPIType reports a client configured with api_type azure
// (ruby-openai's config.api_type = :azure, openai-python 0.x's
// openai.api_type = "azure").
func azureAPIType(p *program) bool {
	for _, pr := range p.pairs {
		if normName(lastSegment(pr.name)) == "apitype" && strings.Contains(strings.ToLower(joinText(pr.val)), "azure") {
			return true
		}
	}
	return false
}

// headerPair reads a header written as an entry or a line.
func (c *collector) headerPair(pr *pair) {
	kind := serviceOf(strings.Join(pr.path, " "))
	if pr.raw != "" && !strings.ContainsAny(pr.raw, "$%") && !strings.Contains(pr.raw, "{{") {
		c.header(pr.name, nil, unquote(pr.raw), kind, "header "+pr.name)
		return
	}
	c.header(pr.name, pr.val, "", kind, "header "+pr.name)
}

// isKeyRef reports a Kubernetes reference to a Secret or ConfigMap entry.
func isKeyRef(s string) bool {
	return strings.EqualFold(s, "secretKeyRef") || strings.EqualFold(s, "configMapKeyRef")
}

// pairRole is what a config entry or variable holds by its name; roles
// only calls and commands give are none here.
func pairRole(pr *pair) role {
	rl := configRole(pr.name)
	if rl == roleNone && (len(pr.path) > 0 || pr.cfg) {
		rl = argRoles[normName(pr.name)]
	}
	switch rl {
	case roleAuto, roleHeader, roleBody, roleKind:
		return roleNone
	}
	return rl
}

func isHeaderName(n string) bool {
	low := strings.ToLower(strings.TrimSpace(n))
	_, ok := keyHeaders[low]
	return ok || low == regionHeaderName
}

// fromString reads a string literal or URL word: a header line, an
// endpoint (https://, or wss:// for Speech and the Azure OpenAI realtime
// API), a token scope, a key in the query.
func (c *collector) fromString(t token) {
	v := c.r.single(t, t.pos)
	if strings.Contains(t.text, ":") && !strings.Contains(t.text, "://") && !strings.Contains(v.text, "://") {
		c.headerString(t, "") // f"{endpoint}/language/:analyze-text" is a URL
		return
	}
	if !v.ok || !hasPrefixFold(v.text, "http") && !hasPrefixFold(v.text, "wss://") || !strings.Contains(v.text, "://") {
		return
	}
	u := strings.TrimRight(v.text, ".,")
	if isScope(u) {
		c.add(hit{role: roleScope, v: value{text: u, ok: true, lit: true}, from: "token scope", pos: t.pos, sure: Sure})
		return
	}
	host := hostOf(u)
	if webPage(host) != "" || strings.HasSuffix(host, "aka.ms") || isAuthHost(host) || isDocOrData(host, u) {
		return
	}
	sure := choose(AzureAIHost(host) || host == "api.openai.com", Sure, Guessed)
	c.add(hit{role: roleEndpoint, v: value{text: u, ok: true, lit: v.lit}, kind: "", from: "URL", pos: t.pos, sure: sure})
	c.queryKey(u, t.pos)
}

// isScope reports a token scope or resource URL: …/.default, or an
// identity or management audience.
func isScope(u string) bool {
	return strings.HasSuffix(u, "/.default") || strings.HasSuffix(u, "/user_impersonation")
}

// docHosts are sites an error message or a comment links to: never an
// AI endpoint.
var docHosts = []string{"developer.mozilla.org", "github.com", "stackoverflow.com", "platform.openai.com", "docs.microsoft.com",
	"schema.getpostman.com", "json.schemastore.org"} // a collection's or a settings file's JSON schema

// mediaExts end URLs of data a call sends or reads (an image to analyse,
// audio to transcribe), not of an endpoint.
var mediaExts = []string{".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".wav", ".mp3", ".ogg", ".mp4", ".pdf", ".tif", ".tiff"}

// isDocOrData reports a URL of a documentation site or of a media file.
func isDocOrData(host, u string) bool {
	if slices.Contains(docHosts, host) {
		return true
	}
	path := strings.ToLower(u)
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	for _, ext := range mediaExts {
		if strings.HasSuffix(path, ext) {
			return true
		}
	}
	return false
}

// answerHits reads the URL an error names as the one it called (httpx's
// "for url '…'", an SDK's url: '…', aiohttp's URL('…')): a guessed
// endpoint, when its host is an Azure AI host and not a token audience.
// A URL on another host (a company gateway in front of Azure OpenAI) is
// taken when its path is an Azure OpenAI route. The error's words name
// the service too: an SDK's exception class, a service's error code.
func answerHits(answer string) []hit {
	var hits []hit
	for _, t := range lex(answer) {
		// A JSON-serialised event keeps its lines \n-escaped in one string
		// (a Speech Canceled event's ErrorDetails holds the wss URL).
		for _, u := range urlsIn(escapedBreaks.Replace(t.text)) {
			host := hostOf(u)
			if !AzureAIHost(host) && !strings.Contains(u, "/openai/deployments/") || isAudienceHost(host) {
				continue
			}
			hits = append(hits, hit{role: roleEndpoint, v: value{text: u, ok: true}, from: fromAnswerURL, pos: t.pos, sure: Guessed})
		}
	}
	// asciiLower keeps byte offsets (strings.ToLower may not: Ⱥ grows).
	low := asciiLower(answer)
	for _, ak := range answerKinds {
		if i := strings.Index(low, ak.word); i >= 0 {
			hits = append(hits, hit{role: roleKind, v: value{text: ak.kind, ok: true}, kind: ak.kind, from: "the error's words (" + ak.word + ")", pos: i, sure: Guessed})
			break
		}
	}
	return hits
}

// escapedBreaks turns the escaped line breaks left in a string into
// spaces.
var escapedBreaks = strings.NewReplacer(`\r\n`, " ", `\n`, " ", `\r`, " ", `\t`, " ")

// answerKinds are words of an error (lower case) that name the service:
// the old SDKs' exception classes (azure.cognitiveservices.vision.
// computervision…ComputerVisionErrorResponseException), Azure OpenAI's
// DeploymentNotFound code (sources §4.5).
var answerKinds = []struct{ word, kind string }{
	{"computervisionerror", "vision"}, {"faceerror", "face"}, {"deploymentnotfound", "openai"},
	{"formrecognizer", "document-intelligence"}, {"documentintelligence", "document-intelligence"},
	{"textanalyticserror", "language"}, {"contentsafety", "content-safety"},
}

// fromAnswerURL says a hit is the URL an error names.
const fromAnswerURL = "the URL in the error"

// urlsIn returns the https:// and wss:// URLs in a text.
func urlsIn(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "://")
		if i < 0 {
			return out
		}
		start := i
		for start > 0 && isIdentByte(s[start-1]) {
			start--
		}
		end := i + 3
		for end < len(s) && s[end] > ' ' && strings.IndexByte("'\"<>()[]{},`", s[end]) < 0 {
			end++
		}
		if scheme := strings.ToLower(s[start:i]); scheme == "https" || scheme == "wss" {
			out = append(out, s[start:end])
		}
		s = s[end:]
	}
}

// isAudienceHost reports a token audience such as
// https://cognitiveservices.azure.com, quoted by the token-rejected answer.
func isAudienceHost(h string) bool {
	return slices.Contains(dataPlaneScopes, h) || h == foundryScope
}

// isAuthHost reports hosts that issue tokens or manage resources: never
// the AI endpoint.
func isAuthHost(h string) bool {
	return strings.HasPrefix(h, "login.") || strings.HasSuffix(h, "management.azure.com") || h == "graph.microsoft.com"
}

// queryKey reads a key (and a Translator region) from a URL's query,
// whatever the parameter's spelling.
func (c *collector) queryKey(u string, pos int) {
	_, q, ok := strings.Cut(u, "?")
	if !ok {
		return
	}
	for _, kv := range strings.Split(q, "&") {
		name, val, _ := strings.Cut(kv, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		switch norm := normName(name); {
		case queryKeyParams.has(norm) && val != "":
			c.add(hit{role: roleHeader, v: value{text: HeaderQuery, ok: true}, from: "URL query " + name, pos: pos, sure: Sure})
			c.add(hit{role: roleKey, v: value{text: val, ok: true, lit: true}, from: "URL query " + name, pos: pos, sure: Sure, header: HeaderQuery})
		case norm == "subscriptionregion":
			c.add(hit{role: roleRegion, v: value{text: val, ok: true}, from: "URL query " + name, pos: pos, sure: Sure, header: regionHeaderName})
		}
	}
}

func hostOf(u string) string {
	i := strings.Index(u, "://")
	if i < 0 {
		return ""
	}
	rest := u[i+3:]
	if j := strings.IndexAny(rest, "/?#"); j >= 0 {
		rest = rest[:j]
	}
	if j := strings.LastIndexByte(rest, '@'); j >= 0 {
		rest = rest[j+1:]
	}
	if j := strings.LastIndexByte(rest, ':'); j >= 0 {
		rest = rest[:j]
	}
	return strings.ToLower(rest)
}

// fromCommand reads what the flags of az, spx and bf say.
func (c *collector) fromCommand(cl *call) {
	words := map[string]bool{}
	for _, a := range cl.args {
		words[strings.ToLower(a[0].text)] = true
	}
	for _, n := range cl.named {
		v := c.eval(n.val, cl)
		switch f := strings.ToLower(n.name); {
		case f == "--set" && words["@key"]:
			c.add(hit{role: roleKey, v: v, kind: "speech", from: "spx config @key", pos: n.pos, sure: Sure})
		case f == "--set" && words["@region"]:
			c.add(hit{role: roleRegion, v: v, kind: "speech", from: "spx config @region", pos: n.pos, sure: Sure})
		case (f == "--resource" || f == "--scope") && cl.name == "az":
			c.add(hit{role: roleScope, v: v, from: "az " + f, pos: n.pos, sure: Sure})
		}
	}
}

// platformClients call api.openai.com when given no endpoint:
// openai-python and openai-node OpenAI(), Semantic Kernel's
// OpenAIFileService(apiKey) (microsoft/semantic-kernel#7253).
var platformClients = words{"OpenAI", "OpenAIFileService"}

// openAIDefault notes a platform client given no base URL: it calls
// api.openai.com.
func (c *collector) openAIDefault(cl *call) {
	if !platformClients.has(cl.name) || cl.cmd {
		return
	}
	for _, n := range cl.named {
		if argRoles[normName(n.name)] == roleEndpoint {
			return
		}
	}
	for _, a := range cl.args {
		if lastSegment(a[0].text) == "Uri" || len(a) > 1 && lastSegment(a[1].text) == "Uri" || autoRole(c.eval(a, cl), cl) == roleEndpoint {
			return // OpenAIFileService(new Uri(…), key)
		}
	}
	c.add(hit{role: roleOpenAIDefault, v: value{text: "OpenAI( without base_url", ok: true}, kind: "openai", from: "OpenAI client", pos: cl.pos, sure: Sure})
}

// bodyHits reads a key sent in a raw request's body.
func bodyHits(body string) []hit {
	c := &collector{}
	c.bodyKey(value{text: body, ok: true, lit: true}, "", 0)
	return c.hits
}
