package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

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
