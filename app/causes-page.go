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

// OnNav sets the title and brings the cause the link names into view.
func (c *causesPage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle("az401: every cause of a 401, 403 or 404 from Azure AI services")
	id := ctx.Page().URL().Fragment
	ctx.Defer(func(ctx app.Context) { highlightCause(id) })
}

// highlightCause marks the cause a link names as the current one
// (aria-current; CSS :target draws it) and moves focus there, so
// keyboard and screen reader users start at it; any other cause loses
// the mark.
func highlightCause(id string) {
	doc := app.Window().Get("document")
	if old := doc.Call("querySelector", `.cause[aria-current]`); old.Truthy() {
		old.Call("removeAttribute", "aria-current")
	}
	el := app.Window().GetElementByID(id)
	if id == "" || !el.Truthy() {
		return
	}
	if el.Get("classList").Call("contains", "cause").Bool() {
		el.Call("setAttribute", "aria-current", "location")
		el.Call("setAttribute", "tabindex", "-1")
		el.Call("focus")
	}
	el.Call("scrollIntoView")
}

// causeAreas names each area the page groups causes by: its anchor and
// its heading.
var causeAreas = [...]struct{ anchor, title string }{
	diagnosis.AreaKey: {"key", "The key"}, diagnosis.AreaToken: {"token", "Tokens"},
	diagnosis.AreaEndpoint: {"endpoint", "Endpoint, region and headers"},
	diagnosis.AreaResponse: {"response", "What the service answered"},
	diagnosis.AreaProbe:    {"probe", "The test call"},
	diagnosis.AreaSnippet:  {"snippet", "What a pasted command, config or code shows"},
	diagnosis.AreaInput:    {"input", "Input"},
}

// Render draws the page. The list depends only on the registry, so it is
// written as HTML once (markup.go says why).
func (c *causesPage) Render() app.UI {
	if c.html == "" {
		c.html = causesHTML()
	}
	return shell("Every cause of a 401, 403 or 404 from Azure AI services",
		app.Div().Class("causes-tools").Body(
			app.A().Href("./").Text("← Back to the diagnosis").OnClick(c.onBack),
			app.Label().For("cause-filter").Text("Filter causes"),
			app.Input().ID("cause-filter").Type("search").Attr("autocomplete", "off").Placeholder("e.g. region, token, 403").
				OnInput(c.onFilter),
		),
		app.Raw(c.html))
}

// onBack returns to the diagnosis the user came from, so the form is as
// they left it; opened directly, the link goes to an empty diagnosis.
func (c *causesPage) onBack(ctx app.Context, e app.Event) {
	if app.Window().Get("history").Get("length").Int() > 1 && app.Window().Get("document").Get("referrer").String() != "" {
		e.PreventDefault()
		app.Window().Get("history").Call("back")
	}
}

// onFilter hides the causes whose text does not hold every typed word,
// and the areas left with none; when nothing matches it says so. It
// changes only the list's elements, so nothing is rendered.
func (c *causesPage) onFilter(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	words := strings.Fields(strings.ToLower(e.Get("target").Get("value").String()))
	doc := app.Window().Get("document")
	shown := 0
	sections := doc.Call("querySelectorAll", ".causes section")
	for i := 0; i < sections.Length(); i++ {
		section := sections.Index(i)
		list := section.Call("querySelectorAll", ".cause")
		left := 0
		for j := 0; j < list.Length(); j++ {
			el := list.Index(j)
			text := strings.ToLower(el.Get("textContent").String())
			hide := false
			for _, w := range words {
				hide = hide || !strings.Contains(text, w)
			}
			el.Set("hidden", hide)
			if !hide {
				left++
			}
		}
		section.Set("hidden", left == 0)
		shown += left
	}
	if none := doc.Call("getElementById", "no-cause"); none.Truthy() {
		none.Set("hidden", shown > 0)
	}
}

// causesHTML writes the table of contents, then every cause by area.
func causesHTML() string {
	var b strings.Builder
	b.WriteString(`<div class="causes"><p>Every cause az401 reports, with what it means and how to fix it. ` +
		`Errors alone explain a 401 or 403; warnings likely contribute; facts are decoded information.</p>` +
		`<nav aria-label="Areas"><ul class="toc">`)
	for _, area := range diagnosis.Areas {
		a := causeAreas[area]
		b.WriteString(`<li><a href="causes#area-` + a.anchor + `">` + escape(a.title) + `</a></li>`)
	}
	b.WriteString(`</ul></nav><p id="no-cause" class="note" role="status" hidden>No cause matches these words. ` +
		`Try fewer, or another word from the error (a code such as 401000, or a header name).</p>`)
	for _, area := range diagnosis.Areas {
		a := causeAreas[area]
		b.WriteString(`<section aria-labelledby="area-` + a.anchor + `"><h2 id="area-` + a.anchor + `">` + escape(a.title) + `</h2>`)
		for _, c := range diagnosis.All() {
			if c.Area == area {
				writeCause(&b, c)
			}
		}
		b.WriteString(`</section>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// writeCause writes one cause's section, at its anchor.
func writeCause(b *strings.Builder, c *diagnosis.Check) {
	sev := c.Severity.String()
	b.WriteString(`<article id="` + c.ID + `" class="cause" aria-labelledby="` + c.ID + `-title" data-cause-id="` + c.ID +
		`"><h3 class="finding-title" id="` + c.ID + `-title"><span class="badge sev-` + sev + `">` + severityWords[c.Severity] +
		`</span> ` + escape(c.Title) + `</h3><p class="cause-id">` + c.ID + `</p><p>` + escape(c.Doc) +
		`</p><p class="fix-title">Fix</p>`)
	writeSteps(b, c.Fix)
	b.WriteString(`<p class="muted">Sources: ` + escape(c.Sources) + ` (listed in docs/sources.md of az401's repository)</p></article>`)
}
