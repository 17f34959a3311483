package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// warmForm is what the warm-up diagnoses: no user data, a placeholder
// key, and an endpoint and region, so the key, endpoint and region
// readers, the checks, the test-call builder and the drawing of the
// results all run once.
var warmForm = form{Kind: "translator", Key: "0123456789abcdef0123456789abcdef",
	Endpoint: "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0", Region: "westeurope"}

// warmWhenIdle runs one throwaway diagnosis once the browser is idle
// after the page is ready. WebAssembly compiles a function the first
// time it runs, which made the first finding after a paste wait for the
// whole engine to compile; idle, before the user types, that wait is
// paid where nobody sees it. It never renders: the diagnosis is on a
// copy of the page that is then dropped. Browsers without
// requestIdleCallback skip it.
func warmWhenIdle() {
	ric := app.Window().Get("requestIdleCallback")
	if !ric.Truthy() {
		return
	}
	var f app.Func
	f = app.FuncOf(func(app.Value, []app.Value) any {
		f.Release()
		w := diagnosePage{form: warmForm}
		w.safely(func() {
			w.diagnose()
			w.prepareCall()
			w.renderResults()
		})
		return nil
	})
	app.Window().Call("requestIdleCallback", f)
}
