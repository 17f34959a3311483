package e2e

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/internal/testkeys"
)

// randomHexKey returns a fresh 32-hex key, so a search for it finds only
// what this test wrote.
func randomHexKey(t *testing.T) string {
	b := make([]byte, 16)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return hex.EncodeToString(b)
}

// secretForms are the ways a secret can be written into a URL: as is,
// URL-escaped once or twice.
func secretForms(s string) []string {
	once := url.QueryEscape(s)
	return []string{s, once, url.QueryEscape(once), url.PathEscape(s)}
}

// profileDir returns the browser's profile directory, as chrome://version
// shows it (the harness picks the user data directory).
func profileDir(b *browser) string {
	b.t.Helper()
	require.NoError(b.t, chromedp.Do(b.ctx, chromedp.Navigate("chrome://version")))
	// chrome://version fills its table by script, after its load event.
	b.waitFor(`!!(document.getElementById("profile_path") || {}).textContent`, "chrome://version's profile path")
	dir := eval[string](b, `document.getElementById("profile_path").textContent`)
	require.DirExists(b.t, dir)
	return dir
}

// quit closes the browser the way a user does, so it writes its profile
// (the History database among it) to disk.
func quit(b *browser) {
	b.t.Helper()
	require.NoError(b.t, chromedp.Cancel(b.ctx))
}

// typeInto types text into a field key by key, as a user does: the page
// sees an input event per keystroke.
func typeInto(b *browser, id, text string) {
	b.t.Helper()
	before := b.revision()
	require.NoError(b.t, chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID(id), text)))
	b.waitFor(`document.getElementById(`+"`"+id+"`"+`).value.length >= `+strconv.Itoa(len(text)), "#"+id+" typed")
	b.waitFor(`+document.getElementById("verdict").dataset.revision > `+strconv.Itoa(before), "the diagnosis after typing into #"+id)
}

// TestKeyInWrongFieldStaysOffDisk types keys into the fields that are not
// the key field, and into every part of the endpoint URL, makes the
// share link, and closes the browser: no key is in the link, the address
// bar, the storage, or anywhere in the profile Chromium wrote to disk
// (its History database included).
func TestKeyInWrongFieldStaysOffDisk(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	keys := map[string]string{"userinfo": randomHexKey(t), "api_key": randomHexKey(t), "subscriptionKey": randomHexKey(t),
		"x-api-key": randomHexKey(t), "encoded name": randomHexKey(t), "fragment": randomHexKey(t),
		"region": randomHexKey(t), "region header": testkeys.CASK('T'), "jwt": testkeys.Expand("${jwt-entra}")}
	endpoint := "https://apikey:" + keys["userinfo"] + "@t1.cognitiveservices.azure.com/translator/text/v3.0/translate?to=de" +
		"&api_key=" + keys["api_key"] + "&subscriptionKey=" + keys["subscriptionKey"] + "&x-api-key=" + keys["x-api-key"] +
		"&subscription%2Dkey=" + keys["encoded name"] + "&token=" + keys["jwt"] + "#" + keys["fragment"]

	b.set("kind", "translator")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("more-toggle"))))
	b.waitFor(`!document.getElementById("more").hidden`, "the more section")
	typeInto(b, "endpoint", endpoint)
	typeInto(b, "region", keys["region"])
	b.set("region-header-sent", "sent")
	b.waitFor(`!document.getElementById("region-header").hidden && document.getElementById("region-header").offsetParent !== null`, "the region header's value field")
	typeInto(b, "region-header", keys["region header"])
	assert.Empty(t, eval[string](b, `document.getElementById("key").value`), "the key field stays empty")

	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("share"))))
	b.waitFor(`!!document.getElementById("share-link")`, "the share link")
	link := eval[string](b, `document.getElementById("share-link").value`)
	u, err := url.Parse(link)
	require.NoError(t, err)
	shared, err := url.ParseQuery(u.Fragment)
	require.NoError(t, err)
	assert.Equal(t, "https://t1.cognitiveservices.azure.com/translator/text/v3.0/translate?to=de", shared.Get("endpoint"),
		"the endpoint keeps what is not secret")
	assert.Equal(t, link, eval[string](b, `location.href`), "the address bar holds the share link")
	kept := link + "\n" + eval[string](b, `[location.href, document.cookie, JSON.stringify({...localStorage}), JSON.stringify({...sessionStorage})].join("\n")`)

	dir := profileDir(b)
	quit(b)
	history, err := os.ReadFile(filepath.Join(dir, "History"))
	require.NoError(t, err, "Chromium's History database")
	assert.Contains(t, string(history), "t1.cognitiveservices.azure.com", "the history holds the share link")
	disk := map[string][]byte{}
	require.NoError(t, filepath.Walk(filepath.Dir(dir), func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || fi.Size() > 64<<20 {
			return err
		}
		b, err := os.ReadFile(p)
		disk[p] = b
		return err
	}))
	for where, key := range keys {
		for _, f := range secretForms(key) {
			assert.NotContains(t, kept, f, "the key in the %s: link, address bar or storage", where)
			assert.False(t, strings.Contains(string(history), f), "the key in the %s is in the History database", where)
			for p, b := range disk {
				assert.False(t, strings.Contains(string(b), f), "the key in the %s is in %s", where, p)
			}
		}
	}
}

// frameEval evaluates JavaScript in the document of the page's first
// frame (in a world of its own, which shares the frame's DOM) and
// decodes its value into T.
func frameEval[T any](b *browser, js string) (T, error) {
	var zero T
	tree, err := chromedp.Call(b.ctx, cdppage.GetFrameTree, cdp.Empty{})
	if err != nil {
		return zero, err
	}
	if len(tree.FrameTree.ChildFrames) == 0 {
		return zero, errors.New("the page has no frame yet")
	}
	world, err := chromedp.Call(b.ctx, cdppage.CreateIsolatedWorld,
		cdppage.CreateIsolatedWorldParams{FrameID: tree.FrameTree.ChildFrames[0].Frame.ID, WorldName: "e2e"})
	if err != nil {
		return zero, err
	}
	yes := true
	res, err := chromedp.Call(b.ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: js, ContextID: world.ExecutionContextID,
		ReturnByValue: &yes, AwaitPromise: &yes})
	if err != nil {
		return zero, err
	}
	if res.ExceptionDetails != nil {
		return zero, errors.New(res.ExceptionDetails.Text)
	}
	var v T
	return v, json.Unmarshal(res.Result.Value, &v)
}

// TestFramedPageHasNoKeyForm frames the page from another origin: once
// WebAssembly runs, the frame shows no key form, only a link that opens
// the page on its own.
func TestFramedPageHasNoKeyForm(t *testing.T) {
	s := serve(t, siteDir)
	framer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, `<!doctype html><title>framer</title><iframe id="f" width="1200" height="900" src="`+s.page()+`#kind=vision"></iframe>`)
	}))
	defer framer.Close()
	b := newBrowser(t)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Navigate(framer.URL+"/")))
	const state = `JSON.stringify({ready: !!document.getElementById("ready"), key: !!document.getElementById("key"),
		framed: !!document.getElementById("framed"), link: (document.getElementById("open-alone") || {}).href || "",
		target: (document.getElementById("open-alone") || {}).target || ""})`
	var got struct {
		Ready, Key, Framed bool
		Link, Target       string
	}
	deadline := time.Now().Add(45 * time.Second)
	for {
		js, err := frameEval[string](b, state)
		if err == nil && json.Unmarshal([]byte(js), &got) == nil && got.Ready {
			break
		}
		require.True(t, time.Now().Before(deadline), "waiting for the framed page to mount: %v %+v", err, got)
		time.Sleep(100 * time.Millisecond)
	}
	assert.False(t, got.Key, "no key field in a frame")
	assert.True(t, got.Framed, "the notice that explains why")
	assert.Equal(t, s.page(), got.Link, "the link opens the page itself, without the framer's fragment")
	assert.Equal(t, "_blank", got.Target)

	// The same page, opened on its own, has its form.
	b.open(s.page())
	assert.True(t, eval[bool](b, `!!document.getElementById("key") && !document.getElementById("framed")`))
}

// noCSPViolations fails the test if the browser reported a Content
// Security Policy violation: the policy must fit everything the page
// does. Every browser the harness starts is checked when its test ends.
func noCSPViolations(b *browser) {
	b.t.Helper()
	console, _ := b.seen()
	for _, line := range strings.Split(console, "\n") {
		if strings.Contains(line, "Content Security Policy") || strings.Contains(line, "Content-Security-Policy") {
			b.t.Errorf("Content Security Policy violation: %s", line)
		}
	}
}

// TestTamperedCacheDoesNotRun rewrites, from a script of the same origin
// (as another project site of the same GitHub account could), the cached
// app.js and the cached page. The next visit runs neither: the service
// worker checks each cached file against the hashes of its build, takes
// the network's copy instead, and caches it again.
func TestTamperedCacheDoesNotRun(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	waitCached(b, "e2e-1")
	b.open(s.page())
	require.True(t, eval[bool](b, `!!navigator.serviceWorker.controller`), "the service worker serves the page")

	require.True(t, eval[bool](b, `(async () => {
		const cache = await caches.open("app-e2e-1");
		const js = new URL("app.js", location.href).href, page = new URL("./", location.href).href;
		const code = await (await cache.match(js)).text();
		await cache.put(js, new Response(code + "\nwindow.__tampered = true;", {headers: {"Content-Type": "text/javascript"}}));
		const html = (await (await cache.match(page)).text())
			.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "")
			.replace("<head>", "<head><script>window.__tamperedPage = true;</script>");
		await cache.put(page, new Response(html, {headers: {"Content-Type": "text/html; charset=utf-8"}}));
		return (await (await cache.match(js)).text()).includes("__tampered");
	})()`), "the cache was rewritten")
	stopWorkers(b)

	b.open(s.page())
	assert.True(t, eval[bool](b, `!!navigator.serviceWorker.controller`), "the service worker still serves the page")
	assert.False(t, eval[bool](b, `window.__tampered === true || window.__tamperedPage === true`), "tampered code ran")
	b.set("key", "8f14e45f-ceea-467f-a9a1-2f5c3d1e7b90")
	assert.True(t, hasFinding(b, "key-is-guid"), "the page works")
	b.waitFor(`(async () => {
		const cache = await caches.open("app-e2e-1");
		const js = await cache.match(new URL("app.js", location.href).href), page = await cache.match(new URL("./", location.href).href);
		window.__healed = !!js && !!page && !(await js.text()).includes("__tampered") && !(await page.text()).includes("__tamperedPage");
	})(), window.__healed === true`, "the cache to hold the build's files again")

	// The build's own bodies with headers added: the hashes pass, but no
	// cached header is passed on, so the page does not redirect.
	require.True(t, eval[bool](b, `(async () => {
		const cache = await caches.open("app-e2e-1");
		for (const [path, type] of [["./", "text/html; charset=utf-8"], ["app.js", "text/javascript"]]) {
			const url = new URL(path, location.href).href, body = await (await cache.match(url)).arrayBuffer();
			await cache.put(url, new Response(body, {headers: {"Content-Type": type, "Refresh": "0; url=evil/", "X-Tampered": "1"}}));
		}
		return (await cache.match(new URL("./", location.href).href)).headers.get("Refresh") !== null;
	})()`), "headers added to the cached page")
	b.open(s.page())
	assert.Equal(t, "", eval[string](b, `(async () => {
		const page = await fetch("./"), js = await fetch("app.js");
		return (page.headers.get("Refresh") || "") + (page.headers.get("X-Tampered") || "") + (js.headers.get("X-Tampered") || "");
	})()`), "the worker passes on no cached header")
	assert.NotContains(t, eval[string](b, `location.pathname`), "evil", "the page was redirected")

	// app.wasm with a custom section added is still a valid module: the
	// worker streams it, finds the hash wrong at its end and fails the
	// stream, so it never runs; the next visit gets the build's again.
	require.True(t, eval[bool](b, `(async () => {
		const cache = await caches.open("app-e2e-1"), url = new URL("web/app.wasm", location.href).href;
		const wasm = new Uint8Array(await (await cache.match(url)).arrayBuffer());
		const tampered = new Uint8Array(wasm.length + 7);
		tampered.set(wasm);
		tampered.set([0, 5, 4, 116, 97, 109, 112], wasm.length); // custom section "tamp"
		await cache.put(url, new Response(tampered, {headers: {"Content-Type": "application/wasm"}}));
		return WebAssembly.validate(tampered);
	})()`), "a valid tampered module")
	stopWorkers(b)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Navigate(s.page())))
	b.waitFor(`/failed|Error/i.test((document.getElementById("app-wasm-loader-label") || {}).textContent || "")`, "the tampered module refused")
	assert.False(t, eval[bool](b, `!!document.getElementById("ready")`), "the tampered module ran")
	b.waitFor(`(async () => {
		const res = await (await caches.open("app-e2e-1")).match(new URL("web/app.wasm", location.href).href);
		window.__wasmHealed = !!res && (await res.arrayBuffer()).byteLength === `+strconv.FormatInt(wasmSize(t), 10)+`;
	})(), window.__wasmHealed === true`, "the build's app.wasm cached again")
	b.open(s.page())

	// Offline, the files cached again serve the page.
	s.Close()
	b.open(s.page())
	assert.False(t, eval[bool](b, `window.__tampered === true || window.__tamperedPage === true`), "tampered code ran offline")
}

// stopWorkers stops the service worker, as the browser does once it is
// idle. A worker keeps the files it checked in memory and never reads
// them again, so a rewritten cache is read by the next worker only.
func stopWorkers(b *browser) {
	_, err := chromedp.Call(b.ctx, serviceworker.Enable, cdp.Empty{})
	require.NoError(b.t, err)
	_, err = chromedp.Call(b.ctx, serviceworker.StopAllWorkers, cdp.Empty{})
	require.NoError(b.t, err)
}

// wasmSize is the size of the site's app.wasm.
func wasmSize(t *testing.T) int64 {
	fi, err := os.Stat(filepath.Join(siteDir, "web", "app.wasm"))
	require.NoError(t, err)
	return fi.Size()
}

// TestGatewayNeedsConfirmation gives an API Management gateway as the
// endpoint: the page warns that it is not an Azure AI host, and Send
// stays off until the user ticks the box that names the host.
func TestGatewayNeedsConfirmation(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	b.set("kind", "vision")
	b.set("endpoint", "https://contoso-gw.azure-api.net/vision/")
	b.set("key", testkeys.Legacy())
	assert.True(t, hasFinding(b, "endpoint-unknown-host"), "%v", b.findings())
	b.waitFor(`!!document.getElementById("probe-confirm")`, "the host confirmation")
	assert.Contains(t, eval[string](b, `document.querySelector("label.guard").textContent`), "Send my key to contoso-gw.azure-api.net.")
	assert.False(t, eval[bool](b, `document.getElementById("probe-confirm").checked`))
	assert.True(t, eval[bool](b, `document.getElementById("probe-send").disabled`), "Send is off until the host is confirmed")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("probe-confirm"))))
	b.waitFor(`!document.getElementById("probe-send").disabled`, "Send on once the host is confirmed")

	// Another host drops the confirmation.
	b.set("endpoint", "https://fabrikam-gw.azure-api.net/vision/")
	b.waitFor(`document.querySelector("label.guard").textContent.includes("fabrikam-gw.azure-api.net")`, "the new host named")
	assert.False(t, eval[bool](b, `document.getElementById("probe-confirm").checked`))
	assert.True(t, eval[bool](b, `document.getElementById("probe-send").disabled`))
}

// TestKeyInPasteIsMasked pastes code that reads the key from an
// environment variable whose name is a key (the review's case): the
// note, the findings, the verdict, the strip and the screen-reader
// announcement show it masked, never 12 characters of it in a row.
func TestKeyInPasteIsMasked(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	k := testkeys.CASK('T')
	b.set("paste", "import os\nkey = os.getenv(\""+k+"\")\nendpoint=\"https://myres.cognitiveservices.azure.com/\"\n"+
		"headers={\"Ocp-Apim-Subscription-Key\": key}")
	b.waitFor(`(document.getElementById("paste-filled") || {}).textContent.includes("read from env")`, "the note on the key")
	b.waitFor(`document.getElementById("verdict-live").textContent !== "" &&
		document.getElementById("verdict-live").textContent === document.getElementById("verdict").textContent`, "the announcement")
	for _, id := range []string{"verdict", "verdict-live", "verdict-strip", "findings", "paste-filled"} {
		text := eval[string](b, `(document.getElementById("`+id+`") || {}).textContent || ""`)
		for i := 0; i+12 <= len(k); i++ {
			require.NotContains(t, text, k[i:i+12], "#%s shows the key", id)
		}
	}
	assert.Contains(t, eval[string](b, `document.getElementById("paste-filled").textContent`), k[:4]+"…"+k[len(k)-4:])
}

// TestOpenedPageHasNoKeyForm: a page of the same origin (another project
// site of the account) that opens az401 with window.open keeps a handle
// on it and could read its fields: the opened page has no key form, only
// the notice and a link that opens it on its own, without an opener.
func TestOpenedPageHasNoKeyForm(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	require.True(t, eval[bool](b, `(window.__w = window.open(location.href)) !== null`), "the window opened")
	b.waitFor(`(() => { try { return !!window.__w.document.getElementById("ready"); } catch (e) { return false; } })()`, "the opened page to mount")
	var got struct {
		Key, Framed bool
		Rel, Text   string
	}
	require.NoError(t, json.Unmarshal([]byte(eval[string](b, `(() => { const d = window.__w.document;
		return JSON.stringify({key: !!d.getElementById("key"), framed: !!d.getElementById("framed"),
			rel: (d.getElementById("open-alone") || {}).rel || "", text: (d.getElementById("framed") || {}).textContent || ""}); })()`)), &got))
	assert.False(t, got.Key, "no key field in a window a script opened")
	assert.True(t, got.Framed, "the notice that explains why")
	assert.Contains(t, got.Text, "opened by a script")
	assert.Contains(t, got.Rel, "noopener")
	eval[bool](b, `(window.__w.close(), true)`)
	assert.True(t, eval[bool](b, `!!document.getElementById("key")`), "the page opened directly has its form")
}
