//go:build js && wasm

package probe

import (
	"errors"
	"syscall/js"
	"time"
)

const inBrowser = true

// do sends an exchange with the browser's fetch: no cookies, redirects
// not followed, aborted when stop closes or the time runs out. It runs in
// a goroutine of its own (never in a JavaScript callback), so it may wait
// for the promises.
func do(stop Stop, limit time.Duration, ex exchange) (answer, error) {
	timer := time.NewTimer(limit)
	defer timer.Stop()
	headers := js.Global().Get("Headers").New()
	for _, h := range ex.headers {
		if h.Name != "Content-Length" {
			headers.Call("set", h.Name, h.Value)
		}
	}
	abort := js.Global().Get("AbortController").New()
	init := map[string]any{"method": ex.method, "headers": headers, "credentials": "omit",
		"redirect": "manual", "signal": abort.Get("signal"), "cache": "no-store"}
	if ex.body != "" {
		init["body"] = ex.body
	}
	if ex.noCORS {
		// no-cors requests must follow redirects; this one has no key.
		init["mode"], init["redirect"] = "no-cors", "follow"
	}
	resp, err := await(stop, timer.C, abort, js.Global().Call("fetch", ex.url, init))
	if err != nil {
		return answer{}, err
	}
	a := answer{status: resp.Get("status").Int(), headers: map[string]string{}}
	if t := resp.Get("type").String(); t == "opaque" || t == "opaqueredirect" {
		a.opaque = true
		return a, nil
	}
	for _, name := range shownHeaders {
		if v := resp.Get("headers").Call("get", name); v.Truthy() {
			a.headers[name] = v.String()
		}
	}
	text, err := await(stop, timer.C, abort, resp.Call("text"))
	if err != nil {
		return answer{}, err
	}
	a.body = text.String()
	if len(a.body) > maxBody {
		a.body = a.body[:maxBody]
	}
	return a, nil
}

// await waits for a promise, aborting the request when stop closes or
// the timer fires.
func await(stop Stop, timeout <-chan time.Time, abort, promise js.Value) (js.Value, error) {
	type outcome struct {
		v   js.Value
		err error
	}
	done := make(chan outcome, 1)
	ok := js.FuncOf(func(_ js.Value, args []js.Value) any { done <- outcome{v: args[0]}; return nil })
	fail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "fetch failed"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		done <- outcome{err: errors.New(msg)}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	promise.Call("then", ok, fail)
	var err error
	select {
	case o := <-done:
		return o.v, o.err
	case <-stop:
		err = errCanceled
	case <-timeout:
		err = errTimeout
	}
	abort.Call("abort")
	<-done // the rejection that abort causes
	return js.Value{}, err
}
