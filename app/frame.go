package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// framed reports whether the page runs inside a frame. A page that
// frames az401 could overlay it or watch what is typed, and a page of
// the same origin (another project site of the same GitHub account)
// could read the key field outright; a meta tag cannot refuse framing
// (frame-ancestors works only as a header), so the page refuses it.
func framed() bool {
	if !app.IsClient {
		return false
	}
	w := app.Window()
	return !w.Get("top").Equal(w.Get("self"))
}

// ownURL is the page's address without query or fragment: the link that
// opens it on its own.
func ownURL() string {
	u := *app.Window().URL()
	u.RawQuery, u.Fragment, u.RawFragment = "", "", ""
	return u.String()
}

// framedNotice replaces the key form when the page is framed.
func framedNotice(own string) app.UI {
	return app.Div().ID("framed").Class("card").Role("alert").Body(
		app.H2().Text("Open az401 on its own"),
		app.P().Text("This page is shown inside another site's frame. That site could watch or cover what you type, "+
			"so the key form is off here."),
		app.A().ID("open-alone").Href(own).Target("_blank").Rel("noopener noreferrer").Text("Open az401 in its own tab"),
	)
}
