//go:build js && wasm

package main

// generate does nothing in the browser: RunWhenOnBrowser never returns.
func generate() {}
