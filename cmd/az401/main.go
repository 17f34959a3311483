//go:build !(js && wasm)

// Command az401 explains why a call to an Azure AI service answers 401,
// 403 or 404. Built for WebAssembly it is the page; built natively it
// runs the diagnosis in a terminal, serves the page, and writes the
// static site. Run az401 help for the commands.
package main

import (
	"os"

	ui "az401/app"
)

func main() {
	ui.Register()
	os.Exit(run(os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}))
}
