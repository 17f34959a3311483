package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Register registers the page's routes; call it before
// app.RunWhenOnBrowser and before building a handler.
func Register() {
	app.Route("/", diagnoseRoute)
	app.Route("/causes", newCausesPage)
	if app.IsClient {
		// Under a sub-path the client sees /REPO/index.html as
		// /index.html (go-app strips only GOAPP_ROOT_PREFIX from the
		// path). Registered on the client only, or the static
		// generator would write index.html twice.
		app.Route("/index.html", diagnoseRoute)
		app.Route("/causes.html", newCausesPage)
	}
}

// visitPage is the browser's one diagnosis page (diagnoseRoute).
var visitPage app.Composer

// diagnoseRoute returns the diagnosis page. In the browser it is one
// page for the whole visit: going to the causes page and back (its link
// or the browser's back button) finds the form as the user left it, the
// key included, which stays in this memory only. go-app would otherwise
// make a new, empty page on each navigation.
func diagnoseRoute() app.Composer {
	if !app.IsClient {
		return newDiagnosePage()
	}
	if visitPage == nil {
		visitPage = newDiagnosePage()
	}
	return visitPage
}
