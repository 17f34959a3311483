package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// exposed says why another page can reach this one, or "" when none
// can. A page that frames az401 could overlay it or watch what is typed,
// and a page of the same origin (another project site of the same
// GitHub account) that frames it, or opened it with window.open, could
// read the key field outright. A meta tag cannot refuse framing
// (frame-ancestors works only as a header) and nothing refuses an
// opener, so the page turns its form off instead.
func exposed() string {
	if !app.IsClient {
		return ""
	}
	w := app.Window()
	switch {
	case !w.Get("top").Equal(w.Get("self")):
		return "This page is shown inside another site's frame. That site could watch or cover what you type, so the key form is off here."
	case w.Get("opener").Truthy():
		return "This page was opened by a script of another page, which can still reach it and could read what you type, " +
			"so the key form is off here."
	}
	return ""
}

// ownURL is the page's address without query or fragment: the link that
// opens it on its own.
func ownURL() string {
	u := *app.Window().URL()
	u.RawQuery, u.Fragment, u.RawFragment = "", "", ""
	return u.String()
}

// framedNotice replaces the key form when another page can reach this
// one (exposed says why).
func framedNotice(own, why string) app.UI {
	return app.Div().ID("framed").Class("card").Role("alert").Body(
		app.H2().Text("Open az401 on its own"),
		app.P().Text(why),
		app.A().ID("open-alone").Href(own).Target("_blank").Rel("noopener noreferrer").Text("Open az401 in its own tab"),
	)
}
