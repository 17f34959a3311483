package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// The page's selects are written as HTML: dozens of option elements cost
// little as markup but a lot as go-app nodes (page load and app.wasm
// size). The form's selects are part of its markup (form-markup.go);
// selectBox serves the others.

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

// kindGroups lists the kind select's options by the catalogue's groups;
// retired kinds say so.
func kindGroups() []optionGroup {
	groups := []optionGroup{{options: [][2]string{{"", "Choose the API…"}}}}
	for _, name := range diagnosis.KindGroups() {
		g := optionGroup{label: name}
		for _, k := range diagnosis.Kinds() {
			if k.Group == name {
				g.options = append(g.options, [2]string{k.ID, k.Label()})
			}
		}
		groups = append(groups, g)
	}
	return groups
}

// selectBox returns a select written as HTML in its styled wrapper,
// which holds the change handler. chosen must not change between
// renders: go-app would replace the select, and the user's choice and
// focus with it.
func selectBox(id string, groups []optionGroup, chosen string, onChange app.EventHandler) app.UI {
	return app.Div().Class("select").OnChange(onChange).Body(app.Raw(selectHTML(id, groups, chosen)))
}
