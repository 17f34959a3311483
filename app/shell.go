package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// shell is the frame every page shares: the top bar with navigation and
// the footer. Links are relative so they keep a sub-path (GitHub Pages).
type shell struct {
	app.Compo
	Ibody   []app.UI
	mounted bool
}

func newShell() *shell { return &shell{} }

// Body sets the page content.
func (s *shell) Body(elems ...app.UI) *shell {
	s.Ibody = app.FilterUIElems(elems...)
	return s
}

// OnMount adds the #ready marker: WebAssembly runs and the page is live
// (tests and users' scripts wait for it).
func (s *shell) OnMount(ctx app.Context) { s.mounted = true }

func (s *shell) Render() app.UI {
	return app.Div().Class("shell").Body(
		app.Header().Class("topbar").Body(
			app.A().Class("brand").Href("./").Body(app.Text("az"), app.Span().Text("401")),
			app.P().Class("tagline").Text("Why does my Azure AI key get 401? Answered offline, in your browser."),
			app.Nav().Aria("label", "Pages").Body(
				app.A().Href("./").Text("Diagnose"),
				app.A().Href("causes").Text("All causes"),
			),
		),
		app.Main().Body(s.Ibody...),
		app.Footer().Body(
			app.Text("az401 runs entirely in this page: the key is never sent, stored or logged. "+
				"The same diagnosis runs in a terminal: az401 diagnose."),
		),
		app.If(s.mounted, func() app.UI { return app.Span().ID("ready").Hidden(true) }),
	)
}
