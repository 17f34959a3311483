package app

import (
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// diagnosePage is the troubleshooter: the form on one side, the live
// diagnosis on the other. Everything runs in the browser; the key stays
// in this component's memory.
type diagnosePage struct {
	app.Compo

	form         form
	showKey      bool
	moreOpen     bool
	askOpen      bool // the Ask Azure panel is open
	call         testCall
	paste        string              // the pasted snippet, in memory only
	snippet      *diagnosis.Snippet  // what the paste showed
	filled       []filledField       // the fields the paste filled
	services     []diagnosis.Snippet // one per service the paste holds
	service      int                 // the one in the form
	regionsShown bool                // the region suggestions were asked for
	markup       string              // the fields' markup, written once (form-markup.go)

	facts    *diagnosis.Facts
	report   diagnosis.Report
	revision int           // counts diagnoses; tests wait on it (#verdict data-revision)
	took     time.Duration // the last diagnosis, for the keystroke budget (data-diagnosis-us)

	updateAvailable bool
	shareLink       string
	copyNote        string
	failure         string // an internal error caught at the UI boundary
}

// newDiagnosePage returns the page; in the browser it reads the share
// link at once, so the first render is already the right one.
func newDiagnosePage() app.Composer {
	p := &diagnosePage{}
	if app.IsClient {
		p.prefill(app.Window().URL())
	}
	return p
}

// OnNav pre-fills the form from a share link: on the server while
// pre-rendering, and in the browser when a link to the open page changes
// only its fragment. A navigation that changes nothing (the first one,
// whose link the page read when it was created) renders nothing.
func (p *diagnosePage) OnNav(ctx app.Context) {
	ctx.Page().SetTitle("az401: why does my Azure AI key get 401?")
	if !p.prefill(ctx.Page().URL()) {
		ctx.PreventUpdate()
		return
	}
	p.syncForm()
}

// prefill sets the non-secret fields from a link and keeps the key. It
// reports whether the form changed.
func (p *diagnosePage) prefill(u *url.URL) (changed bool) {
	p.safely(func() {
		f := formFromURL(u)
		f.Key, f.Response = p.form.Key, p.form.Response
		if p.revision > 0 && f == p.form {
			return
		}
		changed = true
		p.form = f
		p.moreOpen = p.moreOpen || p.hasMore()
		p.diagnose()
		p.prepareCall()
	})
	return changed
}

// OnAppUpdate shows the "update available" notice after a deploy.
func (p *diagnosePage) OnAppUpdate(ctx app.Context) {
	p.updateAvailable = ctx.AppUpdateAvailable()
}

// diagnose runs the diagnosis on the current form. A page opened with
// nothing in it has nothing to diagnose: it shows the guide at once, and
// the diagnosis code first runs when the user types (in WebAssembly, code
// that runs for the first time is compiled then, which a first visit
// would otherwise pay for before the page is ready).
func (p *diagnosePage) diagnose() {
	start := time.Now()
	defer func() { p.took = time.Since(start) }()
	p.revision++
	if p.form == (form{}) && p.snippet == nil && p.call.result == nil {
		p.facts, p.report = nil, diagnosis.Report{Verdict: diagnosis.VerdictNothing}
		return
	}
	in := p.form.input(start)
	in.Probe = p.call.result
	in.Snippet = p.snippet
	p.facts = diagnosis.Analyse(in)
	p.report = p.facts.Report()
}

// change applies an edit, re-diagnoses and keeps the address bar in step
// with the non-secret fields. A panic becomes a message, not a dead page.
func (p *diagnosePage) change(ctx app.Context, edit func()) {
	p.safely(func() {
		edit()
		p.call.result = nil
		p.diagnose()
		p.prepareCall()
		p.copyNote = ""
	})
	ctx.Page().ReplaceURL(shareURL(ctx.Page().URL(), p.form))
}

// safely runs f at the UI boundary: a panic in WebAssembly would end the
// page, so it becomes a message instead.
func (p *diagnosePage) safely(f func()) {
	defer func() {
		if r := recover(); r != nil {
			p.failure = "Something went wrong while diagnosing this input; the page keeps working. Please report what you entered (without the key)."
		}
	}()
	p.failure = ""
	f()
}

// onShare copies the share link to the clipboard and shows it.
func (p *diagnosePage) onShare(ctx app.Context, e app.Event) {
	p.shareLink = shareURL(ctx.Page().URL(), p.form).String()
	p.copyNote = "Link shown below; it holds no key."
	copyText(ctx, p.shareLink, func(ok bool) {
		if ok {
			p.copyNote = "Link copied. It holds no key and no response text."
		}
	})
}

// Render draws the page. Before WebAssembly runs (pre-rendered HTML) the
// fields are inert: the live page replaces them once it mounts.
func (p *diagnosePage) Render() app.UI {
	return shell(
		app.If(p.updateAvailable, func() app.UI { return updateNotice() }),
		app.If(p.failure != "", func() app.UI { return app.P().Class("verdict", "sev-error").Role("alert").Text(p.failure) }),
		app.Div().Class("layout").Body(
			p.renderForm(),
			app.Div().Body(
				p.renderResults(),
				p.renderAskAzure(),
			),
		),
	)
}

// updateNotice offers to reload into a new deploy.
func updateNotice() app.UI {
	return app.Div().Class("update").Role("status").Body(
		app.Span().Text("A new version of az401 is available."),
		app.Button().Type("button").Text("Reload").OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
	)
}
