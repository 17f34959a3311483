package diagnosis

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// KeySlot marks where the key goes in a TestCall's headers or URL until
// it is sent; displays and copied commands fill it, never with the key.
const KeySlot = "\x00key\x00"

// TestCall is the test call for an input: the cheapest request that needs a
// valid key and changes nothing (sources §7), built from the user's
// endpoint, region and header choice.
type TestCall struct {
	Method  string
	URL     string // the key only appears here, as KeySlot, if sent in the query
	Headers []Header
	Body    string
	// Host is where the call goes: the URL's host, with its port if it
	// has one. A confirmation to send the key names exactly this.
	Host string
	// Note says what the call is and, when the user gave a full request
	// URL, whether the probe uses it or a safer sibling, and why.
	Note string
	// SecretVar is the environment variable copied commands read the
	// secret from: AZURE_KEY, or AZURE_TOKEN for a token.
	SecretVar string
}

// Header is one request header.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Guard is the host guard's verdict on where a test call would send the key.
type Guard int

// Guard verdicts.
const (
	// GuardAllow: https to a known Azure AI domain (public, Government,
	// China).
	GuardAllow Guard = iota
	// GuardConfirm: any other host (an API Management gateway, which
	// anyone can create, included), or http to a loopback address; the
	// user must confirm, by name, that the key may go there. These are
	// the hosts endpoint-unknown-host (or endpoint-not-api,
	// endpoint-openai-public) warns about.
	GuardConfirm
	// GuardRefuse: plain http to a non-loopback host, or not a web URL.
	GuardRefuse
)

// CheckHost judges a URL for the test call. A shared link can carry an
// attacker's endpoint, so the key goes to a host outside Azure AI's own
// domains only after the user confirms that host by name.
func CheckHost(rawURL string) (Guard, string) {
	rawURL, _, _ = strings.Cut(rawURL, "?") // the query may hold KeySlot
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return GuardRefuse, "not an absolute URL"
	}
	host, err := CanonicalHost(u.Hostname())
	if err != nil {
		return GuardRefuse, err.Error()
	}
	family, _, _ := classifyHost(host)
	host = MaskSecrets(host) // named in the reason, shown
	switch u.Scheme {
	case "https":
		switch {
		case !family.foreign():
			return GuardAllow, host + " is an Azure AI host"
		case family == hostAPIM:
			return GuardConfirm, host + " is an API Management gateway, which anyone can create: send the key there only if you trust it"
		}
		return GuardConfirm, host + " is not an Azure AI host: send the key there only if you trust it"
	case "http":
		if family == hostLoopback {
			return GuardConfirm, host + " is a local address over plain http"
		}
		return GuardRefuse, "plain http would send the key unencrypted; only loopback addresses (localhost, 127.0.0.1, ::1) may use http"
	}
	return GuardRefuse, "only https URLs can be tested"
}

// errNoEndpoint and errNoKind explain why no test call can be built.
var (
	errNoEndpoint = errors.New("no endpoint to test: paste the endpoint from Keys and Endpoint")
	errNoKind     = errors.New("no API kind: choose the API you call, so the test call knows what to ask")
)

// BuildTestCall builds the test call for an input. The key is never in the
// result; KeySlot marks where it goes.
func BuildTestCall(in Input) (TestCall, error) { return Analyse(in).TestCall() }

// TestCall builds the test call from facts already analysed (see BuildTestCall).
func (f *Facts) TestCall() (TestCall, error) {
	k, err := f.testKind()
	if err != nil {
		return TestCall{}, err
	}
	p := TestCall{Body: k.Test.Body}
	base, path, contentType := "", "", ""
	base, path, p.Method, contentType = f.testTarget(k, f.ep.scheme+"://"+f.ep.hostPort())
	p.URL = base + path
	p.Host = strings.TrimPrefix(strings.TrimPrefix(base, "https://"), "http://")
	if contentType != "" {
		p.Headers = append(p.Headers, Header{"Content-Type", contentType})
	}
	if p.Method == "POST" && p.Body == "" {
		p.Headers = append(p.Headers, Header{"Content-Length", "0"})
	}
	p.SecretVar = keyVariable
	if f.key.class == classToken || k.EntraOnly {
		p.SecretVar = tokenVariable
	}
	f.addKey(&p, k)
	p.Note = f.scrub.Scrub(f.probeNote(k, p))
	return p, nil
}

// testKind is the kind the test call tests, or why no test call can be
// built.
func (f *Facts) testKind() (*Kind, error) {
	k := f.Kind()
	if !f.regionHost() && (!f.ep.parsed || f.ep.err != "" && !f.ep.noScheme) {
		return nil, errNoEndpoint
	}
	if k == nil {
		return nil, errNoKind
	}
	if k.EntraOnly && f.keyGiven() {
		return nil, fmt.Errorf("a token is needed: %s takes only Entra ID tokens, no key; put one in the Key field (az account get-access-token --resource %s --query accessToken -o tsv)", k.Name, k.Audience)
	}
	if sub := kindByID[f.ep.api]; k.Covers != nil && sub != nil && sub.Test.Method != "" && sub != k {
		k = sub // a multi-service resource called for one API: test that API
	}
	return k, nil
}

// regionHost reports whether the test call's host comes from the region
// alone, as the Speech SDK builds it: no endpoint was given.
func (f *Facts) regionHost() bool { return !f.ep.given && f.hostFromRegion() }

// testTarget is where the test call of kind k goes: the base URL, the
// path, the method and the content type.
func (f *Facts) testTarget(k *Kind, base string) (string, string, string, string) {
	path, method, contentType := k.Test.Path, k.Test.Method, k.Test.ContentType
	switch v, versioned := k.Test.Versions[f.ep.version]; {
	case k.SpeechRegions:
		if base, path = f.speechProbe(base); path == stsPath {
			method, contentType = "POST", "application/x-www-form-urlencoded"
		}
	case k.Test.CustomPrefix != "" && f.ep.family == hostCustom:
		path = k.Test.CustomPrefix + path
	case k.Test.UnderProject:
		path = "/api/projects/" + f.ep.project() + path
	case versioned && f.ep.version != "":
		path = v
	}
	return base, path, method, contentType
}

// hostPort is the host (CanonicalHost, as the findings name it) with the
// port the URL gives, if any.
func (e *endpointFacts) hostPort() string {
	host := e.host
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if e.port != "" {
		return host + ":" + e.port
	}
	return host
}

// speechProbe picks the voices list on the region's tts host (with no
// endpoint, the host the SDK builds from the region), or the token
// exchange on the given host when no region is known (sources §7).
func (f *Facts) speechProbe(base string) (string, string) {
	if f.regionHost() {
		return "https://" + f.region.ID + speechDomain(f.region.Cloud), voicesPath
	}
	region := f.ep.region
	if region == "" && f.region != nil && f.region.Speech {
		region = f.region.ID
	}
	domain := speechDomain(f.ep.cloud)
	if region != "" && domain != "" && f.ep.family != hostCustom && f.ep.family != hostLoopback && f.ep.family != hostUnknown {
		return "https://" + region + domain, voicesPath
	}
	if f.ep.family == hostSpeech || f.ep.family == hostLoopback || f.ep.family == hostUnknown {
		return base, voicesPath
	}
	return base, stsPath
}

// speechDomain is the domain of a cloud's regional tts hosts, or "".
func speechDomain(c Cloud) string {
	switch c {
	case CloudPublic:
		return ".tts.speech.microsoft.com"
	case CloudGovernment:
		return ".tts.speech.azure.us"
	case CloudChina:
		return ".tts.speech.azure.cn"
	}
	return ""
}

// voicesPath lists the voices: it proves a key and its region, and
// costs nothing.
const voicesPath = "/cognitiveservices/voices/list"

// stsPath is the token exchange, which proves a key and its region.
const stsPath = "/sts/v1.0/issueToken"

// addKey puts the key where the API reads it, or where the user said it
// went, and the Translator region header where it is needed.
func (f *Facts) addKey(p *TestCall, k *Kind) {
	h, region := f.keyWay(k), f.probeRegion(k)
	if h == HeaderQuery {
		name, regionName := k.QueryKey, ""
		if name == "" {
			name = "subscription-key" // not read there (header-mismatch): the usual name
		}
		if k.RegionHeader {
			regionName = "Subscription-Region"
		}
		sep := "?"
		if strings.Contains(p.URL, "?") {
			sep = "&"
		}
		p.URL += sep + name + "=" + KeySlot
		if regionName != "" && region != "" {
			p.URL += "&" + regionName + "=" + url.QueryEscape(region)
		}
		return
	}
	value := KeySlot
	if h == HeaderAuthorization {
		value = "Bearer " + KeySlot
	}
	p.Headers = append(p.Headers, Header{headerWire(h), value})
	if k.RegionHeader && region != "" {
		p.Headers = append(p.Headers, Header{"Ocp-Apim-Subscription-Region", region})
	}
}

// keyWay is how the test call sends the key: as the user did, unless
// that way is never read, else the API's own header.
func (f *Facts) keyWay(k *Kind) string {
	h := f.header()
	switch {
	case f.key.class == classToken:
		h = HeaderAuthorization // a token always travels as a bearer token
	case h == HeaderBody:
		h = "" // a key in the body is never read (header-mismatch): test the right way
	case h == HeaderAuthorization:
		if !(k.BearerKey != "" && f.ep.version == k.BearerKey) {
			h = ""
		}
	}
	if h == "" {
		h = k.Header
	}
	return h
}

// probeRegion is the region header the test call sends: the one the
// user sent, else the resource's where the API needs it. A header value
// shaped like a secret is never sent nor copied (translator-region-header
// says so).
func (f *Facts) probeRegion(k *Kind) string {
	region := f.regionHeader
	if region == NoRegionHeader || ContainsSecret(region) {
		region = ""
	}
	if region == "" && f.region != nil && f.region.ID != Global && (k.RegionHeader || f.multiServiceKey()) &&
		(f.ep.family == hostTranslator || k.RegionHeader) {
		region = f.region.ID
	}
	return region
}

// headerWire spells a Header* value as a header name.
func headerWire(h string) string {
	if w := lookupKeyWay(h); w != nil && w.Wire != "" {
		return w.Wire
	}
	return lookupKeyWay(HeaderSubscriptionKey).Wire
}

// probeNote says what the call does and how it relates to the URL the
// user gave.
func (f *Facts) probeNote(k *Kind, p TestCall) string {
	target, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(p.URL, "https://"), "http://"), "?")
	note := p.Method + " " + target + ": " + k.Test.Note + "."
	if given := strings.TrimRight(f.ep.path, "/"); given != "" {
		if i := strings.IndexByte(target, '/'); i >= 0 && strings.EqualFold(target[i:], given) {
			return note + " It is the URL you gave."
		}
		note += " Your URL calls " + Truncate(given, 60) + "; the test call uses this safer sibling on the same resource instead: it needs the same " + f.secretWord() + " and changes nothing."
	}
	return note
}

// keyGiven reports whether the key field holds a key: not empty, not a
// placeholder and not a token.
func (f *Facts) keyGiven() bool {
	switch f.key.class {
	case classEmpty, classToken, classPlaceholder:
		return false
	}
	return true
}

// secretWord names what the test call sends: a key or a token.
func (f *Facts) secretWord() string {
	if f.key.class == classToken || f.Kind() != nil && f.Kind().EntraOnly {
		return "token"
	}
	return "key"
}

// Allows reports whether a host the user confirmed (a name, or a name
// and port) covers where the call goes.
func (p TestCall) Allows(confirmed string) bool {
	if confirmed == "" {
		return false
	}
	name := (&url.URL{Host: p.Host}).Hostname()
	return strings.EqualFold(confirmed, p.Host) || strings.EqualFold(confirmed, name)
}

// WithKey returns the request with the key in place, to send it: the
// key as ProbeKey normalises it, the same in a header and the query.
func (p TestCall) WithKey(key string) TestCall {
	key = ProbeKey(key)
	q := p
	q.URL = strings.ReplaceAll(p.URL, KeySlot, url.QueryEscape(key))
	q.Headers = make([]Header, len(p.Headers))
	for i, h := range p.Headers {
		q.Headers[i] = Header{h.Name, strings.ReplaceAll(h.Value, KeySlot, key)}
	}
	return q
}

// Display shows the exact request with the key of the facts it was
// built from (as WithKey sends it), and anything else shaped like a
// secret, masked by their scrub.
func (p TestCall) Display(f *Facts) string {
	key := ""
	if f != nil {
		key = f.in.Key
	}
	masked := Mask(ProbeKey(key))
	var b strings.Builder
	b.WriteString(p.Method + " " + strings.ReplaceAll(p.URL, KeySlot, masked) + "\n")
	for _, h := range p.Headers {
		b.WriteString(h.Name + ": " + strings.ReplaceAll(h.Value, KeySlot, masked) + "\n")
	}
	if p.Body != "" {
		b.WriteString("\n" + p.Body + "\n")
	}
	return f.Scrub(b.String())
}

// Curl returns the request as a curl command reading the key from
// $AZURE_KEY (a token from $AZURE_TOKEN): the secret is never inlined.
// A request holding a control or bidi character gives a shell comment
// saying so instead: pasted into a terminal, such characters act (see
// uncopyable).
func (p TestCall) Curl() string {
	if err := p.uncopyable(); err != nil {
		return "# " + err.Error()
	}
	var b strings.Builder
	b.WriteString("curl -i -X " + p.Method + " " + shArg(p.URL, p.variable()))
	for _, h := range p.Headers {
		b.WriteString(" \\\n  -H " + shArg(h.Name+": "+h.Value, p.variable()))
	}
	if p.Body != "" {
		b.WriteString(" \\\n  --data-raw " + shArg(p.Body, p.variable()))
	}
	return b.String()
}

// The environment variables the copied commands read the secret from.
const (
	keyVariable   = "AZURE_KEY"
	tokenVariable = "AZURE_TOKEN"
)

// Secret names the environment variable the copied commands read the
// secret from, and what it holds: AZURE_KEY and "key", or AZURE_TOKEN
// and "token".
func (p TestCall) Secret() (variable, what string) {
	if p.SecretVar == tokenVariable {
		return tokenVariable, "token"
	}
	return keyVariable, "key"
}

// variable is Secret's variable.
func (p TestCall) variable() string {
	v, _ := p.Secret()
	return v
}

// shArg quotes a value for a POSIX shell, the key as "$NAME".
// Inside single quotes only the single quote is special.
func shArg(v, name string) string {
	parts := strings.Split(v, KeySlot)
	for i, part := range parts {
		parts[i] = "'" + strings.ReplaceAll(part, "'", `'\''`) + "'"
	}
	return strings.Join(parts, `"$`+name+`"`)
}

// PowerShell returns the request as Invoke-WebRequest reading the key
// from $env:AZURE_KEY, a token from $env:AZURE_TOKEN, printing the
// status and the body of any answer, 4xx included, in Windows
// PowerShell 5.1 and PowerShell 7. Like Curl, it refuses control and
// bidi characters with a comment.
func (p TestCall) PowerShell() string {
	if err := p.uncopyable(); err != nil {
		return "# " + err.Error()
	}
	var b strings.Builder
	b.WriteString("$headers = @{\n")
	contentType := ""
	for _, h := range p.Headers {
		switch h.Name {
		case "Content-Type":
			contentType = h.Value
		case "Content-Length":
		default:
			b.WriteString("  " + psArg(h.Name, p.variable()) + " = " + psArg(h.Value, p.variable()) + "\n")
		}
	}
	// Windows PowerShell 5.1 has no -SkipHttpErrorCheck: an error status
	// throws, and the answer is read in catch, the same in 5.1 and 7.
	b.WriteString("}\ntry {\n  $r = Invoke-WebRequest -UseBasicParsing -Method " + p.Method + " -Uri " + psArg(p.URL, p.variable()) + " -Headers $headers")
	if contentType != "" {
		b.WriteString(" -ContentType " + psArg(contentType, p.variable()))
	}
	if p.Body != "" {
		b.WriteString(" -Body " + psArg(p.Body, p.variable()))
	}
	b.WriteString("\n  'HTTP ' + [int]$r.StatusCode; $r.Content\n} catch {\n" +
		"  if ($_.Exception.Response) { 'HTTP ' + [int]$_.Exception.Response.StatusCode; $_.ErrorDetails.Message } else { $_.Exception.Message }\n}")
	return b.String()
}

// psSingleQuotes end a single-quoted PowerShell string: the ASCII quote
// and its typographic look-alikes U+2018–U+201B. Doubling one keeps it.
const psSingleQuotes = "'\u2018\u2019\u201a\u201b"

// psDoubleSpecial are special in a double-quoted PowerShell string: the
// backtick (escape), $ (expansion), and the double quote with its
// look-alikes U+201C–U+201E, which end the string. A backtick in front
// makes each literal.
const psDoubleSpecial = "`$\"\u201c\u201d\u201e"

// psArg quotes a value for PowerShell, the key as $env:NAME: in
// single quotes, every single-quote look-alike doubled; with the key, in
// double quotes, every special character escaped with a backtick.
func psArg(v, name string) string {
	var b strings.Builder
	if !strings.Contains(v, KeySlot) {
		b.WriteByte('\'')
		for _, r := range v {
			if strings.ContainsRune(psSingleQuotes, r) {
				b.WriteRune(r)
			}
			b.WriteRune(r)
		}
		b.WriteByte('\'')
		return b.String()
	}
	b.WriteByte('"')
	for i, part := range strings.Split(v, KeySlot) {
		if i > 0 {
			b.WriteString("$env:" + name)
		}
		for _, r := range part {
			if strings.ContainsRune(psDoubleSpecial, r) {
				b.WriteByte('`')
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// uncopyable says why the request cannot be copied as a command: a
// control character (a line break ends a command, NUL cannot be passed
// at all, ESC drives the terminal) or a bidi override (it shows the
// command in another order than it runs) in any part of it.
func (p TestCall) uncopyable() error {
	parts := []string{p.Method, p.URL, p.Body}
	for _, h := range p.Headers {
		parts = append(parts, h.Name, h.Value)
	}
	for _, s := range parts {
		for _, r := range strings.ReplaceAll(s, KeySlot, "") {
			if IsControl(r) {
				return fmt.Errorf("not copied: the request holds the character %U, which a command line cannot carry safely; remove it from the input", r)
			}
		}
	}
	return nil
}

// IsControl reports whether a character acts on a terminal or on how
// text is shown rather than being shown: C0 and C1 control characters,
// DEL, and the bidi embeddings, overrides and isolates. Tab and line
// feed are controls too; callers that keep them check first.
func IsControl(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200e || r == 0x200f || r == 0x061c
}
