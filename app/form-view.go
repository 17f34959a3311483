package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// headerChoices are the header select's options: the CLI's --header
// values, spelled as they appear on the wire.
var headerChoices = [][2]string{
	{"", "the API's usual header"},
	{diagnosis.HeaderSubscriptionKey, "Ocp-Apim-Subscription-Key header"},
	{diagnosis.HeaderAPIKey, "api-key header"},
	{diagnosis.HeaderAuthorization, "Authorization: Bearer header"},
	{diagnosis.HeaderTrainingKey, "Training-Key header"},
	{diagnosis.HeaderPredictionKey, "Prediction-Key header"},
	{diagnosis.HeaderQuery, "in the URL (query string)"},
	{diagnosis.HeaderBody, "in the request body"},
}

// keyAgeChoices are the key-age select's options (see keyAges).
var keyAgeChoices = [][2]string{
	{"", "don't know"}, {"just-now", "in the last 10 minutes"}, {"today", "earlier today"}, {"earlier", "before today"},
}

// renderForm draws the inputs. The ids are stable hooks for tests and
// users' scripts; option values are the CLI's flag values.
func (p *diagnosePage) renderForm() app.UI {
	keyType := "password"
	if p.showKey {
		keyType = "text"
	}
	// Pre-rendered, the form is inert until WebAssembly takes over: a
	// value typed earlier would be lost when the live page replaces it.
	fields := app.Div().Class("fields")
	if app.IsServer {
		fields = fields.Attr("inert", true)
	}
	return app.Div().Class("card").Role("form").Aria("label", "What you have").Body(
		app.H2().Text("What you have"),
		fields.Body(
			p.renderPaste(),
			label("kind", "API you call", ""),
			p.selectBox("kind", kindGroups, p.form.Kind, p.onText(&p.form.Kind)),
			label("endpoint", "Endpoint or request URL", "From Keys and Endpoint, or the URL your code calls"),
			p.textInput("endpoint", "https://NAME.cognitiveservices.azure.com/", &p.form.Endpoint).Type("url"),
			label("region", "Resource region (Location)", "As on the resource's Overview page; an id like westeurope, or global"),
			p.textInput("region", "westeurope", &p.form.Region).List("region-list").OnFocus(p.onRegionFocus),
			p.regionList(),
			label("key", "Key", "Stays in this tab's memory: never sent, stored or put in the link"),
			app.Div().Class("key-row").Body(
				p.textInput("key", "KEY 1 from Keys and Endpoint", &p.form.Key).Type(keyType).
					Attr("autocapitalize", "off").Attr("data-lpignore", "true").Attr("data-1p-ignore", "true"),
				app.Button().ID("key-toggle").Type("button").Class("secondary").Aria("pressed", p.showKey).
					Text(pick(p.showKey, "Hide", "Show")).OnClick(p.onToggleKey),
			),
			app.Button().ID("more-toggle").Type("button").Class("toggle").Aria("expanded", p.moreOpen).Aria("controls", "more").
				Text("I have more: the error, the key's age, how it was sent").OnClick(p.onMoreToggle),
			p.moreSection().Body(
				app.Div().Class("row2").Body(
					app.Div().Body(
						label("status", "HTTP status", ""),
						p.textInput("status", "401", &p.form.Status).Type("number").Min(100).Max(599).Attr("inputmode", "numeric"),
					),
					app.Div().Body(
						label("header", "How the key was sent", ""),
						p.selectBox("header", func() []optionGroup { return []optionGroup{{options: headerChoices}} },
							p.form.Header, p.onText(&p.form.Header)),
					),
				),
				label("response", "The error you got", "Paste the body, the exception text or the SDK message; it stays in this tab"),
				app.Textarea().ID("response").Spellcheck(false).Attr("autocomplete", "off").
					Placeholder(`{"error":{"code":"401","message":"Access denied due to invalid subscription key…"}}`).
					Text(p.form.Response).Attr("value", p.form.Response).OnInput(p.onText(&p.form.Response)),
				app.Div().Class("row2").Body(
					app.Div().Body(
						label("key-age", "Key created or regenerated", ""),
						p.selectBox("key-age", func() []optionGroup { return []optionGroup{{options: keyAgeChoices}} },
							p.form.KeyAge, p.onText(&p.form.KeyAge)),
					),
					app.Div().Body(
						label("trial-started", "Free trial key issued on", ""),
						p.textInput("trial-started", "", &p.form.TrialStarted).Type("date"),
					),
				),
				app.Label().Class("checkbox").Body(
					checkbox("regenerated", p.form.Regenerated).OnChange(p.onRegenerated),
					app.Text("The key was regenerated (not newly created)"),
				),
				label("region-header", "Ocp-Apim-Subscription-Region sent (Translator)",
					"The value sent; - if the header was not sent; empty if unknown"),
				p.textInput("region-header", "westeurope", &p.form.RegionHeader),
			),
			app.Div().Class("share-row").Body(
				app.Button().ID("share").Type("button").Text("Copy share link").OnClick(p.onShare),
				app.Span().Class("muted").Aria("live", "polite").Text(p.copyNote),
			),
			app.If(p.shareLink != "", func() app.UI {
				return app.Input().ID("share-link").ReadOnly(true).Aria("label", "Share link").Value(p.shareLink)
			}),
		),
	)
}

// label returns a field's label, with a hint under it when given.
func label(id, text, hint string) app.UI {
	l := app.Label().For(id)
	if hint == "" {
		return l.Text(text)
	}
	return l.Body(app.Text(text), app.Span().Class("hint").Text(hint))
}

// A textarea's text only seeds its value: once typed in, it keeps its
// own. So the textareas also bind "value", which go-app sets as the DOM
// property, and a paste or a Clear reaches what the user sees.

// textInput returns an input bound to a form field, with spell checking
// and autocomplete off (no field is prose, and browsers must not store
// what is typed).
func (p *diagnosePage) textInput(id, placeholder string, field *string) app.HTMLInput {
	return app.Input().ID(id).Spellcheck(false).AutoComplete(false).Placeholder(placeholder).
		Value(*field).OnInput(p.onText(field))
}

// regionList suggests region ids with their display names. Its 75
// options are written when the field is first focused, not on load.
func (p *diagnosePage) regionList() app.UI {
	if !p.regionsShown {
		return app.Raw(`<datalist id="region-list"></datalist>`)
	}
	return app.Raw(regionListHTML())
}

func (p *diagnosePage) onRegionFocus(ctx app.Context, e app.Event) { p.regionsShown = true }

// onMoreToggle opens or closes the "more" section.
func (p *diagnosePage) onMoreToggle(ctx app.Context, e app.Event) { p.moreOpen = !p.moreOpen }

// hasMore reports whether an optional field is filled, so the section
// opens for a shared link that uses one.
func (p *diagnosePage) hasMore() bool {
	f := p.form
	return f.Status != "" || f.Response != "" || f.KeyAge != "" || f.Regenerated || f.TrialStarted != "" ||
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

// moreSection is the "I have more" section, shown when the user opened
// it or a link filled one of its fields. Closed, it is hidden, not
// removed: its fields keep their ids for scripts.
func (p *diagnosePage) moreSection() app.HTMLDiv {
	d := app.Div().ID("more").Class("more")
	if setBool(!p.moreOpen) {
		d = d.Hidden(!p.moreOpen)
	}
	return d
}

// pick returns a if cond holds, else b.
func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}
