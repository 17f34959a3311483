package diagnosis

import (
	"encoding/json"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// MaxSnippetLen caps a pasted snippet; a longer paste is cut and the cut
// reported.
const MaxSnippetLen = 64 << 10

// Sureness says how sure an extraction is of a field.
type Sureness int

// How sure a field is.
const (
	// Guessed: read from a name that suggests it (a variable called
	// *_KEY), or inferred (the kind from a client class).
	Guessed Sureness = iota
	// Sure: written in the snippet where the API reads it (a header, an
	// SDK argument, a settings value).
	Sure
)

// String names the sureness for people.
func (s Sureness) String() string { return pick(s == Sure, "sure", "guessed") }

// Field is one value found in a snippet.
type Field struct {
	Value string
	// From says where it was found, e.g. "curl -H api-key".
	From string
	Sure Sureness
}

// Snippet is what a pasted command, config or code gave.
type Snippet struct {
	// Format is what the paste looked like: "curl", "powershell", "env",
	// "json", "python", "csharp", "javascript", "http", "az-json"…
	Format                                                              string
	Kind, Endpoint, Region, Key, Header, RegionHeader, Status, Response Field

	// What the snippet shows that the form cannot (snippet-* causes).
	envRead       string   // the environment variable the code reads the key from
	envDefined    []string // key-like variables the paste defines
	yamlDate      string   // an unquoted YAML api-version line
	defaultRegion string   // where a westus default was written
	openAIDefault bool     // an OpenAI client with no base URL
	keyInCode     bool     // a literal key in code or a command
	localAuthOff  bool     // az JSON: disableLocalAuth true
	networkClosed string   // az JSON: publicNetworkAccess or defaultAction
	noSubdomain   bool     // az JSON: no customSubDomainName
	unreadable    string   // why the paste could not be read whole
}

// The snippet patterns, compiled on the first paste rather than when
// the page loads.
const (
	reURLSrc        = `(?i)\bhttps?://[^\s"'<>` + "`" + `\\)\]},;]+`
	reHeaderPairSrc = `(?i)["']?\b(ocp-apim-subscription-key|ocp-apim-subscription-region|api-key|authorization|training-key|prediction-key)["']?\s*(?::|=>?|,)\s*("[^"\n]*"|'[^'\n]*'|(?:Bearer\s+)?[^\s,;})\]"']+)`
	reAssignSrc     = `(?m)^[ \t]*(?:export[ \t]+|set[ \t]+|\$env:|\$|const[ \t]+|let[ \t]+|var[ \t]+|string[ \t]+)?["']?([A-Za-z_][A-Za-z0-9_.]*)["']?[ \t]*(?::|=)[ \t]*("[^"\n]*"|'[^'\n]*'|[^\s,;#]+(?:[ \t]+[^\s,;#=(){}]+)*)`
	reEnvReadSrc    = `(?:os\.environ(?:\.get)?\(?\[?|os\.getenv\(|process\.env\.|process\.env\[|GetEnvironmentVariable\(|\$env:|System\.getenv\()["']?([A-Z][A-Z0-9_]+)`
	reArgSrc        = `(?i)\b(subscription|api_key|apiKey|key|azure_endpoint|endpoint|base_url|baseURL|region|api_version|apiVersion|resourceName|azure_ad_token)\s*[=:]\s*("[^"\n]*"|'[^'\n]*'|[A-Za-z_$][\w.$\[\]"']*)`
	reCallSrc       = `(?:AzureKeyCredential|FromSubscription|ApiKeyCredential)\(\s*("[^"\n]*"|'[^'\n]*'|[A-Za-z_$][\w.$\[\]"']*)(?:\s*,\s*("[^"\n]*"|'[^'\n]*'|[A-Za-z_$][\w.$\[\]"']*))?`
	reStatusLineSrc = `(?m)^HTTP/[0-9.]+ ([1-5][0-9][0-9])\b.*$`
	reReqLineSrc    = `(?m)^(GET|POST|PUT|PATCH|DELETE) (\S+) HTTP/[0-9.]+\s*$`
	reYAMLDateSrc   = `(?m)^[ \t]*(api[-_]?version|apiVersion)[ \t]*:[ \t]*(\d{4}-\d{2}-\d{2})(-preview)?[ \t]*$`
)

var (
	compileOnce                                                                                  sync.Once
	reURL, reHeaderPair, reAssign, reEnvRead, reArg, reCall, reStatusLine, reReqLine, reYAMLDate *regexp.Regexp
)

func compilePatterns() {
	reURL = regexp.MustCompile(reURLSrc)
	reHeaderPair = regexp.MustCompile(reHeaderPairSrc)
	reAssign = regexp.MustCompile(reAssignSrc)
	reEnvRead = regexp.MustCompile(reEnvReadSrc)
	reArg = regexp.MustCompile(reArgSrc)
	reCall = regexp.MustCompile(reCallSrc)
	reStatusLine = regexp.MustCompile(reStatusLineSrc)
	reReqLine = regexp.MustCompile(reReqLineSrc)
	reYAMLDate = regexp.MustCompile(reYAMLDateSrc)
}

// Extract reads a pasted curl command, PowerShell call, .env file,
// settings JSON, Python, C# or JavaScript snippet, raw HTTP exchange, or
// the JSON of az cognitiveservices account show, and returns the fields
// it found and how sure it is of each. It never fails: what it cannot
// read, it leaves out.
func Extract(text string) Snippet {
	compileOnce.Do(compilePatterns)
	var s Snippet
	if len(text) > MaxSnippetLen {
		text, s.unreadable = text[:MaxSnippetLen], "only the first 64 KiB of the paste were read"
	}
	if strings.ContainsRune(text, 0) || !utf8.ValidString(text) {
		s.unreadable = "the paste is binary, not text: paste a command, a config file or code"
		return s
	}
	s.Format = formatOf(text)
	if s.Format == "az-json" && s.fromAzJSON(text) {
		return s
	}
	vars := assignments(text)
	s.fromHTTP(text)
	s.fromURLs(text)
	s.fromHeaders(text, vars)
	s.fromCode(text, vars)
	s.fromSettings(vars)
	if m := reYAMLDate.FindString(text); m != "" && !strings.ContainsAny(m, `"'`) {
		s.yamlDate = strings.TrimSpace(m)
	}
	s.findDefaults(text)
	// A command or a raw request shows every header it sends.
	if s.Header.Value != "" && s.Header.Value != HeaderQuery && s.RegionHeader.Value == "" &&
		(s.Format == "curl" || s.Format == "http" || s.Format == "powershell") {
		s.RegionHeader.set(NoRegionHeader, "no Ocp-Apim-Subscription-Region in the "+s.Format, Sure)
	}
	if s.Kind.Value == "" && s.Endpoint.Value != "" {
		if k := Analyse(Input{Endpoint: s.Endpoint.Value}).inferred; k != nil {
			s.Kind.set(k.ID, "the endpoint's host and path", Guessed)
		}
	}
	return s
}

// formatOf guesses what the paste is.
func formatOf(t string) string {
	l := strings.ToLower(t)
	trim := strings.TrimSpace(t)
	switch {
	case strings.HasPrefix(trim, "{") || strings.HasPrefix(trim, "["):
		if strings.Contains(l, `"kind"`) && (strings.Contains(l, `"properties"`) || strings.Contains(l, `"accountname"`) || strings.Contains(l, `"location"`)) {
			return "az-json"
		}
		return "json"
	case strings.Contains(l, "curl "):
		return "curl"
	case strings.Contains(l, "invoke-restmethod") || strings.Contains(l, "invoke-webrequest") || strings.Contains(l, "@{"):
		return "powershell"
	case reReqLine.MatchString(t) || reStatusLine.MatchString(t):
		return "http"
	case strings.Contains(l, "import ") && (strings.Contains(l, "def ") || strings.Contains(l, "os.") || strings.Contains(l, "=") && !strings.Contains(l, ";")):
		return "python"
	case strings.Contains(l, "using ") || strings.Contains(l, "new uri(") || strings.Contains(l, "var ") && strings.Contains(l, "new "):
		return "csharp"
	case strings.Contains(l, "fetch(") || strings.Contains(l, "require(") || strings.Contains(l, "process.env") || strings.Contains(l, "const "):
		return "javascript"
	case strings.Contains(l, "api_version:") || strings.Contains(l, "api-version:"):
		return "yaml"
	}
	return "env"
}

// unquote strips one pair of quotes.
func unq(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

// assignments collects NAME = value lines: .env, export/set, shell and
// PowerShell variables, JS/C# declarations, JSON and YAML keys.
func assignments(t string) map[string]string {
	vars := map[string]string{}
	for _, m := range reAssign.FindAllStringSubmatch(t, 200) {
		name, v := m[1], m[2]
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:] // "AzureOpenAI.Endpoint" in appsettings, "Values.KEY" flattening
		}
		if _, seen := vars[name]; !seen {
			vars[name] = unq(v)
		}
	}
	return vars
}

// resolve returns a value written in the snippet for an expression: a
// literal, or a variable or environment variable the snippet defines.
func resolve(expr string, vars map[string]string) (string, bool, string) {
	if expr == "" {
		return "", false, ""
	}
	if expr[0] == '"' || expr[0] == '\'' {
		v := unq(expr)
		if m := reEnvRead.FindStringSubmatch(v); m != nil { // "$env:KEY" inside quotes
			v2, ok := vars[m[1]]
			return v2, ok, m[1]
		}
		return v, true, ""
	}
	if m := reEnvRead.FindStringSubmatch(expr); m != nil {
		v, ok := vars[m[1]]
		return v, ok, m[1]
	}
	if rest, ok := strings.CutPrefix(expr, "Bearer "); ok {
		v, ok, env := resolve(strings.TrimSpace(rest), vars)
		return "Bearer " + v, ok, env
	}
	if name, ok := strings.CutPrefix(expr, "$"); ok && !strings.ContainsAny(name, ".(") { // a shell variable
		name = strings.Trim(name, "{}")
		v, ok := vars[name]
		return v, ok, name
	}
	v, ok := vars[expr]
	return v, ok, ""
}

// set fills a field unless a surer value is there already.
func (f *Field) set(value, from string, sure Sureness) {
	value = strings.TrimSpace(value)
	if value == "" || f.Value != "" && f.Sure >= sure {
		return
	}
	*f = Field{Value: value, From: from, Sure: sure}
}

// fromHTTP reads a raw request and response (DevTools, Fiddler).
func (s *Snippet) fromHTTP(t string) {
	if m := reReqLine.FindStringSubmatch(t); m != nil {
		u := m[2]
		if strings.HasPrefix(u, "/") {
			for _, line := range strings.Split(t, "\n") {
				if name, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(name), "host") {
					u = "https://" + strings.TrimSpace(v) + u
					break
				}
			}
		}
		if strings.HasPrefix(u, "http") {
			s.Endpoint.set(u, "request line", Sure)
		}
	}
	if loc := reStatusLine.FindStringSubmatchIndex(t); loc != nil {
		s.Status.set(t[loc[2]:loc[3]], "status line", Sure)
		rest := t[loc[1]:]
		if i := strings.Index(rest, "\n\n"); i >= 0 {
			rest = rest[i+2:]
		} else if i := strings.Index(rest, "\r\n\r\n"); i >= 0 {
			rest = rest[i+4:]
		}
		s.Response.set(strings.TrimSpace(rest), "response body", Sure)
	}
}

// fromURLs takes the endpoint from the first Azure AI URL, else the
// first URL.
func (s *Snippet) fromURLs(t string) {
	urls := reURL.FindAllString(t, 50)
	for _, u := range urls {
		if f, _, _ := classifyHost(hostOf(u)); !f.foreign() || f == hostAPIM || f == hostOpenAIPublic {
			s.Endpoint.set(strings.TrimRight(u, ".'\""), "URL in the "+s.Format, Sure)
			return
		}
	}
	for _, u := range urls {
		if h := hostOf(u); h != "" && webPage(h) == "" && !strings.HasSuffix(h, "aka.ms") {
			s.Endpoint.set(strings.TrimRight(u, ".'\""), "URL in the "+s.Format, Guessed)
			return
		}
	}
}

func hostOf(u string) string {
	rest := u[strings.Index(u, "://")+3:]
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		rest = rest[:i]
	}
	return strings.ToLower(rest)
}

// fromHeaders reads key and region headers in any quoting: curl -H,
// Python dicts, PowerShell hashtables, JS objects, C# Add calls.
func (s *Snippet) fromHeaders(t string, vars map[string]string) {
	loc := reHeaderPair.FindAllStringIndex(t, 50)
	for i, m := range reHeaderPair.FindAllStringSubmatch(t, 50) {
		name := strings.ToLower(m[1])
		from := s.Format + " header " + m[1]
		switch name {
		case "ocp-apim-subscription-region":
		case "authorization":
			s.Header.set(HeaderAuthorization, from, Sure)
		default:
			s.Header.set(name, from, Sure)
		}
		expr := m[2]
		if literalHeaderValue(t, loc[i], m) && expr[0] != '"' && expr[0] != '\'' && expr[0] != '$' {
			expr = `"` + expr + `"`
		}
		v, ok, env := resolve(expr, vars)
		if !ok {
			if env != "" && s.envRead == "" && name != "ocp-apim-subscription-region" {
				s.envRead = env
			}
			continue
		}
		if name == "ocp-apim-subscription-region" {
			s.RegionHeader.set(v, from, Sure)
		} else {
			s.Key.set(strings.TrimPrefix(v, "Bearer "), from, Sure)
		}
		s.keyInCode = s.keyInCode || name != "ocp-apim-subscription-region" && isKeyShaped(strings.TrimPrefix(v, "Bearer "))
	}
	// The key in the URL's query.
	if u := s.Endpoint.Value; u != "" {
		low := strings.ToLower(u)
		for _, p := range []string{"subscription-key=", "ocp-apim-subscription-key="} {
			if i := strings.Index(low, p); i >= 0 {
				v := u[i+len(p):]
				if j := strings.IndexByte(v, '&'); j >= 0 {
					v = v[:j]
				}
				s.Header.set(HeaderQuery, "URL query "+p[:len(p)-1], Sure)
				s.Key.set(v, "URL query", Sure)
				s.keyInCode = s.keyInCode || isKeyShaped(v)
			}
		}
		if i := strings.Index(low, "subscription-region="); i >= 0 {
			v := u[i+len("subscription-region="):]
			if j := strings.IndexByte(v, '&'); j >= 0 {
				v = v[:j]
			}
			s.RegionHeader.set(v, "URL query Subscription-Region", Sure)
		}
	}
	// A key in a request body (curl -d, a raw request's body) [I26].
	if b := strings.ToLower(t); strings.Contains(b, "subscription-key=") && s.Header.Value == "" &&
		(strings.Contains(b, " -d ") || strings.Contains(b, "--data") || s.Format == "http") {
		s.Header.set(HeaderBody, "request body", Sure)
		v := t[strings.Index(b, "subscription-key=")+len("subscription-key="):]
		if j := strings.IndexAny(v, "&\"' \n"); j >= 0 {
			v = v[:j]
		}
		s.Key.set(v, "request body subscription-key", Sure)
		s.keyInCode = s.keyInCode || isKeyShaped(v)
	}
}

// literalHeaderValue reports whether a header's value is written as text:
// "Name: value" inside one string (curl -H), or a "Name: value" line of a
// raw HTTP request. In "Name": value (JSON, JavaScript, Python) the
// value is an expression.
func literalHeaderValue(t string, loc []int, m []string) bool {
	start := loc[0]
	if c := t[start]; c == '"' || c == '\'' {
		after := start + 1 + len(m[1])
		return after < len(t) && t[after] != '"' && t[after] != '\''
	}
	lineStart := strings.LastIndexByte(t[:start], '\n') + 1
	return strings.TrimSpace(t[lineStart:start]) == "" && strings.Contains(m[0], ":")
}

// isKeyShaped reports a 32-hex or 84-char key.
func isKeyShaped(v string) bool {
	c := analyseKey(v).class
	return c == classLegacy || c == classCASK
}

// clientKinds maps SDK classes and calls to the kind they talk to.
var clientKinds = [...][2]string{
	{"AzureOpenAI", "openai"}, {"AzureChatOpenAI", "openai"}, {"OpenAIClient", "openai"}, {"AzureOpenAIClient", "openai"},
	{"createAzure", "openai"}, {"SpeechConfig", "speech"}, {"SpeechTranslationConfig", "speech"},
	{"TextAnalyticsClient", "language"}, {"ConversationAnalysisClient", "language"}, {"TextAuthoringClient", "language"},
	{"DocumentAnalysisClient", "document-intelligence"}, {"DocumentIntelligenceClient", "document-intelligence"},
	{"FormRecognizerClient", "document-intelligence"}, {"ImageAnalysisClient", "vision"}, {"ComputerVisionClient", "vision"},
	{"FaceClient", "face"}, {"TextTranslationClient", "translator"}, {"ContentSafetyClient", "content-safety"},
	{"CustomVisionTrainingClient", "custom-vision-training"}, {"CustomVisionPredictionClient", "custom-vision-prediction"},
	{"ChatCompletionsClient", "ai-services"}, {"microsofttranslator", "translator"},
}

// fromCode reads SDK constructors and calls: keys, endpoints, regions
// and the kind the client class talks to.
func (s *Snippet) fromCode(t string, vars map[string]string) {
	for _, ck := range clientKinds {
		if strings.Contains(t, ck[0]) {
			s.Kind.set(ck[1], ck[0]+" in the "+s.Format, Guessed)
			break
		}
	}
	for _, m := range reCall.FindAllStringSubmatch(t, 20) {
		if v, ok, env := resolve(m[1], vars); ok {
			s.Key.set(v, "credential in the "+s.Format, Sure)
			s.keyInCode = s.keyInCode || m[1][0] == '"' || m[1][0] == '\''
		} else if env != "" && s.envRead == "" {
			s.envRead = env
		}
		if strings.Contains(m[0], "FromSubscription") {
			if v, ok, _ := resolve(m[2], vars); ok {
				s.Region.set(v, "SpeechConfig.FromSubscription region", Sure)
			}
		}
	}
	for _, m := range reArg.FindAllStringSubmatch(t, 50) {
		arg := strings.ToLower(m[1])
		v, ok, env := resolve(m[2], vars)
		if !ok {
			if env != "" && s.envRead == "" && (arg == "subscription" || strings.Contains(arg, "key")) {
				s.envRead = env
			}
			continue
		}
		from := arg + "= in the " + s.Format
		switch arg {
		case "subscription", "api_key", "apikey", "key":
			if analyseKey(v).class != classPlaceholder || strings.HasPrefix(v, "<") || strings.HasPrefix(strings.ToUpper(v), "YOUR") {
				s.Key.set(v, from, Sure)
				s.keyInCode = s.keyInCode || (m[2][0] == '"' || m[2][0] == '\'') && isKeyShaped(v)
			}
		case "azure_endpoint", "endpoint", "base_url", "baseurl":
			if strings.Contains(v, "://") {
				s.Endpoint.set(v, from, Sure)
			}
		case "resourcename":
			s.Endpoint.set("https://"+v+".openai.azure.com/", "createAzure resourceName", Sure)
		case "region":
			s.Region.set(v, from, Sure)
		}
	}
	l := strings.ToLower(t)
	if (strings.Contains(t, "OpenAI(") || strings.Contains(t, "new OpenAI(")) && !strings.Contains(t, "AzureOpenAI(") &&
		!strings.Contains(l, "base_url") && !strings.Contains(l, "baseurl") && !strings.Contains(l, "azure_endpoint") {
		s.openAIDefault = true
		s.Endpoint.set("https://api.openai.com/v1/", "OpenAI client default base URL", Guessed)
	}
	if s.envRead == "" {
		if m := reEnvRead.FindStringSubmatch(t); m != nil && strings.Contains(m[1], "KEY") {
			if _, defined := vars[m[1]]; !defined {
				s.envRead = m[1]
			}
		}
	}
}

// settingsKinds guess the kind from a settings variable's name.
var settingsKinds = [...][2]string{
	{"OPENAI", "openai"}, {"SPEECH", "speech"}, {"TRANSLATOR", "translator"}, {"VISION", "vision"},
	{"DOCUMENT", "document-intelligence"}, {"FORM_RECOGNIZER", "document-intelligence"}, {"FACE", "face"},
	{"TEXT_ANALYTICS", "language"}, {"LANGUAGE", "language"}, {"CONTENT_SAFETY", "content-safety"},
}

// fromSettings reads .env and settings files by the usual variable names.
func (s *Snippet) fromSettings(vars map[string]string) {
	for name, v := range vars {
		n := strings.ToUpper(name)
		from := name + " in the " + s.Format
		if strings.Contains(n, "KEY") || strings.Contains(n, "ENDPOINT") || strings.Contains(n, "REGION") {
			for _, sk := range settingsKinds {
				if strings.Contains(strings.ReplaceAll(n, "INTELLIGENCE", ""), sk[0]) {
					s.Kind.set(sk[1], "the variable name "+name, Guessed)
				}
			}
		}
		switch {
		case strings.Contains(n, "KEY") && !strings.Contains(n, "VAULT") && !strings.Contains(n, "KEYWORD"):
			if isKeyShaped(v) || analyseKey(v).class == classGUID || analyseKey(v).class == classForeign {
				s.envDefined = append(s.envDefined, name)
				s.Key.set(v, from, Guessed)
			}
		case strings.Contains(n, "ENDPOINT") || strings.HasSuffix(n, "BASE") || strings.Contains(n, "BASE_URL"):
			if strings.Contains(v, "://") {
				s.Endpoint.set(v, from, Guessed)
			}
		case strings.Contains(n, "REGION") || strings.Contains(n, "LOCATION"):
			if resolveRegionLoose(v) {
				s.Region.set(v, from, Guessed)
			}
		}
	}
}

func resolveRegionLoose(v string) bool { r, _ := resolveRegion(strings.ToLower(v)); return r != nil }

// findDefaults notes a westus written in code, the default of many
// samples and libraries (sources §8 [I5][I10][I27]).
func (s *Snippet) findDefaults(t string) {
	if s.Region.Value == "westus" && s.Region.From != "" {
		s.defaultRegion = s.Region.From
	} else if s.RegionHeader.Value == "westus" {
		s.defaultRegion = s.RegionHeader.From
	} else if strings.Contains(s.Endpoint.Value, "//westus.") {
		s.defaultRegion = s.Endpoint.From
	}
}

// azAccount is the part of az cognitiveservices account show (or
// Get-AzCognitiveServicesAccount as JSON) that explains a 401/403.
type azAccount struct {
	Kind       string
	Location   string
	Endpoint   string
	Properties struct {
		Endpoint            string
		CustomSubDomainName *string
		DisableLocalAuth    *bool
		PublicNetworkAccess string
		NetworkAcls         *struct{ DefaultAction string }
	}
	CustomSubDomainName *string
	DisableLocalAuth    *bool
	PublicNetworkAccess string
	NetworkRuleSet      *struct{ DefaultAction string }
}

// azKinds maps a resource's kind to the API kind.
var azKinds = [...][2]string{
	{"openai", "openai"}, {"aiservices", "ai-services"}, {"cognitiveservices", "cognitive-services"},
	{"texttranslation", "translator"}, {"speechservices", "speech"}, {"computervision", "vision"}, {"face", "face"},
	{"textanalytics", "language"}, {"formrecognizer", "document-intelligence"}, {"contentsafety", "content-safety"},
	{"customvision.training", "custom-vision-training"}, {"customvision.prediction", "custom-vision-prediction"},
	{"luis.authoring", "luis-authoring"}, {"luis", "luis-prediction"}, {"bing.search.v7", "bing-search"},
	{"qnamaker", "qna-maker"}, {"personalizer", "personalizer"}, {"anomalydetector", "anomaly-detector"},
	{"metricsadvisor", "metrics-advisor"},
}

// fromAzJSON reads a resource's settings as az or Az PowerShell print
// them (a single object, or the first of a list).
func (s *Snippet) fromAzJSON(t string) bool {
	var a azAccount
	trim := strings.TrimSpace(t)
	if strings.HasPrefix(trim, "[") {
		var list []azAccount
		if json.Unmarshal([]byte(trim), &list) != nil || len(list) == 0 {
			return false
		}
		a = list[0]
	} else if json.Unmarshal([]byte(trim), &a) != nil {
		return false
	}
	for _, k := range azKinds {
		if strings.EqualFold(a.Kind, k[0]) {
			s.Kind.set(k[1], "resource kind "+a.Kind, Sure)
		}
	}
	if loc := strings.ReplaceAll(strings.ToLower(a.Location), " ", ""); loc != "" {
		s.Region.set(loc, "resource location", Sure)
	}
	p := a.Properties
	s.Endpoint.set(p.Endpoint, "resource endpoint", Sure)
	s.Endpoint.set(a.Endpoint, "resource endpoint", Sure)
	off := p.DisableLocalAuth
	if off == nil {
		off = a.DisableLocalAuth
	}
	s.localAuthOff = off != nil && *off
	sub := p.CustomSubDomainName
	if sub == nil {
		sub = a.CustomSubDomainName
	}
	s.noSubdomain = sub == nil || *sub == ""
	pna := p.PublicNetworkAccess + a.PublicNetworkAccess
	action := ""
	if p.NetworkAcls != nil {
		action = p.NetworkAcls.DefaultAction
	} else if a.NetworkRuleSet != nil {
		action = a.NetworkRuleSet.DefaultAction
	}
	switch {
	case strings.EqualFold(pna, "Disabled"):
		s.networkClosed = "publicNetworkAccess: Disabled"
	case strings.EqualFold(action, "Deny"):
		s.networkClosed = "networkAcls.defaultAction: Deny"
	}
	return s.Kind.Value != "" || s.Endpoint.Value != ""
}

// Input fills an input's empty fields from the snippet and attaches it,
// so the snippet-* checks see what only the snippet shows.
func (s *Snippet) Input(in Input) Input {
	fill := func(dst *string, f Field) {
		if *dst == "" {
			*dst = f.Value
		}
	}
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

func atoiStatus(v string) (int, bool) {
	if len(v) != 3 || !isNumeric(v) {
		return 0, false
	}
	return int(v[0]-'0')*100 + int(v[1]-'0')*10 + int(v[2]-'0'), true
}
