package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// The page's selects are written as HTML, once: dozens of option
// elements cost little as markup but a lot as go-app nodes (page load
// and app.wasm size). The markup never changes after the first render,
// so go-app never recreates a select (focus stays); a change event
// bubbles to the wrapper that holds the handler, and values set from Go
// afterwards (a paste, a link) go to the DOM in syncForm.

// optionGroup is a group of options; an empty label means no group.
type optionGroup struct {
	label   string
	options [][2]string // value, label
}

// selectHTML writes a select with the chosen value marked.
func selectHTML(id string, groups []optionGroup, chosen string) string {
	var b strings.Builder
	b.WriteString(`<select id="` + id + `">`)
	for _, g := range groups {
		if g.label != "" {
			b.WriteString(`<optgroup label="` + escape(g.label) + `">`)
		}
		for _, o := range g.options {
			b.WriteString(`<option value="` + escape(o[0]) + `"`)
			if o[0] == chosen {
				b.WriteString(` selected`)
			}
			b.WriteString(`>` + escape(o[1]) + `</option>`)
		}
		if g.label != "" {
			b.WriteString(`</optgroup>`)
		}
	}
	b.WriteString(`</select>`)
	return b.String()
}

// kindGroups lists the kind select's options by group, in the order the
// page shows them; retired kinds say so.
func kindGroups() []optionGroup {
	groups := []optionGroup{{options: [][2]string{{"", "Choose the API…"}}}}
	for _, name := range []string{"Generative AI", "Multi-service", "Language and text", "Speech", "Vision", "Retired"} {
		g := optionGroup{label: name}
		for _, k := range diagnosis.Kinds() {
			if k.Group != name {
				continue
			}
			label := k.Name
			if k.Retired != "" {
				label += " (retired " + k.Retired + ")"
			}
			g.options = append(g.options, [2]string{k.ID, label})
		}
		groups = append(groups, g)
	}
	return groups
}

// selectBox returns the select id as HTML, written once per page in the
// browser (the markup is kept so that later renders give go-app the same
// node).
func (p *diagnosePage) selectBox(id string, groups func() []optionGroup, chosen string, onChange app.EventHandler) app.UI {
	if p.selects == nil {
		p.selects = map[string]string{}
	}
	html, ok := p.selects[id]
	if !ok {
		html = selectHTML(id, groups(), chosen)
		if app.IsClient { // pre-rendering follows the fields; focus is the browser's concern
			p.selects[id] = html
		}
	}
	return app.Div().Class("select").OnChange(onChange).Body(app.Raw(html))
}
