// Package web holds the page's static assets: the stylesheet, icons and
// the loader script. The built app.wasm lands beside them (git-ignored)
// and is copied into the site by az401 static.
package web

import "embed"

// Assets are the files served under /web/, app.wasm excepted.
//
//go:embed az401.css loader.js icon.svg icon-192.png icon-512.png
var Assets embed.FS
