package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// shell is the frame every page shares: the top bar with navigation and
// the footer. Links are relative so they keep a sub-path (GitHub Pages).
type shell struct {
	app.Compo
	Ibody []app.UI
}

func newShell() *shell { return &shell{} }

// Body sets the page content.
func (s *shell) Body(elems ...app.UI) *shell {
	s.Ibody = app.FilterUIElems(elems...)
	return s
}

func (s *shell) Render() app.UI {
	return app.Div().Class("shell").Body(
		app.Div().Class("topbar").Role("banner").Body(
			app.A().Class("brand").Href("./").Body(app.Text("az"), app.Span().Text("401")),
			app.P().Class("tagline").Text("Why does my Azure AI key get 401? Answered offline, in your browser."),
			app.Div().Class("nav").Role("navigation").Aria("label", "Pages").Body(
				app.A().Href("./").Text("Diagnose"),
				app.A().Href("causes").Text("All causes"),
			),
		),
		app.Div().Role("main").Body(s.Ibody...),
		app.P().Class("footer").Role("contentinfo").Text("az401 runs entirely in this page: the key is never sent, stored or logged. "+
			"The same diagnosis runs in a terminal: az401 diagnose."),
		&readyMarker{},
	)
}

// readyMarker adds the #ready element once WebAssembly has mounted the
// page (tests and users' scripts wait for it). It is its own component
// so that mounting re-renders only itself.
type readyMarker struct {
	app.Compo
	mounted bool
}

func (r *readyMarker) OnMount(ctx app.Context) { r.mounted = true }

func (r *readyMarker) Render() app.UI {
	if !r.mounted {
		return app.Span().Hidden(true)
	}
	return app.Span().ID("ready").Hidden(true)
}
