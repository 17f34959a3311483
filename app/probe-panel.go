package app

import (
	"errors"
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
	"az401/probe"
)

// testCall is the state of the page's test call.
type testCall struct {
	request       diagnosis.TestCall
	requestErr    error
	guard         diagnosis.Guard // the host guard's verdict on request (CheckHost)
	guardWhy      string          // and why
	sending       bool
	stop          chan struct{} // closing it cancels the call in flight
	result        *diagnosis.TestResult
	confirmedHost string // the host the user allowed the key to go to
	viaBrowser    bool   // with a relay, the user chose the browser's fetch
}

// relayToken is set (not to the token: the relay gives the page that
// at call time) when az401 serve's relay is beside the page, or "" on
// the static site, which has none.
func relayToken() string { return app.Getenv(probe.TokenEnv) }

// prepareCall rebuilds the test call, and judges its host, from the
// diagnosis's facts after an edit: once per edit, not per render. An
// answer belongs to the input it was sent for, so an edit drops it; so
// does a confirmation once the host changes.
func (p *diagnosePage) prepareCall() {
	c := &p.call
	c.request, c.requestErr = diagnosis.TestCall{}, nil
	if p.facts != nil {
		c.request, c.requestErr = p.facts.TestCall()
	}
	if c.requestErr == nil && strings.TrimSpace(p.form.Key) == "" && p.facts != nil && p.facts.HasKey() {
		// The key was read from the endpoint's query: the test call sends
		// only what the Key field holds.
		c.requestErr = errors.New("the key is in the endpoint's URL; move it to the Key field (and out of the URL) to send it")
	}
	if c.request.Host != c.confirmedHost {
		c.confirmedHost = ""
	}
	c.guard, c.guardWhy = diagnosis.CheckHost(c.request.URL)
}

// onSend sends the test call, through the relay when there is one.
func (p *diagnosePage) onSend(ctx app.Context, e app.Event) {
	c := &p.call
	if !p.canSend() {
		return
	}
	req, key, confirmed := c.request, p.form.Key, c.confirmedHost
	token := relayToken()
	if c.viaBrowser {
		token = ""
	}
	relayURL := ""
	if token != "" {
		u := app.Window().URL()
		relayURL = u.Scheme + "://" + u.Host + "/relay"
	}
	stop := make(chan struct{})
	c.sending, c.stop, c.result = true, stop, nil
	ctx.Async(func() {
		var res diagnosis.TestResult
		defer func() {
			// A panic here would end the page: report it as a failed call.
			if r := recover(); r != nil {
				res = diagnosis.TestResult{Host: req.Host, Failure: diagnosis.ProbeUnreachable,
					Detail: "the test call failed inside az401; please report it"}
				ctx.Dispatch(func(ctx app.Context) { c.sending, c.stop, c.result = false, nil, &res; p.diagnose() })
			}
		}()
		if token != "" {
			res = probe.ViaRelay(stop, relayURL, req, key, confirmed)
		} else {
			res = probe.Send(stop, req, key, "from this browser")
		}
		ctx.Dispatch(func(ctx app.Context) {
			c.sending, c.stop = false, nil
			if res.Failure == diagnosis.ProbeCanceled {
				return
			}
			c.result = &res
			p.diagnose()
		})
	})
}

func (p *diagnosePage) onCancel(ctx app.Context, e app.Event) {
	if p.call.stop != nil {
		close(p.call.stop)
		p.call.stop = nil
	}
}

func (p *diagnosePage) onConfirm(ctx app.Context, e app.Event) {
	p.call.confirmedHost = ""
	if e.Get("target").Get("checked").Bool() {
		p.call.confirmedHost = p.call.request.Host
	}
}

func (p *diagnosePage) onVia(ctx app.Context, e app.Event) {
	p.call.viaBrowser = e.Get("target").Get("value").String() == "browser"
}

// canSend says whether the Send button works: a request, a key, and a
// host the guard allows or the user confirmed.
func (p *diagnosePage) canSend() bool {
	c := &p.call
	if c.requestErr != nil || c.sending || strings.TrimSpace(p.form.Key) == "" || app.IsServer {
		return false
	}
	switch c.guard {
	case diagnosis.GuardAllow:
		return true
	case diagnosis.GuardConfirm:
		return c.confirmedHost == c.request.Host && c.request.Allows(c.confirmedHost)
	}
	return false
}

// renderCall draws the test call: the exact request (key masked), the
// host guard, Send and Cancel, the copyable commands, and the answer.
func (p *diagnosePage) renderCall() app.UI {
	c := &p.call
	card := app.Div().ID("probe").Class("card").Role("region").Aria("label", "Test call")
	if c.requestErr != nil {
		return card.Body(app.H2().Text("Test call"), app.P().Class("muted").Text("A test call needs more: "+c.requestErr.Error()+"."))
	}
	guard, why := c.guard, c.guardWhy
	send := app.Button().ID("probe-send").Type("button").Text("Send test call").OnClick(p.onSend)
	if !p.canSend() {
		send = send.Disabled(true)
	}
	return card.Body(
		app.H2().Text("Test call"),
		app.P().Class("muted").Text(c.request.Note),
		app.Div().ID("probe-request").Class("cmd", "mono").Text(c.request.Display(p.facts)),
		app.If(guard == diagnosis.GuardRefuse, func() app.UI {
			return app.P().Class("guard").Role("alert").Text("The key will not be sent: " + why + ".")
		}),
		app.If(guard == diagnosis.GuardConfirm, func() app.UI {
			return app.Label().Class("checkbox", "guard").Body(
				checkbox("probe-confirm", c.confirmedHost == c.request.Host).OnChange(p.onConfirm),
				app.Text("Send my key to "+diagnosis.MaskSecrets(c.request.Host)+". It is not an Azure AI host: only if I trust it."),
			)
		}),
		app.If(relayToken() != "", func() app.UI {
			return app.Div().Class("via").Body(
				label("probe-via", "Send it", ""),
				selectBox("probe-via", []optionGroup{{options: [][2]string{
					{"relay", "through az401 serve (no CORS)"}, {"browser", "from this browser"}}}},
					"relay", p.onVia),
			)
		}),
		app.Div().Class("share-row").Body(
			send,
			app.If(c.sending, func() app.UI {
				return app.Span().Body(
					app.Span().Class("muted").Aria("live", "polite").Text("Sending… (up to 15 s) "),
					app.Button().ID("probe-cancel").Type("button").Class("secondary").Text("Cancel").OnClick(p.onCancel),
				)
			}),
			p.copyButton("probe-curl", "Copy as curl", "the test call as a curl command", c.request.Curl),
			p.copyButton("probe-powershell", "Copy as PowerShell", "the test call as a PowerShell command", c.request.PowerShell),
		),
		app.P().Class("muted").Text(copiedCommandsNote(c.request.Secret())),
		p.renderAnswer(),
	)
}

// copiedCommandsNote says where the copied commands read the secret
// from: AZURE_KEY, or AZURE_TOKEN when the test call sends a token.
func copiedCommandsNote(variable, what string) string {
	return "The copied commands read the " + what + " from " + variable + ": set " + variable + " to your " + what + " first " +
		"(export " + variable + "='…' in bash, $env:" + variable + " = '…' in PowerShell)."
}

// renderAnswer draws what the test call got.
func (p *diagnosePage) renderAnswer() app.UI {
	r := p.call.result
	if r == nil {
		return nil
	}
	answer := app.Div().ID("probe-result").Aria("live", "polite").DataSet("status", r.Status).DataSet("failure", r.Failure)
	scrub := p.facts.Scrub // an answer or an error may echo the key
	if r.Failure != "" {
		if r.Failure == diagnosis.ProbeCORSBlocked && relayToken() == "" {
			return answer.Body(corsAdvice(), app.Div().Class("cmd", "mono").Text(scrub(r.Detail)))
		}
		msg := fmt.Sprintf("No answer: %s (sent %s). The findings say what to check.", failureWords(r.Failure), r.Via)
		return answer.Body(app.P().Text(msg), app.P().Class("muted").Text("Technical detail:"),
			app.Div().Class("cmd", "mono").Text(scrub(r.Detail)))
	}
	lines := make([]string, 0, len(r.Headers)+2)
	for _, h := range r.Headers {
		lines = append(lines, h.Name+": "+h.Value)
	}
	if body := strings.TrimSpace(r.Body); body != "" {
		lines = append(lines, "", diagnosis.Truncate(body, 2000))
	}
	return answer.Body(
		app.P().Text(fmt.Sprintf("Answer: %d in %d ms, sent %s.", r.Status, r.Latency.Milliseconds(), r.Via)),
		app.Div().Class("cmd", "mono").Text(scrub(strings.Join(lines, "\n"))),
	)
}

// failureWords says in plain words why a test call read no answer.
func failureWords(failure string) string {
	switch failure {
	case diagnosis.ProbeUnreachable:
		return "the host could not be reached (its name does not resolve, or the connection failed)"
	case diagnosis.ProbeTimeout:
		return "the host did not answer in time"
	case diagnosis.ProbeCORSBlocked:
		return "the browser hid the answer (CORS)"
	}
	return "the call failed"
}

// corsAdvice is what a hosted page says when the browser hid the answer
// (CORS): the way round that needs nothing installed comes first.
func corsAdvice() app.UI {
	return app.Div().ID("cors-advice").Body(
		app.P().Text("The browser hid the service's answer (CORS), so this page cannot read it. Get it another way:"),
		app.Ol().Class("steps").Body(
			app.Li().Text("Copy as curl (above), set AZURE_KEY to your key, and run it in a terminal."),
			app.Li().Text("Paste what it prints into the paste box: the answer is read from there."),
		),
		app.Button().ID("cors-paste").Type("button").Text("Go to the paste box").OnClick(func(ctx app.Context, e app.Event) {
			ctx.PreventUpdate()
			box := app.Window().GetElementByID("paste")
			box.Call("scrollIntoView")
			box.Call("focus")
		}),
		app.P().Class("muted").Text("Or run az401 on your machine (make run, or az401 serve): its page sends the call from there, with no CORS limit."),
	)
}
