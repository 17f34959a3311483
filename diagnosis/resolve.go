package diagnosis

import "strings"

// value is what an expression resolves to. Only a fully resolved
// literal (ok) may become a field; an environment read the paste does
// not define is kept as env, to be reported as "read from env NAME".
type value struct {
	text  string
	ok    bool   // resolved to a literal
	guess bool   // a default or a config value read by a loose name: shown, never the basis of an error
	lit   bool   // written as a literal where it is used (a key in code)
	env   string // the environment variable or config key it reads
	via   string // how it was resolved, for "from"
}

// resolver resolves names through the paste's assignments and config.
type resolver struct {
	vars  map[string][]*pair // code assignments by name
	cfg   map[string]*pair   // config entries by name, Section:Key and Section__Key
	depth int
}

// maxResolveDepth bounds chains of variables (a = b; b = a).
const maxResolveDepth = 8

func newResolver(p *program) *resolver {
	r := &resolver{vars: map[string][]*pair{}, cfg: map[string]*pair{}}
	for _, pr := range p.pairs {
		if pr.call != nil {
			continue
		}
		if pr.cfg || len(pr.path) > 0 {
			key := strings.Join(append(append([]string{}, pr.path...), pr.name), ":")
			for _, k := range []string{pr.name, key, strings.ReplaceAll(key, ":", "__")} {
				if _, seen := r.cfg[strings.ToLower(k)]; !seen {
					r.cfg[strings.ToLower(k)] = pr
				}
			}
		}
		r.vars[pr.name] = append(r.vars[pr.name], pr)
	}
	return r
}

// envAccessors read an environment variable or a config key given as
// their string argument.
var envAccessors = words{"environ", "getenv", "Getenv", "GetEnvironmentVariable",
	"LookupEnv", "env", "get", "getProperty", "GetValue", "config",
	"configuration", "Configuration", "_configuration", "_config", "secrets",
	"userdata", "settings", "Settings", "AppSettings", "getString", "GetSection"}

// envPrefixes name an environment variable in one word.
var envPrefixes = []string{"process.env.", "import.meta.env.", "$env:", "env.", "secrets.", "os.environ.", "Deno.env."}

// identity calls return their argument: Uri(x), str(x), x.strip().
var identity = words{"Uri", "URL", "str", "String", "SecretStr",
	"TrimSpace", "Parse", "strip", "trim", "Trim", "rstrip", "toString",
	"ToString", "url", "Url", "Ptr"}

// eval resolves an expression written at offset at.
func (r *resolver) eval(ts []token, at int) value {
	ts = trimNL(ts)
	for len(ts) > 1 && ts[0].kind == tWord && (ts[0].text == "await" || ts[0].text == "new" || ts[0].text == "@") {
		ts = ts[1:]
	}
	if len(ts) == 0 || r.depth > maxResolveDepth {
		return value{via: "an expression"}
	}
	r.depth++
	defer func() { r.depth-- }()
	if parts := concatParts(ts); len(parts) > 1 {
		return r.concat(parts, at)
	}
	if v, ok := r.envRead(ts, at); ok {
		return v
	}
	if v, ok := r.callValue(ts, at); ok {
		return v
	}
	if len(ts) == 1 {
		return r.single(ts[0], at)
	}
	if len(ts) == 2 && ts[0].kind == tStr && ts[1].kind == tStr { // "a" "b"
		return r.concat([][]token{ts[:1], ts[1:]}, at)
	}
	return value{via: "an expression"}
}

// unwrap returns the argument of an identity call, or a trailing
// .strip() / ! / ?? "" removed.
func unwrap(ts []token) ([]token, bool) {
	n := len(ts)
	switch {
	case n >= 3 && ts[0].kind == tWord && identity.has(lastSegment(ts[0].text)) && ts[1].text == "(" && closeOf(ts, 1) == n-1:
		return ts[2 : n-1], true
	case n >= 3 && ts[n-1].text == ")" && ts[n-2].text == "(" && ts[n-3].kind == tWord && identity.has(lastSegment(ts[n-3].text)):
		return trailingCall(ts)
	case n >= 2 && ts[n-1].kind == tWord && (ts[n-1].text == "!" || ts[n-1].text == "?"):
		return ts[:n-1], true
	}
	return nil, false
}

// trailingCall drops a trailing identity method: key.strip(), s.Trim().
func trailingCall(ts []token) ([]token, bool) {
	n := len(ts)
	t := ts[n-3]
	if i := strings.LastIndexByte(t.text, '.'); i > 0 {
		t.text = t.text[:i]
		return append(append([]token{}, ts[:n-3]...), t), true
	}
	return ts[:n-3], n > 3
}

// concatParts splits an expression at its + (or PHP's .) operators.
func concatParts(ts []token) [][]token {
	parts := splitTop(ts, "+")
	if len(parts) == 1 {
		parts = splitTop(ts, ".")
	}
	return parts
}

// callValue resolves a call that returns its argument (Uri(x),
// x.strip()) or fills a template (fmt.Sprintf).
func (r *resolver) callValue(ts []token, at int) (value, bool) {
	if inner, ok := unwrap(ts); ok {
		return r.eval(inner, at), true
	}
	if args, ok := formatArgs(ts); ok {
		return r.format(args, at), true
	}
	return value{}, false
}

// formatters fill a template with their other arguments: Go's
// fmt.Sprintf("…%s…", a), .NET's String.Format("…{0}…", a), Java's
// String.format("…%s…", a).
var formatters = words{"Sprintf", "Format", "format"}

// formatArgs returns the arguments of a call to a formatter whose first
// argument is a string literal, the template.
func formatArgs(ts []token) ([][]token, bool) {
	n := len(ts)
	if n < 4 || ts[0].kind != tWord || !formatters.has(lastSegment(ts[0].text)) || ts[1].text != "(" || closeOf(ts, 1) != n-1 {
		return nil, false
	}
	args := splitTop(ts[2:n-1], ",")
	if a := trimNL(args[0]); len(a) != 1 || a[0].kind != tStr {
		return nil, false
	}
	return args, true
}

// format fills the template (args[0]) in order: %s, %v, %d, or {0},
// {1}, each by the argument it names. The result is resolved only when
// every argument it takes is.
func (r *resolver) format(args [][]token, at int) value {
	out := r.eval(args[0], at)
	vals := make([]value, 0, len(args)-1)
	for _, a := range args[1:] {
		vals = append(vals, r.eval(a, at))
	}
	out.text = fillHoles(out.text, func(i int) string {
		if i >= len(vals) {
			out.ok = false
			return ""
		}
		out.ok, out.guess, out.lit = out.ok && vals[i].ok, out.guess || vals[i].guess, out.lit && vals[i].lit
		if out.env == "" {
			out.env = vals[i].env
		}
		return vals[i].text
	})
	return out
}

// fillHoles replaces a template's holes (%s, %v, %d, %q in order; {0}…{9}
// by number) with what arg returns for each.
func fillHoles(t string, arg func(i int) string) string {
	var b strings.Builder
	next := 0
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == '%' && i+1 < len(t) && strings.IndexByte("svdq", t[i+1]) >= 0:
			b.WriteString(arg(next))
			next++
			i++
		case t[i] == '{' && i+2 < len(t) && t[i+1] >= '0' && t[i+1] <= '9' && t[i+2] == '}':
			b.WriteString(arg(int(t[i+1] - '0')))
			i += 2
		default:
			b.WriteByte(t[i])
		}
	}
	return b.String()
}

// concat joins resolved parts.
func (r *resolver) concat(parts [][]token, at int) value {
	out := value{ok: true, lit: true}
	for _, p := range parts {
		v := r.eval(p, at)
		out.text += v.text
		out.ok = out.ok && v.ok
		out.guess = out.guess || v.guess
		out.lit = out.lit && v.lit
		if out.env == "" {
			out.env = v.env
		}
		if v.via != "" && out.via == "" {
			out.via = v.via
		}
	}
	return out
}

// single resolves one token.
func (r *resolver) single(t token, at int) value {
	if len(t.parts) > 0 {
		return r.parts(t.parts, at)
	}
	if t.kind == tStr {
		return value{text: t.text, ok: true, lit: true}
	}
	name := t.text
	for _, p := range envPrefixes {
		if hasPrefixFold(name, p) && len(name) > len(p) {
			return r.env(name[len(p):], at, "")
		}
	}
	if name == "true" || name == "false" || name == "null" || name == "None" || isNumeric(strings.ReplaceAll(name, ".", "")) || strings.Contains(name, "://") {
		return value{text: name, ok: true, lit: true}
	}
	return r.variable(strings.TrimPrefix(name, "$"), at)
}

// parts resolves an interpolated string.
func (r *resolver) parts(ps []strPart, at int) value {
	out := value{ok: true, lit: true}
	for _, p := range ps {
		if !p.isExpr {
			out.text += p.lit
			continue
		}
		v := r.interp(p.expr, at)
		out.text += v.text
		out.ok, out.guess = out.ok && v.ok, out.guess || v.guess
		out.lit = out.lit && v.lit
		if out.env == "" {
			out.env = v.env
		}
		if out.via == "" {
			out.via = v.via
		}
	}
	return out
}

// interp resolves an interpolated expression: $x, ${X:-default}, {x}.
func (r *resolver) interp(expr string, at int) value {
	if name, def, ok := strings.Cut(expr, ":-"); ok && strings.HasPrefix(name, "$") {
		v := r.interp(name, at)
		if !v.ok {
			return value{text: def, ok: true, guess: true, env: v.env, via: "default of " + strings.TrimPrefix(name, "$")}
		}
		return v
	}
	if hasPrefixFold(expr, "$env:") {
		return r.env(expr[5:], at, "")
	}
	if strings.HasPrefix(expr, "$") && isEnvName(expr[1:]) {
		v := r.variable(expr[1:], at)
		if !v.ok && v.env == "" {
			return r.env(expr[1:], at, "")
		}
		return v
	}
	return r.eval(lex(strings.TrimPrefix(expr, "$")), at)
}

// variable resolves a name through the assignments before at (else any).
func (r *resolver) variable(name string, at int) value {
	prs := r.vars[name]
	if len(prs) == 0 {
		if i := strings.LastIndexByte(name, '.'); i > 0 { // self.key, cfg.Region
			prs = r.vars[name[i+1:]]
		}
	}
	var best *pair
	for _, pr := range prs {
		if best == nil || pr.pos < at && (best.pos >= at || pr.pos > best.pos) {
			best = pr
		}
	}
	if best == nil {
		if pr := r.cfg[strings.ToLower(name)]; pr != nil {
			return r.configValue(pr, at, name)
		}
		return value{via: "variable " + name + ", not set in the paste"}
	}
	if literalRaw(best.raw) {
		return value{text: unquote(best.raw), ok: true, via: "variable " + name}
	}
	v := r.eval(best.val, best.pos)
	v.lit = v.lit && !best.cfg
	if v.via == "" {
		v.via = "variable " + name
	}
	return v
}

// env resolves an environment variable or config key: from the paste's
// config when it defines it, else unresolved.
func (r *resolver) env(name string, at int, def string) value {
	name = strings.Trim(name, "{}")
	if pr := r.cfg[strings.ToLower(name)]; pr != nil {
		return r.configValue(pr, at, name)
	}
	if def != "" {
		return value{text: def, ok: true, guess: true, env: name, via: "default of env " + name}
	}
	return value{env: name, via: "env " + name}
}

// configValue resolves a config entry.
func (r *resolver) configValue(pr *pair, at int, name string) value {
	if literalRaw(pr.raw) {
		return value{text: unquote(pr.raw), ok: true, env: name, via: name + " in the paste"}
	}
	v := r.eval(pr.val, at)
	v.lit, v.env = false, name
	if v.via == "" || v.ok {
		v.via = name + " in the paste"
	}
	return v
}

// envRead recognises os.environ["X"], os.getenv("X", "d"),
// Environment.GetEnvironmentVariable("X"), config["A:B"] and the like.
func (r *resolver) envRead(ts []token, at int) (value, bool) {
	if len(ts) < 4 || ts[0].kind != tWord || ts[1].text != "(" && ts[1].text != "[" || ts[2].kind != tStr || !isEnvAccessor(ts[0].text) {
		return value{}, false
	}
	name, def := ts[2].text, ""
	if len(ts) >= 6 && ts[3].text == "," && ts[4].kind == tStr {
		def = ts[4].text
	}
	if end := closeOf(ts, 1); end+2 < len(ts) && ts[end+1].text == "[" && ts[end+2].kind == tStr {
		name += ":" + ts[end+2].text // GetSection("A")["B"]
	}
	return r.env(name, at, def), true
}

// isEnvAccessor reports a callee that reads the environment or the
// configuration: getenv, os.environ.get, Configuration…; a plain .get
// only on something named env, secrets or userdata.
func isEnvAccessor(fn string) bool {
	last := lastSegment(fn)
	if !envAccessors.has(last) && !envAccessors.has(lastSegment(strings.TrimSuffix(fn, ".get"))) {
		return false
	}
	low := strings.ToLower(fn)
	return last != "get" || strings.Contains(low, "env") || strings.Contains(fn, "secrets") || strings.Contains(fn, "userdata")
}

// literalRaw reports a raw config value that is text, not a ${VAR} or
// %VAR% reference.
func literalRaw(raw string) bool {
	return raw != "" && !strings.Contains(raw, "${") && !strings.Contains(raw, "$(") && !strings.Contains(raw, "{{") &&
		!(strings.HasPrefix(raw, "$") && isEnvName(raw[1:])) && !(strings.HasPrefix(raw, "%") && strings.HasSuffix(raw, "%"))
}
