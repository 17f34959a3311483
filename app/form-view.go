package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// kindGroups is the order the kind select lists its groups in.
var kindGroups = []string{"Generative AI", "Multi-service", "Language and text", "Speech", "Vision", "Retired"}

// headerLabels spell the header choices as they appear on the wire.
var headerLabels = map[string]string{
	diagnosis.HeaderSubscriptionKey: "Ocp-Apim-Subscription-Key header",
	diagnosis.HeaderAPIKey:          "api-key header",
	diagnosis.HeaderAuthorization:   "Authorization: Bearer header",
	diagnosis.HeaderTrainingKey:     "Training-Key header",
	diagnosis.HeaderPredictionKey:   "Prediction-Key header",
	diagnosis.HeaderQuery:           "in the URL (query string)",
	diagnosis.HeaderBody:            "in the request body",
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
	fields := app.FieldSet().Class("fields")
	if !p.mounted {
		fields = fields.Disabled(true)
	}
	return app.Div().Class("card").Role("form").Aria("label", "What you have").Body(
		app.H2().Text("What you have"),
		fields.Body(
			app.Label().For("kind").Body(app.Text("API you call")),
			app.Select().ID("kind").OnChange(p.onText(&p.form.Kind)).Body(
				option("", "Choose the API…", p.form.Kind == ""),
				app.Range(kindGroups).Slice(func(i int) app.UI {
					return app.OptGroup().Label(kindGroups[i]).Body(p.kindOptions(kindGroups[i])...)
				}),
			),
			app.Label().For("endpoint").Body(app.Text("Endpoint or request URL"),
				app.Span().Class("hint").Text("From Keys and Endpoint, or the URL your code calls")),
			app.Input().ID("endpoint").Type("url").Spellcheck(false).AutoComplete(false).
				Placeholder("https://NAME.cognitiveservices.azure.com/").Value(p.form.Endpoint).OnInput(p.onText(&p.form.Endpoint)),
			app.Label().For("region").Body(app.Text("Resource region (Location)"),
				app.Span().Class("hint").Text("As on the resource's Overview page; an id like westeurope, or global")),
			app.Input().ID("region").List("region-list").Spellcheck(false).AutoComplete(false).
				Placeholder("westeurope").Value(p.form.Region).OnInput(p.onText(&p.form.Region)),
			app.DataList().ID("region-list").Body(
				app.Range(diagnosis.Regions()).Slice(func(i int) app.UI {
					r := diagnosis.Regions()[i]
					return app.Option().Value(r.ID).Label(r.Name)
				}),
			),
			app.Label().For("key").Body(app.Text("Key"),
				app.Span().Class("hint").Text("Stays in this tab's memory: never sent, stored or put in the link")),
			app.Div().Class("key-row").Body(
				app.Input().ID("key").Type(keyType).AutoComplete(false).Spellcheck(false).
					Attr("autocapitalize", "off").Attr("data-lpignore", "true").Attr("data-1p-ignore", "true").
					Placeholder("KEY 1 from Keys and Endpoint").Value(p.form.Key).OnInput(p.onText(&p.form.Key)),
				app.Button().ID("key-toggle").Type("button").Class("secondary").
					Aria("pressed", p.showKey).Text(map[bool]string{true: "Hide", false: "Show"}[p.showKey]).OnClick(p.onToggleKey),
			),
			p.moreSection().Body(
				app.Summary().Text("I have more: the error, the key's age, how it was sent"),
				app.Div().Class("row2").Body(
					app.Div().Body(
						app.Label().For("status").Text("HTTP status"),
						app.Input().ID("status").Type("number").Min(100).Max(599).Attr("inputmode", "numeric").
							Placeholder("401").Value(p.form.Status).OnInput(p.onText(&p.form.Status)),
					),
					app.Div().Body(
						app.Label().For("header").Text("How the key was sent"),
						app.Select().ID("header").OnChange(p.onText(&p.form.Header)).Body(
							option("", "the API's usual header", p.form.Header == ""),
							app.Range(diagnosis.Headers).Slice(func(i int) app.UI {
								h := diagnosis.Headers[i]
								return option(h, headerLabels[h], p.form.Header == h)
							}),
						),
					),
				),
				app.Label().For("response").Body(app.Text("The error you got"),
					app.Span().Class("hint").Text("Paste the body, the exception text or the SDK message; it stays in this tab")),
				app.Textarea().ID("response").Spellcheck(false).Attr("autocomplete", "off").
					Placeholder(`{"error":{"code":"401","message":"Access denied due to invalid subscription key…"}}`).
					Text(p.form.Response).OnInput(p.onText(&p.form.Response)),
				app.Div().Class("row2").Body(
					app.Div().Body(
						app.Label().For("key-age").Text("Key created or regenerated"),
						app.Select().ID("key-age").OnChange(p.onText(&p.form.KeyAge)).Body(
							option("", "don't know", p.form.KeyAge == ""),
							option("just-now", "in the last 10 minutes", p.form.KeyAge == "just-now"),
							option("today", "earlier today", p.form.KeyAge == "today"),
							option("earlier", "before today", p.form.KeyAge == "earlier"),
						),
					),
					app.Div().Body(
						app.Label().For("trial-started").Text("Free trial key issued on"),
						app.Input().ID("trial-started").Type("date").Value(p.form.TrialStarted).
							OnInput(p.onText(&p.form.TrialStarted)),
					),
				),
				app.Label().Class("checkbox").Body(
					checkbox("regenerated", p.form.Regenerated).OnChange(p.onRegenerated),
					app.Text("The key was regenerated (not newly created)"),
				),
				app.Label().For("region-header").Body(app.Text("Ocp-Apim-Subscription-Region sent (Translator)"),
					app.Span().Class("hint").Text("The value sent; - if the header was not sent; empty if unknown")),
				app.Input().ID("region-header").Spellcheck(false).AutoComplete(false).
					Placeholder("westeurope").Value(p.form.RegionHeader).OnInput(p.onText(&p.form.RegionHeader)),
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

// go-app writes a false boolean attribute as ="false" when pre-rendering,
// which HTML reads as true; these helpers set one only when it is true.

// option returns a select option, selected or not.
func option(value, label string, selected bool) app.HTMLOption {
	o := app.Option().Value(value).Text(label)
	if selected {
		o = o.Selected(true)
	}
	return o
}

// checkbox returns a checkbox input, checked or not.
func checkbox(id string, checked bool) app.HTMLInput {
	c := app.Input().ID(id).Type("checkbox")
	if checked {
		c = c.Checked(true)
	}
	return c
}

// moreSection is the "I have more" section, open when the user opened
// it or a link filled one of its fields.
func (p *diagnosePage) moreSection() app.HTMLDetails {
	d := app.Details().ID("more").On("toggle", p.onMoreToggle)
	if p.moreOpen {
		d = d.Open(true)
	}
	return d
}

// kindOptions lists one group's kinds; retired ones say so.
func (p *diagnosePage) kindOptions(group string) []app.UI {
	var opts []app.UI
	for _, k := range diagnosis.Kinds() {
		if k.Group != group {
			continue
		}
		label := k.Name
		if !k.Retired.IsZero() {
			label += " (retired " + k.Retired.Format("2006-01-02") + ")"
		}
		opts = append(opts, option(k.ID, label, p.form.Kind == k.ID))
	}
	return opts
}

// onMoreToggle remembers whether the user opened the "more" section.
func (p *diagnosePage) onMoreToggle(ctx app.Context, e app.Event) {
	p.moreOpen = e.Get("target").Get("open").Bool()
}

// hasMore reports whether an optional field is filled, so the section
// opens for a shared link that uses one.
func (p *diagnosePage) hasMore() bool {
	f := p.form
	return f.Status != "" || f.Response != "" || f.KeyAge != "" || f.Regenerated || f.TrialStarted != "" ||
		f.Header != "" || f.RegionHeader != ""
}
