//go:build !(js && wasm)

package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/web"
)

// Site describes one build of the page.
type Site struct {
	// Prefix is the sub-path the site lives under ("/az401" on GitHub
	// Pages), or "" at a domain root.
	Prefix string
	// Version names the build; a new value makes installed copies update.
	// Use the commit SHA.
	Version string
	// Domain is the host the site is published on, for the og:url tag.
	Domain string
	// WasmSize is the raw size of app.wasm, for the loading progress
	// (GitHub Pages serves it gzipped, so Content-Length would lie).
	WasmSize int64
	// Env is passed to the page (app.Getenv).
	Env map[string]string
}

// Handler returns the go-app handler that renders the site: local icons
// and styles only, and a service worker that works under a sub-path.
func (s Site) Handler() *app.Handler {
	return &app.Handler{
		Name:        "az401: Azure AI 401 troubleshooter",
		ShortName:   "az401",
		Title:       "az401: why does my Azure AI key get 401?",
		Description: "Paste a key, an endpoint and the API you call: az401 explains 401, 403 and 404 errors from Azure AI services (Translator, Speech, Vision, OpenAI, …) offline, in your browser.",
		Author:      "az401",
		Keywords:    []string{"Azure", "401", "Cognitive Services", "Azure AI", "Translator", "Speech", "OpenAI", "subscription key"},
		Lang:        "en",
		Domain:      s.Domain,
		Icon: app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", Maskable: "/web/icon-512.png",
			SVG: "/web/icon.svg"},
		Styles:                []string{"/web/az401.css"},
		Resources:             app.PrefixedLocation(s.Prefix),
		Version:               s.Version,
		WasmContentLength:     strconv.FormatInt(s.WasmSize, 10),
		ServiceWorkerTemplate: serviceWorker,
		StartURL:              "/index.html",
		LoadingLabel:          "Loading the offline diagnosis engine… {progress}%",
		BackgroundColor:       "#15181c",
		ThemeColor:            "#0b5cad",
		Env:                   s.Env,
		RawHeaders: []string{
			// Start downloading app.wasm with the HTML, not once the
			// deferred scripts ran: app.js's fetch of the same URL takes
			// the preloaded response. The service worker drops this line
			// from the pages it serves (withoutPreload).
			`<link rel="preload" href="` + s.Prefix + `/web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`,
			// The loading script (web/loader.js) runs inline, before app.js:
			// it registers the service worker once the page has mounted.
			`<script>` + web.Loader + `</script>`,
		},
	}
}

// serviceWorker precaches the site and answers navigations from the
// cache, ignoring the query and fragment, so the page, the causes page
// and share links open offline under a sub-path. go-app's default
// worker caches the scope without its trailing slash and matches the
// query exactly, so none of those load offline (go-app guide §6.2–6.3).
// Requests to other origins (the test call) are not touched.
const serviceWorker = `const cacheName = "app-" + "{{.Version}}";
const scope = self.registration.scope;
const resourcesToCache = {{.ResourcesToCache}}.concat([scope, scope + "index.html", scope + "causes.html"]);

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(resourcesToCache);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== cacheName) await caches.delete(key);
    }
  })());
});

function unredirect(res) {
  if (!res || !res.redirected) return res;
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

// withoutPreload drops the page's preload of app.wasm: that file is in
// the cache too, and preloading it would only compete with the page's
// other files for the worker's attention.
async function withoutPreload(res) {
  if (!res || !(res.headers.get("Content-Type") || "").startsWith("text/html")) return res;
  const html = (await res.text()).replace(/<link rel="preload"[^>]*app\.wasm[^>]*>/, "");
  const headers = new Headers(res.headers);
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  return new Response(html, { status: res.status, statusText: res.statusText, headers });
}

function pageFor(url) {
  const path = new URL(url).pathname;
  if (path.endsWith("/causes") || path.endsWith("/causes.html")) return scope + "causes.html";
  return scope;
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    event.respondWith((async () =>
      (await withoutPreload(unredirect(await caches.match(req, { ignoreSearch: true }) || await caches.match(pageFor(req.url))))) ||
      fetch(req))());
    return;
  }
  event.respondWith((async () => (await caches.match(req)) || fetch(req))());
});
`
