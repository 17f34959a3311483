package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// copyText writes text to the clipboard and reports whether it worked.
// The Clipboard API needs a secure context; where it is missing, done
// gets false and the page shows the text to copy by hand.
func copyText(ctx app.Context, text string, done func(ok bool)) {
	cb := app.Window().Get("navigator").Get("clipboard")
	if !cb.Truthy() {
		done(false)
		return
	}
	var ok, fail app.Func
	release := func() { ok.Release(); fail.Release() }
	ok = app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(app.Context) { done(true) })
		release()
		return nil
	})
	fail = app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(app.Context) { done(false) })
		release()
		return nil
	})
	cb.Call("writeText", text).Call("then", ok, fail)
}

// copiedFor is how long a copy button says "Copied".
const copiedFor = 3 * time.Second

// copyable is what a copy button copies, as of the last render.
type copyable struct {
	what string        // what it copies, for its name and the status
	text func() string // the text
}

// copyButton returns a button that copies text. Its name says what it
// copies (the part after the visible words is for screen readers); once
// copied it says "Copied", and #copy-status announces it.
//
// go-app keeps an element's first click handler for as long as the
// handler's code is the same: it compares function pointers, not what a
// closure holds. So the handler (onCopy) holds nothing: each render
// writes what every button copies into p.copyables, and a click reads
// it there, by the button's id.
func (p *diagnosePage) copyButton(id, words, what string, text func() string) app.UI {
	if p.copyables == nil {
		p.copyables = map[string]copyable{}
	}
	p.copyables[id] = copyable{what: what, text: text}
	shown := words
	if p.copied == id {
		shown = "Copied"
	}
	return app.Button().ID(id).Type("button").Class("secondary").Body(
		app.Text(shown), app.Span().Class("sr-only").Text(" "+what),
	).OnClick(p.onCopy)
}

// onCopy copies what the clicked button shows it copies now.
func (p *diagnosePage) onCopy(ctx app.Context, e app.Event) {
	id := e.Get("target").Call("closest", "button").Get("id").String()
	c, ok := p.copyables[id]
	if !ok {
		return
	}
	copyText(ctx, c.text(), func(ok bool) {
		if !ok {
			p.copyStatus = "Could not copy: select the text and copy it by hand."
			return
		}
		p.copied, p.copyStatus = id, "Copied "+c.what+"."
		ctx.After(copiedFor, func(ctx app.Context) {
			if p.copied == id {
				p.copied = ""
			}
		})
	})
}

// copyStatusLine is the polite live region that says what was copied.
func (p *diagnosePage) copyStatusLine() app.UI {
	return app.P().ID("copy-status").Class("sr-only").Role("status").Aria("live", "polite").Text(p.copyStatus)
}
