package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/internal/testkeys"
)

// axePath is axe-core's script, installed by make test (make axe).
const axePath = "../.cache/axe/node_modules/axe-core/axe.min.js"

// view sets the window's width (a phone: 390 or 320 CSS px) and the
// colour scheme the page sees.
func (b *browser) view(width int64, scheme string) {
	b.t.Helper()
	require.NoError(b.t, chromedp.Do(b.ctx)) // a tab to emulate in
	_, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride,
		emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 600})
	require.NoError(b.t, err)
	_, err = chromedp.Call(b.ctx, emulation.SetEmulatedMedia,
		emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
	require.NoError(b.t, err)
}

// fill enters a Translator case with a missing region header, a key and
// an error: findings of every severity, the key card, the test call.
func (b *browser) fill() {
	b.set("kind", "translator")
	b.set("endpoint", "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de")
	b.set("region", "westeurope")
	b.set("key", testkeys.CASK('Y'))
	b.set("response", `{"error":{"code":401000,"message":"The request is not authorized because credentials are missing or invalid."}}`)
}

// axeViolations runs axe-core on the page and returns its violations,
// each as "rule: target (summary)".
func (b *browser) axeViolations() []string {
	b.t.Helper()
	src, err := os.ReadFile(axePath)
	require.NoError(b.t, err, "axe-core is installed by make test (make axe)")
	eval[bool](b, string(src)+"\n;true")
	out := eval[string](b, `axe.run(document).then(r => JSON.stringify({passes: r.passes.length,
		violations: r.violations.flatMap(v => v.nodes.map(n => v.id + ": " + n.target.join(" ") + " (" + n.failureSummary.replace(/\s+/g, " ") + ")"))}))`)
	var r struct {
		Passes     int
		Violations []string
	}
	require.NoError(b.t, json.Unmarshal([]byte(out), &r))
	require.Greater(b.t, r.Passes, 10, "axe ran its rules")
	return r.Violations
}

// TestAxe runs axe-core 4.14.1 on the empty page, a filled page and the
// causes page, light and dark, on a desktop and a phone: no violation.
func TestAxe(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	for _, page := range []string{"empty", "filled", "causes"} {
		for _, width := range []int64{1280, 390} {
			for _, scheme := range []string{"light", "dark"} {
				t.Run(fmt.Sprintf("%s %dpx %s", page, width, scheme), func(t *testing.T) {
					b.t = t
					b.view(width, scheme)
					switch page {
					case "causes":
						b.open(s.page() + "causes")
					default:
						b.open(s.page())
						if page == "filled" {
							b.fill()
						}
					}
					assert.Empty(t, b.axeViolations())
				})
			}
		}
	}
}

// TestNoHorizontalScroll: at 320 CSS px (a small phone, or 1280 px at
// 400% zoom) nothing makes the page scroll sideways (WCAG 1.4.10).
func TestNoHorizontalScroll(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.view(320, "light")
	wide := `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > innerWidth + 1 && e.offsetParent)
		.slice(0, 5).map(e => e.tagName + "#" + e.id + "." + e.className).join(", ")`
	b.open(s.page())
	assert.Equal(t, "", eval[string](b, wide), "empty page")
	b.fill()
	eval[bool](b, `(document.getElementById("more-toggle").click(), document.getElementById("ask-azure-toggle").click(), true)`)
	b.waitFor(`!!document.querySelector("#ask-azure .cmd")`, "the Ask Azure commands")
	assert.Equal(t, "", eval[string](b, wide), "filled page")
	assert.LessOrEqual(t, eval[int](b, `document.documentElement.scrollWidth`), 320)
	assert.True(t, eval[bool](b, `getComputedStyle(document.getElementById("verdict-strip")).display !== "none"`),
		"on a phone the answer's strip sits under the inputs")
	b.open(s.page() + "causes")
	assert.Equal(t, "", eval[string](b, wide), "causes page")
}

// TestKeyboardOnPhone: on a phone the sticky verdict strip never covers
// the field the keyboard moved to, the checkbox is a finger's size, and
// "Skip to the answer" is the first stop and lands on the verdict.
func TestKeyboardOnPhone(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.view(390, "light")
	b.open(s.page())
	b.fill()
	eval[bool](b, `(document.getElementById("more-toggle").click(), true)`)
	b.waitFor(`!document.getElementById("more").hidden`, "the more fields")
	for _, id := range []string{"key", "key-age", "header", "regenerated"} {
		covered := eval[bool](b, fmt.Sprintf(`(() => {
			window.scrollTo(0, 0);
			const f = document.getElementById(%q); f.focus();
			const strip = document.getElementById("verdict-strip").getBoundingClientRect();
			const r = f.getBoundingClientRect();
			return r.bottom > strip.top && r.top < strip.bottom;
		})()`, id))
		assert.False(t, covered, "#%s behind the verdict strip", id)
	}
	assert.GreaterOrEqual(t, eval[float64](b, `document.getElementById("regenerated").getBoundingClientRect().width`), 18.0)

	eval[bool](b, `(document.querySelector(".nav a:last-child").focus(), true)`) // the page's links come first
	require.NoError(t, chromedp.Do(b.ctx, chromedp.KeyEvent("\t")))
	assert.Equal(t, "skip-to-answer", eval[string](b, `document.activeElement.id`), "the first stop after the page's links")
	assert.True(t, eval[bool](b, `document.getElementById("skip-to-answer").getBoundingClientRect().width > 50`), "seen when focused")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.KeyEvent("\r")))
	b.waitFor(`document.activeElement.id === "verdict"`, "focus on the verdict")
}

// TestNoFalseAllClear: Translator with no region is not "agree": the
// verdict says the region is missing and why it matters.
func TestNoFalseAllClear(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	b.set("kind", "translator")
	b.set("endpoint", "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de")
	b.set("key", testkeys.Legacy())
	v := eval[string](b, `document.getElementById("verdict").textContent`)
	assert.NotContains(t, v, "agree")
	assert.Contains(t, v, "Not checked yet: the region is empty")
	assert.Contains(t, v, "enter the region to check it")
}

// TestScreenReaderFlow: only the verdict is announced, once typing
// pauses; a key typed halfway gets no format error until the user
// leaves the field.
func TestScreenReaderFlow(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	assert.ElementsMatch(t, []string{"verdict-live", "copy-status"},
		eval[[]string](b, `[...document.querySelectorAll("[aria-live]")].map(e => e.id)`), "live regions")
	// Record when the live region changes and when the user edits: on a
	// busy machine keystrokes may come slowly, but an announcement must
	// never follow an edit by less than the pause.
	eval[bool](b, `(() => {
		window.__edits = []; window.__announced = [];
		const note = () => __edits.push(performance.now());
		document.addEventListener("input", note, true);
		document.addEventListener("change", note, true);
		new MutationObserver(() => __announced.push(performance.now())).observe(
			document.getElementById("verdict-live"), {childList: true, characterData: true, subtree: true});
		return true;
	})()`)
	b.set("kind", "speech")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("key"), "0123456789")))
	b.waitFor(`document.getElementById("verdict").textContent.length > 0`, "a verdict")
	assert.False(t, hasFinding(b, "key-malformed"), "a key typed halfway is not judged yet")
	b.waitFor(`document.getElementById("verdict-live").textContent === document.getElementById("verdict").textContent`,
		"the verdict announced after the pause")
	gaps := eval[[]float64](b, `__announced.map(a => a - Math.max(...__edits.filter(e => e <= a)))`)
	require.NotEmpty(t, gaps, "the verdict was announced")
	for _, gap := range gaps {
		assert.GreaterOrEqual(t, gap, 450.0, "announced %.0f ms after an edit: not while typing", gap)
	}
	eval[bool](b, `(document.getElementById("key").blur(), document.getElementById("key").dispatchEvent(new Event("change", {bubbles: true})), true)`)
	b.waitFor(`!!document.querySelector('#findings [data-cause-id="key-malformed"]')`, "the key judged on leaving the field")

	assert.Equal(t, "h1", eval[string](b, `document.querySelector("h1") ? "h1" : ""`))
	assert.Equal(t, "I have more: the status, the key's age, how it was sent",
		eval[string](b, `document.getElementById("more-toggle").textContent`))
	assert.Equal(t, "key-hint", eval[string](b, `document.getElementById("key").getAttribute("aria-describedby")`))
}

// allowClipboard lets the page at origin write the clipboard, as a user's
// click in a real browser does.
func (b *browser) allowClipboard(origin string) {
	b.t.Helper()
	_, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
		Permission: &cdpbrowser.PermissionDescriptor{Name: "clipboard-write"}, Setting: cdpbrowser.PermissionSettingGranted, Origin: origin})
	require.NoError(b.t, err)
}

// copied clicks a copy button and returns what it put on the clipboard
// (writeText is wrapped to record it).
func (b *browser) copied(id string) string {
	b.t.Helper()
	eval[bool](b, `(() => {
		const cb = navigator.clipboard;
		if (!cb.__recording) {
			const write = cb.writeText.bind(cb);
			cb.writeText = t => { window.__copied = t; return write(t); };
			cb.__recording = true;
		}
		window.__copied = null;
		return true;
	})()`)
	require.NoError(b.t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID(id))))
	b.waitFor(`window.__copied !== null`, "the copy of #"+id)
	return eval[string](b, `window.__copied`)
}

// TestCopyFollowsTheForm: after an edit, the copy buttons copy the
// commands as they are now. go-app keeps a button's first click handler,
// so a handler that held the text copied the command of the first render.
func TestCopyFollowsTheForm(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	b.allowClipboard(s.URL)
	b.fill()
	assert.Contains(t, b.copied("probe-curl"), "Ocp-Apim-Subscription-Region: westeurope")
	assert.Contains(t, b.copied("probe-powershell"), "westeurope")
	b.set("region", "eastus")
	curl := b.copied("probe-curl")
	assert.Contains(t, curl, "Ocp-Apim-Subscription-Region: eastus")
	assert.NotContains(t, curl, "westeurope")
	assert.NotContains(t, b.copied("probe-powershell"), "westeurope")

	b.set("kind", "language")
	b.set("endpoint", "https://contoso-aaa.cognitiveservices.azure.com/")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("ask-azure-toggle"))))
	b.waitFor(`document.getElementById("ask-copy-0") !== null`, "the Ask Azure commands")
	assert.Contains(t, b.copied("ask-copy-0"), "contoso-aaa")
	b.set("endpoint", "https://fabrikam-bbb.cognitiveservices.azure.com/")
	ask := b.copied("ask-copy-0")
	assert.Contains(t, ask, "fabrikam-bbb")
	assert.NotContains(t, ask, "contoso-aaa")
}

// TestCopyFeedback: a copy button says "Copied", and the live region
// names what was copied.
func TestCopyFeedback(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	b.allowClipboard(s.URL)
	b.fill()
	assert.Equal(t, "Copy as curl the test call as a curl command", eval[string](b, `document.getElementById("probe-curl").textContent`))
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("probe-curl"))))
	b.waitFor(`document.getElementById("probe-curl").textContent.startsWith("Copied")`, "the button to say Copied")
	assert.Equal(t, "Copied the test call as a curl command.", eval[string](b, `document.getElementById("copy-status").textContent`))
	b.waitFor(`document.getElementById("probe-curl").textContent.startsWith("Copy as curl")`, "the button back to Copy")
}
