//go:build !(js && wasm)

package main

import (
	"flag"
	"log"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// generate writes the static site.
func generate() {
	out := flag.String("out", "site", "")
	prefix := flag.String("prefix", "", "")
	flag.Parse()
	h := &app.Handler{Name: "hello", Resources: app.PrefixedLocation(*prefix), Version: "hello-1",
		Icon: app.Icon{Default: "/web/icon.png"}}
	if err := app.GenerateStaticWebsite(*out, h); err != nil {
		log.Fatal(err)
	}
}
