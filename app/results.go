package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// renderResults draws the answer first: the verdict, "Do this first"
// (the top finding's fix), the findings, then the key and endpoint
// cards and the test call; or, with nothing entered, the guide. Only
// #verdict-live is a live region, written once typing pauses.
func (p *diagnosePage) renderResults() app.UI {
	live := app.P().ID("verdict-live").Class("sr-only").Role("status").Aria("live", "polite")
	if p.form.empty() && p.snippet == nil {
		return app.Div().ID("answer").Body(
			app.P().ID("verdict").Class("verdict").DataSet("revision", p.revision).Text(p.report.Verdict),
			live,
			emptyState(),
			app.Div().ID("findings"),
		)
	}
	keyCard := p.renderKeyCard()
	return app.Div().ID("answer").Body(
		app.P().ID("verdict").Class("verdict", "sev-"+verdictClass(p.report)).TabIndex(-1).
			DataSet("revision", p.revision).DataSet("diagnosis-us", p.took.Microseconds()).Text(p.report.Verdict),
		live,
		app.If(p.report.Missing != "", func() app.UI { return app.P().ID("missing").Class("muted").Text(p.report.Missing) }),
		app.Raw(doFirstHTML(p.report)),
		app.Div().ID("findings").Role("region").Aria("label", "Findings").Body(
			app.Range(severities).Slice(func(i int) app.UI { return p.renderGroup(severities[i], keyCard != nil) }),
		),
		keyCard,
		p.renderEndpointAnatomy(),
		p.renderCall(),
	)
}

// renderStrip draws, on narrow screens, the verdict in short right under
// the inputs, with a way to the full answer (CSS hides it on wide ones).
func (p *diagnosePage) renderStrip() app.UI {
	if p.form.empty() && p.snippet == nil {
		return nil
	}
	return app.Button().ID("verdict-strip").Type("button").Class("strip", "sev-"+verdictClass(p.report)).Body(
		app.Span().Class("strip-text").Text(p.report.Verdict),
		app.Span().Class("strip-go").Text("See the full answer"),
	).OnClick(p.onGoToAnswer)
}

// onGoToAnswer brings the verdict into view and focus: the phone strip's
// link, and the keyboard's way past the form.
func (p *diagnosePage) onGoToAnswer(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	v := app.Window().GetElementByID("verdict")
	v.Call("scrollIntoView")
	v.Call("focus")
}

var severities = []diagnosis.Severity{diagnosis.Error, diagnosis.Warning, diagnosis.Info}

var groupTitles = [...]string{diagnosis.Error: "Errors", diagnosis.Warning: "Worth checking", diagnosis.Info: "Facts"}

func verdictClass(r diagnosis.Report) string {
	switch {
	case r.Succeeded():
		return "ok"
	case len(r.Findings) == 0:
		return "info"
	}
	return r.Worst().String()
}

// renderGroup draws the findings of one severity. The top finding's fix
// is under "Do this first", and a fact the key card shows is not said
// again.
func (p *diagnosePage) renderGroup(s diagnosis.Severity, keyCard bool) app.UI {
	var fs []diagnosis.Finding
	said := "" // hooks for findings the key card says (tests and scripts still see them)
	for _, f := range p.report.Findings {
		switch {
		case f.Severity != s:
		case keyCard && f.InKeyCard():
			said += `<span hidden data-cause-id="` + escape(f.ID) + `" data-severity="` + s.String() + `" data-shown-in="key-card"></span>`
		default:
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		if said != "" {
			return app.Raw(`<div>` + said + `</div>`)
		}
		return nil
	}
	top := p.report.Findings[0]
	return app.Div().Body(
		app.H2().Class("group-title").Text(groupTitles[s]),
		app.Range(fs).Slice(func(i int) app.UI {
			return app.Raw(findingHTML(fs[i], fs[i].ID == top.ID && top.Severity != diagnosis.Info))
		}),
		app.If(said != "", func() app.UI { return app.Raw(`<div>` + said + `</div>`) }),
	)
}

// renderKeyCard shows what the key is, and a new-format key's fields or
// a token's claims, with times relative to the diagnosis.
func (p *diagnosePage) renderKeyCard() app.UI {
	ks, ok := p.facts.Key()
	if !ok {
		return nil
	}
	return app.Raw(keyCardHTML(ks, p.facts.KeyAnatomy(p.report), p.facts.TokenClaims()))
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
<li>Got an error? Paste it into <i>The error you got</i>, or paste the whole command or code into the box at the top: the exact message narrows the cause.</li>
</ol>
<p class="muted">Everything runs here, offline, in WebAssembly: the key is decoded (format, service, month, checksum) but never sent, stored, logged or put in the share link.</p>
</div>`)
}
