package app

import (
	"net/url"
	"strings"

	"az401/diagnosis"
)

// Share-link parameter names. They match the form's element ids.
const (
	paramKind         = "kind"
	paramEndpoint     = "endpoint"
	paramRegion       = "region"
	paramHeader       = "header"
	paramRegionHeader = "region-header"
	paramStatus       = "status"
	paramKeyAge       = "key-age"
	paramRegenerated  = "regenerated"
	paramTrialStarted = "trial-started"
)

// maxShareValue caps each value read from a link, so a crafted link
// cannot load megabytes into the form.
const maxShareValue = 2048

// shareValues returns the form's fields as link parameters: never the
// key or the response, and every other value through linkValue.
func (f form) shareValues() url.Values {
	v := url.Values{}
	regenerated := ""
	if f.Regenerated {
		regenerated = "1"
	}
	for _, p := range [...][2]string{{paramKind, f.Kind}, {paramEndpoint, f.Endpoint},
		{paramRegion, f.Region}, {paramHeader, f.Header}, {paramRegionHeader, f.RegionHeader}, {paramStatus, f.Status},
		{paramKeyAge, f.KeyAge}, {paramRegenerated, regenerated}, {paramTrialStarted, f.TrialStarted}} {
		if value := linkValue(p[1], f.Key); value != "" {
			v.Set(p[0], value)
		}
	}
	return v
}

// linkValue is the one sanitiser of share links: it returns a field's
// value as a link may carry it, or "" when it may not. Whatever the
// field, and whether or not it parses as a URL (no scheme, "https:/x",
// backslashes), a value loses its user info, its fragment, its ";name="
// path parameters and every query parameter whose name or value looks
// secret (linkURL); then a value that still holds anything shaped like a
// secret (diagnosis.ContainsSecret: a key, a token, a SAS, a connection
// string), or the typed key, or that is too long for a link, is dropped
// whole.
func linkValue(value, key string) string {
	v := linkURL(strings.TrimSpace(value))
	key = strings.TrimSpace(key)
	plain, err := url.QueryUnescape(v)
	if err != nil {
		plain = v
	}
	if v == "" || len(v) > maxShareValue || diagnosis.ContainsSecret(v) ||
		len(key) >= 8 && (strings.Contains(v, key) || strings.Contains(plain, key)) {
		return ""
	}
	return v
}

// linkURL cuts a value as a URL without parsing it, so that no spelling
// a parser rejects or reads otherwise (no scheme, "https:/x",
// backslashes) keeps a secret: everything from the first "#" (or %23)
// goes; the query after the first "?" (or %3F) is filtered (linkQuery);
// user info before an "@" in the authority goes; path parameters
// (";code=…") whose name or value looks secret go.
func linkURL(v string) string {
	if i, _ := indexFold(v, "#", "%23"); i >= 0 {
		v = v[:i]
	}
	base, query, hasQuery := v, "", false
	if i, n := indexFold(v, "?", "%3f"); i >= 0 {
		base, query, hasQuery = v[:i], v[i+n:], true
	}
	prefix := ""
	if i := strings.Index(base, "://"); i >= 0 {
		prefix, base = base[:i+3], base[i+3:]
	}
	authority := base
	if end := strings.IndexAny(base, `/\`); end >= 0 {
		authority = base[:end]
	}
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		base = base[at+1:]
	}
	base = prefix + linkPathParams(base)
	if hasQuery {
		if q := linkQuery(query); q != "" {
			base += "?" + q
		}
	}
	return base
}

// indexFold returns where the first of the ASCII needles (any case)
// starts in s and its length, or -1.
func indexFold(s string, needles ...string) (int, int) {
	l := asciiLower(s)
	at, n := -1, 0
	for _, needle := range needles {
		if i := strings.Index(l, needle); i >= 0 && (at < 0 || i < at) {
			at, n = i, len(needle)
		}
	}
	return at, n
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// linkPathParams drops the ";name=value" parameters of a path whose name
// or value looks secret; each runs to the next "/" or ";".
func linkPathParams(path string) string {
	var b strings.Builder
	for i, seg := range strings.Split(path, "/") {
		if i > 0 {
			b.WriteByte('/')
		}
		parts := strings.Split(seg, ";")
		b.WriteString(parts[0])
		for _, p := range parts[1:] {
			name, value, _ := strings.Cut(p, "=")
			if u, err := url.QueryUnescape(name); err == nil {
				name = u
			}
			if !diagnosis.SecretParamName(name) && !diagnosis.ContainsSecret(value) {
				b.WriteString(";" + p)
			}
		}
	}
	return b.String()
}

// linkQuery keeps the parameters of a raw query whose name and value do
// not look secret, as they were written.
func linkQuery(raw string) string {
	var kept []string
	for _, kv := range strings.Split(raw, "&") {
		rawName, rawValue, _ := strings.Cut(kv, "=")
		name, err1 := url.QueryUnescape(rawName)
		value, err2 := url.QueryUnescape(rawValue)
		if kv == "" || err1 != nil || err2 != nil || diagnosis.SecretParamName(name) ||
			diagnosis.ContainsSecret(name) || diagnosis.ContainsSecret(value) {
			continue
		}
		kept = append(kept, kv)
	}
	return strings.Join(kept, "&")
}

// shareURL returns the page's URL with the form's non-secret fields in
// the fragment, which browsers never send to the server. The query is
// cleared, so an older link's parameters do not linger.
func shareURL(page *url.URL, f form) *url.URL {
	u := *page
	u.RawQuery = ""
	u.Fragment = ""
	u.RawFragment = ""
	if v := f.shareValues(); len(v) > 0 {
		// Encoded once: RawFragment is the encoded form and Fragment its
		// decoding, else String would escape each % again (%253A).
		u.RawFragment = v.Encode()
		u.Fragment, _ = url.PathUnescape(u.RawFragment)
	}
	return &u
}

// formFromURL reads the fields of a share link: from the fragment, or
// else from the query (older links and hand-written ones). The key is
// never read from a link, whatever it carries.
func formFromURL(u *url.URL) form {
	v, err := url.ParseQuery(u.RawFragment)
	if u.RawFragment == "" {
		v, err = url.ParseQuery(u.Fragment)
	}
	if err != nil || len(v) == 0 {
		v = u.Query()
	}
	get := func(name string) string {
		s := v.Get(name)
		if len(s) > maxShareValue {
			s = s[:maxShareValue]
		}
		return strings.TrimSpace(s)
	}
	f := form{Kind: get(paramKind), Endpoint: get(paramEndpoint), Region: get(paramRegion),
		Header: get(paramHeader), RegionHeader: get(paramRegionHeader), Status: get(paramStatus),
		KeyAge: get(paramKeyAge), Regenerated: get(paramRegenerated) == "1", TrialStarted: get(paramTrialStarted)}
	if diagnosis.LookupKind(f.Kind) == nil {
		f.Kind = ""
	}
	if _, ok := keyAges[f.KeyAge]; !ok {
		f.KeyAge = ""
	}
	return f
}
