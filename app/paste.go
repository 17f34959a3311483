package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// filledField says which form field a paste filled, and from where.
type filledField struct{ field, value, from string }

// onPaste reads a pasted command, config or code into the form.
func (p *diagnosePage) onPaste(ctx app.Context, e app.Event) {
	v := e.Get("target").Get("value").String()
	p.change(ctx, func() { p.applyPaste(v) })
	p.syncForm()
}

// applyPaste fills the form from what the paste shows: its first
// service when it holds several. Fields an earlier paste filled and this
// one does not are emptied (applyService). The pasted text, like the key, stays in
// memory only: never stored, shared or in the URL.
func (p *diagnosePage) applyPaste(text string) {
	p.paste, p.filled, p.services, p.edits = text, nil, nil, nil
	if strings.TrimSpace(text) == "" {
		p.snippet = nil
		return
	}
	p.services = diagnosis.ExtractServices(text)
	p.applyService(0)
}

// applyService fills the form from one service of the paste.
func (p *diagnosePage) applyService(i int) {
	if i < 0 || i >= len(p.services) {
		return
	}
	s, prev := &p.services[i], p.snippet
	var was []diagnosis.SnippetField
	if prev != nil {
		was = prev.Fields()
		if p.service < len(p.services) && prev == &p.services[p.service] {
			p.keepEdits(was) // a switch between services of this paste
		}
	}
	p.snippet, p.filled, p.service = s, nil, i
	for j, f := range s.Fields() {
		dst := p.field(formID(f.Name))
		if f.Field.Value == "" {
			if was != nil && was[j].Field.Value != "" && *dst == was[j].Field.Value {
				*dst = "" // another service of the paste filled it: never mix services
			}
			continue
		}
		*dst = f.Field.Value
		p.filled = append(p.filled, filledField{f.Name, f.Shown(), f.Field.From + ", " + sureWords(f.Field.Sure)})
	}
	if i < len(p.edits) {
		for id, v := range p.edits[i] {
			*p.field(id) = v // what the user changed while this service was in the form
		}
	}
	p.moreOpen = p.moreOpen || p.hasMore()
}

// keepEdits notes, for the service leaving the form, the fields the user
// changed from what the paste gave, so that coming back to it brings them
// back.
func (p *diagnosePage) keepEdits(was []diagnosis.SnippetField) {
	if p.edits == nil {
		p.edits = make([]map[string]string, len(p.services))
	}
	edits := map[string]string{}
	for _, f := range was {
		id := formID(f.Name)
		if v := *p.field(id); v != f.Field.Value {
			edits[id] = v
		}
	}
	p.edits[p.service] = edits
}

// formID is the form's name for a snippet field.
func formID(name string) string {
	if name == "error" {
		return "response"
	}
	return name
}

// onPickService fills the form from the service the user picked.
func (p *diagnosePage) onPickService(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.change(ctx, func() { p.applyService(i) })
		p.syncForm()
	}
}

// onPasteClear empties the paste box and forgets what was read from it
// (its services, and the secrets they held); the fields keep what it
// gave, as if typed. go-app drops an empty "value" attribute rather than
// setting it, so the box is emptied through the DOM.
func (p *diagnosePage) onPasteClear(ctx app.Context, e app.Event) {
	p.change(ctx, func() { p.paste, p.snippet, p.services, p.filled, p.edits = "", nil, nil, nil, nil })
	box := app.Window().GetElementByID("paste")
	box.Set("value", "")
	box.Call("focus")
}

// sureWords says for people how sure a value read from a paste is.
func sureWords(s diagnosis.Sureness) string {
	if s == diagnosis.Sure {
		return "certain"
	}
	return "a guess"
}

// renderPaste draws the paste box and what it filled.
func (p *diagnosePage) renderPaste() app.UI {
	return app.Div().Class("paste").Body(
		app.Label().For("paste").Text("Paste anything: the error, a command, config or code"),
		app.Span().ID("paste-hint").Class("hint").Text("curl, PowerShell, .env, appsettings.json, YAML, Python, C#, JavaScript, "+
			"Java, Go, Bicep, Terraform, an HTTP exchange, az account JSON: the fields below fill in. It stays in this tab."),
		app.Textarea().ID("paste").Spellcheck(false).Attr("autocomplete", "off").Aria("describedby", "paste-hint").
			Placeholder(`e.g. curl -H 'Ocp-Apim-Subscription-Key: …' https://…`).Text(p.paste).Attr("value", p.paste).OnInput(p.onPaste),
		app.If(p.paste != "", func() app.UI {
			// The paste may show a key on screen; the fields keep what it gave.
			return app.Button().ID("paste-clear").Type("button").Class("secondary").Text("Clear the paste").
				OnClick(p.onPasteClear)
		}),
		app.If(len(p.services) > 1, p.renderServices),
		app.If(p.snippet != nil, p.renderFilled),
	)
}

// renderServices lists the services a paste holds; one is in the form.
func (p *diagnosePage) renderServices() app.UI {
	return app.Div().ID("paste-services").Role("group").Aria("label", "Services in the paste").Body(
		app.Span().Class("muted").Text(fmt.Sprintf("%d services in the paste: ", len(p.services))),
		app.Range(p.services).Slice(func(i int) app.UI {
			return app.Button().Type("button").Class("secondary").DataSet("service", i+1).
				Aria("pressed", i == p.service).Text(p.services[i].Service).OnClick(p.onPickService(i))
		}),
	)
}

// renderFilled says what the paste was read as and what it filled.
func (p *diagnosePage) renderFilled() app.UI {
	readAs := ""
	if len(p.snippet.ReadAs) > 0 {
		readAs = "Read as: " + strings.Join(p.snippet.ReadAs, "; ") + "."
	}
	if len(p.filled) == 0 && len(p.snippet.Notes) == 0 {
		return app.P().ID("paste-filled").Class("muted").Text("Nothing found in the paste (read as " + p.snippet.Format + ").")
	}
	return app.Div().ID("paste-filled").Class("muted").Role("list").Aria("label", "Filled from the paste").Body(
		app.If(readAs != "", func() app.UI { return app.Div().ID("paste-read-as").Text(readAs) }),
		app.Range(p.filled).Slice(func(i int) app.UI {
			f := p.filled[i]
			return app.Div().Role("listitem").DataSet("field", f.field).Text(f.field + " ← " + f.value + " (" + f.from + ")")
		}),
		app.Range(p.snippet.Notes).Slice(func(i int) app.UI {
			return app.Div().Role("listitem").Text(p.snippet.Notes[i])
		}),
	)
}
