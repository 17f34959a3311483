package diagnosis

import (
	"net/url"
	"strings"
)

// redactedValue stands for a secret value in a URL as shown: "…",
// query-escaped.
const redactedValue = "%E2%80%A6"

// StripURL returns v with the secret parts of a URL removed, for share
// links: its user info, its fragment, and every query and ";name=value"
// path parameter that is secret or does not decode (cutURL).
func StripURL(v string) string { return cutURL(v, false) }

// cutURL cuts the secret parts out of a value read as a URL without
// parsing it, so that no spelling a parser rejects or reads otherwise
// (no scheme, "https:/x", backslashes, %3F for "?", %23 for "#") keeps
// one: the user info before an "@" in the authority, and the parameters
// of the query (after the first "?" or %3F), of the fragment (after the
// first "#" or %23) and of the path (";name=value") that are secret
// (cutPair). With mask, each shows as "…" in its place (RedactEndpoint);
// else they go, and the fragment with them (StripURL). Masking leaves
// an authority holding white space whole: it is running text, not a URL.
func cutURL(v string, mask bool) string {
	rest, fragSep, frag := v, "", ""
	if i, n := indexFold(v, "#", "%23"); i >= 0 {
		rest, fragSep, frag = v[:i], v[i:i+n], v[i+n:]
	}
	base, querySep, query := rest, "", ""
	if i, n := indexFold(rest, "?", "%3f"); i >= 0 {
		base, querySep, query = rest[:i], rest[i:i+n], rest[i+n:]
	}
	prefix := ""
	if i := strings.Index(base, "://"); i >= 0 {
		prefix, base = base[:i+3], base[i+3:]
	}
	authority := base
	if end := strings.IndexAny(base, `/\`); end >= 0 {
		authority = base[:end]
	}
	if at := strings.LastIndexByte(authority, '@'); at >= 0 && !(mask && strings.ContainsAny(authority, " \t\r\n")) {
		base = base[at+1:]
		if mask {
			prefix += "…@"
		}
	}
	out := prefix + cutParams(base, "/", ";", mask)
	if q := cutParams(query, "", "&", mask); querySep != "" && (mask || q != "") {
		out += querySep + q
	}
	if mask && fragSep != "" {
		out += fragSep + cutParams(frag, "", "&", mask)
	}
	return out
}

// cutParams cuts the secret parameters (cutPair) out of s: with seg
// "", s is name=value pairs joined by sep (a query); else s is segments
// joined by seg, each a path followed by sep-separated parameters.
func cutParams(s, seg, sep string, mask bool) string {
	if seg != "" {
		segs := strings.Split(s, seg)
		for i, sg := range segs {
			path, params, _ := strings.Cut(sg, sep)
			if params = cutParams(params, "", sep, mask); params != "" || mask && strings.Contains(sg, sep) {
				path += sep + params
			}
			segs[i] = path
		}
		return strings.Join(segs, seg)
	}
	var kept []string
	for _, kv := range strings.Split(s, sep) {
		if kv, ok := cutPair(kv, mask); ok {
			kept = append(kept, kv)
		}
	}
	return strings.Join(kept, sep)
}

// cutPair returns a parameter ("name=value") as cutURL keeps it, and
// whether it keeps it. A parameter is secret when its name or value
// looks like a secret (ContainsSecret), or its name means one
// (IsSecretParam) with a value (or, stripping, even without one), or,
// stripping, it does not decode. A secret one goes, or when masking
// shows "…" for its value, or for all of it when the name itself looks
// like a secret.
func cutPair(kv string, mask bool) (string, bool) {
	rawName, rawValue, _ := strings.Cut(kv, "=")
	name, errName := url.QueryUnescape(rawName)
	if errName != nil {
		name = rawName
	}
	value, errValue := url.QueryUnescape(rawValue)
	if errValue != nil {
		value = rawValue
	}
	secretName := ContainsSecret(name)
	undecoded := !mask && (errName != nil || errValue != nil)
	switch {
	case kv == "":
		return "", mask
	case !secretName && !undecoded && !ContainsSecret(value) && !(IsSecretParam(name) && (value != "" || !mask)):
		return kv, true
	case !mask:
		return "", false
	case secretName:
		return redactedValue, true
	}
	return rawName + "=" + redactedValue, true
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
