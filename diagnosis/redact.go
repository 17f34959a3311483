package diagnosis

import (
	"net/url"
	"strings"
)

// secretParams are query parameters that carry a key, a signature or a
// function code (facts §3: Subscription-Key, subscription-key; SAS sig).
var secretParams = []string{"subscription-key", "ocp-apim-subscription-key", "api-key", "apikey", "key",
	"sig", "code", "access_token", "token"}

// IsSecretParam reports whether a query parameter name carries a secret.
func IsSecretParam(name string) bool { return contains(secretParams, strings.ToLower(name)) }

// RedactEndpoint removes the values of secret query parameters from a URL,
// so it can be shown, logged or shared. Text that is not a URL is returned
// with anything after "?" dropped.
func RedactEndpoint(s string) string {
	base, query, ok := strings.Cut(s, "?")
	if !ok {
		return s
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return base + "?…"
	}
	changed := false
	for name := range q {
		if IsSecretParam(name) {
			q[name] = []string{"…"}
			changed = true
		}
	}
	if !changed {
		return s
	}
	return base + "?" + q.Encode()
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
