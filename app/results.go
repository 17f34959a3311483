package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// renderResults draws the verdict, the key card, the anatomy views and
// the findings grouped by severity; or, with nothing entered, the guide.
func (p *diagnosePage) renderResults() app.UI {
	if p.form.empty() && p.snippet == nil {
		return app.Div().Body(
			app.P().ID("verdict").Class("verdict").Aria("live", "polite").DataSet("revision", p.revision).Text(p.report.Verdict),
			emptyState(),
			app.Div().ID("findings").Aria("live", "polite"),
		)
	}
	return app.Div().Body(
		app.P().ID("verdict").Class("verdict", "sev-"+verdictClass(p.report)).Aria("live", "polite").
			DataSet("revision", p.revision).DataSet("diagnosis-us", p.took.Microseconds()).Text(p.report.Verdict),
		p.renderKeyCard(),
		p.renderEndpointAnatomy(),
		app.Div().ID("findings").Role("region").Aria("live", "polite").Aria("label", "Findings").Body(
			app.Range(severities).Slice(func(i int) app.UI { return p.renderGroup(severities[i]) }),
		),
		p.renderCall(),
	)
}

var severities = []diagnosis.Severity{diagnosis.Error, diagnosis.Warning, diagnosis.Info}

var groupTitles = [...]string{diagnosis.Error: "Errors", diagnosis.Warning: "Warnings", diagnosis.Info: "Facts"}

func verdictClass(r diagnosis.Report) string {
	switch {
	case r.Succeeded():
		return "ok"
	case len(r.Findings) == 0:
		return "info"
	}
	return r.Worst().String()
}

// renderGroup draws the findings of one severity.
func (p *diagnosePage) renderGroup(s diagnosis.Severity) app.UI {
	var fs []diagnosis.Finding
	for _, f := range p.report.Findings {
		if f.Severity == s {
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		return nil
	}
	return app.Div().Body(
		app.H2().Class("group-title").Text(groupTitles[s]),
		app.Range(fs).Slice(func(i int) app.UI { return app.Raw(findingHTML(fs[i])) }),
	)
}

// renderKeyCard shows what the key is, and a new-format key's fields.
func (p *diagnosePage) renderKeyCard() app.UI {
	ks, ok := p.facts.Key()
	if !ok {
		return nil
	}
	return app.Raw(keyCardHTML(ks, p.facts.KeyAnatomy(p.report)))
}

// renderEndpointAnatomy draws the endpoint URL as labelled segments.
func (p *diagnosePage) renderEndpointAnatomy() app.UI {
	segs := p.facts.EndpointAnatomy(p.report)
	if len(segs) == 0 {
		return nil
	}
	return app.Raw(endpointCardHTML(segs))
}

// emptyState teaches what to paste and where to find it. Static text,
// so it is written as HTML rather than built element by element.
func emptyState() app.UI {
	return app.Raw(`<div class="card empty">
<h2>Paste what you have; the diagnosis appears as you type</h2>
<ol>
<li>In the <a href="https://portal.azure.com/">Azure portal</a>, open your AI resource, then <b>Resource Management → Keys and Endpoint</b>.</li>
<li>Copy <b>KEY 1</b> into Key, and <b>Endpoint</b> (or the URL your code calls) into Endpoint.</li>
<li>Copy <b>Location/Region</b> from the same page into Region, and pick the API you call.</li>
<li>Got an error? Paste it under <i>I have more</i>: the exact message narrows the cause.</li>
</ol>
<p class="muted">Everything runs here, offline, in WebAssembly: the key is decoded (format, service, month, checksum) but never sent, stored, logged or put in the share link.</p>
</div>`)
}
