package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

// TestPasteCurl pastes a curl line: it fills the form, shows its
// findings, and nothing of it reaches the URL or storage.
func TestPasteCurl(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	key := testkeys.CASK('Y')
	marker := "paste-marker-7c1e"
	b.set("paste", `curl -X POST "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de" -H "Ocp-Apim-Subscription-Key: `+
		key+`" -H "Content-Type: application/json" -d "[{'Text':'`+marker+`'}]"`)
	assert.Equal(t, "translator", eval[string](b, `document.getElementById("kind").value`))
	assert.Equal(t, "https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de", eval[string](b, `document.getElementById("endpoint").value`))
	assert.Equal(t, key, eval[string](b, `document.getElementById("key").value`), "the key field holds the key (a DOM property)")
	assert.Equal(t, "-", eval[string](b, `document.getElementById("region-header-sent").value`), "curl shows every header: none was sent")
	filled := eval[string](b, `document.getElementById("paste-filled").textContent`)
	assert.Contains(t, filled, "key ← Synt…")
	assert.Contains(t, filled, "curl header Ocp-Apim-Subscription-Key, certain")
	assert.NotContains(t, filled, "sure", "plain words: certain, or a guess")
	assert.NotContains(t, filled, key)
	for _, id := range []string{"key-kind-mismatch", "snippet-key-in-code"} {
		assert.True(t, hasFinding(b, id), "%s in %v", id, b.findings())
	}
	b.set("region", "westeurope")
	assert.True(t, hasFinding(b, "translator-region-header"))

	eval[bool](b, `(document.getElementById("share").click(), true)`)
	b.waitFor(`!!document.getElementById("share-link")`, "the share link")
	kept := eval[string](b, `[location.href, document.cookie, JSON.stringify({...localStorage}), JSON.stringify({...sessionStorage})].join("\n")`)
	assert.NotContains(t, kept, key)
	assert.NotContains(t, kept, marker, "the pasted text is never in the URL or storage")
	assert.Contains(t, kept, "kind=translator", "the fields it filled are shareable like typed ones")
	console, requests := b.seen()
	assert.NotContains(t, console+requests, key)
	assert.NotContains(t, console+requests, marker)
}

// TestPasteErrorAlone pastes only the error a user got: the page reads
// it as the error, names its cause, and asks for the key and endpoint
// that would let it check more.
func TestPasteErrorAlone(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	b.set("paste", `{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. `+
		`Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}`)
	b.waitFor(`!!document.querySelector('#findings [data-cause-id="response-invalid-key-or-endpoint"]')`, "the error's finding")
	assert.Contains(t, eval[string](b, `document.getElementById("paste-read-as").textContent`), "the error you got")
	assert.Contains(t, eval[string](b, `document.getElementById("response").value`), "Access denied", "the error field holds it")
	assert.Contains(t, eval[string](b, `document.getElementById("missing").textContent`), "Not given yet: the key, the endpoint")
	b.set("key", testkeys.Legacy())
	b.set("endpoint", "https://lang1.cognitiveservices.azure.com/")
	b.set("kind", "language")
	b.waitFor(`!document.getElementById("missing")`, "nothing missing once given")
}

// TestPasteClear clears the paste: what was read from it (its services,
// the list of what it filled) goes, the fields keep what it gave.
func TestPasteClear(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	b.set("paste", "AZURE_OPENAI_ENDPOINT=https://c1.openai.azure.com/\nAZURE_OPENAI_KEY="+testkeys.CASK('B')+
		"\nSPEECH_KEY="+testkeys.CASK('Y')+"\nSPEECH_REGION=westeurope\n")
	b.waitFor(`!!document.getElementById("paste-clear") && !!document.getElementById("paste-services")`, "the clear button")
	eval[bool](b, `(document.getElementById("paste-clear").click(), true)`)
	b.waitFor(`document.getElementById("paste").value === "" && !document.getElementById("paste-clear")`, "the paste cleared")
	assert.False(t, eval[bool](b, `!!document.getElementById("paste-services") || !!document.getElementById("paste-filled")`),
		"nothing read from the paste stays on screen, nor its other service's key in reach")
	assert.Equal(t, "https://c1.openai.azure.com/", eval[string](b, `document.getElementById("endpoint").value`))
	assert.Equal(t, testkeys.CASK('B'), eval[string](b, `document.getElementById("key").value`))
	assert.Equal(t, "paste", eval[string](b, `document.activeElement.id`))
}

// TestPasteServices pastes a .env with Speech and Translator settings:
// the page lists both, fills the form from the first, and the other on
// a click; fields are never mixed.
func TestPasteServices(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	b.set("paste", "SPEECH_KEY="+testkeys.CASK('Y')+"\nSPEECH_REGION=westeurope\nTRANSLATOR_KEY="+testkeys.CASK('b')+"\nTRANSLATOR_REGION=eastus\n")
	b.waitFor(`document.querySelectorAll("#paste-services button").length === 2`, "two services listed")
	assert.Equal(t, "speech", eval[string](b, `document.getElementById("kind").value`))
	assert.Equal(t, "westeurope", eval[string](b, `document.getElementById("region").value`))
	assert.Contains(t, eval[string](b, `document.getElementById("paste-read-as").textContent`), "Read as: settings (env).")
	eval[bool](b, `(document.querySelector("#paste-services button[data-service='2']").click(), true)`)
	b.waitFor(`document.getElementById("kind").value === "translator"`, "the second service in the form")
	assert.Equal(t, "eastus", eval[string](b, `document.getElementById("region").value`))
	assert.Equal(t, testkeys.CASK('b'), eval[string](b, `document.getElementById("key").value`))
	assert.Equal(t, "true", eval[string](b, `document.querySelector("#paste-services button[data-service='2']").getAttribute("aria-pressed")`))
	assert.NotEqual(t, eval[string](b, `getComputedStyle(document.querySelector("#paste-services button[data-service='1']")).backgroundColor`),
		eval[string](b, `getComputedStyle(document.querySelector("#paste-services button[data-service='2']")).backgroundColor`),
		"the service in the form looks chosen")

	// An edit made while a service is in the form comes back with it.
	b.set("region", "westus2")
	eval[bool](b, `(document.querySelector("#paste-services button[data-service='1']").click(), true)`)
	b.waitFor(`document.getElementById("kind").value === "speech"`, "the first service back")
	assert.Equal(t, "westeurope", eval[string](b, `document.getElementById("region").value`))
	eval[bool](b, `(document.querySelector("#paste-services button[data-service='2']").click(), true)`)
	b.waitFor(`document.getElementById("kind").value === "translator"`, "the second service back")
	assert.Equal(t, "westus2", eval[string](b, `document.getElementById("region").value`), "the region typed for it is kept")
}

// pasteSample are corpus snippets of every family (code, config,
// commands, raw HTTP, errors alone, code with its error, IaC, several
// services) pasted into the page by TestPasteMatchesCLI.
var pasteSample = []string{
	"curl-translator-no-region.txt", "py-azureopenai-literal.txt", "cs-speech-fromsubscription-literal.txt",
	"env-multi-service.txt", "json-appsettings-two-services.txt", "error-openai-python-exception.txt",
	"error-requestfailed-dotnet.txt", "http-exchange-401.txt", "ps-hashtable-inline.txt", "yaml-compose-list.txt",
	"tf-openai-local-auth.txt", "face-header-json-url-error.txt", "env-wss-realtime-search.txt",
	"http-rest-client-vars.txt", "docker-run-e-quoted.txt", "js-createazure-apicallerror.txt", "swift-urlrequest-setvalue.txt",
}

// TestPasteMatchesCLI pastes corpus snippets into the page and compares
// the fields it fills and the findings it shows, service by service,
// with what diagnosis.ExtractServices and Diagnose give (the path of
// az401 diagnose --from): a missing or an extra finding fails. The
// snippets are pasted one after another into one page: nothing of one
// paste may stay in the next.
func TestPasteMatchesCLI(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	for _, name := range pasteSample {
		raw, err := os.ReadFile(filepath.Join("..", "diagnosis", "testdata", "snippets", name))
		require.NoError(t, err)
		_, text, ok := strings.Cut(string(raw), "\n---\n")
		require.True(t, ok, name)
		text = testkeys.Expand(strings.TrimSuffix(text, "\n"))
		all := diagnosis.ExtractServices(text)
		b.set("paste", text)
		for i, sn := range all {
			if i > 0 {
				before := b.revision()
				eval[bool](b, fmt.Sprintf(`(document.querySelector("#paste-services button[data-service='%d']").click(), true)`, i+1))
				b.waitFor(fmt.Sprintf(`+document.getElementById("verdict").dataset.revision > %d && document.getElementById("kind").value === %q`,
					before, sn.Kind.Value), name+": service "+strconv.Itoa(i+1)+" in the form")
			}
			comparePaste(t, b, fmt.Sprintf("%s service %d", name, i+1), sn)
		}
	}
}

// comparePaste checks one service's fields and findings on the page.
func comparePaste(t *testing.T, b *browser, name string, sn diagnosis.Snippet) {
	t.Helper()
	fields := map[string]string{"kind": sn.Kind.Value, "endpoint": sn.Endpoint.Value, "region": sn.Region.Value,
		"key": sn.Key.Value, "header": sn.Header.Value, "status": sn.Status.Value, "response": sn.Response.Value}
	for id, want := range fields {
		assert.Equal(t, want, eval[string](b, `document.getElementById("`+id+`").value`), "%s: #%s", name, id)
	}
	switch rh := sn.RegionHeader.Value; rh {
	case diagnosis.NoRegionHeader:
		assert.Equal(t, "-", eval[string](b, `document.getElementById("region-header-sent").value`), "%s: no region header", name)
	default:
		assert.Equal(t, rh, eval[string](b, `document.getElementById("region-header").value`), "%s: #region-header", name)
	}
	r := diagnosis.Diagnose(sn.Input(diagnosis.Input{Now: time.Now()}))
	want := map[string]string{}
	for _, f := range r.Findings {
		want[f.ID] = f.Severity.String()
	}
	got := map[string]string{}
	for _, f := range b.findings() {
		got[f.ID] = f.Severity
	}
	assert.Equal(t, want, got, "%s: findings (page) against diagnose --from", name)
}
