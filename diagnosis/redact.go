package diagnosis

import (
	"net/url"
	"slices"
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
	if slices.Contains(secretParams, name) {
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
// logged: its user info, and the values of its query, fragment and path
// parameters that are secret, however the URL is spelled (cutURL), then
// anything else shaped like a key (MaskSecrets). A bare key is masked.
func RedactEndpoint(s string) string {
	if LooksSecret(s) {
		return Mask(s)
	}
	return MaskSecrets(cutURL(s, true))
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
