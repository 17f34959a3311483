package diagnosis

import (
	"strings"
	"time"
)

// Input is everything a diagnosis can look at. Only Key, Endpoint and Kind
// are usual; every other field is optional and its zero value means
// "not known".
type Input struct {
	// Kind is the ID of an API kind from [Kinds]. Empty means
	// not chosen: kind-specific checks then infer the kind from the
	// endpoint where they can.
	Kind string
	// Endpoint is the endpoint or the full request URL the user called.
	Endpoint string
	// Region is the resource's location as the portal shows it.
	Region string
	// Key is what the user pasted as the key, untrimmed.
	Key string
	// Header is how the key was sent: one of the Header* constants.
	// Empty means the kind's usual header.
	Header string
	// RegionHeader is the value sent in Ocp-Apim-Subscription-Region
	// (Translator), or "" when not known. [NoRegionHeader] says it was
	// known to be absent.
	RegionHeader string
	// Status is the HTTP status received, or 0.
	Status int
	// Response is the body or error message received, as pasted.
	Response string
	// KeyAge is the time since the key was created or regenerated; zero
	// means not known.
	KeyAge time.Duration
	// Regenerated says the key was regenerated rather than created.
	Regenerated bool
	// TrialStarted is the day a free trial key was issued; zero if the key
	// is not a trial key or the day is not known.
	TrialStarted time.Time
	// Now is the clock the time-based checks use (retirements, trials,
	// token expiry). Zero means "after every date this package knows".
	Now time.Time
	// TestResult is what the test call got, or nil before one was sent. Its
	// answer, being the live truth for this input, takes the place of a
	// pasted Status and Response.
	TestResult *TestResult
	// KeyTyping says the key is still being typed (the page's key field,
	// before a paste, leaving the field, or a full-length key): the
	// format checks wait, since every key is malformed halfway through.
	KeyTyping bool
	// RegionTyping says the region is still being typed (the page's region
	// field, before leaving it or picking a suggestion): whether it is a
	// region id waits, since "w", "we", "wes"… are none.
	RegionTyping bool
	// Snippet is what a pasted command, config or code showed (see
	// Extract), or nil.
	Snippet *Snippet
}

// TestResult is the outcome of a test call.
type TestResult struct {
	// Status and Body are the answer; Status is 0 when none was read.
	Status int
	Body   string
	// RetryAfter is the Retry-After header, if any.
	RetryAfter string
	// Failure says why no answer was read: one of the Probe* constants,
	// or "" when one was.
	Failure string
	// Detail is the client's error text, for evidence.
	Detail string
	// Host is where the call went.
	Host string
	// Latency is how long the answer took.
	Latency time.Duration
	// Headers are the answer's headers that help a diagnosis
	// (apim-request-id, x-ms-region, WWW-Authenticate, Retry-After…).
	Headers []Header
	// Via says how the call went, as a phrase: "from this browser",
	// "through az401 serve", "from the command line".
	Via string
	// SentRegionHeader is the Ocp-Apim-Subscription-Region value the call
	// sent, "" if none: the answer is judged with it.
	SentRegionHeader string
}

// Why a test call read no answer.
const (
	// ProbeCORSBlocked: the host answered, but the browser hid the answer.
	ProbeCORSBlocked = "cors-blocked"
	// ProbeUnreachable: the name did not resolve or the connection failed.
	ProbeUnreachable = "unreachable"
	// ProbeTimeout: no answer within the time limit.
	ProbeTimeout = "timeout"
	// ProbeCanceled: the user stopped the call; nothing to diagnose.
	ProbeCanceled = "canceled"
)

// Ways a key can be sent, the values of [Input.Header]. They are the CLI's
// --header values and the page's option values.
const (
	HeaderSubscriptionKey = "ocp-apim-subscription-key"
	HeaderAPIKey          = "api-key"
	HeaderAuthorization   = "authorization"
	HeaderTrainingKey     = "training-key"
	HeaderPredictionKey   = "prediction-key"
	HeaderQuery           = "query"
	HeaderBody            = "body"
)

// KeyWay is one way to send a key: a header, the query or the body.
type KeyWay struct {
	// ID is the [Input.Header] value and the CLI's --header value.
	ID string
	// Wire is the header's name in a request; "" for the query and the body.
	Wire string
	// Label is how findings name it.
	Label string
	// Option is how the page's form offers it.
	Option string
}

// KeyWays lists the ways to send a key, in the order a form offers them.
// Do not modify it.
var KeyWays = []KeyWay{
	{HeaderSubscriptionKey, "Ocp-Apim-Subscription-Key", "Ocp-Apim-Subscription-Key", "Ocp-Apim-Subscription-Key header"},
	{HeaderAPIKey, "api-key", "api-key", "api-key header"},
	{HeaderAuthorization, "Authorization", "Authorization: Bearer", "Authorization: Bearer header"},
	{HeaderTrainingKey, "Training-Key", "Training-Key", "Training-Key header"},
	{HeaderPredictionKey, "Prediction-Key", "Prediction-Key", "Prediction-Key header"},
	{HeaderQuery, "", "a query parameter", "in the URL (query string)"},
	{HeaderBody, "", "the request body", "in the request body"},
}

// keyHeaders are the headers that carry a key, by lower-case name, with
// the [Input.Header] value each means: the KeyWays sent as a header.
var keyHeaders = func() map[string]string {
	m := map[string]string{}
	for _, w := range KeyWays {
		if w.Wire != "" {
			m[strings.ToLower(w.Wire)] = w.ID
		}
	}
	return m
}()

// lookupKeyWay returns the way with the id, or nil.
func lookupKeyWay(id string) *KeyWay {
	for i := range KeyWays {
		if KeyWays[i].ID == id {
			return &KeyWays[i]
		}
	}
	return nil
}

// NoRegionHeader is the [Input.RegionHeader] value that says the request
// carried no Ocp-Apim-Subscription-Region header.
const NoRegionHeader = "-"

// Size caps. Longer input is cut, and the cut is reported, so a pasted log
// file or binary cannot make a diagnosis slow.
const (
	MaxKeyLen      = 1 << 10
	MaxEndpointLen = 8 << 10
	MaxRegionLen   = 256
	MaxResponseLen = 64 << 10
)

// RetryAfterText renders the Retry-After header as the rate-limit check
// reads it, or "".
func (r *TestResult) RetryAfterText() string {
	if r.RetryAfter == "" {
		return ""
	}
	return "Retry-After: " + r.RetryAfter
}
