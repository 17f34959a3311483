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
	askOpen      bool   // the Ask Azure panel is open
	resourceID   string // the resource ID typed in that panel, for the role commands
	call         testCall
	paste        string              // the pasted snippet, in memory only
	snippet      *diagnosis.Snippet  // what the paste showed
	filled       []filledField       // the fields the paste filled
	services     []diagnosis.Snippet // one per service the paste holds
	edits        []map[string]string // per service, the fields the user changed from what the paste gave
	service      int                 // the one in the form
	regionsShown bool                // the region suggestions were asked for
	markup       string              // the fields' markup, written once (form-markup.go)

	regionHeaderSent bool // "sent" chosen for the region header, value not typed yet
	keyTyping        bool // the key is halfway typed: its format is judged later
	regionTyping     bool // the region is halfway typed: judged on leaving the field
	announced        int  // the revision whose verdict was last scheduled for screen readers

	facts    *diagnosis.Facts
	report   diagnosis.Report
	revision int           // counts diagnoses; tests wait on it (#verdict data-revision)
	took     time.Duration // the last diagnosis, for the keystroke budget (data-diagnosis-us)

	framedAt        string // the page's own address when another page can reach it: no form then (frame.go)
	framedWhy       string // how that page can reach it
	updateAvailable bool
	shareLink       string
	copyNote        string
	copied          string              // the id of the copy button that just copied
	copyables       map[string]copyable // what each copy button copies, by id, as last rendered
	copyStatus      string              // what #copy-status announces
	fromLink        bool                // the page was opened from a share link
	focusID         string              // the field focused before WebAssembly took over
	mounted         bool                // mounted before: back from the causes page
	linkRead        string              // the last link the form was filled from
	failure         string              // an internal error caught at the UI boundary
}

// newDiagnosePage returns the page; in the browser it reads the share
// link at once, so the first render is already the right one.
func newDiagnosePage() app.Composer {
	p := &diagnosePage{}
	if p.framedWhy = exposed(); p.framedWhy != "" {
		p.framedAt = ownURL()
	}
	if app.IsClient {
		p.prefill(app.Window().URL())
		p.keepEarlyInput()
	}
	return p
}

// keepEarlyInput takes what the user typed or pasted into the
// pre-rendered form while app.wasm loaded: the page is created before
// go-app replaces that form, so its fields still hold it. The values go
// straight from those inputs into the form (the key nowhere else), and
// are diagnosed at once.
func (p *diagnosePage) keepEarlyInput() {
	doc := app.Window()
	typed := false
	for _, id := range fieldIDs {
		if el := doc.GetElementByID(id); el.Truthy() {
			if v := el.Get("value").String(); v != "" && v != *p.field(id) {
				*p.field(id), typed = v, true
			}
		}
	}
	if el := doc.GetElementByID("paste"); el.Truthy() {
		if v := el.Get("value").String(); v != "" {
			p.applyPaste(v)
			typed = true
		}
	}
	if el := doc.Get("document").Get("activeElement"); el.Truthy() {
		p.focusID = el.Get("id").String()
	}
	if typed {
		p.safely(func() {
			p.moreOpen = p.moreOpen || p.hasMore()
			p.diagnose()
			p.prepareCall()
		})
	}
}

// OnMount writes what was typed before WebAssembly ran, or before the
// user went to the causes page and back, into the live form (the key and
// the error are DOM properties, never markup), and puts focus back where
// it was before WebAssembly ran.
func (p *diagnosePage) OnMount(ctx app.Context) {
	ctx.PreventUpdate()
	back := p.mounted
	p.mounted = true
	if !back && p.form.Key == "" && p.form.Response == "" && p.paste == "" && p.focusID == "" {
		return
	}
	p.syncForm()
	doc := app.Window()
	if p.paste != "" {
		doc.GetElementByID("paste").Set("value", p.paste)
	}
	if el := doc.GetElementByID(p.focusID); p.focusID != "" && el.Truthy() {
		el.Call("focus")
	}
	p.focusID = ""
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
	if u.String() == p.linkRead {
		return false // read already: what was typed since stays
	}
	p.linkRead = u.String()
	p.safely(func() {
		f := formFromURL(u)
		f.Key, f.Response = p.form.Key, p.form.Response
		if p.revision > 0 && f == p.form {
			return
		}
		changed = true
		if p.revision == 0 {
			p.fromLink = f != (form{})
		}
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
	in.KeyTyping, in.RegionTyping = p.keyTyping, p.regionTyping
	in.TestResult = p.call.result
	in.Snippet = p.snippet
	p.facts = diagnosis.Analyse(in)
	p.report = p.facts.Report()
}

// change applies an edit and re-diagnoses. It leaves the address bar
// alone: only a share link, made on request (onShare), is written there,
// so what is typed never reaches the URL or the browser's history. A
// panic becomes a message, not a dead page. Screen readers hear the new
// verdict once typing pauses.
func (p *diagnosePage) change(ctx app.Context, edit func()) {
	defer p.announceLater(ctx)
	p.safely(func() {
		edit()
		p.call.result = nil
		p.diagnose()
		p.prepareCall()
		p.copyNote = ""
	})
}

// announceDelay is how long typing must pause before screen readers hear
// the verdict: announcing every keystroke would talk over the typing.
const announceDelay = 500 * time.Millisecond

// announceLater writes the verdict to the live region once typing
// pauses. Only the live region's text changes, so nothing is rendered.
func (p *diagnosePage) announceLater(ctx app.Context) {
	rev := p.revision
	p.announced = rev
	ctx.After(announceDelay, func(ctx app.Context) {
		ctx.PreventUpdate()
		if p.announced != rev {
			return
		}
		if el := app.Window().GetElementByID("verdict-live"); el.Truthy() {
			el.Set("textContent", p.report.Verdict)
		}
	})
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

// onShare makes the share link (shareURL, every value through
// linkValue), copies it to the clipboard, shows it, and puts it in the
// address bar in place of the current entry: the one place the page
// writes the URL.
func (p *diagnosePage) onShare(ctx app.Context, e app.Event) {
	link := shareURL(ctx.Page().URL(), p.form)
	ctx.Page().ReplaceURL(link)
	p.shareLink = link.String()
	p.copyNote = "Link shown below; it holds no key."
	copyText(ctx, p.shareLink, func(ok bool) {
		if ok {
			p.copyNote = "Link copied. It holds no key and no response text."
		}
		p.copyStatus = p.copyNote
	})
}

// Render draws the page. Before WebAssembly runs (pre-rendered HTML) the
// fields already take input; the live page keeps it when it mounts.
func (p *diagnosePage) Render() app.UI {
	if p.framedAt != "" {
		return shell("az401 cannot run inside another page", framedNotice(p.framedAt, p.framedWhy))
	}
	return shell("Why does my Azure AI key get 401? Answered offline, in your browser.",
		app.If(p.updateAvailable, func() app.UI { return updateNotice() }),
		app.If(p.failure != "", func() app.UI { return app.P().Class("verdict", "sev-error").Role("alert").Text(p.failure) }),
		app.If(p.fromLink, func() app.UI { return app.P().ID("from-link").Class("note").Text(fromLinkNote(p.form.Status)) }),
		p.copyStatusLine(),
		app.Div().Class("layout").Body(
			p.renderForm(),
			app.Div().Body(
				p.renderResults(),
				p.renderAskAzure(),
			),
		),
	)
}

// fromLinkNote tells whoever opens a share link what it brought: the
// sender's settings, never their key or error text. A status in the
// link is the sender's answer, which the diagnosis reads as if it were
// the reader's own: the note says so, and how to clear it.
func fromLinkNote(status string) string {
	note := "Opened from a share link: it holds the sender's API, endpoint, region and settings, never their key or error text."
	if status != "" {
		note += " The HTTP status " + status + " is the answer the sender got: clear it under I have more if yours differs."
	}
	return note + " Enter your key to diagnose."
}

// updateNotice offers to reload into a new deploy.
func updateNotice() app.UI {
	return app.Div().Class("update").Role("status").Body(
		app.Span().Text("A new version of az401 is available."),
		app.Button().Type("button").Text("Reload").OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
	)
}
