package app

import (
	"strings"

	"az401/diagnosis"
)

// The form's fields are HTML written once. Built as go-app nodes, the
// labels, hints and inputs cost the first visit most of its mounting
// time (every element, attribute and handler is a call from WebAssembly
// into the browser), and every keystroke re-rendered and compared them.
// As markup they are one node that never changes after the first render:
// inputs keep focus, events bubble to one wrapper (onFieldEvent), and
// what Go changes afterwards (a paste, a link, a toggle) goes to the DOM
// in syncForm.

// headerChoices are the header select's options: the CLI's --header
// values, spelled as they appear on the wire.
var headerChoices = func() [][2]string {
	choices := [][2]string{{"", "the API's usual header"}}
	for _, w := range diagnosis.KeyWays {
		choices = append(choices, [2]string{w.ID, w.Option})
	}
	return choices
}()

// keyAgeChoices are the key-age select's options (see keyAges).
var keyAgeChoices = [][2]string{
	{"", "don't know"}, {"just-now", "in the last 10 minutes"}, {"today", "earlier today"}, {"earlier", "before today"},
}

// fieldsMarkup writes the form's fields with the page's current state.
// The ids are stable hooks for tests and users' scripts; option values
// are the CLI's flag values. The key and the error text are never
// written into markup: syncForm sets them as DOM properties.
func (p *diagnosePage) fieldsMarkup() string {
	f := p.form
	var b strings.Builder
	b.WriteString(`<div class="form-fields">`)
	fieldLabel(&b, "kind", "API you call", "")
	selectField(&b, "kind", kindGroups(), f.Kind)
	fieldLabel(&b, "endpoint", "Endpoint or request URL", "From Keys and Endpoint, or the URL your code calls")
	textField(&b, "endpoint", `type="url"`, "https://NAME.cognitiveservices.azure.com/", f.Endpoint)
	fieldLabel(&b, "region", "Resource region (Location)", "As on the resource's Overview page; an id like westeurope, or global")
	textField(&b, "region", `list="region-list"`, "westeurope", f.Region)
	b.WriteString(`<datalist id="region-list">`)
	if p.regionsShown {
		b.WriteString(regionOptions())
	}
	b.WriteString(`</datalist>`)
	fieldLabel(&b, "key", "Key", "Stays in this tab's memory: never sent, stored or put in the link")
	b.WriteString(`<div class="key-row">`)
	textField(&b, "key", `type="`+pick(p.showKey, "text", "password")+`" autocapitalize="off" data-lpignore="true" data-1p-ignore="true"`,
		"KEY 1 from Keys and Endpoint", "")
	b.WriteString(`<button id="key-toggle" type="button" class="secondary" aria-pressed="` + pick(p.showKey, "true", "false") + `">` +
		pick(p.showKey, "Hide", "Show") + `</button></div>`)
	b.WriteString(`<button id="more-toggle" type="button" class="toggle" aria-controls="more" aria-expanded="` +
		pick(p.moreOpen, "true", "false") + `">I have more: the error, the key's age, how it was sent</button>`)
	b.WriteString(`<div id="more" class="more"` + pick(p.moreOpen, "", " hidden") + `><div class="row2"><div>`)
	fieldLabel(&b, "status", "HTTP status", "")
	textField(&b, "status", `type="number" min="100" max="599" inputmode="numeric"`, "401", f.Status)
	b.WriteString(`</div><div>`)
	fieldLabel(&b, "header", "How the key was sent", "")
	selectField(&b, "header", []optionGroup{{options: headerChoices}}, f.Header)
	b.WriteString(`</div></div>`)
	fieldLabel(&b, "response", "The error you got", "Paste the body, the exception text or the SDK message; it stays in this tab")
	b.WriteString(`<textarea id="response" spellcheck="false" autocomplete="off" placeholder="` +
		escape(`{"error":{"code":"401","message":"Access denied due to invalid subscription key…"}}`) + `"></textarea>`)
	b.WriteString(`<div class="row2"><div>`)
	fieldLabel(&b, "key-age", "Key created or regenerated", "")
	selectField(&b, "key-age", []optionGroup{{options: keyAgeChoices}}, f.KeyAge)
	b.WriteString(`</div><div>`)
	fieldLabel(&b, "trial-started", "Free trial key issued on", "")
	textField(&b, "trial-started", `type="date"`, "", f.TrialStarted)
	b.WriteString(`</div></div>`)
	b.WriteString(`<label class="checkbox"><input type="checkbox" id="regenerated"` + pick(f.Regenerated, " checked", "") +
		`>The key was regenerated (not newly created)</label>`)
	fieldLabel(&b, "region-header", "Ocp-Apim-Subscription-Region sent (Translator)",
		"The value sent; - if the header was not sent; empty if unknown")
	textField(&b, "region-header", "", "westeurope", f.RegionHeader)
	b.WriteString(`</div></div>`)
	return b.String()
}

// fieldLabel writes a field's label, with a hint under it when given.
func fieldLabel(b *strings.Builder, id, text, hint string) {
	b.WriteString(`<label for="` + id + `">` + escape(text))
	if hint != "" {
		b.WriteString(`<span class="hint">` + escape(hint) + `</span>`)
	}
	b.WriteString(`</label>`)
}

// textField writes an input with spell checking and autocomplete off (no
// field is prose, and browsers must not store what is typed).
func textField(b *strings.Builder, id, attrs, placeholder, value string) {
	b.WriteString(`<input id="` + id + `" spellcheck="false" autocomplete="off"`)
	if attrs != "" {
		b.WriteString(" " + attrs)
	}
	if placeholder != "" {
		b.WriteString(` placeholder="` + escape(placeholder) + `"`)
	}
	if value != "" {
		b.WriteString(` value="` + escape(value) + `"`)
	}
	b.WriteString(`>`)
}

// selectField writes a select in its styled wrapper.
func selectField(b *strings.Builder, id string, groups []optionGroup, chosen string) {
	b.WriteString(`<div class="select">` + selectHTML(id, groups, chosen) + `</div>`)
}

// regionOptions lists region ids with their display names, for the
// region field's suggestions. The 75 options are written when the field
// is first focused, not on load.
func regionOptions() string {
	var b strings.Builder
	for _, r := range diagnosis.Regions() {
		b.WriteString(`<option value="` + r.ID + `" label="` + escape(r.Name) + `"></option>`)
	}
	return b.String()
}
