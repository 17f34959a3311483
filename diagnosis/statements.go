package diagnosis

import (
	"encoding/base64"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The statement reader turns tokens into what the recognisers look at:
// pairs (assignments, config entries, named arguments, object and
// hashtable entries, header lines, command flags) and calls with their
// arguments. It knows brackets and indentation, not any one language.

// pair is a name bound to a value expression.
type pair struct {
	name  string   // as written, unquoted: AZURE_OPENAI_KEY, api_key, Ocp-Apim-Subscription-Key, -H
	path  []string // enclosing sections, objects and blocks, outermost first
	scope []int    // ids of the enclosing objects, outermost first
	val   []token  // the value expression
	raw   string   // an unquoted config value: the rest of its line
	call  *call    // the call or command it is an argument of
	pos   int
	cfg   bool // a config entry (.env, INI, YAML, JSON, HTTP header line), not a code assignment
	label bool // it names the next entry of its object ("key": "X" before "value"), holding no value itself
}

// call is a function, constructor or method call, or a command line.
type call struct {
	name   string    // the callee's last segment: SpeechConfig, FromSubscription, Add, curl
	full   string    // the callee as written: speechsdk.SpeechConfig, client.DefaultRequestHeaders.Add
	root   string    // the first call of a builder chain (itself if none)
	args   [][]token // positional arguments
	named  []*pair   // named arguments, object-literal options, initializer properties
	pos    int
	cmd    bool  // a command line (curl, Invoke-RestMethod, az…), args are words
	parent *call // the call this one is an argument of
}

// program is everything the statement reader found.
type program struct {
	src   string
	toks  []token
	pairs []*pair
	calls []*call
	strs  []token // every string literal and URL word, in order
}

// reader is the state of one pass.
type reader struct {
	p      *program
	nextID int
	yaml   []yamlLevel // open YAML/INI sections by indentation
	named  *pair       // the last YAML "name:" entry, for Kubernetes env lists
	kind   string      // the YAML document's kind: (a Kubernetes Secret's data is base64)
	depth  int         // bracket nesting being read
}

type yamlLevel struct {
	indent int
	name   string
}

// readProgram reads the statements of a paste.
func readProgram(src string) *program {
	r := &reader{p: &program{src: src, toks: lex(src)}}
	toks := r.p.toks
	for i, t := range toks {
		if t.kind == tStr || t.kind == tWord && strings.Contains(t.text, "://") {
			r.p.strs = append(r.p.strs, t)
			if j, ok := joined(toks, i); ok {
				r.p.strs = append(r.p.strs, j)
			}
		}
	}
	for start := 0; start < len(toks); {
		end := statementEnd(toks, start)
		r.statement(toks[start:end])
		start = end + 1
	}
	return r.p
}

// joined returns the string at i with what a concatenation adds to it
// ("Region: " . $region, "https://host" + "/path?…") as one interpolated
// string, so a header or URL built by + or . reads like one written
// whole, or false when nothing is joined to it.
func joined(toks []token, i int) (token, bool) {
	out := toks[i]
	if i > 0 && isConcat(toks[i-1]) {
		return out, false // the string continues another one
	}
	parts := partsOf(out)
	for j := i + 1; j+1 < len(toks) && isConcat(toks[j]); {
		k := operand(toks, j+1)
		if k < 0 {
			break
		}
		if toks[k].kind == tWord {
			parts = append(parts, strPart{expr: toks[k].text, isExpr: true})
		} else {
			parts = append(parts, partsOf(toks[k])...)
		}
		out.end, j = toks[k].end, k+1
	}
	if len(parts) == len(partsOf(toks[i])) {
		return out, false
	}
	var text strings.Builder
	for _, p := range parts {
		text.WriteString(p.lit)
	}
	out.text, out.parts = text.String(), parts
	if !slices.ContainsFunc(parts, func(p strPart) bool { return p.isExpr }) {
		out.parts = nil
	}
	return out, true
}

// operand returns the index of the string or name a concatenation
// operator is followed by (on this line or the next), or -1 for anything
// else, a call's result included.
func operand(toks []token, k int) int {
	for k < len(toks) && toks[k].kind == tNL {
		k++
	}
	if k == len(toks) || toks[k].kind != tStr && toks[k].kind != tWord || k+1 < len(toks) && toks[k+1].text == "(" {
		return -1
	}
	return k
}

// isConcat reports a + or . that joins strings.
func isConcat(t token) bool { return t.kind == tPunct && (t.text == "+" || t.text == ".") }

// partsOf returns a string token's pieces, one literal if it has no
// interpolation.
func partsOf(t token) []strPart {
	if len(t.parts) > 0 {
		return append([]strPart(nil), t.parts...)
	}
	return []strPart{{lit: t.text}}
}

// statementEnd returns the index of the token ending the statement that
// starts at i: a line end or ; outside brackets, unless the next line
// continues a method chain (.endpoint(…)) or the line ends in an operator.
func statementEnd(toks []token, i int) int {
	depth := 0
	for ; i < len(toks); i++ {
		t := toks[i]
		switch {
		case depth == 0 && opensBlock(toks, i):
			return i
		case t.kind == tPunct && strings.ContainsAny(t.text, "([{") && t.text != "{{":
			depth++
		case t.kind == tPunct && strings.ContainsAny(t.text, ")]}"):
			depth = max(0, depth-1)
		case depth > 0:
		case t.kind == tPunct && t.text == ";":
			return i
		case t.kind == tNL && !continues(toks, i):
			return i
		}
	}
	return i
}

// opensBlock reports a { that opens a code block at the end of its line
// (a class, method, if or loop body: after ")" or a declaration's words,
// K&R or Allman style), not an object literal or an initializer: the
// statements inside are then read one by one, like top-level ones
// (Unity's "class S : MonoBehaviour {" holding "const string key = …").
func opensBlock(toks []token, i int) bool {
	if toks[i].text != "{" || i+1 < len(toks) && toks[i+1].kind != tNL {
		return false
	}
	j := i - 1
	for j >= 0 && toks[j].kind == tNL {
		j--
	}
	switch {
	case j < 0:
		return false // a JSON document
	case toks[j].text == ")":
		return !newCall(toks, j)
	case toks[j].kind != tWord || toks[j].text == "return" || toks[j].text == "new":
		return false
	}
	return declares(toks, j)
}

// newCall reports a ")" that closes "new(…)" or "new T(…)": the { on
// the next line is then C#'s object initializer (Allman style), not a
// block.
func newCall(toks []token, j int) bool {
	depth := 0
	// A constructor's arguments are short: the scan back is bounded, so a
	// paste of unmatched ")" lines costs linear time, not quadratic.
	stop := max(0, j-maxCallTokens)
	for ; j >= stop; j-- {
		switch toks[j].text {
		case ")":
			depth++
		case "(":
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if depth != 0 {
		return false
	}
	return j >= 1 && toks[j-1].text == "new" || j >= 2 && toks[j-1].kind == tWord && toks[j-2].text == "new"
}

// maxCallTokens bounds how far back newCall looks for a call's "(".
const maxCallTokens = 512

// declares reports a line, read back from j, that declares (class S :
// Base, namespace X, else): no assignment, call, new or string.
func declares(toks []token, j int) bool {
	for ; j >= 0 && toks[j].kind != tNL; j-- {
		if t := toks[j]; t.kind == tPunct && (t.text == "=" || t.text == "(") || t.text == "new" || t.kind == tStr {
			return false
		}
	}
	return true
}

// continues reports whether the line break at i continues a statement.
func continues(toks []token, i int) bool {
	if i+1 < len(toks) && toks[i+1].kind == tWord && strings.HasPrefix(toks[i+1].text, ".") && len(toks[i+1].text) > 1 {
		return true
	}
	if i < 2 || toks[i-1].kind != tPunct {
		return false
	}
	if toks[i-1].text == ")" && i+1 < len(toks) && toks[i+1].text == "{" && newCall(toks, i-1) {
		return true // new()⏎{ DeploymentName = … }: C#'s initializer on its own line
	}
	if op := toks[i-1]; op.text == "=" && op.pos == toks[i-2].end {
		return false // NAME= with nothing after it, base64 padding
	}
	return slices.Contains([]string{"+", "=", "|", "."}, toks[i-1].text)
}

// statement reads one statement.
func (r *reader) statement(st []token) {
	st = trimNL(st)
	if len(st) == 0 {
		return
	}
	r.openSection(st)
	switch {
	case isCommand(st):
		r.command(st)
	case r.shellAssigns(st):
	case setCommand(st) > 0: // setx NAME value, dotnet user-secrets set "Section:Key" "value"
		i := setCommand(st)
		r.p.pairs = append(r.p.pairs, &pair{name: st[i].text, val: st[i+1 : i+2], raw: r.rawValue(st[i+1 : i+2]), pos: st[i].pos, cfg: true})
	case assignOp(st) > 0:
		op := assignOp(st)
		r.assign(st[:op], st[op+1:], st[op])
	case isBraceInit(st): // C++ wstring key{ L"…" };
		r.bind(st[1].text, st[3:4], r.sectionPath(), st[1].pos, false)
	case len(st) == 3 && st[0].text == "[" && st[2].text == "]" && st[0].first && st[1].kind == tWord:
		r.yaml = []yamlLevel{{-1, joinText(st[1 : len(st)-1])}} // INI/TOML section
	default:
		r.expr(st, nil, r.sectionPath(), nil)
	}
}

// setCommands set a setting from the two words after them: NAME value.
var setCommands = [][]string{{"setx"}, {"dotnet", "user-secrets", "set"}, {"azd", "env", "set"}}

// setCommand returns where NAME is in a line of one of setCommands, or 0.
func setCommand(st []token) int {
	for _, c := range setCommands {
		i := len(c)
		if len(st) < i+2 || st[i].kind != tWord && st[i].kind != tStr || st[i+1].kind == tPunct || st[i+1].kind == tNL {
			continue
		}
		if slices.EqualFunc(c, st[:i], func(w string, t token) bool { return t.kind == tWord && strings.EqualFold(t.text, w) }) {
			return i
		}
	}
	return 0
}

// shellAssigns reads a shell line that sets several variables:
// "export A=1 B=2" or "A=1 B=2 python3 run.py" (name, = and value
// written together). It reports false, reading nothing, for one or none.
func (r *reader) shellAssigns(st []token) bool {
	i := 0
	if st[0].kind == tWord && st[0].text == "export" {
		i = 1
	}
	var pairs []*pair
	for ; i+2 < len(st) && isShellAssign(st[i:i+3]); i += 3 {
		pairs = append(pairs, envPair(st[i], st[i+2]))
	}
	if len(pairs) < 2 {
		return false
	}
	r.p.pairs = append(r.p.pairs, pairs...)
	if rest := st[i:]; isCommand(rest) {
		r.command(rest)
	}
	return true
}

// isShellAssign reports NAME=value with nothing between the three.
func isShellAssign(t []token) bool {
	return t[0].kind == tWord && isEnvName(t[0].text) && t[1].text == "=" && t[0].end == t[1].pos && t[1].end == t[2].pos && t[2].kind != tPunct && t[2].kind != tNL
}

// envPair is an environment entry NAME=value given on a command line; a
// bare word is its own text.
func envPair(name, v token) *pair {
	pr := &pair{name: name.text, val: []token{v}, pos: name.pos, cfg: true}
	if v.kind == tWord && len(v.parts) == 0 {
		pr.raw = v.text
	}
	return pr
}

func trimNL(st []token) []token {
	for len(st) > 0 && st[0].kind == tNL {
		st = st[1:]
	}
	return st
}

// openSection drops YAML levels the statement's indentation closes.
func (r *reader) openSection(st []token) {
	if !st[0].first {
		return
	}
	for len(r.yaml) > 0 && r.yaml[len(r.yaml)-1].indent >= st[0].indent {
		r.yaml = r.yaml[:len(r.yaml)-1]
	}
}

func (r *reader) sectionPath() []string {
	var path []string
	for _, l := range r.yaml {
		path = append(path, l.name)
	}
	return path
}

// assignOp returns the index of the statement's assignment operator (=,
// :=, or a YAML/HTTP-header colon after a name), or -1.
func assignOp(st []token) int {
	colon := -1
	if i := topPunct(st, func(i int, p string) bool {
		if p == ":" && colon < 0 && i > 0 {
			colon = i
		}
		if p == "=" && colon > 0 && i == len(st)-1 && st[i-1].end == st[i].pos {
			return false // base64 padding: "KEY: c2VjcmV0="
		}
		return i > 0 && (p == "=" || p == ":=" || p == "+=")
	}); i >= 0 {
		return i
	}
	if colon > 0 && colon <= 3 && nameLike(st[:colon]) {
		return colon
	}
	return -1
}

// isBraceInit reports C++'s "Type name{ value };": a declaration whose
// one-value initializer is in braces.
func isBraceInit(st []token) bool {
	if n := len(st); n > 0 && st[n-1].text == ";" {
		st = st[:n-1]
	}
	return len(st) == 5 && st[0].kind == tWord && st[1].kind == tWord && st[2].text == "{" && st[4].text == "}" &&
		(st[3].kind == tStr || st[3].kind == tWord)
}

// nameLike reports whether tokens can be a config key: one word or
// string, or a few words (an HTTP header, "Request URL").
func nameLike(ts []token) bool {
	for _, t := range ts {
		if t.kind == tPunct && t.text != "-" {
			return false
		}
	}
	return true
}

// assign reads "lhs = rhs" (or "lhs: rhs").
func (r *reader) assign(lhs, rhs []token, op token) {
	code := op.text != ":"
	names, path := lhsNames(lhs, !code)
	path = append(r.sectionPath(), path...)
	rhs = trimNL(rhs)
	if len(rhs) == 0 {
		if !code && len(names) == 1 { // "section:" opens a YAML level
			r.yaml = append(r.yaml, yamlLevel{lhs[0].indent, names[0]})
		}
		return
	}
	rhs = targetTyped(lhs, rhs)
	vals := [][]token{rhs}
	if len(names) > 1 {
		vals = splitTop(rhs, ",")
	}
	cfg := !code || r.envStyle(lhs, op) && isConfigValue(rhs)
	for i, name := range names {
		r.bind(name, valueFor(vals, names, i), path, lhs[0].pos, cfg)
	}
}

// targetTyped turns C#'s "Type name = new(…)" into "Type(…)".
func targetTyped(lhs, rhs []token) []token {
	if len(rhs) >= 2 && rhs[0].text == "new" && rhs[1].text == "(" && len(lhs) >= 2 && lhs[0].kind == tWord {
		typed := lhs[len(lhs)-2]
		return append([]token{{kind: tWord, text: typed.text, pos: rhs[0].pos, end: rhs[0].end}}, rhs[1:]...)
	}
	return rhs
}

// valueFor returns the value of the i-th name: its own in a tuple, the
// named part of a destructured object, else the one value.
func valueFor(vals [][]token, names []string, i int) []token {
	v := vals[min(i, len(vals)-1)]
	if len(names) > 1 && len(vals) == 1 {
		v = destructured(v, names[i])
	}
	return v
}

// bind records name = v and reads the value's calls and objects.
func (r *reader) bind(name string, v []token, path []string, pos int, cfg bool) {
	pr := &pair{name: name, path: path, val: v, pos: pos, cfg: cfg}
	if cfg {
		pr.raw = r.rawValue(v)
		if len(path) == 0 && name == "kind" {
			r.kind = pr.raw
		}
		r.secretData(pr)
	}
	r.p.pairs = append(r.p.pairs, pr)
	r.k8sEnv(pr)
	r.expr(v, nil, append(path[:len(path):len(path)], name), nil)
}

// secretData decodes a value under a Kubernetes Secret's data:, which
// holds base64 (stringData: holds text); a value that does not decode to
// text is left as written.
func (r *reader) secretData(pr *pair) {
	if r.kind != "Secret" || len(pr.path) != 1 || pr.path[0] != "data" || len(pr.val) == 0 {
		return
	}
	b, err := base64.StdEncoding.DecodeString(pr.raw)
	if err != nil || len(b) == 0 || !utf8.Valid(b) || strings.ContainsFunc(string(b), unicode.IsControl) {
		return
	}
	pr.raw = string(b)
	pr.val = []token{{kind: tStr, text: pr.raw, pos: pr.val[0].pos, end: pr.val[len(pr.val)-1].end, indent: pr.val[0].indent}}
}

// envStyle reports a .env, cmd or INI line, whose unquoted value is
// text: NAME=value with no space before =, export/set NAME=…, or any
// key = value inside an [INI] section.
func (r *reader) envStyle(lhs []token, op token) bool {
	if len(lhs) == 2 && lhs[0].text == "-" && lhs[0].first { // compose: - NAME=value
		lhs = lhs[1:]
		return lhs[0].end == op.pos
	}
	if !lhs[0].first || op.text != "=" {
		return false
	}
	if len(lhs) == 1 && strings.HasPrefix(lhs[0].text, "@") { // REST Client: @name = value
		return true
	}
	if len(lhs) == 2 && (lhs[0].text == "export" || strings.EqualFold(lhs[0].text, "set")) {
		return true
	}
	inINI := len(r.yaml) > 0 && r.yaml[0].indent < 0
	return len(lhs) == 1 && lhs[0].kind == tWord && (lhs[0].end == op.pos || inINI)
}

// k8sEnv turns a Kubernetes "- name: X" followed by "value: v" into X = v.
func (r *reader) k8sEnv(pr *pair) {
	switch {
	case pr.name == "name" && pr.cfg:
		r.named = pr
	case pr.name == "value" && pr.cfg && r.named != nil:
		n := *pr
		n.name = r.eval(r.named)
		r.p.pairs = append(r.p.pairs, &n)
		r.named = nil
	}
}

// eval returns a config entry's text value.
func (r *reader) eval(pr *pair) string {
	if pr.raw != "" {
		return unquote(pr.raw)
	}
	if len(pr.val) == 1 {
		return pr.val[0].text
	}
	return ""
}

// isConfigValue reports an unquoted .env-style value: bare words only.
func isConfigValue(rhs []token) bool {
	for _, t := range rhs {
		if t.kind == tPunct && strings.ContainsAny(t.text, "([{") {
			return false
		}
	}
	return true
}

// rawValue returns the rest of the line of an unquoted config value,
// without a trailing " #" comment; "" when the value is quoted or code.
func (r *reader) rawValue(v []token) string {
	if len(v) == 0 || v[0].kind == tStr || !isConfigValue(v) {
		return ""
	}
	line := r.p.src[v[0].pos:]
	if j := strings.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	if j := strings.Index(line, " #"); j >= 0 {
		line = line[:j]
	}
	return strings.TrimSpace(strings.TrimRight(line, ";,\r"))
}

// destructured turns "{ a, b } = src" into src.a for name a.
func destructured(v []token, name string) []token {
	if len(v) == 1 && v[0].kind == tWord {
		t := v[0]
		t.text += "." + name
		return []token{t}
	}
	return v
}

// assignKeywords precede a name in declarations.
var assignKeywords = words{"export", "set", "const", "let", "var",
	"final", "readonly", "private", "public", "static", "string", "String",
	"auto", "val", "local", "declare", "dim", "Dim", "setx", "$global:"}

// lhsNames returns the names an assignment binds (several for a tuple or
// destructuring) and, for obj["name"] = v, the object as a path. With a
// colon, several words are one name ("Request URL: …").
func lhsNames(lhs []token, colon bool) ([]string, []string) {
	if len(lhs) >= 2 && lhs[0].text == "param" { // Bicep: param NAME TYPE = …
		return []string{lhs[1].text}, nil
	}
	lhs = stripDecl(lhs, colon)
	if n := len(lhs); n >= 4 && lhs[n-1].text == "]" && lhs[n-2].kind == tStr && lhs[n-3].text == "[" {
		return []string{lhs[n-2].text}, []string{lhs[n-4].text}
	}
	names := nameTokens(lhs)
	switch {
	case len(names) == 0:
		return nil, nil
	case indexPunct(lhs, ",") >= 0:
		return names, nil
	case colon && len(names) > 1 && lhs[0].first && lhs[0].kind == tWord:
		return []string{strings.Join(names, " ")}, nil
	}
	return names[len(names)-1:], nil // "string key = …", "Key": …
}

// nameTokens returns the words and strings of a left-hand side, without
// a $ or @ sigil ($key, @key).
func nameTokens(lhs []token) []string {
	var names []string
	for _, t := range lhs {
		if t.kind == tWord || t.kind == tStr {
			names = append(names, strings.TrimLeft(t.text, "$@"))
		}
	}
	return names
}

// stripDecl drops a type annotation (key: str = …) and declaration
// keywords (export, const, var…) or a YAML list dash before the names.
func stripDecl(lhs []token, colon bool) []token {
	if c := indexPunct(lhs, ":"); c > 0 && !colon {
		lhs = lhs[:c]
	}
	for len(lhs) > 1 && lhs[0].kind == tWord && (assignKeywords.has(lhs[0].text) || lhs[0].text == "-") {
		lhs = lhs[1:]
	}
	return lhs
}

func indexPunct(ts []token, p string) int {
	return topPunct(ts, func(_ int, q string) bool { return q == p })
}

// topPunct calls f with each punctuation token outside brackets, in
// order, and returns the index of the first for which f is true, or -1.
func topPunct(ts []token, f func(i int, text string) bool) int {
	depth := 0
	for i, t := range ts {
		if t.kind != tPunct {
			continue
		}
		switch t.text {
		case "(", "[", "{", "@{":
			depth++
		case ")", "]", "}":
			depth--
		default:
			if depth == 0 && f(i, t.text) {
				return i
			}
		}
	}
	return -1
}

// splitTop splits tokens at a separator outside brackets.
func splitTop(ts []token, sep string) [][]token {
	var out [][]token
	depth, start := 0, 0
	for i, t := range ts {
		if t.kind != tPunct && t.kind != tNL {
			continue
		}
		switch {
		case t.text == "(" || t.text == "[" || t.text == "{" || t.text == "@{":
			depth++
		case t.text == ")" || t.text == "]" || t.text == "}":
			depth--
		case depth == 0 && (t.text == sep || sep == ";" && t.kind == tNL):
			out = append(out, ts[start:i])
			start = i + 1
		}
	}
	return append(out, ts[start:])
}

func joinText(ts []token) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, t.text)
	}
	return strings.Join(parts, " ")
}
