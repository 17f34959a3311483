//go:build js && wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "az401/app"
)

// main runs the page in the browser; it never returns.
func main() {
	ui.Register()
	app.RunWhenOnBrowser()
}
