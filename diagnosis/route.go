package diagnosis

import (
	"encoding/json"
	"strings"
)

// Routing splits a whole paste into the code or config it holds and the
// answer it shows (an error body, an exception, a status line, curl -v
// output, a PowerShell error record, a DevTools copy), so that code plus
// its output in one paste fills both the fields and the error.

// routed is a paste split in two.
type routed struct {
	code, answer string
	reqBody      string // the body of a raw HTTP request
	status       string // a status read from a status line, or ""
	statusFrom   string
}

// answerMarkers start or mark a line of an answer, compared in lower case.
var answerMarkers = []string{
	`{"error"`, `{'error'`, `{ "error"`, `"statuscode":`, `{"statuscode"`, "access denied", "error code:",
	"exception", "traceback (most recent call last)", "authenticationerror", "permissiondeniederror",
	"notfounderror", "httpresponseerror", "clientauthenticationerror", "requestfailedexception", "status: 4",
	"errorcode:", "errorcode=", "canceled:", "errordetails", "websocket upgrade failed", "the remote server returned an error",
	"response status code does not indicate success", "+ categoryinfo", "+ fullyqualifiederrorid",
	"request failed with status code", "axioserror", "permissiondenied", "authenticationtypedisabled",
	"principal does not have access", "status code: 4", "unauthorized. access token", "401 unauthorized",
	"403 forbidden", "404 not found", "resource not found", "out of call volume quota", "rate limit",
	"(http 4", "status_code: 4", "statuscode: 4", "status code = 4", "status code of 4", "unauthorized (",
	"ws_open_error", // the Speech SDK's connection failure, raised or printed from error_details
}

// routePaste splits a paste. A line belongs to the answer when it is a
// status line, a curl -v "<" line, or carries an answer marker; "*"
// lines of curl -v are dropped and its "> " request lines read as a raw
// request.
func routePaste(text string) routed {
	if isErrorJSON(text) {
		return routed{answer: strings.TrimSpace(text)}
	}
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if t := strings.TrimSpace(line); t == ">" || strings.HasPrefix(t, "> ") { // curl -v request trace
			lines[i] = strings.TrimPrefix(t[1:], " ")
		}
	}
	rt := router{lines: lines}
	for _, line := range lines {
		rt.take(line)
	}
	rt.r.code = strings.Join(rt.code, "\n")
	rt.r.answer = strings.TrimSpace(strings.Join(rt.answer, "\n"))
	return rt.r
}

// router is the state of one routing pass.
type router struct {
	r            routed
	lines        []string
	code, answer []string
	inBody       bool // after a status line: the answer's headers and body
	inAnswer     bool // after an answer line: its indented or "at …" continuation
	req          int  // 1 in a raw request's headers, 2 in its body, 3 past it
}

// take routes one line.
func (rt *router) take(line string) {
	trim := strings.TrimSpace(line)
	low := strings.ToLower(trim)
	switch {
	case strings.HasPrefix(trim, "* "), trim == "*":
	case rt.status(trim, low):
		rt.inBody, rt.req = true, 3
	case rt.req == 0 && isRequestLine(trim):
		rt.req = 1
		rt.code = append(rt.code, "Request URL: "+requestURL(trim, rt.lines))
	case rt.req == 1 && trim == "":
		rt.req = 2
	case rt.req == 2 && trim != "":
		rt.r.reqBody += trim + "\n"
	case rt.inBody && trim != "" && !looksLikeCode(trim), isAnswerLine(low), rt.inAnswer && continuesAnswer(line, trim):
		rt.answer = append(rt.answer, line)
		rt.inAnswer = true
	default:
		rt.inBody = rt.inBody && trim != ""
		rt.inAnswer = false
		rt.code = append(rt.code, line)
	}
}

// continuesAnswer reports a line that goes on with the answer above it:
// an indented line (a wrapped message, an exception's fields) or a
// stack frame ("at …").
func continuesAnswer(line, trim string) bool {
	return trim != "" && (line[0] == ' ' || line[0] == '\t' || strings.HasPrefix(trim, "at "))
}

// status reads a status line: HTTP/1.1 401, curl -v's "< HTTP/2 401", or
// DevTools' "Status Code: 401".
func (rt *router) status(trim, low string) bool {
	switch {
	case strings.HasPrefix(trim, "< ") || trim == "<":
		rt.r.statusLine(trim[1:])
		return true
	case strings.HasPrefix(low, "status code:"):
		if rt.r.status == "" {
			rt.r.status, rt.r.statusFrom = leadingDigits(trim[len("status code:"):]), "Status Code line"
		}
		return true
	}
	return rt.r.statusLine(trim)
}

// httpMethods start a raw request line.
var httpMethods = []string{"GET ", "POST ", "PUT ", "PATCH ", "DELETE ", "HEAD "}

// isRequestLine reports "POST /path HTTP/1.1", or a REST Client (.http
// file) line "POST https://host/path" or "POST {{base}}/path".
func isRequestLine(s string) bool {
	for _, m := range httpMethods {
		if !strings.HasPrefix(s, m) {
			continue
		}
		f := strings.Fields(s)
		if strings.Contains(s, " HTTP/") {
			return true
		}
		return len(f) == 2 && (hasPrefixFold(f[1], "http") && strings.Contains(f[1], "://") || strings.HasPrefix(f[1], "{{"))
	}
	return false
}

// requestURL rebuilds a raw request's URL from its line and Host header.
func requestURL(line string, lines []string) string {
	target := strings.Fields(line)[1]
	if strings.Contains(target, "://") {
		return target
	}
	for _, l := range lines {
		if name, v, ok := strings.Cut(strings.TrimSpace(l), ":"); ok && strings.EqualFold(name, "host") {
			return "https://" + strings.TrimSpace(v) + target
		}
	}
	return target
}

// isErrorJSON reports a paste that is one JSON error body.
func isErrorJSON(text string) bool {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "{") || !strings.HasSuffix(t, "}") {
		return false
	}
	var body map[string]json.RawMessage
	if json.Unmarshal([]byte(t), &body) != nil {
		return false
	}
	_, e := body["error"]
	_, sc := body["statusCode"]
	return e || sc
}

// statusLine reads "HTTP/1.1 401 Unauthorized" or "HTTP/2 401".
func (r *routed) statusLine(s string) bool {
	s = strings.TrimSpace(s)
	if !hasPrefixFold(s, "HTTP/") {
		return false
	}
	_, rest, ok := strings.Cut(s, " ")
	code := leadingDigits(rest)
	if !ok || len(code) != 3 {
		return false
	}
	if r.status == "" {
		r.status, r.statusFrom = code, "status line"
	}
	return true
}

func leadingDigits(s string) string {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// isAnswerLine reports a line carrying an answer marker; code that
// prints or logs one (Console.WriteLine($"CANCELED: …")) is no answer.
func isAnswerLine(low string) bool {
	if strings.HasPrefix(low, "except ") || strings.HasPrefix(low, "catch") || strings.HasPrefix(low, "print(") || isLogCall(low) {
		return false
	}
	for _, m := range answerMarkers {
		if strings.Contains(low, m) {
			return true
		}
	}
	return false
}

// isLogCall reports a line that is one call of a callee with a string
// literal, ending like a statement: log.Error("…"); console.log(`…`).
func isLogCall(low string) bool {
	callee, args, ok := strings.Cut(low, "(")
	if !ok || strings.ContainsAny(callee, " :") || !strings.HasSuffix(low, ")") && !strings.HasSuffix(low, ");") {
		return false
	}
	return args != "" && strings.IndexByte("\"'`$f@", args[0]) >= 0
}

// looksLikeCode reports a line after a status line that is a header of
// the answer rather than its body: "Name: value".
func looksLikeCode(trim string) bool {
	name, _, ok := strings.Cut(trim, ":")
	return ok && !strings.ContainsAny(name, " {\"'") && len(name) < 40
}
