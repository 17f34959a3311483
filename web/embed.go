// Package web holds the page's static assets: the stylesheet, the icons
// and the loading script. The built app.wasm lands beside them
// (git-ignored) and is copied into the site by az401 static.
package web

import "embed"

// Assets are the files served under /web/, app.wasm excepted.
//
//go:embed az401.css icon.svg icon-192.png icon-512.png
var Assets embed.FS

// Loader is the loading script, written inline in the page's head.
//
//go:embed loader.js
var Loader string
