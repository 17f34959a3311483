package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/internal/pages"
)

// TestTypingWhileLoading types into the pre-rendered form while app.wasm
// is still on its way: once the page is live, what was typed is still
// there and diagnosed.
func TestTypingWhileLoading(t *testing.T) {
	release := make(chan struct{})
	h := pages.Handler(siteDir, prefix)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/app.wasm") {
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()
	b := newBrowser(t)
	require.NoError(t, chromedp.Do(b.ctx))
	_, err := chromedp.Call(b.ctx, cdppage.Navigate, cdppage.NavigateParams{URL: srv.URL + prefix + "/"})
	require.NoError(t, err)
	b.waitFor(`!!document.getElementById("endpoint") && document.readyState !== "loading"`, "the pre-rendered form")
	require.NoError(t, chromedp.Do(b.ctx,
		chromedp.SendKeys(chromedp.ID("endpoint"), "https://api.cognitive.microsofttranslator.com/"),
		chromedp.SendKeys(chromedp.ID("key"), "8f14e45f-ceea-467f-a9a1-2f5c3d1e7b90"),
	))
	assert.False(t, eval[bool](b, `!!document.getElementById("ready")`), "typed before WebAssembly ran")
	assert.True(t, strings.HasPrefix(eval[string](b, `document.getElementById("verdict").textContent`), "Kept:"),
		"the pre-rendered verdict no longer says there is nothing to diagnose")
	close(release)
	b.waitFor(`!!document.getElementById("ready")`, "the page to mount")
	b.waitFor(`!!document.querySelector('#findings [data-cause-id="key-is-guid"]')`, "the early input diagnosed")
	assert.Equal(t, "https://api.cognitive.microsofttranslator.com/", eval[string](b, `document.getElementById("endpoint").value`))
	assert.Equal(t, "8f14e45f-ceea-467f-a9a1-2f5c3d1e7b90", eval[string](b, `document.getElementById("key").value`))
	assert.Equal(t, "key", eval[string](b, `document.activeElement.id`), "focus stays where the user was typing")
	assert.NotContains(t, eval[string](b, `location.href`), "8f14e45f", "the key stays in the field")
}

// TestLoadingProgressInMB loads the page over a slow network: the bar at
// the bottom says how many of app.wasm's megabytes have arrived, and
// covers neither the brand nor the form's first field.
func TestLoadingProgressInMB(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	require.NoError(t, chromedp.Do(b.ctx))
	_, err := chromedp.Call(b.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{DownloadThroughput: 3e6, UploadThroughput: -1}}})
	require.NoError(t, err)
	_, err = chromedp.Call(b.ctx, cdppage.Navigate, cdppage.NavigateParams{URL: s.page()})
	require.NoError(t, err)
	total := fmt.Sprintf(" of %.1f MB", float64(wasmSize(t))/1e6)
	b.waitFor(`/[1-9]\d*\.\d of /.test(document.getElementById("app-wasm-loader-label")?.textContent || "")`, "some megabytes read")
	label := eval[string](b, `document.getElementById("app-wasm-loader-label").textContent`)
	assert.Regexp(t, `^Loading the offline diagnosis engine… \d+\.\d`+regexp.QuoteMeta(total)+`$`, label)
	apart := eval[bool](b, `(() => {
		const bar = document.getElementById("app-wasm-loader").getBoundingClientRect();
		const apart = (el) => { const r = el.getBoundingClientRect(); return r.bottom <= bar.top || r.top >= bar.bottom; };
		return apart(document.querySelector(".brand")) && apart(document.getElementById("endpoint"));
	})()`)
	assert.True(t, apart, "the bar covers the brand or the form")
	b.waitFor(`!!document.getElementById("ready")`, "the page to mount")
	assert.False(t, eval[bool](b, `!!document.getElementById("app-wasm-loader")`), "the bar is gone once the page runs")
}
