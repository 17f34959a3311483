package diagnosis

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// keyClass is what a pasted key turned out to be.
type keyClass int

// Key classes, as [analyseKey] tells them apart (sources §1).
const (
	classEmpty       keyClass = iota
	classLegacy               // 32 hex characters, no checksum (sources §1.1)
	classCASK                 // 84 characters with JQQJ99 … ACOG (sources §1.2)
	classPlaceholder          // <your-key>, YOUR_KEY, an unexpanded $VARIABLE…
	classGUID                 // a subscription, tenant or app ID
	classToken                // a JWT or an aad#…#… Speech token
	classForeign              // another product's secret
	classDerived              // a derived or hashed CASK key, not the key itself
	classMalformed            // none of the above
)

// keyFacts is what the key field holds, once normalised.
type keyFacts struct {
	given      bool
	raw        string // as pasted, capped at MaxKeyLen
	clean      string // whitespace, quotes and prefixes removed
	class      keyClass
	whitespace []string // the kinds of white space removed
	quoted     bool
	prefix     string // the header name or assignment removed, e.g. "api-key:"
	extraLine  string // a second line after the key, e.g. an injected header
	cask       caskKey
	why        string // for placeholders, foreign, derived and malformed keys: what it is
	token      tokenClaims
	aad        aadToken // the parts of an aad#…#… Speech token
}

// analyseKey normalises a pasted key and says what it is.
func analyseKey(raw string) keyFacts {
	k := keyFacts{raw: raw, given: raw != ""}
	if len(raw) > MaxKeyLen {
		k.class = classMalformed
		k.why = fmt.Sprintf("%d characters: far too long for a key; was a whole file or log pasted?", len(raw))
		return k
	}
	s := raw
	for range 4 {
		t := k.stripSpace(s)
		if line, rest, ok := cutLine(t); ok {
			k.extraLine = strings.TrimSpace(rest)
			k.whitespace = appendOnce(k.whitespace, "a line break inside")
			t = line
		}
		if q := unquote(t); q != t {
			k.quoted = true
			s = q
			continue
		}
		if p, rest := keyPrefix(t); p != "" {
			if k.prefix == "" {
				k.prefix = p
			}
			s = rest
			continue
		}
		s = t
		break
	}
	k.clean = s
	k.classify()
	return k
}

// ProbeKey is the key as a test call sends it: the first line of what
// was pasted, without the white space and invisible characters around
// and inside it, as key-whitespace reports ("only the first was used").
// Quotes and prefixes stay: key-quoted and key-prefixed say a program
// sends them, and the test call shows what that gets.
func ProbeKey(raw string) string {
	var k keyFacts
	s := k.stripSpace(raw)
	if line, _, ok := cutLine(s); ok {
		s = k.stripSpace(line)
	}
	return s
}

// stripSpace trims white space and invisible characters at both ends and
// removes invisible ones inside, recording what it removed (sources §1.4).
func (k *keyFacts) stripSpace(s string) string {
	trimmed := strings.TrimFunc(s, func(r rune) bool {
		if name := spaceName(r); name != "" {
			k.whitespace = appendOnce(k.whitespace, name)
			return true
		}
		return false
	})
	if !strings.ContainsFunc(trimmed, isInvisible) {
		return trimmed
	}
	return strings.Map(func(r rune) rune {
		if isInvisible(r) {
			k.whitespace = appendOnce(k.whitespace, spaceName(r)+" inside")
			return -1
		}
		return r
	}, trimmed)
}

func spaceName(r rune) string {
	switch r {
	case ' ':
		return "space"
	case '\t':
		return "tab"
	case '\r', '\n':
		return "line break"
	case '\u00a0':
		return "non-breaking space"
	case '\ufeff':
		return "byte-order mark"
	case '\u200b', '\u200c', '\u200d', '\u2060':
		return "zero-width character"
	}
	return ""
}

func isInvisible(r rune) bool {
	return r == '\ufeff' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060'
}

// cutLine splits at the first line break of a multi-line paste.
func cutLine(s string) (line, rest string, ok bool) {
	i := strings.IndexAny(s, "\r\n")
	if i < 0 {
		return s, "", false
	}
	return strings.TrimSpace(s[:i]), s[i+1:], true
}

// unquote removes one pair of matching quotes or backticks.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == s[len(s)-1] && strings.IndexByte("\"'`", s[0]) >= 0 {
		return s[1 : len(s)-1]
	}
	return s
}

// keyPrefix finds a header name, scheme or assignment in front of the
// key: "Ocp-Apim-Subscription-Key: …", "Bearer …", "key1=…",
// "AZURE_OPENAI_API_KEY=…", `"key1": "…"` (sources §1.4). It returns the
// prefix as evidence and the rest.
func keyPrefix(s string) (prefix, rest string) {
	if len(s) > 7 && strings.EqualFold(s[:7], "bearer ") {
		return "Bearer", strings.TrimSpace(s[7:])
	}
	start := skipQuote(s, skipCommand(s))
	i := start
	for i < len(s) && (isAlnum(s[i]) || s[i] == '_' || s[i] == '-' || s[i] == '.') {
		i++
	}
	name := s[start:i]
	if name == "" || len(name) > 64 || !secretName(name) {
		return "", s
	}
	i = skipQuote(s, i)
	i += len(s[i:]) - len(strings.TrimLeft(s[i:], " "))
	if i >= len(s) || (s[i] != ':' && s[i] != '=') {
		return "", s
	}
	rest = strings.TrimSuffix(strings.TrimSpace(s[i+1:]), ",")
	if rest == "" {
		return "", s
	}
	return name + string(s[i]), rest
}

// skipCommand returns the length of a shell's assignment command in
// front of s ("export ", "set ", "$env:"), or 0.
func skipCommand(s string) int {
	for _, w := range []string{"export ", "set ", "$env:"} {
		if len(s) > len(w) && strings.EqualFold(s[:len(w)], w) {
			return len(w)
		}
	}
	return 0
}

// skipQuote returns i, past a quote if s has one there.
func skipQuote(s string, i int) int {
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		return i + 1
	}
	return i
}

// secretName reports whether a variable or header name is one that holds
// a key or token.
func secretName(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "key") || strings.Contains(n, "secret") ||
		strings.Contains(n, "token") || n == "authorization"
}

// classify sets the class of the clean key (sources §1.1–§1.3, §9 rule 2).
func (k *keyFacts) classify() {
	s := k.clean
	switch {
	case s == "":
		k.class = classEmpty
	case len(s) == 32 && isHex(s):
		k.class = classLegacy
	case len(s) == caskLen && hasCASKMarker(s) && isBase62(s):
		k.classifyCASK()
	case isGUID(s):
		k.class = classGUID
	case isJWT(s):
		k.class, k.token = classToken, parseJWT(s)
		k.why = "a JSON Web Token" + k.token.describe()
	case len(s) > 4 && strings.EqualFold(s[:4], "aad#"):
		k.class, k.aad = classToken, parseAAD(s)
		k.token = k.aad.token
		k.why = "an aad#<resource ID>#<token> Speech token" + k.token.describe()
	default:
		if why := placeholder(s); why != "" {
			k.class, k.why = classPlaceholder, why
		} else if why := foreignSecret(s); why != "" {
			k.class, k.why = classForeign, why
		} else {
			k.class, k.why = classMalformed, malformedWhy(s)
		}
	}
}

func (k *keyFacts) classifyCASK() {
	s := k.clean
	k.cask = decodeCASK(s)
	switch {
	case !strings.EqualFold(k.cask.signature, caskSignature): // ACOG or acog ([S17])
		k.class = classForeign
		if name := foreignProduct(k.cask.signature); name != "" {
			k.why = name + " (signature " + k.cask.signature + " at offset 76, not ACOG)"
		} else {
			k.why = "a key of another Azure product (signature " + k.cask.signature + " at offset 76, not ACOG)"
		}
	case k.cask.marker == 'D':
		k.class, k.why = classDerived, "a derived key (JQQJ9D at offset 52), not the resource's access key"
	case k.cask.marker == 'H':
		k.class, k.why = classDerived, "a hashed key (JQQJ9H at offset 52), as logs and scanners print it, not the key itself"
	case k.cask.marker != '9':
		k.class, k.why = classMalformed, "the marker at offset 52 is JQQJ9"+string(k.cask.marker)+", not JQQJ99"
	case caskShapeWhy(s) != "":
		k.class, k.why = classMalformed, caskShapeWhy(s)
	default:
		k.class = classCASK
	}
}

// caskShapeWhy says which fixed part of an ACOG key is off, or "": a
// well-formed key has a month A–L at 59 and AAA before the service
// character at 72–74 (sources §1.2, [S17]).
func caskShapeWhy(s string) string {
	if m := s[caskDateAt+1]; m < 'A' || m > 'L' {
		return fmt.Sprintf("the month character at offset 59 is %q, outside A–L: the key was changed or is not an Azure AI key", string(m))
	}
	if r := s[caskServiceAt-3 : caskServiceAt]; r != "AAA" {
		return fmt.Sprintf("offsets 72–74 hold %q where Azure AI keys have AAA: the key was changed or is not an Azure AI key", r)
	}
	return ""
}

func isGUID(s string) bool {
	if len(s) == 38 && s[0] == '{' && s[37] == '}' {
		s = s[1:37]
	}
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if s[i] != '-' {
				return false
			}
		} else if !isHex(s[i : i+1]) {
			return false
		}
	}
	return true
}

// placeholder says why s looks like a placeholder left in from docs or
// samples, or returns "" (sources §1.4).
func placeholder(s string) string {
	l := strings.ToLower(s)
	switch l {
	case "none", "null", "nil", "undefined", "key", "apikey", "api_key", "api-key",
		"secret", "test", "changeme", "subscription-key", "subscriptionkey", "your-key", "mykey":
		return "the word " + strconv.Quote(s) + ", not a key (an unset variable or a sample value?)"
	}
	for _, p := range placeholderShapes {
		if p.is(l) {
			return p.why
		}
	}
	return ""
}

// placeholderShapes are the shapes of placeholders, tried in order on
// the lower-case text.
var placeholderShapes = []struct {
	is  func(l string) bool
	why string
}{
	{func(l string) bool { return strings.ContainsAny(l, "<>") },
		"text in angle brackets, a placeholder from a sample"},
	{func(l string) bool {
		return len(l) > 2 && (l[0] == '{' && l[len(l)-1] == '}' || strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]"))
	}, "text in braces or brackets, a template placeholder"},
	{func(l string) bool { return l[0] == '$' || l[0] == '%' && strings.Count(l, "%") == 2 },
		"an unexpanded variable reference: the shell or program did not substitute it"},
	{func(l string) bool {
		return containsSome(l, "your", "paste", "replace", "insert", "enter", "_here", "-here")
	},
		"sample wording (\"your\", \"paste\", \"replace\", \"enter\", \"here\"), a placeholder from docs"},
	{func(l string) bool { return containsSome(l, "xxxx", "****", "•") },
		"masked or filler characters (xxxx, ****, •): a key as a page displays it, not the key"},
	{func(l string) bool { return containsSome(l, "...", "…") },
		"an ellipsis: a shortened key as a page displays it, not the key"},
}

// containsSome reports whether s contains any of the words.
func containsSome(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// foreignSecret names the product a non-key secret belongs to, or ""
// (sources §1.3).
func foreignSecret(s string) string {
	l := strings.ToLower(s)
	for _, f := range foreignSecrets {
		if f.is(s, l) {
			return f.name
		}
	}
	return ""
}

// isSearchKey matches an identifiable Azure AI Search admin or query key:
// 52 base62 characters with AzSe at offset 42 ([S17] SEC101/166–167).
func isSearchKey(s string) bool { return len(s) == 52 && isBase62(s) && s[42:46] == "AzSe" }

// foreignSecrets are the secrets of other products, tried in order on
// the text and its lower case.
var foreignSecrets = []struct {
	is   func(s, l string) bool
	name string
}{
	{func(s, _ string) bool { return strings.HasPrefix(s, "sk-") },
		"an OpenAI platform key (sk-…): it works only on api.openai.com, never on Azure"},
	{func(_, l string) bool {
		return containsSome(l, "accountkey=", "sharedaccesskey=") || strings.Contains(l, "accesskey=") && strings.Contains(l, "endpoint=")
	}, "a connection string of another Azure service, not an AI services key"},
	{func(_, l string) bool {
		return strings.Contains(l, "sig=") || strings.HasPrefix(l, "sv=") || strings.HasPrefix(l, "?sv=") ||
			strings.HasPrefix(l, "sharedaccesssignature")
	}, "a shared access signature (SAS) token of a storage or Service Bus resource"},
	// Long-form keys before the storage shape: both are 88 characters ([S17]).
	{func(s, _ string) bool { return len(s) == caskLongLen && hasCASKMarker(s) },
		"an 88-character long-form key of another Azure product: AI services keys are always 84 characters"},
	{func(s, _ string) bool { return len(s) == 88 && strings.HasSuffix(s, "==") && isBase64(s[:86]) },
		"a storage account key (88 characters ending in ==)"},
	{func(s, _ string) bool { return entraSecret(s) },
		"a Microsoft Entra client secret (contains Q~): it signs in an app, it is not a resource key"},
	{func(s, _ string) bool { return isSearchKey(s) },
		"an Azure AI Search key (AzSe signature at offset 42)"},
}

// entraSecret matches [A-Za-z0-9_~.-]{3}[78]Q~[A-Za-z0-9_~.-]{31,34}
// ([S17] SEC101/156, [S31]).
func entraSecret(s string) bool {
	if len(s) < 37 || len(s) > 40 || (s[3] != '7' && s[3] != '8') || s[4:6] != "Q~" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && c != '_' && c != '~' && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

func isBase64(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && s[i] != '+' && s[i] != '/' {
			return false
		}
	}
	return true
}

// malformedWhy says how a string misses both key shapes (sources §1.1, §1.2).
func malformedWhy(s string) string {
	n := utf8.RuneCountInString(s)
	switch {
	case hasCASKMarker(s) && len(s) < caskLen:
		return fmt.Sprintf("%d characters of an 84-character new-format key: the copy was cut short", n)
	case hasCASKMarker(s) && len(s) > caskLen:
		return fmt.Sprintf("%d characters where a new-format key has 84: something was added", n)
	case isHex(s) && len(s) >= 28 && len(s) <= 36:
		return fmt.Sprintf("%d hex characters where a key has 32: a character was lost or added", n)
	case len(s) >= 80 && len(s) <= 88 && isBase62(s):
		return fmt.Sprintf("%d letters and digits without the JQQJ99 marker at offset 52: not an Azure AI key", n)
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r > 127 || !isAlnum(byte(r)) }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Sprintf("%d characters, including %s, which keys never contain", n, strconv.Quote(string(r)))
	}
	return fmt.Sprintf("%d characters: an Azure AI key has 32 hex characters (older keys) or 84 letters and digits (newer keys)", n)
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// LooksSecret reports whether a value has the shape of a key, token or
// other secret, so that it is masked wherever it appears, even in a field
// meant for something else (a key pasted into the region field).
func LooksSecret(s string) bool {
	k := analyseKey(s)
	return looksSecret(&k)
}

// looksSecret is LooksSecret on a value already analysed.
func looksSecret(k *keyFacts) bool {
	switch k.class {
	case classLegacy, classCASK, classToken, classForeign, classDerived:
		return true
	}
	return k.class == classMalformed && len(k.clean) >= 28 && isBase62(k.clean)
}

// Mask shows a key as its first and last four characters and its length,
// the most of a key this package ever prints. Keys of 16 characters or
// fewer show only their length; no key at all shows "(no key yet)".
func Mask(key string) string {
	n := utf8.RuneCountInString(key)
	if n == 0 {
		return "(no key yet)"
	}
	if n <= 16 || n != len(key) {
		return fmt.Sprintf("(%d chars)", n)
	}
	return fmt.Sprintf("%s…%s (%d chars)", key[:4], key[len(key)-4:], n)
}

// describe says what the key is, for key-decoded and other evidence.
func (k *keyFacts) describe() string {
	switch k.class {
	case classLegacy:
		return "legacy 32-hex key (no checksum, so it cannot be verified offline)"
	case classCASK:
		d := "new-format key for " + serviceOrUnknown(k.cask.service)
		if k.cask.year > 0 && k.cask.month > 0 {
			d += fmt.Sprintf(", created %04d-%02d", k.cask.year, k.cask.month)
		}
		if k.cask.checksumOK {
			return d + ", checksum valid"
		}
		return d + ", checksum INVALID"
	}
	return k.why
}

// withArticle puts "a" or "an" before a name, by its first letter:
// "an Azure AI services key", "a Speech key". A name that starts with
// an article keeps it.
func withArticle(name string) string {
	if strings.HasPrefix(name, "a ") || strings.HasPrefix(name, "an ") {
		return name
	}
	if name != "" && strings.ContainsRune("AEIOUaeiou", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

func serviceOrUnknown(c byte) string {
	if name := ServiceName(c); name != "" {
		return name
	}
	return "an unknown service (character " + strconv.Quote(string(c)) + " at offset 75)"
}
