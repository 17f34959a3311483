package diagnosis

import "fmt"

// Severity says how much a finding explains a failure.
type Severity int

// Severities, from least to most serious.
const (
	// Info is a decoded fact that helps, not a problem.
	Info Severity = iota
	// Warning likely contributes to a failure, or cannot be ruled out.
	Warning
	// Error alone explains a 401/403, or will cause one.
	Error
)

// String returns the lower-case name used in JSON and on the page.
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// MarshalText encodes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := parseSeverity(string(b))
	*s = v
	return err
}

// parseSeverity is the inverse of [Severity.String].
func parseSeverity(s string) (Severity, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return Info, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Finding is one cause found in one input.
type Finding struct {
	// ID is the cause ID, as listed by [All].
	ID string `json:"id"`
	// Severity may be lower than the check's own when the input leaves
	// doubt (e.g. a missing region header before any 401 was seen).
	Severity Severity `json:"severity"`
	// Title is the cause's one-line title.
	Title string `json:"title"`
	// Message says what is wrong in this input, in a sentence.
	Message string `json:"message"`
	// Evidence quotes what in the input triggered the finding; keys are
	// masked. Empty when the finding rests on the absence of something.
	Evidence string `json:"evidence"`
	// Fix is what to do, as steps separated by newlines.
	Fix string `json:"fix"`
	// Docs links the cause's section of the causes page.
	Docs string `json:"docs"`
}

// Report is the result of one diagnosis.
type Report struct {
	// Findings, most likely cause first.
	Findings []Finding
	// Verdict is one sentence naming the most likely cause.
	Verdict string
	// Missing names, when a cause was found without them, the inputs that
	// would let the diagnosis check more ("" when none is missing, or when
	// the verdict already says so).
	Missing string
}

// Worst returns the highest severity among the findings, Info if none.
func (r Report) Worst() Severity {
	w := Info
	for _, f := range r.Findings {
		w = max(w, f.Severity)
	}
	return w
}

// Has reports whether a finding with the cause id is present.
func (r Report) Has(id string) bool {
	for _, f := range r.Findings {
		if f.ID == id {
			return true
		}
	}
	return false
}

// Succeeded reports whether the service's answer was a success
// (response-ok): the key works for the endpoint.
func (r Report) Succeeded() bool { return r.Has(responseOK.ID) }
