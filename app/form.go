package app

import (
	"strconv"
	"strings"
	"time"

	"az401/diagnosis"
)

// form is what the page's inputs hold, as typed. The key and the pasted
// response live only here, in memory: never in the URL, storage or logs.
type form struct {
	Kind         string
	Endpoint     string
	Region       string
	Key          string
	Header       string
	RegionHeader string
	Status       string
	Response     string
	KeyAge       string // "", "just-now", "today" or "earlier"
	Regenerated  bool
	TrialStarted string // YYYY-MM-DD
}

// keyAges maps the page's key-age choices to the durations the checks
// read: "just now" is inside the 10-minute propagation window.
var keyAges = map[string]time.Duration{
	"just-now": 2 * time.Minute,
	"today":    6 * time.Hour,
	"earlier":  30 * 24 * time.Hour,
}

// empty reports whether nothing worth diagnosing was entered (a paste
// fills the fields it finds).
func (f form) empty() bool {
	return strings.TrimSpace(f.Key) == "" && strings.TrimSpace(f.Endpoint) == "" && strings.TrimSpace(f.Region) == "" &&
		strings.TrimSpace(f.Response) == "" && strings.TrimSpace(f.Status) == ""
}

// input builds the diagnosis input at the given time. Fields that do not
// parse are left out; the form shows them as typed.
func (f form) input(now time.Time) diagnosis.Input {
	in := diagnosis.Input{Kind: f.Kind, Endpoint: f.Endpoint, Region: f.Region, Key: f.Key,
		Header: f.Header, RegionHeader: f.RegionHeader, Response: f.Response,
		KeyAge: keyAges[f.KeyAge], Regenerated: f.Regenerated, Now: now}
	if s := strings.TrimSpace(f.Status); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n >= 100 && n <= 599 {
			in.Status = n
		}
	}
	if f.TrialStarted != "" {
		if t, err := diagnosis.ParseDay(f.TrialStarted); err == nil {
			in.TrialStarted = t
		}
	}
	return in
}
