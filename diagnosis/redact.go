package diagnosis

import (
	"net/url"
	"strings"
)

// secretParams are query parameters that carry a key, a signature or a
// function code (sources §3: Subscription-Key, subscription-key; SAS sig).
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
