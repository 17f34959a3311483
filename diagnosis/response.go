package diagnosis

import (
	"strconv"
	"strings"
)

// responseFacts is what a pasted answer says: the status and the body,
// lower-cased so that one search finds a phrase in raw JSON, SDK
// exception text or a Python dict repr alike.
type responseFacts struct {
	given    bool
	status   int  // as given, or read from the text
	inferred bool // the status was read from the text
	cut      bool // the text was longer than MaxResponseLen
	text     string
	hits     uint32 // one bit per responseRule the text matches
}

// analyseResponse reads a status and a pasted body or error message.
func analyseResponse(status int, body string) responseFacts {
	r := responseFacts{status: status, given: status != 0 || strings.TrimSpace(body) != ""}
	if len(body) > MaxResponseLen {
		body, r.cut = body[:MaxResponseLen], true
	}
	r.text = strings.ToLower(body)
	if r.status == 0 && r.text != "" {
		r.status = statusIn(r.text)
		if r.status == 0 {
			r.status = reasonStatus(r.text)
		}
		r.inferred = r.status != 0
	}
	r.match()
	return r
}

// statusPrefixes introduce an HTTP status in the texts of sources §4:
// "Error code: 401", "Status: 401", "(401)", "HTTP/1.1 401",
// "statusCode": 401, "error (401)", "status code '401'", HttpClient's
// "does not indicate success: 401", openai-node's "AuthenticationError:
// 401 status code (no body)".
var statusPrefixes = []string{"http/1.1 ", "http/2 ", "http/1.0 ", "error code: ", "status: ", "status code: ",
	"status code ", `"statuscode":`, `"statuscode": `, "'statuscode': ", "statuscode: ", "error (", "(",
	"returned an error: (", "http ", `"code":"`, `"code": "`, "'code': '", `"code":`, `"code": `, "'code': ",
	`\"code\":\"`, `\"code\":`, `\"statuscode\":`, "success: ", "error: "}

// statusIn finds the first HTTP status in a message; Translator's
// six-digit codes give their first three digits (401000 → 401). A
// message may also start with the status, as Python requests' "401
// Client Error: …" does.
func statusIn(text string) int {
	if code := leadingStatus(text); code != 0 && strings.HasPrefix(text[3:], " ") {
		return code
	}
	best, bestAt := 0, len(text)
	for _, p := range statusPrefixes {
		i := strings.Index(text, p)
		for i >= 0 && i < bestAt {
			rest := text[i+len(p):]
			if code := leadingStatus(rest); code != 0 {
				best, bestAt = code, i
				break
			}
			j := strings.Index(rest, p)
			if j < 0 {
				break
			}
			i += len(p) + j
		}
	}
	return best
}

// reasonPhrases map the reason phrases SDKs print without a body or a
// number ("Operation returned an invalid status code 'Forbidden'",
// "Quota Exceeded") to their status (sources §4.2, §4.4 [I44]).
var reasonPhrases = [...]struct {
	phrase string
	status int
}{{"forbidden", 403}, {"quota exceeded", 403}, {"unauthorized", 401}, {"access denied", 401},
	{"not found", 404}, {"too many requests", 429}}

// reasonStatus is the status a bare reason phrase stands for, or 0.
func reasonStatus(text string) int {
	for _, p := range reasonPhrases {
		if strings.Contains(text, p.phrase) {
			return p.status
		}
	}
	return 0
}

// errorBody reports whether a body reads as an error though its status
// may be a success: older APIs answered 200 with an error object
// (sources §4.2 [I12]).
func (r *responseFacts) errorBody() bool {
	return r.has(`"error"`, "'error'", "invalid subscription key", "invalid key", "access denied", "unauthorized")
}

// leadingStatus reads a 3-digit HTTP status (or a 6-digit Translator
// code) at the start of s.
func leadingStatus(s string) int {
	n := 0
	for n < len(s) && n < 7 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n != 3 && n != 6 {
		return 0
	}
	code, _ := strconv.Atoi(s[:3])
	if code < 100 || code > 599 {
		return 0
	}
	return code
}

// has reports whether any of the lower-case phrases is in the text.
func (r *responseFacts) has(phrases ...string) bool {
	for _, p := range phrases {
		if strings.Contains(r.text, p) {
			return true
		}
	}
	return false
}

// hasCode reports whether a JSON, dict or key=value "code" field holds
// the code, quoted or not: "code":401000, 'code': '401000',
// error_code=PermissionDenied (sources §4.2).
func (r *responseFacts) hasCode(code string) bool {
	t := r.text
	for {
		i := strings.Index(t, code)
		if i < 0 {
			return false
		}
		before := strings.TrimRight(t[:i], ` "'\`)
		after := t[i+len(code):]
		if (strings.HasSuffix(before, ":") || strings.HasSuffix(before, "=")) &&
			(after == "" || !isAlnum(after[0])) {
			before = strings.TrimRight(before[:len(before)-1], ` "'\`)
			if strings.HasSuffix(before, "code") {
				return true
			}
		}
		t = after
	}
}

// excerpt returns the part of the original text around the first of the
// phrases, for evidence. Secrets are masked before the cut, so a key
// cut short, which no detector would know, is never shown.
func excerpt(original, lower string, phrases ...string) string {
	if masked := MaskSecrets(original); masked != original {
		original, lower = masked, strings.ToLower(masked)
	}
	for _, p := range phrases {
		if i := strings.Index(lower, p); i >= 0 && len(original) == len(lower) {
			end := min(i+len(p)+40, len(original))
			start := max(i-20, 0)
			s := strings.TrimSpace(original[start:end])
			if start > 0 {
				s = "…" + s
			}
			if end < len(original) {
				s += "…"
			}
			return s
		}
	}
	return ""
}

// statusMeaning says what a status means for an Azure AI call in
// general (sources §7 rule of thumb, §4).
func statusMeaning(code int) string {
	switch {
	case code >= 200 && code < 300:
		return "the request was accepted"
	case code == 400:
		return "the gateway accepted the credentials but the request is malformed (body, parameters or api-version)"
	case code == 401:
		return "the credentials were refused: wrong key, key of another resource or region, or wrong host"
	case code == 403:
		return "the key is known but the call is blocked: network rules, key auth disabled, quota used up, or a limited-access feature"
	case code == 404:
		return "the key passed; the path, api-version or deployment does not exist on this host"
	case code == 405 || code == 410:
		return "the method or the API version is no longer served"
	case code == 408 || code == 504:
		return "the service did not answer in time; retry"
	case code == 429:
		return "too many requests; wait as Retry-After says"
	case code >= 500:
		return "a service-side failure, not a credentials problem; retry later"
	}
	return "not a status Azure AI services use for credential problems"
}
