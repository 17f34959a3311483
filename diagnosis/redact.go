package diagnosis

import (
	"net/url"
	"strings"
	"unicode"
)

// secretParams are query parameters that carry a key, a signature or a
// function code (sources §3: Subscription-Key, subscription-key; SAS sig),
// spelled without case, dashes, underscores or dots.
var secretParams = []string{"sig", "code", "auth", "authorization", "pwd", "credential", "credentials"}

// secretWords mark a parameter name as secret wherever they appear in it,
// so that api_key, subscriptionKey, x-api-key and accountKey all count.
var secretWords = []string{"key", "token", "secret", "password", "signature"}

// IsSecretParam reports whether a query parameter name carries a secret,
// however it is spelled: any case, with dashes, underscores or dots, or
// percent-encoded.
func IsSecretParam(name string) bool {
	if n, err := url.QueryUnescape(name); err == nil {
		name = n
	}
	name = strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' || r == ' ' {
			return -1
		}
		return unicode.ToLower(r)
	}, name)
	if contains(secretParams, name) {
		return true
	}
	for _, w := range secretWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// RedactEndpoint removes the secrets from a URL, so it can be shown or
// logged: the values of secret query (and fragment) parameters, and of
// any parameter shaped like a secret, a user name and password, and
// anything else shaped like a key (MaskSecrets). A bare key is masked.
func RedactEndpoint(s string) string {
	if LooksSecret(s) {
		return Mask(s)
	}
	if i := strings.Index(s, "://"); i >= 0 {
		authority := s[i+3:]
		if j := strings.IndexAny(authority, "/?#"); j >= 0 {
			authority = authority[:j]
		}
		if at := strings.LastIndexByte(authority, '@'); at >= 0 {
			s = s[:i+3] + "…@" + s[i+3+at+1:]
		}
	}
	base, frag, hasFrag := strings.Cut(s, "#")
	base, query, hasQuery := strings.Cut(base, "?")
	if hasQuery {
		base += "?" + redactPairs(query)
	}
	if hasFrag {
		base += "#" + redactPairs(frag)
	}
	return MaskSecrets(base)
}

// redactPairs replaces the secret values in name=value pairs joined by &.
func redactPairs(query string) string {
	pairs := strings.Split(query, "&")
	for i, kv := range pairs {
		name, value, _ := strings.Cut(kv, "=")
		if v, err := url.QueryUnescape(value); err == nil {
			value = v
		}
		if IsSecretParam(name) && value != "" || LooksSecret(value) {
			pairs[i] = name + "=%E2%80%A6"
		}
	}
	return strings.Join(pairs, "&")
}

// StripSecrets removes secret query parameters from a URL entirely, for
// share links. It returns s unchanged if it has none.
func StripSecrets(s string) string {
	base, query, ok := strings.Cut(s, "?")
	if !ok {
		return s
	}
	frag := ""
	if i := strings.IndexByte(query, '#'); i >= 0 {
		query, frag = query[:i], query[i:]
	}
	var kept []string
	for _, kv := range strings.Split(query, "&") {
		name, _, _ := strings.Cut(kv, "=")
		if n, err := url.QueryUnescape(name); err == nil && IsSecretParam(n) || IsSecretParam(name) {
			continue
		}
		kept = append(kept, kv)
	}
	if len(kept) == 0 {
		return base + frag
	}
	return base + "?" + strings.Join(kept, "&") + frag
}

// Shown returns a snippet field's value as output may show it: the key,
// or anything shaped like a secret, masked; otherwise with a URL's secret
// query parameters removed.
func (f Field) Shown(isKey bool) string {
	if isKey || LooksSecret(f.Value) {
		return Mask(f.Value)
	}
	return RedactEndpoint(f.Value)
}

// SecretParamName reports whether a query parameter or variable name
// suggests a secret, however it is spelled: the known names
// (IsSecretParam) and any name holding key, secret, token, password or
// signature (api_key, subscriptionKey, x-api-key, client_secret).
func SecretParamName(name string) bool {
	n := strings.ToLower(name)
	return IsSecretParam(n) || secretName(n) || strings.Contains(n, "password") || strings.Contains(n, "signature")
}

// ContainsSecret reports whether s, or any word of it, looks like a key,
// token or other secret (LooksSecret): a key pasted into the wrong field,
// inside a URL, after a header name or among other text. Words are cut
// at white space and punctuation, then also at URL delimiters, and are
// also taken as runs of base64 letters with their padding (a storage key
// after "AccountKey="); s is also tried URL-unescaped.
func ContainsSecret(s string) bool {
	if LooksSecret(s) {
		return true
	}
	if u, err := url.QueryUnescape(s); err == nil && u != s && ContainsSecret(u) {
		return true
	}
	for _, cut := range [...]string{" \t\r\n\"'`,;&|<>()[]{}", " \t\r\n\"'`,;&|<>()[]{}=:/?#@\\"} {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(cut, r) }) {
			if w != s && LooksSecret(w) {
				return true
			}
		}
	}
	for _, w := range base64Runs(s) {
		if w != s && LooksSecret(w) {
			return true
		}
	}
	return false
}

// base64Runs returns the runs of base64 letters (A-Z a-z 0-9 + /) in s,
// each with the "=" padding that follows it.
func base64Runs(s string) []string {
	var runs []string
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && (isAlnum(s[j]) || s[j] == '+' || s[j] == '/') {
			j++
		}
		if j == i {
			i++
			continue
		}
		k := j
		for k < len(s) && k < j+2 && s[k] == '=' {
			k++
		}
		runs = append(runs, s[i:k])
		i = k
	}
	return runs
}
