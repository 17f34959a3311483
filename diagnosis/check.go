package diagnosis

import (
	"fmt"
	"strings"
)

// Check is one cause and the rule that finds it.
type Check struct {
	// ID is the public cause ID (kebab-case).
	ID string
	// Area is what the cause is about; the causes page groups by it.
	Area Area
	// Severity is the finding's severity when the rule is sure.
	Severity Severity
	// Title is one line, no final period.
	Title string
	// Doc explains the cause: what happens and why.
	Doc string
	// Fix is what to do, as steps separated by newlines.
	Fix string
	// Sources names the facts behind the rule (fact-sheet sections and
	// source tags).
	Sources string
	// Run reports the cause in f, or nothing. It is pure; c is the check
	// itself, for building findings.
	Run func(c *Check, f *Facts) []Finding
}

// Area is the part of the input or of the exchange a cause is about.
type Area int

// Areas, in the order the causes page lists them. The zero value is no
// area, which [Validate] refuses.
const (
	AreaKey      Area = iota + 1 // the key
	AreaToken                    // a token pasted instead of a key
	AreaEndpoint                 // endpoint, region and headers
	AreaResponse                 // what the service answered
	AreaProbe                    // the test call
	AreaSnippet                  // a pasted command, config or code
	AreaInput                    // the input as a whole
)

// Areas lists every area in order.
var Areas = []Area{AreaKey, AreaToken, AreaEndpoint, AreaResponse, AreaProbe, AreaSnippet, AreaInput}

// DocsBase is the causes page that [Finding.Docs] links to. It is relative,
// so it resolves on any host the static site is served from.
const DocsBase = "causes"

// DocsURL returns the link to the cause's section of the causes page.
func DocsURL(id string) string { return DocsBase + "#" + id }

// finding builds a finding of c with its own severity.
func (c *Check) finding(message, evidence string) Finding {
	return Finding{ID: c.ID, Severity: c.Severity, Title: c.Title,
		Message: message, Evidence: evidence, Fix: c.Fix, Docs: DocsURL(c.ID)}
}

// withFix replaces the generic fix with one specific to the input.
func (f Finding) withFix(fix string) Finding {
	f.Fix = fix
	return f
}

// withSeverity lowers or raises the finding's severity.
func (f Finding) withSeverity(s Severity) Finding {
	f.Severity = s
	return f
}

// one wraps a single finding as Run's result.
func one(f Finding) []Finding { return []Finding{f} }

// All returns every check, in the order the verdict ranks causes: the
// first finding of a report comes from the earliest check that fired.
// The slice is shared; do not modify it.
func All() []*Check { return registry }

// Lookup returns the check with the cause id, or nil.
func Lookup(id string) *Check {
	for _, c := range registry {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Validate reports the first check whose metadata breaks the catalogue's
// rules: unique kebab-case IDs, a title without a final period, and a doc,
// fix, source and rule for each.
func Validate(checks []*Check) error {
	seen := map[string]bool{}
	for _, c := range checks {
		switch {
		case !isKebab(c.ID):
			return fmt.Errorf("check %q: id must match ^[a-z0-9-]+$", c.ID)
		case seen[c.ID]:
			return fmt.Errorf("check %q: duplicate id", c.ID)
		case c.Area < AreaKey || c.Area > AreaInput:
			return fmt.Errorf("check %q: no area", c.ID)
		case c.Title == "" || strings.HasSuffix(c.Title, "."):
			return fmt.Errorf("check %q: title must be set and end without a period", c.ID)
		case c.Doc == "":
			return fmt.Errorf("check %q: undocumented", c.ID)
		case c.Fix == "":
			return fmt.Errorf("check %q: no fix", c.ID)
		case c.Sources == "":
			return fmt.Errorf("check %q: no sources", c.ID)
		case c.Run == nil:
			return fmt.Errorf("check %q: no rule", c.ID)
		}
		seen[c.ID] = true
	}
	return nil
}

func isKebab(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
