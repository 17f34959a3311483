//go:build !(js && wasm)

package app

import (
	"crypto/sha256"
	"encoding/base64"
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
		// The link preview's picture (og:image); go-app adds the prefix.
		Image: "/web/icon-512.png",
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

// ContentSecurityPolicy is the page's policy. GitHub Pages sets no
// headers, so Generate writes it as a meta tag at the top of each page,
// which browsers honour for everything after it except frame-ancestors,
// report-uri and sandbox: framing is refused by the page itself
// (framed). Scripts: the site's own files, WebAssembly compilation
// ('wasm-unsafe-eval', which go-app needs to run app.wasm; no eval), and
// the inline loading script by its hash; no 'unsafe-inline'. Styles and
// images are the site's own. Connections: the test call goes to the
// endpoint the user typed, which the host guard lets be any https host
// or, once confirmed, a loopback address over http.
func ContentSecurityPolicy() string {
	loader := sha256.Sum256([]byte(web.Loader))
	return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-" + base64.StdEncoding.EncodeToString(loader[:]) +
		"'; style-src 'self'; img-src 'self'; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"
}

// serviceWorker precaches the site and answers navigations from the
// cache, ignoring the query and fragment, so the page, the causes page
// and share links open offline under a sub-path. go-app's default
// worker caches the scope without its trailing slash and matches the
// query exactly, so none of those load offline (measured under /REPO/ with
// a no-cache test server).
// Requests to other origins (the test call) are not touched.
//
// Every page of an origin can write its Cache Storage, and on GitHub
// Pages all project sites of one account share an origin. So the worker
// runs nothing from the cache unchecked: integrity maps each file's path
// to its SHA-256 and Content-Type, written in by Generate (sealWorker)
// once the site is built. A cached answer whose hash differs, or that has
// no hash, is dropped for the network's, which is cached again if it is
// the build's own. app.wasm is streamed and checked at its end instead
// (streamed). A cached answer's headers are never reused (another page
// could add Refresh or Link to a body that passes): every answer from the
// cache is built from the checked body and the build's Content-Type only
// (answer). A file is read and hashed once per worker: the verified copy
// is kept in the worker's memory (checked) and served from there, so a
// reload hashes nothing, and a cache rewritten after the check is never
// read by that worker. activate checks every file at once, so the first
// visit the worker controls is served from memory too. Only this
// worker's cache is read, and activate deletes only older caches of
// this site (those holding its scope).
const serviceWorker = `const cacheName = "app-" + "{{.Version}}";
const scope = self.registration.scope;
const resourcesToCache = {{.ResourcesToCache}}.concat([scope, scope + "index.html", scope + "causes.html"]);
const integrity = ` + integrityMarker + `;

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
      if (key !== cacheName && await (await caches.open(key)).match(scope)) await caches.delete(key);
    }
  })());
  event.waitUntil(Promise.all(resourcesToCache.map((path) => fromCache(new URL(path, scope).href))));
});

// checked maps a URL to the promise of its verified copy (null if the
// cache holds none), for the worker's lifetime.
const checked = new Map();

// remember keeps a verified copy of key's file: its body and the
// Content-Type this build recorded for its path, never a cached
// answer's headers.
function remember(key, body, want) {
  const copy = { body: new Blob([body]), type: want.type };
  checked.set(key, Promise.resolve(copy));
  return copy;
}

// answer is a response made of a verified copy: its body and its one
// recorded header.
function answer(copy) {
  return copy && new Response(copy.body, { headers: { "Content-Type": copy.type } });
}

// verified returns a verified copy of key's file from res (remembered),
// if the body's SHA-256 is the one this build recorded for key's path;
// else null.
async function verified(key, res) {
  const want = integrity[new URL(key).pathname];
  if (!res || !res.ok || !want) return null;
  const body = await res.arrayBuffer();
  if (hex(await crypto.subtle.digest("SHA-256", body)) !== want.sha256) return null;
  return remember(key, body, want);
}

// fromCache answers with the verified copy of key's file: from memory,
// else read from the cache and checked once.
async function fromCache(key, options) {
  if (!checked.has(key)) {
    const copy = caches.open(cacheName).then((cache) => cache.match(key, options)).then((res) => verified(key, res));
    checked.set(key, copy);
    copy.then((c) => c || checked.delete(key), () => checked.delete(key));
  }
  return answer(await checked.get(key));
}

function hex(digest) {
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

// streamed passes app.wasm on from the cache as it is read, so the page
// compiles it while it streams, and hashes a copy alongside: if the hash
// is not the build's, the stream fails at its end and the module never
// runs (WebAssembly instantiates only a complete module); the network's
// copy is then cached for the next visit.
async function streamed(event, key) {
  if (checked.has(key)) return answer(await checked.get(key));
  const res = await (await caches.open(cacheName)).match(key);
  const want = integrity[new URL(key).pathname];
  if (!res || !res.ok || !want) return null;
  const same = res.clone().arrayBuffer().then(async (b) => {
    const ok = hex(await crypto.subtle.digest("SHA-256", b)) === want.sha256;
    if (ok) remember(key, b, want);
    return ok;
  });
  event.waitUntil(same.then(async (ok) => {
    const copy = ok ? null : await verified(key, await fetch(key));
    if (copy) await (await caches.open(cacheName)).put(key, answer(copy));
  }).catch(() => {}));
  const body = res.body.pipeThrough(new TransformStream({
    async flush() {
      if (!(await same)) throw new Error(key + " in the cache is not this build's");
    },
  }));
  return new Response(body, { headers: { "Content-Type": want.type } });
}

// fromNetwork fetches the request; once the answer is in, it is cached
// under key if it is this build's file.
async function fromNetwork(event, req, key) {
  const res = await fetch(req);
  event.waitUntil((async () => {
    const copy = await verified(key, res.clone());
    if (copy) await (await caches.open(cacheName)).put(key, answer(copy));
  })());
  return res;
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

// pageFor is the cached page a navigation gets: the file at its path,
// whatever its query and fragment, else the causes page or the scope.
function pageFor(url) {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  if (integrity[u.pathname]) return u.href;
  if (u.pathname.endsWith("/causes")) return scope + "causes.html";
  return scope;
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    const key = pageFor(req.url);
    event.respondWith((async () =>
      (await withoutPreload(await fromCache(key, { ignoreSearch: true }))) || fromNetwork(event, req, key))());
    return;
  }
  const cached = req.url.endsWith(".wasm") ? streamed(event, req.url) : fromCache(req.url);
  event.respondWith((async () => (await cached) || fromNetwork(event, req, req.url))());
});
`

// integrityMarker stands in the worker for the map of file hashes until
// Generate writes it (sealWorker).
const integrityMarker = "/* az401:integrity */ {}"
