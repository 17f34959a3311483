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

// shellTop and shellFoot are static, so they are written as HTML rather
// than built element by element. Links are relative: they keep the
// sub-path of a GitHub Pages site.
const (
	shellTop = `<div class="topbar" role="banner"><a class="brand" href="./">az<span>401</span></a>` +
		`<p class="tagline">Why does my Azure AI key get 401? Answered offline, in your browser.</p>` +
		`<div class="nav" role="navigation" aria-label="Pages"><a href="./">Diagnose</a><a href="causes">All causes</a></div></div>`
	shellFoot = `<p class="footer" role="contentinfo">az401 runs entirely in this page: the key is never sent, stored or ` +
		`logged, except in a test call you send. The same diagnosis runs in a terminal: az401 diagnose.</p>`
)

func (s *shell) Render() app.UI {
	return app.Div().Class("shell").Body(
		app.Raw(shellTop),
		app.Div().Role("main").Body(s.Ibody...),
		app.Raw(shellFoot),
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
