package e2e

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ui "az401/app"
)

// waitCached waits until the service worker has precached the site.
func waitCached(b *browser, version string) {
	b.t.Helper()
	b.waitInstalled()
	b.waitFor(`window.__cached === true || (caches.has("app-`+version+`").then(ok => { if (ok) window.__cached = true; }), false)`,
		"the service worker's cache")
}

// TestOffline loads the page once, stops the server, and uses the page,
// a share link (fragment and query forms) and the causes page offline.
func TestOffline(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	waitCached(b, "e2e-1")
	s.Close()

	b.open(s.page())
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("key"), "8f14e45f-ceea-467f-a9a1-2f5c3d1e7b90")))
	b.waitFor(`!!document.querySelector('#findings [data-cause-id="key-is-guid"]')`, "key-is-guid offline")

	// A link to the page already open is a same-document navigation:
	// the form follows it too.
	b.open(s.page() + "#kind=openai&region=westus&endpoint=https%3A%2F%2Fc1.openai.azure.com%2F")
	b.waitFor(`document.getElementById("kind").value === "openai" && document.getElementById("endpoint").value === "https://c1.openai.azure.com/"`,
		"the fragment link's fields")

	b.open(s.page() + "?kind=vision&region=westeurope")
	b.waitFor(`document.getElementById("kind").value === "vision"`, "the query link's fields")
	b.set("key", "<your-key>")
	assert.Contains(t, b.findings()[0].ID, "key-placeholder")

	b.open(s.URL + prefix + "/index.html")
	b.open(s.page() + "causes")
	assert.Positive(t, eval[int](b, `document.querySelectorAll(".cause[data-cause-id]").length`))
}

// TestUpdateAvailable deploys a new version under a running page: the
// page offers to reload into it.
func TestUpdateAvailable(t *testing.T) {
	dir2 := filepath.Join(t.TempDir(), "site")
	require.NoError(t, ui.Generate(dir2, ui.Site{Prefix: prefix, Version: "e2e-2"}, wasmPath))
	later := time.Now().Add(time.Hour) // newer than the first site, so no 304
	require.NoError(t, filepath.Walk(dir2, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, later, later)
	}))
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	waitCached(b, "e2e-1")
	s.swap(dir2)
	b.open(s.page())
	b.waitFor(`!!document.querySelector(".update button")`, "the update notice")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS(".update button"))))
	b.waitAcrossReload(`!!document.getElementById("ready") && !document.querySelector(".update")`, "the reload into the new version")
	waitCached(b, "e2e-2")
}

// TestLinkEmptiesFields opens a link to the open page that drops a
// field: the input follows (go-app alone would keep the old text).
func TestLinkEmptiesFields(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page() + "#kind=vision&region=westus&endpoint=https%3A%2F%2Fv1.cognitiveservices.azure.com%2F")
	b.waitFor(`document.getElementById("region").value === "westus"`, "the first link")
	b.open(s.page() + "#kind=openai")
	b.waitFor(`document.getElementById("kind").value === "openai" && document.getElementById("region").value === "" && document.getElementById("endpoint").value === ""`,
		"the second link's fields")
}
