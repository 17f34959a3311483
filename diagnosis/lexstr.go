package diagnosis

import "strings"

// How a string literal treats $, { and backslashes.
type strStyle uint8

const (
	styleShell  strStyle = iota // "…": $x, ${x}, $(x), $env:X, %X%; \ and ` escapes
	styleSingle                 // '…': literal; \' and '' stand for '
	styleRaw                    // r"…", @"…" verbatim, Go `…`: no escapes, no interpolation
	styleBrace                  // f"…", $"…": {expr}; {{ is {
	styleDollar                 // JS `…`: ${expr}
)

// strOpen describes the opening of a string literal.
type strOpen struct {
	prefix int    // bytes of prefix before the quote (r, f, b, @, $, $@…)
	quote  string // the closing delimiter
	style  strStyle
	multi  bool // may span lines
}

// openString recognises a string literal starting at s, or returns false.
// Prefixes: Python r b f u, C# @ $, PowerShell @, C++ L (wide).
func openString(s string) (strOpen, bool) {
	p := 0
	for p < len(s) && p < 3 && strings.IndexByte("rRbBfFuUL@$", s[p]) >= 0 {
		p++
	}
	if p == len(s) || strings.IndexByte("\"'`", s[p]) < 0 {
		return strOpen{}, false
	}
	prefix, rest := strings.ToLower(s[:p]), s[p:]
	o := strOpen{prefix: p, quote: rest[:1]}
	if here := hereString(prefix, rest); here != "" {
		o.quote, o.multi = here, true
		o.style = choose(here == "\n'@", styleRaw, styleShell)
		return o, true
	}
	if strings.HasPrefix(rest, `"""`) || strings.HasPrefix(rest, `'''`) {
		o.quote, o.multi = rest[:3], true
	}
	o.style = styleOf(prefix, rest[0])
	o.multi = o.multi || rest[0] == '`' || strings.Contains(prefix, "@")
	return o, true
}

// hereString returns the end of a PowerShell here-string opened by
// @" or @' at a line end, or "".
func hereString(prefix, rest string) string {
	if prefix != "@" || rest[0] == '`' {
		return ""
	}
	line, _, ok := strings.Cut(rest[1:], "\n")
	if !ok || strings.TrimSpace(line) != "" {
		return ""
	}
	return "\n" + rest[:1] + "@"
}

// styleOf returns how a string with this prefix and quote reads.
func styleOf(prefix string, q byte) strStyle {
	switch {
	case q == '`':
		return choose(prefix == "", styleDollar, styleRaw)
	case strings.Contains(prefix, "r"), prefix == "@":
		return styleRaw
	case strings.ContainsAny(prefix, "f$"):
		return styleBrace
	case q == '\'':
		return styleSingle
	}
	return styleShell
}

// quoted reads a string literal at the current position.
func (l *lexer) quoted() bool {
	o, ok := openString(l.src[l.i:min(len(l.src), l.i+8)])
	if !ok {
		return false
	}
	if o.prefix == 1 && l.src[l.i] == '$' && l.src[l.i+1] == '\'' {
		o.style = styleSingle // bash $'…'
	}
	start := l.i
	body := l.i + o.prefix + choose(strings.HasPrefix(o.quote, "\n"), 2, len(o.quote))
	end, next := l.closing(body, o)
	raw := l.src[body:end]
	l.i = next
	text, parts := decodeString(raw, o.style)
	l.emit(tStr, text, start, parts)
	return true
}

// closing finds where a string ends (the delimiter's offset and the
// offset after it). A one-line string left open ends at its line's end,
// unless it follows a command flag (curl -d '…' spans lines).
func (l *lexer) closing(body int, o strOpen) (int, int) {
	multi := o.multi || l.afterFlag()
	for j := body; j < len(l.src); j++ {
		switch {
		case l.src[j] == '\n' && !multi:
			return j, j
		case l.escaped(j, o):
			j++
		case strings.HasPrefix(l.src[j:], o.quote):
			if l.doubled(j, body, o) {
				j++ // "" in a verbatim string, '' in a PowerShell one
				continue
			}
			return j, j + len(o.quote)
		}
	}
	return len(l.src), len(l.src)
}

// escaped reports an escape at j that hides the next byte: \ in
// strings that have escapes, \' in single quotes, ` in PowerShell "…".
func (l *lexer) escaped(j int, o strOpen) bool {
	if j+1 >= len(l.src) {
		return false
	}
	switch c, next := l.src[j], l.src[j+1]; {
	case c == '\\' && o.style != styleRaw && o.style != styleSingle:
		return next != '\n'
	case c == '\\' && o.style == styleSingle:
		return next == '\''
	case c == '`':
		return o.style == styleShell && o.quote == `"`
	}
	return false
}

// doubled reports a doubled quote that stands for one.
func (l *lexer) doubled(j, body int, o strOpen) bool {
	if len(o.quote) != 1 || j+1 >= len(l.src) || l.src[j+1] != o.quote[0] {
		return false
	}
	return o.style == styleRaw && o.quote == `"` || o.style == styleSingle && j > body
}

// afterFlag reports whether the previous token is a command flag.
func (l *lexer) afterFlag() bool {
	n := len(l.toks)
	return n > 0 && l.toks[n-1].kind == tWord && strings.HasPrefix(l.toks[n-1].text, "-") && len(l.toks[n-1].text) > 1
}

// decodeString turns a literal's body into its text and parts.
func decodeString(raw string, st strStyle) (string, []strPart) {
	switch st {
	case styleRaw:
		return strings.ReplaceAll(raw, `""`, `"`), nil
	case styleSingle:
		return unescape(strings.ReplaceAll(raw, "''", "'")), nil
	case styleBrace:
		return literalText(bracedParts(raw, "{"))
	case styleDollar:
		return literalText(bracedParts(raw, "${"))
	}
	return literalText(interpolate(raw, false))
}

// literalText joins the literal parts; parts is nil when there is no
// expression.
func literalText(parts []strPart) (string, []strPart) {
	var b strings.Builder
	hasExpr := false
	for i := range parts {
		if parts[i].isExpr {
			hasExpr = true
			continue
		}
		parts[i].lit = unescape(parts[i].lit)
		b.WriteString(parts[i].lit)
	}
	if !hasExpr {
		return b.String(), nil
	}
	return b.String(), parts
}

// unescape reads the usual backslash and backtick escapes.
func unescape(s string) string {
	if !strings.ContainsAny(s, "\\`") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c == '\\' || c == '`') && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '"', '\'', '\\', '/', '$', '`', '{', '}':
				b.WriteByte(s[i])
			default:
				b.WriteByte(c)
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// bracedParts splits f-strings ({x}) and template literals (${x}).
func bracedParts(s, open string) []strPart {
	var parts []strPart
	lit := strings.Builder{}
	for i := 0; i < len(s); {
		switch {
		case open == "{" && (strings.HasPrefix(s[i:], "{{") || strings.HasPrefix(s[i:], "}}")):
			lit.WriteByte(s[i])
			i += 2
		case strings.HasPrefix(s[i:], open):
			j := matchBrace(s, i+len(open))
			parts = appendLit(parts, &lit)
			parts = append(parts, strPart{expr: strings.TrimSpace(s[i+len(open) : j]), isExpr: true})
			i = min(j+1, len(s))
		default:
			lit.WriteByte(s[i])
			i++
		}
	}
	return appendLit(parts, &lit)
}

// matchBrace returns the offset of the } closing a { whose body starts
// at i, or len(s).
func matchBrace(s string, i int) int {
	depth := 1
	for ; i < len(s); i++ {
		switch s[i] {
		case '{', '(':
			depth++
		case '}', ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return len(s)
}

func appendLit(parts []strPart, b *strings.Builder) []strPart {
	if b.Len() > 0 {
		parts = append(parts, strPart{lit: b.String()})
		b.Reset()
	}
	return parts
}

// interpolate splits a shell or PowerShell double-quoted string (or a
// bare word): $name, $env:NAME, ${name}, $(expr) and cmd's %NAME%.
func interpolate(s string, bare bool) []strPart {
	var parts []strPart
	lit := strings.Builder{}
	for i := 0; i < len(s); {
		expr, n := shellExpr(s[i:])
		if n == 0 {
			if !bare && s[i] == '`' && i+1 < len(s) {
				lit.WriteString(s[i : i+2])
				i += 2
				continue
			}
			lit.WriteByte(s[i])
			i++
			continue
		}
		parts = appendLit(parts, &lit)
		parts = append(parts, strPart{expr: expr, isExpr: true})
		i += n
	}
	return appendLit(parts, &lit)
}

// shellExpr reads one interpolation at the start of s and returns the
// expression and its length, or 0.
func shellExpr(s string) (string, int) {
	if len(s) < 2 {
		return "", 0
	}
	if n := templateRefLen(s); n > 0 {
		return strings.TrimSpace(s[2 : n-2]), n
	}
	switch {
	case s[0] == '%':
		j := strings.IndexByte(s[1:], '%')
		if j >= 3 && isEnvName(s[1:1+j]) && !isHex(s[1:1+j]) {
			return "$env:" + s[1:1+j], j + 2
		}
	case s[0] != '$':
	case s[1] == '{':
		j := matchBrace(s, 2)
		return "$" + s[2:j], min(j+1, len(s))
	case s[1] == '(':
		j := matchBrace(s, 2)
		return strings.TrimSpace(s[2:j]), min(j+1, len(s))
	default:
		n := 1
		if hasPrefixFold(s[1:], "env:") {
			n += 4
		}
		for n < len(s) && (isIdentByte(s[n])) {
			n++
		}
		if n > 1 && n > choose(hasPrefixFold(s[1:], "env:"), 5, 1) {
			return s[:n], n
		}
	}
	return "", 0
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// isEnvName reports a variable name: a letter or _, then letters,
// digits and _.
func isEnvName(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdentByte(s[i]) {
			return false
		}
	}
	return true
}

// cmdUnquote reads cmd.exe's caret quoting, as DevTools' "Copy as cURL
// (cmd)" writes it: ^" is a quote and ^ before any other character
// escapes it; a ^ ending a line still continues it.
func cmdUnquote(s string) string {
	// Only a cmd command line: a curl with ^" quoting (DevTools' "Copy as
	// cURL (cmd)"), not any paste holding ^" (a regex, a C# index).
	if !strings.Contains(s, `^"`) || !strings.Contains(strings.ToLower(s), "curl") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '^' && i+1 < len(s) && s[i+1] != '\n' && s[i+1] != '\r' {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
