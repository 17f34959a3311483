package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// causesPage lists every cause of the registry with its doc and fix; a
// finding's "more" link lands on its section (anchor = cause ID).
type causesPage struct {
	app.Compo
	html string // the list, written once
}

func newCausesPage() app.Composer { return &causesPage{} }

// OnNav sets the title and scrolls to the cause the link names.
func (c *causesPage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle("az401: every cause of a 401, 403 or 404 from Azure AI services")
	if id := ctx.Page().URL().Fragment; id != "" {
		ctx.Defer(func(ctx app.Context) { ctx.ScrollTo(id) })
	}
}

// causeAreas orders the areas the page groups causes by.
var causeAreas = [...]string{
	diagnosis.AreaKey: "The key", diagnosis.AreaToken: "Tokens", diagnosis.AreaEndpoint: "Endpoint, region and headers",
	diagnosis.AreaResponse: "What the service answered", diagnosis.AreaProbe: "The test call",
	diagnosis.AreaSnippet: "What a pasted command, config or code shows", diagnosis.AreaInput: "Input",
}

// Render draws the page. The list depends only on the registry, so it is
// written as HTML once (markup.go says why).
func (c *causesPage) Render() app.UI {
	if c.html == "" {
		c.html = causesHTML()
	}
	return shell(app.Raw(c.html))
}

// causesHTML writes the table of contents, then every cause by area.
func causesHTML() string {
	var b strings.Builder
	b.WriteString(`<div class="causes"><h1>Causes</h1><p>Every cause az401 reports, with what it means and how to fix it. ` +
		`Errors alone explain a 401 or 403; warnings likely contribute; facts are decoded information.</p>` +
		`<div class="toc" role="list" aria-label="All causes">`)
	for _, c := range diagnosis.All() {
		b.WriteString(`<a role="listitem" href="causes#` + c.ID + `">` + c.ID + `</a>`)
	}
	b.WriteString(`</div>`)
	for _, a := range diagnosis.Areas {
		b.WriteString(`<div><h2>` + escape(causeAreas[a]) + `</h2>`)
		for _, c := range diagnosis.All() {
			if c.Area == a {
				writeCause(&b, c)
			}
		}
		b.WriteString(`</div>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// writeCause writes one cause's section, at its anchor.
func writeCause(b *strings.Builder, c *diagnosis.Check) {
	sev := c.Severity.String()
	b.WriteString(`<div id="` + c.ID + `" class="cause" role="region" aria-label="` + c.ID + `" data-cause-id="` + c.ID +
		`"><p class="finding-title" role="heading" aria-level="2"><span class="badge sev-` + sev + `">` + sev +
		`</span> ` + escape(c.Title) + `<span class="cause-id"> ` + c.ID + `</span></p><p>` + escape(c.Doc) +
		`</p><p class="fix-title">Fix</p>`)
	writeSteps(b, c.Fix)
	b.WriteString(`<p class="muted">Sources: ` + escape(c.Sources) + ` (fact sheet)</p></div>`)
}
