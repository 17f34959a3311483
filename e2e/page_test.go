package e2e

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/corpus"
	"az401/internal/testkeys"
)

// TestTypedGUID types a subscription ID into the key field.
func TestTypedGUID(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	assert.Equal(t, "password", eval[string](b, `document.getElementById("key").type`))
	assert.Equal(t, "off", eval[string](b, `document.getElementById("key").getAttribute("autocomplete")`))
	assert.Equal(t, "false", eval[string](b, `document.getElementById("key").getAttribute("spellcheck")`))
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("key"), "8f14e45f-ceea-467f-a9a1-2f5c3d1e7b90")))
	b.waitFor(`!!document.querySelector('#findings [data-cause-id="key-is-guid"][data-severity="error"]')`, "key-is-guid")
	v := eval[string](b, `document.getElementById("verdict").textContent`)
	assert.Contains(t, v, "Most likely: the key is a GUID")
	assert.NotContains(t, v, "key-is-guid", "no cause ID in the sentence")
	assert.True(t, eval[bool](b, `!!document.querySelector("#do-first li")`), "the fix first, under the verdict")
	assert.True(t, eval[bool](b, `!document.getElementById("key-card") ||
		!!(document.getElementById("findings").compareDocumentPosition(document.getElementById("key-card")) & Node.DOCUMENT_POSITION_FOLLOWING)`),
		"findings before the key card")
}

// browserCases are corpus cases entered through the form: each must give
// the findings az401 diagnose gives (the corpus expectations).
var browserCases = []string{
	"I1 translator sample without region header",
	"I2 speech key used for translator",
	"I7 translate route appended to the issueToken URL",
	"I9 free trial key (westcentralus) on southeastasia",
	"I12 app hard-codes westeurope OCR, resource in northeurope (escaped JSON)",
	"I17 OpenAI platform key with the Azure provider (.NET exception)",
	"I19 library sends the key as Authorization: Bearer",
	"I23 managed identity without an OpenAI role",
	"I26 key sent in the request body",
	"I29 LUIS prediction key used for authoring test",
	"seed 6: key created 3 minutes ago",
	"new-format key with one character mistyped",
	"Azure portal link instead of the endpoint",
	"regenerated key still in use",
	"multi-service key on Translator without the region header",
	"clean: regional Translator with its region header",
	"clean: Azure Government Speech",
}

func TestCorpusThroughTheForm(t *testing.T) {
	cases, err := corpus.Load("../diagnosis/testdata/corpus.json")
	require.NoError(t, err)
	byName := map[string]corpus.Case{}
	for _, c := range cases {
		byName[c.Name] = c
	}
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	for _, name := range browserCases {
		c, ok := byName[name]
		require.True(t, ok, "no corpus case %q", name)
		t.Run(name, func(t *testing.T) {
			b.t = t
			fields := map[string]string{"kind": c.Kind, "endpoint": c.Endpoint, "region": c.Region,
				"key": c.ExpandedKey(), "header": c.Header, "region-header": c.RegionHeader, "response": c.Response,
				"status": "", "key-age": "", "trial-started": c.TrialStarted, "regenerated": ""}
			if c.Status != 0 {
				fields["status"] = fmt.Sprint(c.Status)
			}
			if c.KeyAge != "" {
				fields["key-age"] = "just-now" // the corpus ages are all under 10 minutes
			}
			if c.Regenerated {
				fields["regenerated"] = "1"
			}
			for _, id := range []string{"kind", "endpoint", "region", "key", "header", "region-header", "response",
				"status", "key-age", "trial-started", "regenerated"} {
				b.set(id, fields[id])
			}
			got := b.findings()
			missing, unexpected := c.Check(got)
			assert.Empty(t, missing, "page findings %v", got)
			assert.Empty(t, unexpected, "page findings %v", got)
		})
	}
}

// TestShareLink fills every field, copies the share link and opens it in
// a fresh browser: every non-secret field comes back, the key never.
func TestShareLink(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	history := eval[int](b, `history.length`)
	key := testkeys.CASK('b')
	values := map[string]string{"kind": "translator", "region": "westeurope", "header": "query",
		"region-header": "westus", "status": "401", "key-age": "today", "trial-started": "2026-01-02", "regenerated": "1",
		"endpoint": "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de&Subscription-Key=" + key}
	b.set("key", key)
	for id, v := range values {
		b.set(id, v)
	}
	b.set("response", "a response that mentions "+key)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("share"))))
	b.waitFor(`!!document.getElementById("share-link")`, "the share link")
	link := eval[string](b, `document.getElementById("share-link").value`)
	assert.NotContains(t, link, key)
	assert.NotContains(t, link, "response")
	u, err := url.Parse(link)
	require.NoError(t, err)
	assert.Equal(t, prefix+"/", u.Path)
	assert.Empty(t, u.RawQuery, "the fields travel in the fragment")
	assert.Equal(t, link, eval[string](b, `location.href`), "the address bar is the share link")
	assert.Equal(t, history, eval[int](b, `history.length`), "typing replaces the URL, it adds no history entries")

	other := newBrowser(t)
	other.open(link)
	values["endpoint"] = "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de"
	for id, want := range values {
		if id == "regenerated" {
			assert.True(t, eval[bool](other, `document.getElementById("regenerated").checked`))
			continue
		}
		assert.Equal(t, want, eval[string](other, fmt.Sprintf(`document.getElementById(%q).value`, id)), "#%s", id)
	}
	assert.Empty(t, eval[string](other, `document.getElementById("key").value`))
	assert.Empty(t, eval[string](other, `document.getElementById("response").value`))
	assert.Contains(t, eval[string](other, `document.getElementById("from-link").textContent`),
		"The HTTP status 401 is the answer the sender got", "the recipient learns whose 401 it is")
}

// TestKeyStaysInMemory types a key and checks it appears nowhere the
// browser keeps or sends things.
func TestKeyStaysInMemory(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	key := testkeys.CASK('Y')
	b.set("kind", "speech")
	b.set("endpoint", "https://westeurope.tts.speech.microsoft.com/cognitiveservices/voices/list")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("key"), key)))
	b.waitFor(`!!document.querySelector('#key-card [data-field="Service"]')`, "the key to be decoded")
	assert.False(t, eval[bool](b, `!!document.querySelector('#findings .finding[data-cause-id="key-decoded"]')`),
		"the key card says it; the findings do not say it again")
	b.set("region", "westeurope")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("share"))))
	b.waitFor(`!!document.getElementById("share-link")`, "the share link")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("key-toggle"))))
	b.waitFor(`document.getElementById("key").type === "text"`, "the key shown")

	stores := eval[string](b, `(async () => {
		const parts = [location.href, document.cookie, JSON.stringify({...localStorage}), JSON.stringify({...sessionStorage})];
		for (const db of (await indexedDB.databases())) {
			parts.push(db.name);
			const open = await new Promise((ok, fail) => { const r = indexedDB.open(db.name); r.onsuccess = () => ok(r.result); r.onerror = fail; });
			for (const name of open.objectStoreNames) {
				const all = await new Promise(ok => { const r = open.transaction(name).objectStore(name).getAll(); r.onsuccess = () => ok(r.result); });
				parts.push(JSON.stringify(all));
			}
			open.close();
		}
		for (const name of await caches.keys()) {
			const c = await caches.open(name);
			for (const req of await c.keys()) parts.push(req.url);
		}
		return parts.join("\n");
	})()`)
	assert.NotContains(t, stores, key, "URL, cookies, storage, IndexedDB and caches")
	assert.NotContains(t, stores, key[4:80], "no part of the key's middle either")
	console, requests := b.seen()
	assert.NotEmpty(t, requests, "requests were recorded")
	assert.NotContains(t, console, key, "console")
	assert.NotContains(t, requests, key, "requests")
	assert.NotContains(t, eval[string](b, `document.documentElement.outerHTML`), key,
		"the key is a DOM property, never an attribute")
	assert.Equal(t, "Synt…"+key[80:]+" (84 chars)", eval[string](b, `document.querySelector('#key-card [data-field="Shown as"] span:last-child').textContent`))
}

// TestCausesPage lists every registered cause, each at its anchor.
func TestCausesPage(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page() + "causes")
	ids := eval[[]string](b, `[...document.querySelectorAll(".cause[data-cause-id]")].map(e => e.id)`)
	var want []string
	for _, c := range diagnosis.All() {
		want = append(want, c.ID)
	}
	assert.ElementsMatch(t, want, ids)
}

// TestFindingLinksToItsCause follows a finding's "more" link.
func TestFindingLinksToItsCause(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	b.set("key", "8f14e45f-ceea-467f-a9a1-2f5c3d1e7b90")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS(`[data-cause-id="key-is-guid"] a`))))
	b.waitFor(`location.pathname === "/az401/causes" && location.hash === "#key-is-guid"`, "the causes page")
	b.waitFor(`!!document.getElementById("key-is-guid")`, "the cause's section")
	assert.True(t, strings.HasSuffix(eval[string](b, `location.href`), "/az401/causes#key-is-guid"))
}

// TestSelectKeepsFocus changes the kind from the keyboard: the select is
// not recreated, so focus stays on it for the next key.
func TestSelectKeepsFocus(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	eval[bool](b, `(document.getElementById("kind").focus(), true)`)
	b.set("kind", "speech")
	b.set("kind", "vision")
	assert.Equal(t, "kind", eval[string](b, `document.activeElement.id`))
	assert.Equal(t, "vision", eval[string](b, `document.getElementById("kind").value`))
}

// TestFormControls works the form's controls as a user does: the
// toggles, the region suggestions, and a select, which fires both input
// and change yet is diagnosed once.
func TestFormControls(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	state := func() string {
		return eval[string](b, `(() => { const k = document.getElementById("key"), t = document.getElementById("key-toggle"),
			m = document.getElementById("more"), mt = document.getElementById("more-toggle");
			return [k.type, t.textContent, t.getAttribute("aria-pressed"), m.hidden, mt.getAttribute("aria-expanded")].join(" "); })()`)
	}
	assert.Equal(t, "password Show key false true false", state())
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("key-toggle")), chromedp.Click(chromedp.ID("more-toggle"))))
	b.waitFor(`!document.getElementById("more").hidden`, "the more section")
	assert.Equal(t, "text Hide key true false true", state())
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("key-toggle")), chromedp.Click(chromedp.ID("more-toggle"))))
	b.waitFor(`document.getElementById("more").hidden`, "the more section closed")
	assert.Equal(t, "password Show key false true false", state())

	assert.Zero(t, eval[int](b, `document.querySelectorAll("#region-list option").length`), "no suggestions before focus")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Focus(chromedp.ID("region"))))
	b.waitFor(`document.querySelectorAll("#region-list option").length > 50`, "the region suggestions")
	assert.Equal(t, "West Europe", eval[string](b, `document.querySelector('#region-list option[value="westeurope"]').label`))

	before := b.revision()
	eval[bool](b, `(() => { const k = document.getElementById("kind"); k.value = "speech";
		k.dispatchEvent(new Event("input", {bubbles: true})); k.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	b.waitFor(fmt.Sprintf(`+document.getElementById("verdict").dataset.revision > %d`, before), "the diagnosis")
	// Events are handled in order: once a later edit is diagnosed, a second
	// diagnosis for the select's events would have been counted too.
	b.set("region", "westeurope")
	assert.Equal(t, before+2, b.revision(), "one diagnosis for the select's input and change events, one for the region")

	require.NoError(t, chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("endpoint"), "https://westeurope.api.cognitive.microsoft.com/")))
	b.waitFor(`document.getElementById("verdict").textContent !== ""`, "a verdict")
	assert.Equal(t, "endpoint", eval[string](b, `document.activeElement.id`), "typing keeps focus in the field")
}

// TestAskAzureWithoutName: a regional host does not name the resource;
// the Ask Azure panel says so, and takes the name from a resource ID.
func TestAskAzureWithoutName(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	b.set("kind", "language")
	b.set("endpoint", "https://westeurope.api.cognitive.microsoft.com/")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("ask-azure-toggle"))))
	b.waitFor(`!!document.getElementById("ask-name-unknown")`, "the note that the endpoint names no resource")
	assert.Contains(t, eval[string](b, `document.querySelector("#ask-azure .cmd").textContent`), "[?name=='NAME']")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("ask-resource-id"),
		"/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg1/providers/Microsoft.CognitiveServices/accounts/lang-weu")))
	b.waitFor(`document.querySelector("#ask-azure .cmd").textContent.includes("[?name=='lang-weu']")`, "the commands to name the resource")
	assert.True(t, eval[bool](b, `document.activeElement.id === "ask-resource-id"`), "typing keeps the focus in the field")
}

// TestRegionWhileTyping: a region is judged once typed: no "not an
// Azure region" for w, we, wes…, but for what is left on leaving the
// field.
func TestRegionWhileTyping(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	b.set("kind", "speech")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("region"), "westeu")))
	b.waitFor(`document.getElementById("region").value === "westeu"`, "the typed region")
	assert.False(t, hasFinding(b, "region-malformed"), "judged halfway: %v", b.findings())
	eval[bool](b, `(document.getElementById("endpoint").focus(), true)`)
	b.waitFor(`!!document.querySelector('#findings [data-cause-id="region-malformed"]')`, "the region judged on leaving the field")
}

// TestKeyInTheEndpoint: a key left in the endpoint's query is judged (not
// "no key given"), shown masked only, and the test call says to move it
// to the Key field rather than send it from the URL.
func TestKeyInTheEndpoint(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	key := testkeys.CASK('b')
	b.set("kind", "translator")
	b.set("region", "westeurope")
	b.set("endpoint", "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de&Subscription-Key="+key)
	assert.False(t, hasFinding(b, "key-missing"), "%v", b.findings())
	b.waitFor(`!!document.querySelector('#key-card [data-field="Service"]')`, "the key decoded")
	assert.Contains(t, eval[string](b, `document.getElementById("probe").textContent`), "move it to the Key field")
	answer := eval[string](b, `document.getElementById("answer").outerHTML`)
	assert.NotContains(t, answer, key)
	assert.NotContains(t, answer, key[4:80], "not even most of it")
}
