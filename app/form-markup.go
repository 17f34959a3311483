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

// regionHeaderChoices are the region-header choice's options: unknown
// (empty), not sent ("-", as in share links and the CLI), or sent with
// the value typed beside it.
var regionHeaderChoices = [][2]string{
	{"", "don't know"}, {diagnosis.NoRegionHeader, "not sent"}, {"sent", "sent, with the value:"},
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
	textField(&b, "endpoint", "Endpoint or request URL", "From Keys and Endpoint, or the URL your code calls",
		`type="url"`, "e.g. https://NAME.cognitiveservices.azure.com/", f.Endpoint)
	textField(&b, "region", "Resource region (Location)", "As on the resource's Overview page: an id like westeurope, or global",
		`list="region-list"`, "e.g. westeurope", f.Region)
	b.WriteString(`<datalist id="region-list">`)
	if p.regionsShown {
		b.WriteString(regionOptions())
	}
	b.WriteString(`</datalist>`)
	fieldLabel(&b, "key", "Key", "Stays in this tab's memory: never sent, stored or put in the link")
	b.WriteString(`<div class="key-row"><input id="key" spellcheck="false" autocomplete="off" aria-describedby="key-hint" type="` +
		pick(p.showKey, "text", "password") + `" autocapitalize="off" data-lpignore="true" data-1p-ignore="true" placeholder="e.g. KEY 1 from Keys and Endpoint">` +
		`<button id="key-toggle" type="button" class="secondary" aria-pressed="` + pick(p.showKey, "true", "false") + `">` +
		pick(p.showKey, "Hide key", "Show key") + `</button></div>`)
	b.WriteString(`<label for="response">The error you got</label><span class="hint" id="response-hint">` +
		`The body, the exception text or the SDK message; it stays in this tab</span>` +
		`<textarea id="response" spellcheck="false" autocomplete="off" aria-describedby="response-hint" placeholder="` +
		escape(`e.g. {"error":{"code":"401","message":"Access denied due to invalid subscription key…"}}`) + `"></textarea>`)
	b.WriteString(`<button id="more-toggle" type="button" class="toggle" aria-controls="more" aria-expanded="` +
		pick(p.moreOpen, "true", "false") + `">I have more: the status, the key's age, how it was sent</button>`)
	b.WriteString(`<div id="more" class="more"` + pick(p.moreOpen, "", " hidden") + `><div class="row2"><div>`)
	textField(&b, "status", "HTTP status", "", `type="number" min="100" max="599" inputmode="numeric"`, "e.g. 401", f.Status)
	b.WriteString(`</div><div>`)
	fieldLabel(&b, "header", "How the key was sent", "")
	selectField(&b, "header", []optionGroup{{options: headerChoices}}, f.Header)
	b.WriteString(`</div></div><div class="row2"><div>`)
	fieldLabel(&b, "key-age", "Key created or regenerated", "")
	selectField(&b, "key-age", []optionGroup{{options: keyAgeChoices}}, f.KeyAge)
	b.WriteString(`</div><div>`)
	textField(&b, "trial-started", "Free trial key issued on", "", `type="date"`, "", f.TrialStarted)
	b.WriteString(`</div></div>`)
	b.WriteString(`<label class="checkbox"><input type="checkbox" id="regenerated"` + pick(f.Regenerated, " checked", "") +
		`>The key was regenerated (not newly created)</label>`)
	p.regionHeaderMarkup(&b)
	b.WriteString(`</div></div>`)
	return b.String()
}

// regionHeaderMarkup writes the Translator region header as a choice
// (don't know, not sent, sent) and the value sent beside it.
func (p *diagnosePage) regionHeaderMarkup(b *strings.Builder) {
	mode := regionHeaderMode(p.form.RegionHeader, p.regionHeaderSent)
	fieldLabel(b, "region-header-sent", "Ocp-Apim-Subscription-Region header (Translator)", "")
	b.WriteString(`<div class="row2"><div>`)
	selectField(b, "region-header-sent", []optionGroup{{options: regionHeaderChoices}}, mode)
	b.WriteString(`</div><div>`)
	value := p.form.RegionHeader
	if value == diagnosis.NoRegionHeader {
		value = ""
	}
	b.WriteString(`<input id="region-header" spellcheck="false" autocomplete="off" aria-label="Region header value" placeholder="e.g. westeurope"` +
		pick(mode == "sent", "", " hidden"))
	if value != "" {
		b.WriteString(` value="` + escape(value) + `"`)
	}
	b.WriteString(`></div></div>`)
}

// regionHeaderMode is the region-header choice for a field value: "-"
// not sent, a value (or the choice made with none typed yet) sent.
func regionHeaderMode(v string, chosenSent bool) string {
	switch {
	case v == diagnosis.NoRegionHeader:
		return diagnosis.NoRegionHeader
	case v != "" || chosenSent:
		return "sent"
	}
	return ""
}

// fieldLabel writes a field's label, and its hint (linked to the field
// by aria-describedby, id "<field>-hint") when given.
func fieldLabel(b *strings.Builder, id, text, hint string) {
	b.WriteString(`<label for="` + id + `">` + escape(text) + `</label>`)
	if hint != "" {
		b.WriteString(`<span class="hint" id="` + id + `-hint">` + escape(hint) + `</span>`)
	}
}

// textField writes a labelled input with spell checking and
// autocomplete off (no field is prose, and browsers must not store what
// is typed).
func textField(b *strings.Builder, id, label, hint, attrs, placeholder, value string) {
	fieldLabel(b, id, label, hint)
	b.WriteString(`<input id="` + id + `" spellcheck="false" autocomplete="off"`)
	if hint != "" {
		b.WriteString(` aria-describedby="` + id + `-hint"`)
	}
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
