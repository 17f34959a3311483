package diagnosis

import (
	"encoding/json"
	"slices"
	"strings"
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
	// *_KEY), a default, or inferred (the kind from a setting's name). A
	// guessed field is never the basis of an error.
	Guessed Sureness = iota
	// Sure: a literal written where the API reads it (a header, an SDK
	// argument, a settings value).
	Sure
)

// String names the sureness for people.
func (s Sureness) String() string { return choose(s == Sure, "sure", "guessed") }

// Field is one value found in a snippet.
type Field struct {
	Value string
	// From says where it was found, e.g. "header api-key".
	From string
	Sure Sureness
}

// Snippet is what a pasted command, config, code or answer gave for one
// service.
type Snippet struct {
	// Format is what the paste looked like: "curl", "powershell", "env",
	// "json", "python", "csharp", "javascript", "http", "az-json",
	// "bicep", "terraform", "error"…
	Format string
	// ReadAs says what the paste was read as, for people: "the error
	// you got", "code (python)", "resource settings (bicep)".
	ReadAs []string
	// Service names the service this part of the paste is about, when
	// the paste holds several.
	Service string
	// Notes are values the paste reads but does not hold: "key: read
	// from env AZURE_OPENAI_API_KEY".
	Notes []string

	Kind, Endpoint, Region, Key, Header, RegionHeader, Status, Response Field

	// What the snippet shows that the form cannot (snippet-* causes).
	envRead       string   // the environment variable the code reads the key from
	envDefined    []string // key variables the paste's config defines
	yamlDate      string   // an unquoted YAML api-version line
	defaultRegion string   // where a westus default was written
	openAIDefault bool     // an OpenAI client with no base URL
	keyInCode     bool     // a literal key in code or a command
	localAuthOff  bool     // resource settings: key auth disabled
	networkClosed string   // resource settings: public access closed
	noSubdomain   bool     // resource settings: no customSubDomainName
	unreadable    string   // why the paste could not be read whole
	scope         Field    // a token scope the code requests
	apiVersion    Field    // the api-version a client is given apart from its endpoint
	sdkVersion    bool     // the endpoint is a request URL an SDK sends, adding its own api-version

	keyElsewhere, endpointElsewhere bool // read from somewhere the paste does not show
	entra                           bool // the code uses Entra ID tokens, not a key
	resource                        bool // resource settings (IaC, az JSON), which hold no key
	regionHeaderRead                bool // a region header whose value the paste does not show
	regionGiven                     bool // the user gave the region the paste only guessed
}

// Extract reads a paste and returns what it gave for its first service
// (see ExtractServices). It never fails: what it cannot read, it leaves
// out.
func Extract(text string) Snippet { return ExtractServices(text)[0] }

// ExtractServices reads a pasted curl command, PowerShell call, .env,
// INI, YAML or JSON settings, Python, C#, JavaScript, Java or Go code,
// Bicep, ARM or Terraform, a raw HTTP exchange, an error body or
// exception, or az JSON, and returns one Snippet per service it found
// (always at least one).
func ExtractServices(text string) []Snippet {
	base, hits := readPaste(text)
	groups := group(hits)
	answerNamed := hasAnswerURL(hits)
	var out []Snippet
	for _, g := range groups {
		s := base
		s.ReadAs = append([]string(nil), base.ReadAs...)
		if len(groups) > 1 && answerNamed && !hasAnswerURL(g) {
			s.dropAnswer() // the error names another service's URL
		}
		s.fill(g)
		// The key a URL carried is in Key now: the endpoint the form
		// shows (and a share link copies) goes without it.
		if s.Key.Value != "" && strings.Contains(s.Endpoint.Value, s.Key.Value) {
			s.Endpoint.Value = StripURL(s.Endpoint.Value)
		}
		for _, f := range []*Field{&s.Key, &s.Header, &s.RegionHeader} {
			if strings.HasPrefix(f.From, "header ") {
				f.From = s.Format + " " + f.From // "curl header api-key"
			}
		}
		if len(groups) > 1 {
			s.Service = serviceName(s.Kind.Value)
		}
		s.scrubShown()
		out = append(out, s)
	}
	return out
}

// readPaste reads what the whole paste shows: the answer, the format and
// every hit of every service.
func readPaste(text string) (Snippet, []hit) {
	var base Snippet
	if len(text) > MaxSnippetLen {
		text, base.unreadable = text[:MaxSnippetLen], "only the first 64 KiB of the paste were read"
	}
	if strings.ContainsRune(text, 0) || !utf8.ValidString(text) {
		base.unreadable = "the paste is binary, not text: paste a command, a config file or code"
		return base, nil
	}
	// A key, token or GUID pasted alone is what the user takes for the
	// key (a subscription ID, often: key-is-guid says so).
	if word := strings.TrimSpace(text); !strings.ContainsAny(word, " \t\r\n") && keyAlone(word) {
		base.Key.set(word, "the paste: a key alone", Sure)
		base.Format, base.ReadAs = "key", []string{"a key"}
		return base, nil
	}
	text = cmdUnquote(text)
	if code, ok := notebookCode(text); ok {
		text = code
	}
	rt := routePaste(text)
	base.Format = formatOf(rt.code, rt.answer)
	base.readAnswer(rt)
	p := readProgram(rt.code)
	hits := collect(p)
	if rt.reqBody != "" {
		hits = append(hits, bodyHits(rt.reqBody)...)
	}
	hits = append(hits, answerHits(rt.answer)...)
	hits = append(hits, fromIaC(p, newResolver(p))...)
	if base.Format == "az-json" {
		hits = append(hits, fromAzJSON(rt.code)...)
	}
	base.yamlDate = yamlDate(p)
	if len(hits) > 0 && strings.TrimSpace(rt.code) != "" {
		base.ReadAs = append(base.ReadAs, readAsCode(base.Format))
	}
	return base, hits
}

// notebookCode returns the code of a Jupyter notebook's code cells,
// their "source" lines joined, or false when the paste is no notebook
// (nbformat 4: cells[].cell_type, source as a list of lines or a string).
func notebookCode(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "{") || !strings.Contains(t, `"cell_type"`) {
		return "", false
	}
	var nb struct {
		Cells []struct {
			CellType string          `json:"cell_type"`
			Source   json.RawMessage `json:"source"`
		} `json:"cells"`
	}
	if json.Unmarshal([]byte(t), &nb) != nil || len(nb.Cells) == 0 {
		return "", false
	}
	var b strings.Builder
	for _, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		var lines []string
		if json.Unmarshal(c.Source, &lines) != nil {
			var one string
			if json.Unmarshal(c.Source, &one) != nil {
				continue
			}
			lines = []string{one}
		}
		b.WriteString(strings.Join(lines, "") + "\n")
	}
	return b.String(), true
}

// readAnswer sets the response and status a paste shows.
func (s *Snippet) readAnswer(rt routed) {
	if rt.answer != "" {
		s.Response = Field{Value: rt.answer, From: "the pasted error", Sure: Sure}
		s.ReadAs = append(s.ReadAs, readAsAnswer)
	}
	if rt.status != "" {
		s.Status = Field{Value: rt.status, From: rt.statusFrom, Sure: Sure}
	} else if st, ok := statusOf(rt.answer); ok {
		s.Status = Field{Value: st, From: "the pasted error", Sure: Sure}
	}
}

// readAsAnswer is what an answer in the paste was read as.
const readAsAnswer = "the error you got"

// dropAnswer leaves out the answer of a service it is not about.
func (s *Snippet) dropAnswer() {
	s.Response, s.Status = Field{}, Field{}
	s.ReadAs = slices.DeleteFunc(s.ReadAs, func(r string) bool { return r == readAsAnswer })
}

// hasAnswerURL reports hits holding the URL an error names.
func hasAnswerURL(hits []hit) bool {
	return slices.ContainsFunc(hits, func(h hit) bool { return h.from == fromAnswerURL })
}

// statusOf reads the status an error text states.
func statusOf(answer string) (string, bool) {
	if answer == "" {
		return "", false
	}
	low := strings.ToLower(answer)
	if st := statedStatus(low); st != "" {
		return st, true
	}
	if st := statusIn(low); st != 0 {
		return itoa3(st), true
	}
	return "", false
}

// statusNames introduce a status as SDK errors print it: status_code: 401,
// statusCode: 401, HTTP status code = 401, a status code of 404, code: '401'.
// A log tag: [Error]: 401 Access denied.
var statusNames = []string{"status_code", "statuscode", "status code", "code", "[error]"}

// statedStatus finds "NAME SEP 4xx" where SEP is :, =, "of" or a space,
// the number optionally quoted.
func statedStatus(low string) string {
	for _, name := range statusNames {
		for i := strings.Index(low, name); i >= 0; {
			if st := statusAfter(low[i+len(name):]); st != "" {
				return st
			}
			j := strings.Index(low[i+len(name):], name)
			if j < 0 {
				break
			}
			i += len(name) + j
		}
	}
	return ""
}

// statusAfter reads the separator and a three-digit 4xx or 5xx status.
func statusAfter(s string) string {
	s = strings.TrimLeft(s, " ")
	switch {
	case strings.HasPrefix(s, "of "):
		s = s[3:]
	case strings.HasPrefix(s, ":"), strings.HasPrefix(s, "="):
		s = s[1:]
	}
	s = strings.TrimLeft(s, " '\"")
	d := leadingDigits(s)
	if len(d) != 3 || d[0] != '4' && d[0] != '5' {
		return ""
	}
	return d
}

func itoa3(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}

// serviceName names a kind for people.
func serviceName(kind string) string {
	if k := LookupKind(kind); k != nil {
		return k.Name
	}
	return "unknown service"
}

// readAsCode names what the code part of a paste was read as.
func readAsCode(format string) string {
	switch format {
	case "env", "json", "yaml", "ini":
		return "settings (" + format + ")"
	case "bicep", "terraform", "arm", "az-json":
		return "resource settings (" + format + ")"
	case "http":
		return "an HTTP request"
	case "url":
		return "a request URL"
	case "curl", "powershell":
		return "a command (" + format + ")"
	case "code":
		return "code"
	}
	return "code (" + format + ")"
}

// keyAlone reports a word that can only be meant as the key.
func keyAlone(word string) bool {
	switch analyseKey(word).class {
	case classLegacy, classCASK, classToken, classGUID:
		return true
	}
	return false
}

// formatOf guesses what the paste is, for people.
func formatOf(code, answer string) string {
	l := strings.ToLower(code)
	trim := strings.TrimSpace(code)
	for _, f := range formatSigns {
		if f.match(l, trim) {
			return f.name
		}
	}
	if trim == "" && answer != "" {
		return "error"
	}
	return "env"
}

// formatSigns are checked in order; the first that matches names the
// format.
var formatSigns = []struct {
	name  string
	match func(l, trim string) bool
}{
	{"az-json", func(l, t string) bool {
		return (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && strings.Contains(l, `"kind"`) &&
			(strings.Contains(l, `"properties"`) || strings.Contains(l, `"accountname"`) || strings.Contains(l, `"location"`))
	}},
	{"arm", func(l, t string) bool { return strings.HasPrefix(t, "{") && strings.Contains(l, `"$schema"`) }},
	{"json", func(l, t string) bool { return strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") }},
	// One URL alone: a request URL copied from code, a log or the browser.
	{"url", func(l, t string) bool {
		return !strings.ContainsAny(t, " \t\n") && (strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "wss://"))
	}},
	{"curl", func(l, t string) bool { return strings.Contains(l, "curl ") }},
	{"powershell", func(l, t string) bool {
		return strings.Contains(l, "invoke-restmethod") || strings.Contains(l, "invoke-webrequest") || strings.Contains(l, "@{") || strings.Contains(l, "$env:")
	}},
	{"http", func(l, t string) bool {
		return strings.Contains(l, " http/1.1") || strings.HasPrefix(l, "request url:")
	}},
	{"bicep", func(l, t string) bool {
		return strings.Contains(l, "resource ") && strings.Contains(l, "@20") && strings.Contains(l, "' = {")
	}},
	{"terraform", func(l, t string) bool { return strings.Contains(l, `resource "azurerm_`) }},
	{"python", func(l, t string) bool {
		return strings.Contains(l, "import ") && !strings.Contains(l, ";") || strings.Contains(l, "os.environ") || strings.Contains(l, "os.getenv")
	}},
	{"go", func(l, t string) bool { return strings.Contains(l, ":= ") || strings.Contains(l, "package main") }},
	{"java", func(l, t string) bool {
		return strings.Contains(l, "system.getenv") || strings.Contains(l, "builder()") || strings.Contains(l, "public static void")
	}},
	{"csharp", func(l, t string) bool {
		return strings.Contains(l, "using ") || strings.Contains(l, "new uri(") || strings.Contains(l, "var ") && strings.Contains(l, "new ")
	}},
	{"javascript", func(l, t string) bool {
		return strings.Contains(l, "fetch(") || strings.Contains(l, "require(") || strings.Contains(l, "process.env") || strings.Contains(l, "const ")
	}},
	{"yaml", func(l, t string) bool {
		return (strings.Contains(l, ":\n  ") || strings.Contains(l, ": ")) && !strings.ContainsAny(l, "=(")
	}},
	{"ini", func(l, t string) bool { return strings.HasPrefix(t, "[") }},
	// Calls ended by semicolons, in no language the signs above name
	// (a C# line without using or new, C++, PHP…): code, not settings.
	{"code", func(l, t string) bool { return strings.Contains(l, ");") }},
}

// yamlDate finds an unquoted date given as a version in YAML.
func yamlDate(p *program) string {
	for _, pr := range p.pairs {
		if pr.cfg && pr.raw != "" && configRole(pr.name) == roleVersion && isDate(pr.raw) && colonAfter(p.src, pr) {
			return pr.name + ": " + pr.raw
		}
	}
	return ""
}

// colonAfter reports a YAML "name: value" (not NAME=value).
func colonAfter(src string, pr *pair) bool {
	rest := src[pr.pos:]
	i := strings.IndexAny(rest, ":=\n")
	return i >= 0 && rest[i] == ':'
}

// isDate reports YYYY-MM-DD, with an optional -preview.
func isDate(s string) bool {
	s = strings.TrimSuffix(s, "-preview")
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && isNumeric(s[:4]+s[5:7]+s[8:])
}
