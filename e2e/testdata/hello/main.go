// Command hello is a bare go-app page (one component, one input), the
// floor that the budgets compare az401's page with. Built natively it
// writes its static site: hello -out DIR -prefix /REPO (generate.go,
// left out of the WebAssembly build so the floor is go-app alone).
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct {
	app.Compo
	name string
}

// OnMount marks the page mounted as az401's page does (app/shell.go):
// the id is set on the element at once, not by a re-render.
func (h *hello) OnMount(ctx app.Context) {
	ctx.JSSrc().Get("lastElementChild").Set("id", "ready")
}

func (h *hello) Render() app.UI {
	return app.Div().Body(
		app.Input().ID("name").Value(h.name).OnInput(h.ValueTo(&h.name)),
		app.P().Text("Hello, "+h.name),
		app.Span(),
	)
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
	generate()
}
