package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// shell returns the frame every page shares around its content: the top
// bar with the page's title (its h1, static HTML) and navigation, and
// the footer. It is a function, not a
// component: go-app compares a component's fields on every render, and
// this one's would be the whole page.
func shell(title string, body ...app.UI) app.UI {
	return app.Div().Class("shell").Body(
		app.Raw(shellBrand+`<h1 class="tagline">`+title+`</h1>`+shellNav),
		app.Div().Role("main").Body(body...),
		app.Raw(shellFoot),
		&readyMarker{},
	)
}

// shellBrand, shellNav and shellFoot are static, so they are written as HTML rather
// than built element by element. Links are relative: they keep the
// sub-path of a GitHub Pages site.
const (
	shellBrand = `<div class="topbar" role="banner"><a class="brand" href="./" aria-label="az401 home">az<span>401</span></a>`
	shellNav   = `<div class="nav" role="navigation" aria-label="Pages"><a href="./">Diagnose</a><a href="causes">All causes</a></div></div>`
	shellFoot  = `<p class="footer" role="contentinfo">az401 runs entirely in this page: the key is never sent, stored or ` +
		`logged, except in a test call you send. The same diagnosis runs in a terminal: az401 diagnose.</p>`
)

// readyMarker marks the page ready once WebAssembly has mounted it: its
// span gets the id "ready" (tests and users' scripts wait for it), and
// the window gets an "az401-ready" event (web/loader.js then registers
// the service worker). Both are set on the element from OnMount, the
// moment go-app reports the page mounted, rather than by a re-render,
// which would wait for go-app's next frame; and nothing is rendered
// again for it.
type readyMarker struct{ app.Compo }

func (r *readyMarker) OnMount(ctx app.Context) {
	ctx.JSSrc().Set("id", "ready")
	app.Window().Call("dispatchEvent", app.Window().Get("Event").New("az401-ready"))
	ctx.PreventUpdate()
}

func (r *readyMarker) Render() app.UI { return app.Span().Hidden(true) }
