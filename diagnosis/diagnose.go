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
		if f.in.KeyTyping && c.waitsForWholeKey() || f.in.RegionTyping && c == regionMalformed {
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
	for i := range findings {
		findings[i] = f.scrubFinding(findings[i])
	}
	return Report{Findings: findings, Verdict: f.scrub.Scrub(verdict(f, findings)), Missing: missing(f, findings)}
}

// missing says which inputs a diagnosis that found a cause still lacks:
// an error pasted alone is explained, but its key and endpoint would be
// checked too. The all-clear verdict says it itself (allClear).
func missing(f *Facts, findings []Finding) string {
	if len(findings) == 0 || findings[0].Severity == Info || f.blank() {
		return ""
	}
	gs := f.gaps()
	if len(gs) == 0 {
		return ""
	}
	whats := make([]string, len(gs))
	for i, g := range gs {
		whats[i] = g.what
	}
	return "Not given yet: " + joinAnd(whats) + ". Fill in what you have: the diagnosis then checks more."
}

// scrubFinding masks the key and anything shaped like a secret in the
// texts of a finding: whatever input a check quotes, output never shows
// more of a key than Mask does.
func (f *Facts) scrubFinding(fd Finding) Finding {
	fd.Message, fd.Evidence, fd.Fix = f.scrub.Scrub(fd.Message), f.scrub.Scrub(fd.Evidence), f.scrub.Scrub(fd.Fix)
	return fd
}

// waitsForWholeKey reports whether the check judges the key's format,
// which a key typed halfway always fails.
func (c *Check) waitsForWholeKey() bool { return c == keyMalformed || c == keyChecksumMismatch }

// InKeyCard reports whether the finding only says what the key card
// shows (the decoded key), so a page showing the card can omit it.
func (f Finding) InKeyCard() bool { return f.ID == keyDecoded.ID }
