package diagnosis

// Diagnose runs every check on the input and returns the findings, most
// likely cause first, with a verdict. It never panics on any input.
func Diagnose(in Input) Report { return Analyse(in).Report() }

// Report runs every check on the facts.
func (f *Facts) Report() Report {
	// Errors before warnings before facts; within a severity, the
	// registry's order, which ranks causes by how much they explain.
	var bySeverity [Error + 1][]Finding
	for _, c := range registry {
		if f.in.KeyTyping && c.waitsForWholeKey() {
			continue
		}
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
	return Report{Findings: findings, Verdict: verdict(f, findings)}
}

// waitsForWholeKey reports whether the check judges the key's format,
// which a key typed halfway always fails.
func (c *Check) waitsForWholeKey() bool { return c == keyMalformed || c == keyChecksumMismatch }

// InKeyCard reports whether the finding only says what the key card
// shows (the decoded key), so a page showing the card can omit it.
func (f Finding) InKeyCard() bool { return f.ID == keyDecoded.ID }
