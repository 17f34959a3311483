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
// the link to its cause on the causes page, which names the cause. The
// top finding's steps are under "Do this first" (doFirstHTML).
func findingHTML(f diagnosis.Finding, top bool) string {
	sev := f.Severity.String()
	var b strings.Builder
	b.WriteString(`<div class="finding sev-` + sev + `" data-cause-id="` + escape(f.ID) +
		`" data-severity="` + sev + `"><h3 class="finding-title"><span class="badge sev-` +
		sev + `">` + severityWords[f.Severity] + `</span> <span>` + escape(f.Title) + `</span></h3><p>` + escape(f.Message) + `</p>`)
	if f.Evidence != "" {
		b.WriteString(`<p class="evidence"><span class="sr-only">Found in: </span>` + escape(f.Evidence) + `</p>`)
	}
	switch {
	case top:
		b.WriteString(`<p class="muted">The fix is above, under Do this first.</p>`)
	case f.Severity != diagnosis.Info:
		writeSteps(&b, f.Fix)
	}
	b.WriteString(`<a class="cause-link" href="` + escape(diagnosis.DocsURL(f.ID)) + `">More about this cause<span class="sr-only">: ` +
		escape(f.Title) + `</span> <span class="cause-id">` + escape(f.ID) + `</span></a></div>`)
	return b.String()
}

// severityWords are the badges' words.
var severityWords = [...]string{diagnosis.Error: "error", diagnosis.Warning: "check", diagnosis.Info: "fact"}

// doFirstHTML draws "Do this first": the top finding's fix steps, right
// under the verdict. A report with no error or warning has none.
func doFirstHTML(r diagnosis.Report) string {
	if len(r.Findings) == 0 || r.Findings[0].Severity == diagnosis.Info {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<div id="do-first" class="card do-first"><h2>Do this first</h2>`)
	writeSteps(&b, r.Findings[0].Fix)
	b.WriteString(`</div>`)
	return b.String()
}

// writeSteps writes a fix as a numbered list of steps (one per line).
func writeSteps(b *strings.Builder, fix string) {
	b.WriteString(`<ol class="steps">`)
	for _, line := range strings.Split(fix, "\n") {
		b.WriteString(`<li>` + escape(line) + `</li>`)
	}
	b.WriteString(`</ol>`)
}

// keyCardHTML shows what the key is, and a new-format key's fields; for
// a token, its decoded claims instead (writeClaims).
func keyCardHTML(ks diagnosis.KeySummary, segs []diagnosis.Segment, claims []diagnosis.Claim) string {
	var b strings.Builder
	title := "The key"
	if len(claims) > 0 {
		title = "The token"
	}
	b.WriteString(`<div id="key-card" class="card"><h2>` + title + `</h2><div class="keycard">`)
	for _, row := range [...][2]string{{"Format", ks.Format}, {"Service", ks.Service}, {"Created", ks.Created},
		{"Checksum", ks.Checksum}, {"Shown as", ks.Masked}} {
		if row[1] != "" {
			b.WriteString(`<div class="keycard-row" data-field="` + row[0] + `"><span class="muted">` + row[0] +
				`</span><span>` + escape(row[1]) + `</span></div>`)
		}
	}
	b.WriteString(`</div>`)
	writeAnatomy(&b, "key-anatomy", "Key fields", segs)
	writeClaims(&b, claims)
	b.WriteString(`</div>`)
	return b.String()
}

// claimParts are a token's parts as the claims card names them.
var claimParts = [...][2]string{{"header", "Header"}, {"payload", "Payload"}}

// writeClaims writes a token's claims the way jwt.io does, header then
// payload, each with what it means. The values are what the token says:
// decoded here, never sent; the signature is neither shown nor checked.
func writeClaims(b *strings.Builder, claims []diagnosis.Claim) {
	if len(claims) == 0 {
		return
	}
	b.WriteString(`<div id="token-claims" class="claims"><p class="muted">Decoded here, in this page: the token is not sent anywhere, ` +
		`and its signature is neither shown nor checked.</p>`)
	for _, part := range claimParts {
		started := false
		for _, c := range claims {
			if c.Part != part[0] {
				continue
			}
			if !started {
				b.WriteString(`<h3 class="claims-part">` + part[1] + `</h3><dl class="claims-list">`)
				started = true
			}
			class, problem := "claim", ""
			if c.Problem != "" {
				class, problem = "claim claim-bad", `<span class="claim-problem">Problem: `+escape(c.Problem)+`</span>`
			}
			b.WriteString(`<div class="` + class + `" data-claim="` + escape(c.Name) + `"><dt><code>` + escape(c.Name) + `</code></dt><dd><span class="claim-value">` +
				escape(c.Value) + `</span><span class="claim-meaning">` + escape(c.Meaning) + `</span>` + problem + `</dd></div>`)
		}
		if started {
			b.WriteString(`</dl>`)
		}
	}
	b.WriteString(`</div>`)
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
	b.WriteString(`<ul id="` + id + `" class="anatomy" aria-label="` + label + `">`)
	for _, s := range segs {
		mark := s.Mark.String()
		b.WriteString(`<li class="seg mark-` + mark + `" data-mark="` + mark + `"><span class="seg-label">` + escape(s.Label) + `</span><span class="seg-text">` +
			escape(s.Text) + `</span>`)
		if s.Note != "" {
			b.WriteString(`<span class="seg-note">` + escape(s.Note) + `</span>`)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ul>`)
}
