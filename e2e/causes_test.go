package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/internal/testkeys"
)

// TestCauseDeepLink opens a finding's cause: it is marked current and
// focused, its link reads as typed, and "Back to the diagnosis" returns
// to the form as it was, key included.
func TestCauseDeepLink(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	key := testkeys.Legacy()
	b.set("kind", "translator")
	b.set("endpoint", "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de")
	b.set("region", "westeurope")
	b.set("key", key)
	b.waitFor(`!!document.querySelector('#findings .finding[data-cause-id="translator-region-header"] a')`, "a finding")
	href := eval[string](b, `document.querySelector('#findings .finding[data-cause-id="translator-region-header"] a').getAttribute("href")`)
	assert.Equal(t, "causes#translator-region-header", href)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS(`#findings .finding[data-cause-id="translator-region-header"] a`))))
	b.waitFor(`document.activeElement && document.activeElement.id === "translator-region-header"`, "focus on the cause")
	assert.Equal(t, "location", eval[string](b, `document.getElementById("translator-region-header").getAttribute("aria-current")`))
	assert.Equal(t, 1, eval[int](b, `document.querySelectorAll(".cause[aria-current]").length`))
	assert.True(t, eval[bool](b, `getComputedStyle(document.getElementById("translator-region-header")).outlineStyle === "solid"`), "drawn as current")
	assert.True(t, strings.HasSuffix(eval[string](b, `location.href`), "/az401/causes#translator-region-header"))

	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS(`.causes-tools a`))))
	b.waitFor(`!!document.getElementById("key") && document.getElementById("key").value !== ""`, "the form back")
	assert.Equal(t, key, eval[string](b, `document.getElementById("key").value`), "the key is still typed")
	assert.Equal(t, "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de", eval[string](b, `document.getElementById("endpoint").value`))
	b.waitFor(`!!document.querySelector('#findings [data-cause-id="translator-region-header"]')`, "the findings back")
	assert.NotContains(t, eval[string](b, `location.href`), key)
}

// TestLinksEncodedOnce: the share link and a cause link carry each
// character escaped once, never %25-escaped, and read back as typed.
func TestLinksEncodedOnce(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	endpoint := "https://contoso.cognitiveservices.azure.com/vision/v3.2/read/analyze?language=de&model-version=latest"
	b.set("kind", "vision")
	b.set("endpoint", endpoint)
	b.set("region", "westeurope")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("share"))))
	b.waitFor(`!!document.getElementById("share-link")`, "the share link")
	link := eval[string](b, `document.getElementById("share-link").value`)
	assert.NotContains(t, link, "%25")
	assert.Contains(t, link, "endpoint=https%3A%2F%2Fcontoso.cognitiveservices.azure.com%2Fvision%2Fv3.2%2Fread%2Fanalyze%3Flanguage%3Dde%26model-version%3Dlatest")
	assert.Equal(t, link, eval[string](b, `location.href`))

	other := newBrowser(t)
	other.open(link)
	assert.Equal(t, endpoint, eval[string](other, `document.getElementById("endpoint").value`))
	other.open(s.page() + "causes#key-is-guid")
	other.waitFor(`document.activeElement && document.activeElement.id === "key-is-guid"`, "the cause focused")
	assert.NotContains(t, eval[string](other, `location.href`), "%25")
	assert.False(t, eval[bool](other, `[...document.querySelectorAll("a[href]")].some(a => a.getAttribute("href").includes("%25"))`), "no link escaped twice")
}

// TestCauseFilter: the filter keeps the causes that hold every typed
// word, hides the areas left empty, and says when nothing matches.
func TestCauseFilter(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.URL + prefix + "/causes")
	b.waitFor(`!!document.getElementById("cause-filter") && document.querySelectorAll(".cause").length > 50`, "the causes")
	filter := func(words string) {
		eval[bool](b, fmt.Sprintf(`(() => { const f = document.getElementById("cause-filter"); f.value = %q;
			return f.dispatchEvent(new Event("input", {bubbles: true})); })()`, words))
	}
	visible := func(sel string) int {
		return eval[int](b, `[...document.querySelectorAll("`+sel+`")].filter(e => e.offsetParent !== null).length`)
	}
	filter("401000")
	b.waitFor(`!document.getElementById("response-translator-credentials").hidden && document.getElementById("key-is-guid").hidden`, "the filter")
	assert.Equal(t, visible(".causes section"), visible(".causes section:has(.cause:not([hidden]))"), "no area is shown without a cause")
	assert.Less(t, visible(".causes section"), 7)
	assert.True(t, eval[bool](b, `document.getElementById("no-cause").hidden`))

	filter("zzqx nothing")
	b.waitFor(`!document.getElementById("no-cause").hidden`, "the no-match note")
	assert.Zero(t, visible(".causes section"))

	filter("")
	b.waitFor(`document.getElementById("no-cause").hidden`, "the note gone")
	assert.Equal(t, 7, visible(".causes section"))
}
