package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Register registers the page's routes; call it before
// app.RunWhenOnBrowser and before building a handler.
func Register() {
	app.Route("/", newDiagnosePage)
	app.Route("/causes", newCausesPage)
	if app.IsClient {
		// Under a sub-path the client sees /REPO/index.html as
		// /index.html (go-app strips only GOAPP_ROOT_PREFIX from the
		// path). Registered on the client only, or the static
		// generator would write index.html twice.
		app.Route("/index.html", newDiagnosePage)
		app.Route("/causes.html", newCausesPage)
	}
}
