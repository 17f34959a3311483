// Package fakeazure is an Azure AI gateway for tests, on loopback: it
// answers every request with one scenario's status, headers and exact
// body (sources §4), with or without CORS headers, and records what it got.
package fakeazure

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
)

// Scenario is how the fake gateway answers.
type Scenario struct {
	Status  int
	Body    string
	Headers map[string]string
	// CORS adds the headers a browser needs to let a page on another
	// origin read the answer, and answers preflights.
	CORS bool
}

// The answers of sources §4.
var (
	// Gateway401 is the gateway's 401 for a wrong key or host (sources §4.1).
	Gateway401 = Scenario{Status: 401, CORS: true,
		Body: `{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}`,
		Headers: map[string]string{"Content-Type": "application/json", "apim-request-id": "00000000-0000-0000-0000-000000000401",
			"WWW-Authenticate": "AzureApiManagementKey realm=\"https://example.cognitiveservices.azure.com\",name=\"Ocp-Apim-Subscription-Key\",type=\"header\""}}
	// Gateway401NoCORS is the same answer without CORS headers, as many
	// services give to browsers.
	Gateway401NoCORS = Scenario{Status: 401, Body: Gateway401.Body, Headers: Gateway401.Headers}
	// Translator401000 is Translator's credentials error (sources §4.2).
	Translator401000 = Scenario{Status: 401, CORS: true,
		Body:    `{"error":{"code":401000,"message":"The request is not authorized because credentials are missing or invalid."}}`,
		Headers: map[string]string{"Content-Type": "text/plain; charset=utf-8", "X-RequestId": "TRAN.TEST.0001"}}
	// LocalAuthDisabled is the 403 of a resource with key auth off (sources §4.4).
	LocalAuthDisabled = Scenario{Status: 403, CORS: true,
		Body:    `{"error":{"code":"AuthenticationTypeDisabled","message": "Key based authentication is disabled for this resource."}}`,
		Headers: map[string]string{"Content-Type": "application/json"}}
	// NotFound is the 404 after a key passed (sources §4.5).
	NotFound = Scenario{Status: 404, CORS: true, Body: `{"error":{"code":"404","message": "Resource not found"}}`,
		Headers: map[string]string{"Content-Type": "application/json"}}
	// RateLimited is a 429 with Retry-After (sources §4.5).
	RateLimited = Scenario{Status: 429, CORS: true, Body: `{"error":{"code":"429","message": "Rate limit is exceeded. Try again in 7 seconds."}}`,
		Headers: map[string]string{"Content-Type": "application/json", "Retry-After": "7", "x-ms-region": "West Europe"}}
	// OK is a success.
	OK = Scenario{Status: 200, CORS: true, Body: `{"models":[]}`, Headers: map[string]string{"Content-Type": "application/json",
		"x-ms-region": "West Europe"}}
)

// Request is one request the fake gateway received.
type Request struct {
	Method, Path, RawQuery string
	Header                 http.Header
	Body                   string
}

// Server is a running fake gateway.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	requests []Request
}

// New starts a fake gateway answering with the scenario.
func New(s Scenario) *Server {
	f := &Server{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		f.mu.Lock()
		f.requests = append(f.requests, Request{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), string(b)})
		f.mu.Unlock()
		if s.CORS {
			w.Header().Set("Access-Control-Allow-Origin", "*")
			w.Header().Set("Access-Control-Expose-Headers", "apim-request-id, x-ms-region, Retry-After, WWW-Authenticate, X-RequestId")
			if r.Method == http.MethodOptions {
				w.Header().Set("Access-Control-Allow-Headers", "*")
				w.Header().Set("Access-Control-Allow-Methods", "GET, POST")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		for k, v := range s.Headers {
			w.Header().Set(k, v)
		}
		w.WriteHeader(s.Status)
		io.WriteString(w, s.Body)
	}))
	return f
}

// Requests returns what the gateway received so far.
func (f *Server) Requests() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Request(nil), f.requests...)
}

// Unresolvable is a URL whose name never resolves (.invalid, RFC 6761).
const Unresolvable = "https://az401-test-host.invalid/"
