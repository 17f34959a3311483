package diagnosis

import (
	"fmt"
	"strings"
)

// Diagnose runs every check on the input and returns the findings, most
// likely cause first, with a verdict. It never panics on any input.
func Diagnose(in Input) Report { return Analyse(in).Report() }

// Report runs every check on the facts.
func (f *Facts) Report() Report {
	// Errors before warnings before facts; within a severity, the
	// registry's order, which ranks causes by how much they explain.
	var bySeverity [Error + 1][]Finding
	for _, c := range registry {
		for _, fd := range c.Run(c, f) {
			fd, keep := f.in.Snippet.demote(&f.in, fd)
			if !keep {
				continue
			}
			bySeverity[fd.Severity] = append(bySeverity[fd.Severity], fd)
		}
	}
	findings := append(bySeverity[Error], bySeverity[Warning]...)
	findings = append(findings, bySeverity[Info]...)
	return Report{Findings: findings, Verdict: verdict(findings)}
}

// VerdictNothing is the verdict when no check has anything to say.
const VerdictNothing = "Nothing to diagnose yet: paste a key, an endpoint, or the error you got."

// verdict names the most likely cause in one sentence.
func verdict(findings []Finding) string {
	if len(findings) == 0 {
		return VerdictNothing
	}
	top := findings[0]
	switch top.Severity {
	case Info:
		for _, f := range findings {
			if f.ID == "response-ok" {
				return "No problem: the answer was a success, so the key works for this endpoint."
			}
		}
		return "No error found offline: key, endpoint and region agree. If calls still fail, send a test call or paste the error you get."
	case Warning:
		return "No certain cause; worth checking first: " + sentence(top.Message) + " (" + top.ID + ")."
	}
	v := "Most likely: " + sentence(top.Message) + " (" + top.ID + ")."
	if n := countSeverity(findings[1:], Error); n > 0 {
		v += fmt.Sprintf(" %d more error%s below.", n, plural(n))
	}
	return v
}

// sentence drops a message's final period and lower-cases its first word
// when that is an article or pronoun (never a product name), to embed it
// in the verdict.
func sentence(m string) string {
	m = strings.TrimSuffix(m, ".")
	first, _, _ := strings.Cut(m, " ")
	switch first {
	case "The", "A", "An", "This", "No", "Only":
		m = strings.ToLower(first) + m[len(first):]
	}
	return m
}

func countSeverity(fs []Finding, s Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == s {
			n++
		}
	}
	return n
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
