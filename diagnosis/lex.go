package diagnosis

import "strings"

// The lexer reads the token shapes that curl, PowerShell, cmd, Python,
// C#, JavaScript/TypeScript, Java, Go, .env, INI, YAML, JSON, Bicep and
// Terraform share, without knowing which of them a paste is: words,
// strings in every quoting, punctuation and line ends. Comments and line
// continuations are dropped.

// tokKind says what a token is.
type tokKind uint8

const (
	tWord  tokKind = iota // identifier, number, flag, bare word or URL
	tStr                  // a string literal
	tPunct                // ( ) [ ] { } , ; = : + < > | & @{ => := == += ::
	tNL                   // the end of a line that is not continued
)

// strPart is a piece of a string: literal text, or an interpolated
// expression ({x} in an f-string, $x or $(x) in PowerShell, ${x} in a
// template literal, %X% in cmd).
type strPart struct {
	lit    string
	expr   string
	isExpr bool
}

// token is one lexeme. For strings and bare words with interpolation,
// parts holds the pieces; text is then the literal pieces only.
type token struct {
	kind   tokKind
	text   string
	parts  []strPart
	pos    int // byte offset of the token's start
	end    int // byte offset after the token
	indent int // indentation of the line the token is on
	first  bool
}

// lexer is the state of one lexing pass.
type lexer struct {
	src     string
	i       int
	toks    []token
	indent  int
	atStart bool // no token yet on this line
	ini     int  // 0 unknown, 1 an INI-style paste, 2 not
}

// maxTokens caps the tokens of one paste; the rest is not read.
const maxTokens = 200_000

// lex splits src into tokens. It never fails: an unterminated string
// ends at the end of its line.
func lex(src string) []token {
	l := &lexer{src: src, atStart: true, toks: make([]token, 0, min(len(src)/6+1, maxTokens))}
	for l.i < len(src) && len(l.toks) < maxTokens {
		l.step()
	}
	return l.toks
}

func (l *lexer) emit(k tokKind, text string, start int, parts []strPart) {
	l.toks = append(l.toks, token{kind: k, text: text, parts: parts, pos: start, end: l.i, indent: l.indent, first: l.atStart})
	l.atStart = false
}

// step reads one token, or skips blanks, a comment or a continuation.
func (l *lexer) step() {
	c := l.src[l.i]
	switch {
	case c == '\n':
		l.newline()
	case l.blank(c):
	case (c == '\\' || c == '^' || c == '`') && l.continuation():
	case l.comment():
	case l.quoted():
	case l.wordStart(c):
		l.word()
	default:
		l.punct()
	}
}

// blank skips a space, tab, CR, form feed or byte order mark.
func (l *lexer) blank(c byte) bool {
	switch {
	case c == ' ' || c == '\t' || c == '\r' || c == '\f':
		l.i++
	case c == 0xef && strings.HasPrefix(l.src[l.i:], "\ufeff"):
		l.i += 3
	default:
		return false
	}
	return true
}

// wordStart reports a word at the current position: a word byte (but
// not PowerShell's @{), or a {{name}} template reference (REST Client,
// Helm, Handlebars).
func (l *lexer) wordStart(c byte) bool {
	if c == '{' {
		return templateRefLen(l.src[l.i:]) > 0
	}
	return isWordByte(c) && !strings.HasPrefix(l.src[l.i:], "@{")
}

// templateRefLen returns the length of a {{name}} at the start of s, or
// 0: a closing }} on the same line after something.
func templateRefLen(s string) int {
	if !strings.HasPrefix(s, "{{") {
		return 0
	}
	end := strings.IndexAny(s[2:], "}\n")
	if end <= 0 || !strings.HasPrefix(s[2+end:], "}}") || strings.TrimSpace(s[2:2+end]) == "" {
		return 0
	}
	return end + 4
}

// newline ends a line and measures the next one's indentation.
func (l *lexer) newline() {
	start := l.i
	l.i++
	if n := len(l.toks); n > 0 && l.toks[n-1].kind != tNL {
		l.emit(tNL, "\n", start, nil)
	}
	l.indent = 0
	for j := l.i; j < len(l.src) && (l.src[j] == ' ' || l.src[j] == '\t'); j++ {
		l.indent++
	}
	l.atStart = true
}

// continuation skips a line continuation: \, ^ or ` before the line end.
func (l *lexer) continuation() bool {
	j := l.i + 1
	for j < len(l.src) && (l.src[j] == ' ' || l.src[j] == '\t' || l.src[j] == '\r') {
		j++
	}
	if j < len(l.src) && l.src[j] != '\n' || j == len(l.src) && l.src[l.i] == '`' {
		return false
	}
	l.i = j + 1
	return true
}

// comment skips #, //, /* */, <# #>, REM and :: comments.
func (l *lexer) comment() bool {
	rest := l.src[l.i:]
	prevBlank := l.i == 0 || strings.IndexByte(" \t\n\r;(", l.src[l.i-1]) >= 0
	switch {
	case strings.HasPrefix(rest, "/*"):
		l.skipTo("*/")
	case strings.HasPrefix(rest, "<#"):
		l.skipTo("#>")
	case strings.HasPrefix(rest, "//") && prevBlank, rest[0] == '#' && prevBlank && !strings.HasPrefix(rest, "#{"):
		l.skipLine()
	case l.atStart && (strings.HasPrefix(rest, "::") || hasPrefixFold(rest, "rem ") || rest[0] == ';' && len(l.toks) > 0 && l.lineIsINI()):
		l.skipLine()
	default:
		return false
	}
	return true
}

// lineIsINI reports an INI-style paste, where ; starts a comment line.
func (l *lexer) lineIsINI() bool {
	if l.ini == 0 {
		l.ini = choose(strings.Contains(l.src, "\n[") || strings.HasPrefix(l.src, "["), 1, 2)
	}
	return l.ini == 1
}

func (l *lexer) skipTo(end string) {
	if j := strings.Index(l.src[l.i+2:], end); j >= 0 {
		l.i += 2 + j + len(end)
		return
	}
	l.i = len(l.src)
}

func (l *lexer) skipLine() {
	if j := strings.IndexByte(l.src[l.i:], '\n'); j >= 0 {
		l.i += j
		return
	}
	l.i = len(l.src)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isWordByte reports bytes that make up words (identifiers, numbers,
// flags, host names, paths) and any non-ASCII byte.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 ||
		strings.IndexByte("_$.-@/%~!?*\\^", c) >= 0
}

// word reads a bare word; a URL keeps its : / ? & = #; a $NAME, ${NAME},
// {{name}} or $env:NAME in it becomes an interpolation, as a shell or a
// template reads it.
func (l *lexer) word() {
	start := l.i
	for l.i < len(l.src) && l.wordByte(start) {
	}
	l.emitWord(start)
}

// wordByte passes the next piece of the word that started at start and
// reports whether there was one.
func (l *lexer) wordByte(start int) bool {
	c := l.src[l.i]
	switch {
	case isWordByte(c):
		l.i++
	case c == ':' && strings.HasPrefix(l.src[l.i:], "://") && start < l.i:
		l.i += 3
		l.urlRest()
	case c == ':' && strings.EqualFold(l.src[start:l.i], "$env"):
		l.i++
	case c == '{' && l.i > start && l.src[l.i-1] == '$':
		l.skipBraces()
	case c == '{' && templateRefLen(l.src[l.i:]) > 0:
		l.i += templateRefLen(l.src[l.i:])
		if l.i < len(l.src) && l.src[l.i] == '/' && l.src[start] == '{' { // {{base}}/path?query
			l.urlRest()
		}
	default:
		return false
	}
	return true
}

// urlRest reads the rest of a bare URL.
func (l *lexer) urlRest() {
	for l.i < len(l.src) {
		c := l.src[l.i]
		if c <= ' ' || strings.IndexByte("\"'`<>)]}|,;", c) >= 0 {
			return
		}
		if c == '{' && l.src[l.i-1] == '$' {
			l.skipBraces()
			continue
		}
		l.i++
	}
}

// skipBraces passes a ${…} in a word.
func (l *lexer) skipBraces() {
	if j := strings.IndexAny(l.src[l.i:], "}\n"); j >= 0 && l.src[l.i+j] == '}' {
		l.i += j + 1
		return
	}
	l.i++
}

func (l *lexer) emitWord(start int) {
	text := l.src[start:l.i]
	var parts []strPart
	if strings.ContainsAny(text, "$%") && text != "$" || strings.Contains(text, "{{") {
		parts = interpolate(text, true)
		if len(parts) == 1 && !parts[0].isExpr {
			parts = nil
		}
	}
	if text == "." {
		l.emit(tPunct, text, start, nil) // PHP's concatenation: "a" . $b
		return
	}
	l.emit(tWord, text, start, parts)
}

// punct reads punctuation, two characters where they go together.
func (l *lexer) punct() {
	start := l.i
	if l.i+1 < len(l.src) {
		switch two := l.src[l.i : l.i+2]; two {
		case "=>", ":=", "==", "+=", "::", "@{", "!=", "&&", "||", "->":
			l.i += 2
			l.emit(tPunct, two, start, nil)
			return
		}
	}
	l.i++
	l.emit(tPunct, l.src[start:l.i], start, nil)
}
