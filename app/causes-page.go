package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// causesPage lists every cause of the registry with its doc and fix; a
// finding's "more" link lands on its section (anchor = cause ID).
type causesPage struct {
	app.Compo
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
var causeAreas = []struct{ area, title string }{
	{"key", "The key"}, {"token", "Tokens"}, {"endpoint", "Endpoint, region and headers"},
	{"response", "What the service answered"}, {"probe", "The test call"}, {"snippet", "What a pasted command, config or code shows"}, {"input", "Input"},
}

func (c *causesPage) Render() app.UI {
	return shell(
		app.Div().Class("causes").Body(
			app.H1().Text("Causes"),
			app.P().Text("Every cause az401 reports, with what it means and how to fix it. "+
				"Errors alone explain a 401 or 403; warnings likely contribute; facts are decoded information."),
			app.Div().Class("toc").Role("list").Aria("label", "All causes").Body(
				app.Range(diagnosis.All()).Slice(func(i int) app.UI {
					ch := diagnosis.All()[i]
					return app.A().Role("listitem").Href("causes#" + ch.ID).Text(ch.ID)
				}),
			),
			app.Range(causeAreas).Slice(func(i int) app.UI {
				a := causeAreas[i]
				return app.Div().Body(
					app.H2().Text(a.title),
					app.Range(checksIn(a.area)).Slice(func(j int) app.UI { return causeSection(checksIn(a.area)[j]) }),
				)
			}),
		),
	)
}

// checksIn returns the checks of one area, in registry order.
func checksIn(area string) []*diagnosis.Check {
	var out []*diagnosis.Check
	for _, c := range diagnosis.All() {
		if c.Area() == area {
			out = append(out, c)
		}
	}
	return out
}

// causeSection draws one cause.
func causeSection(c *diagnosis.Check) app.UI {
	sev := c.Severity.String()
	return app.Div().ID(c.ID).Class("cause").Role("region").Aria("label", c.ID).DataSet("cause-id", c.ID).Body(
		app.P().Class("finding-title").Role("heading").Aria("level", 2).Body(app.Span().Class("badge", "sev-"+sev).Text(sev),
			app.Text(" "+c.Title), app.Span().Class("cause-id").Text(" "+c.ID)),
		app.P().Text(c.Doc),
		app.P().Class("fix-title").Text("Fix"),
		steps(c.Fix),
		app.P().Class("muted").Text("Sources: "+c.Sources+" (fact sheet)"),
	)
}
