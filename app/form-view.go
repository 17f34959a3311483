package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// renderForm draws the form card: the paste box, the fields (markup
// written once, see form-markup.go) and the share row.
func (p *diagnosePage) renderForm() app.UI {
	// Pre-rendered, the form already takes input: the live page keeps
	// what was typed meanwhile (keepEarlyInput).
	fields := app.Div().Class("fields")
	if p.markup == "" || app.IsServer {
		p.markup = p.fieldsMarkup()
	}
	return app.Div().Class("card").Role("form").Aria("label", "What you have").Body(
		// Seen on keyboard focus only: past some twenty fields at once.
		app.Button().ID("skip-to-answer").Type("button").Class("skip").Text("Skip to the answer").OnClick(p.onGoToAnswer),
		app.H2().Text("What you have"),
		fields.Body(
			p.renderPaste(),
			app.Div().OnInput(p.onFieldEvent).OnChange(p.onFieldEvent).OnClick(p.onFieldClick).
				On("focusin", p.onFieldFocus).On("focusout", p.onFieldBlur).Body(app.Raw(p.markup)),
			p.renderStrip(),
			app.Div().Class("share-row").Body(
				app.Button().ID("share").Type("button").Class(pick(p.form.empty(), "secondary", "primary")).
					Text("Copy share link").OnClick(p.onShare),
				app.Span().Class("muted").Text(p.copyNote),
			),
			app.If(p.shareLink != "", func() app.UI {
				return app.Input().ID("share-link").ReadOnly(true).Aria("label", "Share link").Value(p.shareLink)
			}),
		),
	)
}

// fieldIDs are the ids of the form's text inputs and selects.
var fieldIDs = [...]string{"kind", "endpoint", "region", "key", "header", "region-header", "status", "response",
	"key-age", "trial-started"}

// field returns the form field the input or select with this id edits,
// or nil.
func (p *diagnosePage) field(id string) *string {
	f := &p.form
	switch id {
	case "kind":
		return &f.Kind
	case "endpoint":
		return &f.Endpoint
	case "region":
		return &f.Region
	case "key":
		return &f.Key
	case "header":
		return &f.Header
	case "region-header":
		return &f.RegionHeader
	case "status":
		return &f.Status
	case "response":
		return &f.Response
	case "key-age":
		return &f.KeyAge
	case "trial-started":
		return &f.TrialStarted
	}
	return nil
}

// onFieldEvent takes an input or change event from any field. A select
// or a checkbox fires both, and a text input fires change on blur; an
// event that changes nothing is dropped, without a render.
func (p *diagnosePage) onFieldEvent(ctx app.Context, e app.Event) {
	t := e.Get("target")
	id := t.Get("id").String()
	switch id {
	case "regenerated":
		if v := t.Get("checked").Bool(); v != p.form.Regenerated {
			p.change(ctx, func() { p.form.Regenerated = v })
			return
		}
	case "region-header-sent":
		if p.onRegionHeaderChoice(ctx, t.Get("value").String()) {
			return
		}
	case "key":
		typing := keyTyping(e, t.Get("value").String())
		if v := t.Get("value").String(); v != p.form.Key || typing != p.keyTyping {
			p.change(ctx, func() { p.form.Key, p.keyTyping = v, typing })
			return
		}
	case "region":
		typing := typed(e)
		if v := t.Get("value").String(); v != p.form.Region || typing != p.regionTyping {
			p.change(ctx, func() { p.form.Region, p.regionTyping = v, typing })
			return
		}
	default:
		if field := p.field(id); field != nil {
			if v := t.Get("value").String(); v != *field {
				p.change(ctx, func() { *field = v })
				return
			}
		}
	}
	ctx.PreventUpdate()
}

// keyTyping says whether the key field's event leaves the key halfway
// typed: its format is judged after a paste, on leaving the field, or
// once it has a full key's length (32 or 84 characters).
func keyTyping(e app.Event, v string) bool {
	n := len(strings.TrimSpace(v))
	return typed(e) && n != 0 && n != 32 && n != 84
}

// typed says whether a field's event is a keystroke: the value may be
// halfway typed. A paste, a drop, a pick from the suggestions, a script
// or leaving the field (change) give a whole value.
func typed(e app.Event) bool {
	if e.Get("type").String() != "input" {
		return false
	}
	switch e.Get("inputType").String() {
	case "insertText", "insertCompositionText", "deleteContentBackward", "deleteContentForward":
		return true
	}
	return false
}

// onRegionHeaderChoice applies the region-header choice: don't know,
// not sent ("-"), or sent with the value typed beside it. It reports
// whether the form changed.
func (p *diagnosePage) onRegionHeaderChoice(ctx app.Context, mode string) bool {
	if mode == regionHeaderMode(p.form.RegionHeader, p.regionHeaderSent) {
		return false
	}
	p.regionHeaderSent = mode == "sent"
	v := mode
	if p.regionHeaderSent {
		v = app.Window().GetElementByID("region-header").Get("value").String()
		ctx.Defer(func(app.Context) { app.Window().GetElementByID("region-header").Call("focus") })
	}
	p.change(ctx, func() { p.form.RegionHeader = v })
	p.syncForm()
	return true
}

// onFieldClick runs the form's two toggles: show the key, and the "I have
// more" section. Both only change the fields' markup, so the page is not
// rendered again.
func (p *diagnosePage) onFieldClick(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	switch e.Get("target").Get("id").String() {
	case "key-toggle":
		p.showKey = !p.showKey
	case "more-toggle":
		p.moreOpen = !p.moreOpen
	default: // a click into a field
		return
	}
	p.syncForm()
}

// onFieldFocus writes the region suggestions the first time the region
// field gets focus.
func (p *diagnosePage) onFieldFocus(ctx app.Context, e app.Event) {
	if !p.regionsShown && e.Get("target").Get("id").String() == "region" {
		p.regionsShown = true
		app.Window().GetElementByID("region-list").Set("innerHTML", regionOptions())
	}
	ctx.PreventUpdate()
}

// onFieldBlur judges a region left halfway typed: leaving the field
// fires no change event when its value is back to what it was.
func (p *diagnosePage) onFieldBlur(ctx app.Context, e app.Event) {
	if p.regionTyping && e.Get("target").Get("id").String() == "region" {
		p.change(ctx, func() { p.regionTyping = false })
		return
	}
	ctx.PreventUpdate()
}

// syncForm writes the form's state to the fields after Go changed it (a
// paste, a link to the open page, a toggle): they are markup written
// once. Values are set as DOM properties, so the key never becomes an
// attribute.
func (p *diagnosePage) syncForm() {
	if !app.IsClient {
		return
	}
	doc := app.Window()
	for _, id := range fieldIDs {
		v := *p.field(id)
		if el := doc.GetElementByID(id); el.Truthy() && el.Get("value").String() != v {
			el.Set("value", v)
		}
	}
	set := func(id, prop string, v any) {
		if el := doc.GetElementByID(id); el.Truthy() {
			el.Set(prop, v)
		}
	}
	set("regenerated", "checked", p.form.Regenerated)
	set("key", "type", pick(p.showKey, "text", "password"))
	mode := regionHeaderMode(p.form.RegionHeader, p.regionHeaderSent)
	set("region-header-sent", "value", mode)
	set("region-header", "hidden", mode != "sent")
	if p.form.RegionHeader == diagnosis.NoRegionHeader {
		set("region-header", "value", "")
	}
	set("key-toggle", "textContent", pick(p.showKey, "Hide key", "Show key"))
	set("key-toggle", "ariaPressed", pick(p.showKey, "true", "false"))
	set("more-toggle", "ariaExpanded", pick(p.moreOpen, "true", "false"))
	set("more", "hidden", !p.moreOpen)
}

// label returns a field's label, with a hint under it when given.
func label(id, text, hint string) app.UI {
	l := app.Label().For(id)
	if hint == "" {
		return l.Text(text)
	}
	return l.Body(app.Text(text), app.Span().Class("hint").Text(hint))
}

// hasMore reports whether an optional field is filled, so the section
// opens for a shared link that uses one.
func (p *diagnosePage) hasMore() bool {
	f := p.form
	return f.Status != "" || f.KeyAge != "" || f.Regenerated || f.TrialStarted != "" ||
		f.Header != "" || f.RegionHeader != ""
}

// go-app writes a false boolean attribute as ="false" when pre-rendering,
// which HTML reads as true, so the server omits a false one. The client
// always sets it: go-app then sets the DOM property, which a removed
// attribute would not reset once the user changed it.

// setBool reports whether a boolean attribute with value v is set.
func setBool(v bool) bool { return v || app.IsClient }

// checkbox returns a checkbox input, checked or not.
func checkbox(id string, checked bool) app.HTMLInput {
	c := app.Input().ID(id).Type("checkbox")
	if setBool(checked) {
		c = c.Checked(checked)
	}
	return c
}

// pick returns a if cond holds, else b.
func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
