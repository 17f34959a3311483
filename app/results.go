package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// renderResults draws the verdict, the key card, the anatomy views and
// the findings grouped by severity; or, with nothing entered, the guide.
func (p *diagnosePage) renderResults() app.UI {
	if p.form.empty() {
		return app.Div().Body(
			app.P().ID("verdict").Class("verdict").Aria("live", "polite").DataSet("revision", p.revision).Text(p.report.Verdict),
			emptyState(),
			app.Div().ID("findings").Aria("live", "polite"),
		)
	}
	return app.Div().Body(
		app.P().ID("verdict").Class("verdict", "sev-"+verdictClass(p.report)).Aria("live", "polite").
			DataSet("revision", p.revision).Text(p.report.Verdict),
		p.renderKeyCard(),
		p.renderEndpointAnatomy(),
		app.Section().ID("findings").Aria("live", "polite").Aria("label", "Findings").Body(
			app.Range(severities).Slice(func(i int) app.UI { return p.renderGroup(severities[i]) }),
		),
	)
}

var severities = []diagnosis.Severity{diagnosis.Error, diagnosis.Warning, diagnosis.Info}

var groupTitles = map[diagnosis.Severity]string{diagnosis.Error: "Errors", diagnosis.Warning: "Warnings", diagnosis.Info: "Facts"}

func verdictClass(r diagnosis.Report) string {
	switch {
	case r.Has("response-ok"):
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
		app.Range(fs).Slice(func(i int) app.UI { return findingCard(fs[i]) }),
	)
}

// findingCard draws one finding: title, message, evidence, fix steps and
// the link to its cause on the causes page.
func findingCard(f diagnosis.Finding) app.UI {
	sev := f.Severity.String()
	return app.Article().Class("finding", "sev-"+sev).DataSet("cause-id", f.ID).DataSet("severity", sev).Body(
		app.H3().Body(
			app.Span().Class("badge", "sev-"+sev).Text(sev),
			app.Span().Text(f.Title),
			app.Span().Class("cause-id").Text(f.ID),
		),
		app.P().Text(f.Message),
		app.If(f.Evidence != "", func() app.UI {
			return app.P().Class("evidence").Body(app.Span().Class("sr-only").Text("Found in: "), app.Text(f.Evidence))
		}),
		app.If(f.Severity != diagnosis.Info, func() app.UI {
			steps := strings.Split(f.Fix, "\n")
			return app.Ol().Aria("label", "Fix").Body(
				app.Range(steps).Slice(func(i int) app.UI { return app.Li().Text(steps[i]) }),
			)
		}),
		app.A().Href(diagnosis.DocsURL(f.ID)).Text("More about this cause"),
	)
}

// renderKeyCard shows what the key is, and a new-format key's fields.
func (p *diagnosePage) renderKeyCard() app.UI {
	ks, ok := p.facts.Key()
	if !ok {
		return nil
	}
	return app.Div().ID("key-card").Class("card").Body(
		app.H2().Text("The key"),
		app.Dl().Class("keycard").Body(
			app.Dt().Text("Format"), app.Dd().Text(ks.Format),
			app.If(ks.Service != "", func() app.UI {
				return app.Div().Style("display", "contents").Body(
					app.Dt().Text("Service"), app.Dd().Text(ks.Service),
					app.Dt().Text("Created"), app.Dd().Text(ks.Created),
				)
			}),
			app.If(ks.Checksum != "", func() app.UI {
				return app.Div().Style("display", "contents").Body(app.Dt().Text("Checksum"), app.Dd().Text(ks.Checksum))
			}),
			app.Dt().Text("Shown as"), app.Dd().Class("mono").Text(ks.Masked),
		),
		anatomy("key-anatomy", "Key fields", p.facts.KeyAnatomy(p.report)),
	)
}

// renderEndpointAnatomy draws the endpoint URL as labelled segments.
func (p *diagnosePage) renderEndpointAnatomy() app.UI {
	segs := p.facts.EndpointAnatomy(p.report)
	if segs == nil {
		return nil
	}
	return app.Div().ID("endpoint-card").Class("card").Body(
		app.H2().Text("The endpoint"),
		anatomy("endpoint-anatomy", "Endpoint parts", segs),
	)
}

// anatomy draws segments side by side, each marked by whether it agrees
// with the rest of the input.
func anatomy(id, label string, segs []diagnosis.Segment) app.UI {
	if len(segs) == 0 {
		return nil
	}
	return app.Div().ID(id).Class("anatomy").Role("list").Aria("label", label).Body(
		app.Range(segs).Slice(func(i int) app.UI {
			s := segs[i]
			return app.Div().Class("seg", "mark-"+s.Mark.String()).Role("listitem").DataSet("mark", s.Mark.String()).
				Title(s.Label+": "+s.Note).Body(
				app.Span().Class("seg-label").Text(s.Label),
				app.Span().Class("seg-text").Text(s.Text),
				app.If(s.Note != "", func() app.UI { return app.Span().Class("seg-note").Text(s.Note) }),
			)
		}),
	)
}

// emptyState teaches what to paste and where to find it.
func emptyState() app.UI {
	return app.Div().Class("card", "empty").Body(
		app.H2().Text("Paste what you have; the diagnosis appears as you type"),
		app.Ol().Body(
			app.Li().Body(app.Text("In the "), app.A().Href("https://portal.azure.com/").Text("Azure portal"),
				app.Text(", open your AI resource, then "), app.Strong().Text("Resource Management → Keys and Endpoint"), app.Text(".")),
			app.Li().Body(app.Text("Copy "), app.Strong().Text("KEY 1"), app.Text(" into Key, and "),
				app.Strong().Text("Endpoint"), app.Text(" (or the URL your code calls) into Endpoint.")),
			app.Li().Body(app.Text("Copy "), app.Strong().Text("Location/Region"), app.Text(" from the same page into Region, and pick the API you call.")),
			app.Li().Body(app.Text("Got an error? Paste it under "), app.Em().Text("I have more"), app.Text(": the exact message narrows the cause.")),
		),
		app.P().Class("muted").Text("Everything runs here, offline, in WebAssembly: the key is decoded (format, service, month, checksum) but never sent, stored, logged or put in the share link."),
	)
}
