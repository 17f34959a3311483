package diagnosis

import (
	"slices"
	"strings"
)

// maxNesting bounds how deep brackets are read: deeper ones are left out,
// so nested junk cannot make reading quadratic.
const maxNesting = 32

// commands are the command-line tools whose flags carry keys, URLs and
// headers.
var commands = words{"curl", "curl.exe", "wget", "http", "https",
	"invoke-restmethod", "irm", "invoke-webrequest", "iwr", "az", "bf",
	"spx", "luis", "xh", "docker", "podman"}

// isCommand reports a command line.
func isCommand(ts []token) bool {
	return len(ts) > 1 && ts[0].kind == tWord && commands.has(strings.ToLower(ts[0].text))
}

// command reads a command line: flags with their values, positional
// words, and hashtables given to a flag.
func (r *reader) command(st []token) {
	c := &call{name: strings.ToLower(st[0].text), full: st[0].text, pos: st[0].pos, cmd: true}
	c.root = c.name
	r.p.calls = append(r.p.calls, c)
	for i := 1; i < len(st); i++ {
		t := st[i]
		if t.kind == tPunct && (t.text == "|" || t.text == "&&" || t.text == ";") {
			r.statement(st[i+1:])
			return
		}
		i += r.commandPart(c, st, i)
	}
}

// commandPart reads the part of a command line at st[i] and returns how
// many more tokens it took.
func (r *reader) commandPart(c *call, st []token, i int) int {
	t := st[i]
	switch {
	case isEnvFlag(c, st[i:]): // docker run -e NAME=value
		r.p.pairs = append(r.p.pairs, envPair(st[i+1], st[i+3]))
		return 3
	case t.kind == tWord && isFlag(t.text) && i+1 < len(st) && !isFlag(st[i+1].text) && st[i+1].kind != tNL:
		return r.flag(c, st, i)
	case t.kind == tWord && i+2 < len(st) && st[i+1].text == ":" && !isFlag(t.text): // httpie name:value
		c.named = append(c.named, &pair{name: t.text, val: st[i+2 : i+3], call: c, pos: t.pos})
		return 2
	case t.kind != tPunct && t.kind != tNL:
		c.args = append(c.args, st[i:i+1])
	}
	return 0
}

// flag reads the flag at st[i] and its value (a word, a string or a
// bracketed hashtable) and returns how many tokens the value took.
func (r *reader) flag(c *call, st []token, i int) int {
	name, v := st[i].text, st[i+1:i+2]
	if end := closeOf(st, i+1); end > i+1 {
		v = st[i+1 : min(end+1, len(st))]
	}
	c.named = append(c.named, &pair{name: name, val: v, call: c, pos: st[i].pos})
	r.expr(v, c, []string{name}, nil)
	return len(v)
}

// isEnvFlag reports a container's -e / --env flag followed by NAME = value.
func isEnvFlag(c *call, ts []token) bool {
	if c.name != "docker" && c.name != "podman" || len(ts) < 4 || ts[0].text != "-e" && ts[0].text != "--env" {
		return false
	}
	return ts[1].kind == tWord && isEnvName(ts[1].text) && ts[2].text == "=" && ts[3].kind != tPunct && ts[3].kind != tNL
}

func isFlag(s string) bool {
	return len(s) > 1 && s[0] == '-' && (s[1] >= 'a' && s[1] <= 'z' || s[1] >= 'A' && s[1] <= 'Z' || s[1] == '-')
}

// closeOf returns the index of the bracket closing the one at i, len(ts)
// when it is not closed, or i when ts[i] opens nothing.
func closeOf(ts []token, i int) int {
	if ts[i].kind != tPunct || !strings.ContainsAny(ts[i].text, "([{") {
		return i
	}
	depth := 0
	for j := i; j < len(ts); j++ {
		if ts[j].kind != tPunct {
			continue
		}
		switch {
		case strings.ContainsAny(ts[j].text, "([{") && ts[j].text != "{{":
			depth++
		case strings.ContainsAny(ts[j].text, ")]}"):
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return len(ts)
}

// bracketed returns what is inside the bracket open at ts[i] and the
// index of its closing bracket, when ts[i] is that punctuation.
func bracketed(ts []token, i int, open string) ([]token, int, bool) {
	if i >= len(ts) || ts[i].kind != tPunct || ts[i].text != open {
		return nil, i, false
	}
	end := closeOf(ts, i)
	return ts[i+1 : end], end, true
}

// expr walks an expression for calls, object literals and arrays. owner
// is the call the expression is an argument of; objects directly in its
// arguments are its named options.
func (r *reader) expr(ts []token, owner *call, path []string, scope []int) {
	if r.depth > maxNesting {
		return
	}
	r.depth++
	defer func() { r.depth-- }()
	if isCommand(ts) {
		r.command(ts)
		return
	}
	var prev *call
	for i := 0; i < len(ts); i++ {
		i, prev = r.exprAt(ts, i, prev, owner, path, scope)
	}
}

// exprAt reads what starts at ts[i]: a call (with a C# initializer), a
// "new T { … }", an object or a bracketed part. It returns the index of
// the last token read and the last call, for builder chains.
func (r *reader) exprAt(ts []token, i int, prev, owner *call, path []string, scope []int) (int, *call) {
	t := ts[i]
	switch {
	case t.kind == tWord && i+1 < len(ts) && ts[i+1].text == "(":
		return r.callWithInit(ts, i, prev, owner, path, scope)
	case t.kind == tWord && t.text == "new" && i+2 < len(ts) && ts[i+1].kind == tWord && ts[i+2].text == "{":
		c := &call{name: lastSegment(ts[i+1].text), full: ts[i+1].text, pos: ts[i+1].pos}
		c.root = c.name
		r.p.calls = append(r.p.calls, c)
		inner, end, _ := bracketed(ts, i+2, "{")
		r.object(inner, c, path, scope, c.name)
		return end, prev
	case t.kind == tPunct && (t.text == "{" || t.text == "@{"):
		inner, end, _ := bracketed(ts, i, t.text)
		r.object(inner, owner, path, scope, blockName(ts[:i]))
		return end, prev
	case t.kind == tPunct && (t.text == "[" || t.text == "("):
		inner, end, _ := bracketed(ts, i, t.text)
		r.expr(inner, owner, path, scope)
		return end, prev
	}
	return i, prev
}

// callWithInit reads the call at ts[i] and a C# object initializer after
// it: new FaceClient(cred) { Endpoint = … }.
func (r *reader) callWithInit(ts []token, i int, prev, owner *call, path []string, scope []int) (int, *call) {
	c := r.callAt(ts, i, prev, owner, path, scope)
	i = closeOf(ts, i+1)
	j := i + 1
	for j < len(ts) && ts[j].kind == tNL {
		j++ // new T()⏎{ … }
	}
	if inner, end, ok := bracketed(ts, j, "{"); ok {
		r.object(inner, c, path, scope, c.name)
		i = end
	}
	return i, c
}

// blockName names an HCL block or a keyed object: the words before {.
func blockName(before []token) string {
	var parts []string
	for i := len(before) - 1; i >= 0 && before[i].kind != tPunct && before[i].kind != tNL; i-- {
		parts = append([]string{before[i].text}, parts...)
	}
	return strings.Join(parts, " ")
}

// callAt reads the call whose callee is ts[i].
func (r *reader) callAt(ts []token, i int, prev, owner *call, path []string, scope []int) *call {
	full := ts[i].text
	c := &call{name: lastSegment(full), full: full, pos: ts[i].pos, parent: owner}
	c.root = c.name
	if strings.HasPrefix(full, ".") && prev != nil {
		c.root = prev.root
	}
	r.p.calls = append(r.p.calls, c)
	end := closeOf(ts, i+1)
	if end <= i+1 {
		return c
	}
	for _, arg := range splitTop(ts[i+2:end], ",") {
		arg = trimNL(arg)
		if len(arg) == 0 {
			continue
		}
		if len(arg) >= 3 && (arg[0].kind == tWord || arg[0].kind == tStr) && (arg[1].text == "=" || arg[1].text == ":") {
			pr := &pair{name: arg[0].text, path: path, scope: scope, val: arg[2:], call: c, pos: arg[0].pos}
			c.named = append(c.named, pr)
			r.p.pairs = append(r.p.pairs, pr)
			r.expr(arg[2:], c, path, scope)
			continue
		}
		c.args = append(c.args, arg)
		r.expr(arg, c, path, scope)
	}
	return c
}

func lastSegment(s string) string {
	s = strings.TrimPrefix(s, "new ")
	if i := strings.LastIndexAny(s, ".:"); i >= 0 {
		s = s[i+1:]
	}
	if i := strings.IndexByte(s, '<'); i >= 0 {
		s = s[:i]
	}
	return s
}

// object reads the entries of an object literal, dict, hashtable or
// block: key: v, key = v, "key": v, key => v, or a JS shorthand key.
func (r *reader) object(body []token, owner *call, path []string, scope []int, name string) {
	if r.depth > maxNesting {
		return
	}
	r.depth++
	defer func() { r.depth-- }()
	r.nextID++
	inner := append(scope[:len(scope):len(scope)], r.nextID)
	if name != "" {
		path = append(path[:len(path):len(path)], name)
	}
	for _, entry := range splitTop(body, ";") {
		for _, e := range splitTop(entry, ",") {
			r.entry(trimNL(e), owner, path, inner)
		}
	}
}

// entry reads one object entry.
func (r *reader) entry(e []token, owner *call, path []string, scope []int) {
	if len(e) == 0 {
		return
	}
	op := entryOp(e)
	switch {
	case isBraceInit(e): // a C++ function body read as a block
		r.bind(e[1].text, e[3:4], path, e[1].pos, false)
	case op < 0 && len(e) == 1 && e[0].kind == tWord && owner != nil: // { endpoint, apiKey }
		pr := &pair{name: e[0].text, path: path, scope: scope, val: e, call: owner, pos: e[0].pos}
		owner.named = append(owner.named, pr)
		r.p.pairs = append(r.p.pairs, pr)
	case op < 0:
		r.expr(e, owner, path, scope)
	case op > 0:
		r.keyed(e, op, owner, path, scope)
	}
}

// entryOp returns the index of an entry's : = or => among its first
// tokens, before any bracket, or -1.
func entryOp(e []token) int {
	for i, t := range e[:min(len(e), 4)] {
		if t.kind == tPunct && strings.ContainsAny(t.text, "([{") {
			return -1
		}
		if t.kind == tPunct && (t.text == ":" || t.text == "=" || t.text == "=>") {
			return i
		}
	}
	return -1
}

// keyed reads "key: value": a nested object, or a pair.
func (r *reader) keyed(e []token, op int, owner *call, path []string, scope []int) {
	key := e[op-1].text
	for _, open := range []string{"{", "@{"} {
		if inner, _, ok := bracketed(e, op+1, open); ok {
			if owner != nil && key == "params" { // axios({url, params: {…}}): the query it sends
				owner.named = append(owner.named, &pair{name: key, val: e[op+1:], call: owner, pos: e[op-1].pos})
			}
			r.object(inner, nil, path, scope, key)
			return
		}
	}
	pr := &pair{name: key, path: path, scope: scope, val: e[op+1:], call: owner, pos: e[op-1].pos, cfg: e[op-1].kind == tStr}
	if owner != nil {
		owner.named = append(owner.named, pr)
	}
	r.p.pairs = append(r.p.pairs, pr)
	r.keyValue(pr)
	r.expr(e[op+1:], nil, append(path[:len(path):len(path)], key), scope)
}

// keyValue turns an object's {"key": "X", "value": "v"} (Postman
// headers and variables) or {"name": "X", "value": "v"} into X = v: the
// entry just before "value" in the same object names it.
func (r *reader) keyValue(pr *pair) {
	n := len(r.p.pairs)
	if pr.name != "value" || n < 2 {
		return
	}
	prev := r.p.pairs[n-2]
	if prev.name != "key" && prev.name != "name" || !slices.Equal(prev.scope, pr.scope) || len(prev.val) != 1 || prev.val[0].kind != tStr {
		return
	}
	named := *pr
	named.name, prev.label = prev.val[0].text, true
	r.p.pairs = append(r.p.pairs, &named)
}
