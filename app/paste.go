package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// filledField says which form field a paste filled, and from where.
type filledField struct{ field, value, from string }

// onPaste reads a pasted command, config or code into the form.
func (p *diagnosePage) onPaste(ctx app.Context, e app.Event) {
	v := e.Get("target").Get("value").String()
	p.change(func() { p.applyPaste(v) })
	p.syncForm()
}

// applyPaste fills the form from what the paste shows. The pasted text,
// like the key, stays in memory only: never stored, shared or in the URL.
func (p *diagnosePage) applyPaste(text string) {
	p.paste, p.snippet, p.filled = text, nil, nil
	if strings.TrimSpace(text) == "" {
		return
	}
	s := diagnosis.Extract(text)
	p.snippet = &s
	for _, f := range []struct {
		name  string
		field diagnosis.Field
		dst   *string
	}{{"API", s.Kind, &p.form.Kind}, {"endpoint", s.Endpoint, &p.form.Endpoint}, {"region", s.Region, &p.form.Region},
		{"key", s.Key, &p.form.Key}, {"header", s.Header, &p.form.Header}, {"region header", s.RegionHeader, &p.form.RegionHeader},
		{"status", s.Status, &p.form.Status}, {"error", s.Response, &p.form.Response}} {
		if f.field.Value == "" {
			continue
		}
		*f.dst = f.field.Value
		shown := f.field.Shown(f.name == "key")
		if f.name == "error" {
			shown = diagnosis.Truncate(shown, 40)
		}
		p.filled = append(p.filled, filledField{f.name, shown, f.field.From + ", " + f.field.Sure.String()})
	}
	p.moreOpen = p.moreOpen || p.hasMore()
}

// onPasteClear empties the paste box; the fields keep what it gave.
// go-app drops an empty "value" attribute rather than setting it, so the
// box is emptied through the DOM.
func (p *diagnosePage) onPasteClear(ctx app.Context, e app.Event) {
	p.paste = ""
	app.Window().GetElementByID("paste").Set("value", "")
}

// renderPaste draws the paste box and what it filled.
func (p *diagnosePage) renderPaste() app.UI {
	return app.Div().Class("paste").Body(
		label("paste", "Paste a command, config or code (optional)",
			"curl, PowerShell, .env, appsettings.json, Python, C#, JavaScript, an HTTP exchange, az account JSON: the fields below fill in. It stays in this tab."),
		app.Textarea().ID("paste").Spellcheck(false).Attr("autocomplete", "off").
			Placeholder(`curl -H "Ocp-Apim-Subscription-Key: …" https://…`).Text(p.paste).Attr("value", p.paste).OnInput(p.onPaste),
		app.If(p.paste != "", func() app.UI {
			// The paste may show a key on screen; the fields keep what it gave.
			return app.Button().ID("paste-clear").Type("button").Class("secondary").Text("Clear the paste").
				OnClick(p.onPasteClear)
		}),
		app.If(p.snippet != nil, func() app.UI {
			if len(p.filled) == 0 {
				return app.P().ID("paste-filled").Class("muted").Text("Nothing found in the paste (read as " + p.snippet.Format + ").")
			}
			return app.Div().ID("paste-filled").Class("muted").Role("list").Aria("label", "Filled from the paste").Body(
				app.Range(p.filled).Slice(func(i int) app.UI {
					f := p.filled[i]
					return app.Div().Role("listitem").DataSet("field", f.field).Text(f.field + " ← " + f.value + " (" + f.from + ")")
				}),
			)
		}),
	)
}
