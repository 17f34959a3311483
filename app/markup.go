package app

import (
	"strings"

	"az401/diagnosis"
)

// Views that are pure functions of a value (a finding, a key summary, the
// cause list) are written as HTML: go-app makes one node of each, compares
// it as a string on every render, and replaces it only when it changed.
// Built element by element they cost the first finding most of its time.
// Every text that can come from the user's input goes through escape.

// escape quotes text for HTML, in element content and in double-quoted
// attribute values.
func escape(s string) string {
	if !strings.ContainsAny(s, `&<>"`) {
		return s
	}
	s = strings.ReplaceAll(s, "&", "&amp;")
	s = strings.ReplaceAll(s, "<", "&lt;")
	s = strings.ReplaceAll(s, ">", "&gt;")
	return strings.ReplaceAll(s, `"`, "&#34;")
}

// findingHTML draws one finding: title, message, evidence, fix steps and
// the link to its cause on the causes page.
func findingHTML(f diagnosis.Finding) string {
	sev := f.Severity.String()
	var b strings.Builder
	b.WriteString(`<div class="finding sev-` + sev + `" role="article" data-cause-id="` + escape(f.ID) +
		`" data-severity="` + sev + `"><p class="finding-title" role="heading" aria-level="3"><span class="badge sev-` +
		sev + `">` + sev + `</span><span>` + escape(f.Title) + `</span><span class="cause-id">` + escape(f.ID) +
		`</span></p><p>` + escape(f.Message) + `</p>`)
	if f.Evidence != "" {
		b.WriteString(`<p class="evidence"><span class="sr-only">Found in: </span>` + escape(f.Evidence) + `</p>`)
	}
	if f.Severity != diagnosis.Info {
		writeSteps(&b, f.Fix)
	}
	b.WriteString(`<a href="` + escape(diagnosis.DocsURL(f.ID)) + `">More about this cause</a></div>`)
	return b.String()
}

// writeSteps writes a fix as a numbered list of steps (one per line).
func writeSteps(b *strings.Builder, fix string) {
	b.WriteString(`<div class="steps" role="list" aria-label="Fix">`)
	for _, line := range strings.Split(fix, "\n") {
		b.WriteString(`<div role="listitem">` + escape(line) + `</div>`)
	}
	b.WriteString(`</div>`)
}

// keyCardHTML shows what the key is, and a new-format key's fields.
func keyCardHTML(ks diagnosis.KeySummary, segs []diagnosis.Segment) string {
	var b strings.Builder
	b.WriteString(`<div id="key-card" class="card"><h2>The key</h2><div class="keycard">`)
	for _, row := range [...][2]string{{"Format", ks.Format}, {"Service", ks.Service}, {"Created", ks.Created},
		{"Checksum", ks.Checksum}, {"Shown as", ks.Masked}} {
		if row[1] != "" {
			b.WriteString(`<div class="keycard-row" data-field="` + row[0] + `"><span class="muted">` + row[0] +
				`</span><span>` + escape(row[1]) + `</span></div>`)
		}
	}
	b.WriteString(`</div>`)
	writeAnatomy(&b, "key-anatomy", "Key fields", segs)
	b.WriteString(`</div>`)
	return b.String()
}

// endpointCardHTML draws the endpoint URL as labelled segments.
func endpointCardHTML(segs []diagnosis.Segment) string {
	var b strings.Builder
	b.WriteString(`<div id="endpoint-card" class="card"><h2>The endpoint</h2>`)
	writeAnatomy(&b, "endpoint-anatomy", "Endpoint parts", segs)
	b.WriteString(`</div>`)
	return b.String()
}

// writeAnatomy writes segments side by side, each marked by whether it
// agrees with the rest of the input.
func writeAnatomy(b *strings.Builder, id, label string, segs []diagnosis.Segment) {
	if len(segs) == 0 {
		return
	}
	b.WriteString(`<div id="` + id + `" class="anatomy" role="list" aria-label="` + label + `">`)
	for _, s := range segs {
		mark := s.Mark.String()
		b.WriteString(`<div class="seg mark-` + mark + `" role="listitem" data-mark="` + mark + `" title="` +
			escape(s.Label+": "+s.Note) + `"><span class="seg-label">` + escape(s.Label) + `</span><span class="seg-text">` +
			escape(s.Text) + `</span>`)
		if s.Note != "" {
			b.WriteString(`<span class="seg-note">` + escape(s.Note) + `</span>`)
		}
		b.WriteString(`</div>`)
	}
	b.WriteString(`</div>`)
}
