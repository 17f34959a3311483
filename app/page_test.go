//go:build !(js && wasm)

package app

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

func TestMain(m *testing.M) {
	Register()
	os.Exit(m.Run())
}

func get(t *testing.T, srv *httptest.Server, path string) string {
	t.Helper()
	res, err := srv.Client().Get(srv.URL + path)
	require.NoError(t, err)
	defer res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode, path)
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return string(b)
}

// TestPrerender checks the HTML people (and crawlers) get before
// WebAssembly runs: the form with its hooks, taking input, and the guide.
func TestPrerender(t *testing.T) {
	srv := httptest.NewServer(Site{Prefix: "/az401", Version: "t1", WasmSize: 123}.Handler())
	defer srv.Close()
	html := get(t, srv, "/")
	for _, id := range []string{"kind", "endpoint", "region", "key", "status", "response", "key-age",
		"regenerated", "trial-started", "header", "region-header", "share", "verdict", "findings"} {
		assert.Contains(t, html, `id="`+id+`"`, "#%s", id)
	}
	key := tag(html, `id="key"`)
	for _, attr := range []string{`type="password"`, `autocomplete="off"`, `spellcheck="false"`} {
		assert.Contains(t, key, attr)
	}
	assert.NotContains(t, tag(html, `class="fields"`), "inert", "the form takes input before WebAssembly mounts")
	assert.NotRegexp(t, `(selected|checked|open|disabled|hidden)="false"`, html,
		"a false boolean attribute reads as true in HTML")
	assert.Contains(t, html, "Keys and Endpoint", "the empty state teaches where to find the key")
	assert.NotEmpty(t, tag(html, `value="openai"`))
	assert.Contains(t, html, `<optgroup label="Retired">`)
	assert.Contains(t, html, `(retired 2025-10-01)`)
	assert.Contains(t, html, `href="/az401/web/az401.css"`)
	assert.Contains(t, html, `<link rel="preload" href="/az401/web/app.wasm"`)
	assert.NotContains(t, html, "loader.js", "the loading script is inline")
	assert.NotContains(t, html, `id="ready"`, "not ready before WebAssembly mounts")
	assert.NotContains(t, html, "raw.githubusercontent.com")

	causes := get(t, srv, "/causes")
	for _, c := range diagnosis.All() {
		assert.Contains(t, causes, `id="`+c.ID+`"`)
	}
}

// TestPrerenderShareLink pre-fills the form from a query link.
func TestPrerenderShareLink(t *testing.T) {
	srv := httptest.NewServer(Site{Version: "t1"}.Handler())
	defer srv.Close()
	html := get(t, srv, "/?kind=openai&endpoint=https%3A%2F%2Fc1.openai.azure.com%2F&key="+testkeys.Legacy())
	assert.Contains(t, html, `value="https://c1.openai.azure.com/"`)
	assert.Contains(t, tag(html, `value="openai"`), "selected")
	assert.NotContains(t, html, testkeys.Legacy(), "a link never fills the key")
}

// tag returns the HTML tag that contains needle (go-app writes
// attributes in no fixed order).
func tag(html, needle string) string {
	i := strings.Index(html, needle)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(html[:i], "<")
	return html[start : i+strings.Index(html[i:], ">")+1]
}

// TestDiagnosePageRender renders the page with a key and checks the
// findings carry their hooks, and the key card masks the key.
func TestDiagnosePageRender(t *testing.T) {
	key := testkeys.CASK('Y')
	p := &diagnosePage{form: form{Kind: "translator", Key: key, Endpoint: "https://api.cognitive.microsofttranslator.com/",
		Region: "eastus"}, askOpen: true, regionsShown: true}
	p.diagnose()
	e := app.NewTestEngine()
	require.NoError(t, e.Load(p))
	e.ConsumeAll()
	html := app.HTMLString(p)
	assert.Contains(t, tag(html, `data-cause-id="key-kind-mismatch"`), `data-severity="error"`)
	assert.Contains(t, tag(html, `data-cause-id="translator-region-header"`), `data-severity="warning"`)
	assert.Contains(t, html, `href="causes#key-kind-mismatch"`)
	assert.Contains(t, html, `id="key-anatomy"`)
	assert.Contains(t, html, `data-mark="bad"`, "the service segment contradicts the kind")
	assert.Contains(t, html, diagnosis.Mask(key))
	assert.NotContains(t, strings.ReplaceAll(html, `value="`+key+`"`, ""), key,
		"outside the input's own value (a DOM property in the browser) the key never appears")
	assert.Contains(t, html, "Ask Azure for the truth")
	assert.Contains(t, html, "az cognitiveservices account list")
	assert.Contains(t, tag(html, `value="westeurope"`), `label="West Europe"`)
}

func TestAskAzureCommands(t *testing.T) {
	cmds := askAzureCommands("contoso-ai")
	require.Len(t, cmds, 4)
	assert.Contains(t, cmds[0].cmd, "[?name=='contoso-ai']")
	assert.Contains(t, cmds[0].cmd, "disableLocalAuth:properties.disableLocalAuth")
	assert.Contains(t, cmds[2].cmd, "Get-AzCognitiveServicesAccount | Where-Object AccountName -eq 'contoso-ai'")
	assert.Contains(t, cmds[3].cmd, "Get-AzCognitiveServicesAccountKey")
}

func TestFindingCard(t *testing.T) {
	guid := diagnosis.Finding{ID: "key-is-guid", Severity: diagnosis.Error, Title: "Key is a GUID",
		Message: "M", Evidence: "E", Fix: "one\ntwo", Docs: "causes#key-is-guid"}
	html := findingHTML(guid, false)
	assert.Contains(t, html, `<ol class="steps"><li>one</li><li>two</li></ol>`)
	assert.Contains(t, html, `More about this cause<span class="sr-only">: Key is a GUID</span>`, "the link names its cause")
	assert.NotContains(t, html, `role="`, "native elements, no roles")
	top := findingHTML(guid, true)
	assert.NotContains(t, top, `class="steps"`, "the top finding's fix is under Do this first, said once")
	assert.Contains(t, doFirstHTML(diagnosis.Report{Findings: []diagnosis.Finding{guid}}), `<h2>Do this first</h2><ol class="steps"><li>one</li>`)
	html = findingHTML(diagnosis.Finding{ID: "key-decoded", Severity: diagnosis.Info, Fix: "nothing"}, false)
	assert.NotContains(t, html, `class="steps"`, "facts have no fix steps")
	assert.Empty(t, doFirstHTML(diagnosis.Report{Findings: []diagnosis.Finding{{Severity: diagnosis.Info}}}), "facts alone: nothing to do first")
}

// TestSafely turns a panic at the UI boundary into a message.
func TestSafely(t *testing.T) {
	p := &diagnosePage{}
	assert.NotPanics(t, func() { p.safely(func() { panic("boom") }) })
	assert.Contains(t, p.failure, "the page keeps working")
	p.safely(func() {})
	assert.Empty(t, p.failure, "the next edit clears the message")
}

// TestFieldsMarkup writes the form's fields as markup: a value from a
// link cannot break out of its attribute, and the key and the error text
// never become markup (they are DOM properties).
func TestFieldsMarkup(t *testing.T) {
	key := testkeys.CASK('Q')
	p := &diagnosePage{form: form{Kind: "speech", Endpoint: `https://x.example/"><img src=x onerror=alert(1)>`, Key: key,
		Response: "401 for " + key, Header: diagnosis.HeaderAPIKey, Regenerated: true}, moreOpen: true}
	html := p.fieldsMarkup()
	assert.NotContains(t, html, "<img")
	assert.Contains(t, html, `value="https://x.example/&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"`)
	assert.NotContains(t, html, key)
	assert.NotContains(t, html, "401 for")
	assert.Contains(t, tag(html, `value="speech"`), "selected")
	assert.Contains(t, tag(html, `value="api-key"`), "selected")
	assert.Contains(t, tag(html, `id="regenerated"`), "checked")
	assert.NotContains(t, tag(html, `id="more"`), "hidden", "a link with more fields opens the section")
	assert.Contains(t, tag(html, `id="key"`), `type="password"`)
	assert.NotContains(t, html, "<option value=\"westeurope\"", "region suggestions wait for focus")
}

// TestMarkupEscapes writes what the user typed, as findings and anatomy
// segments show it, as text: it never becomes markup.
func TestMarkupEscapes(t *testing.T) {
	evil := `"><img src=x onerror=alert(1)>`
	html := findingHTML(diagnosis.Finding{ID: "endpoint-unparseable", Severity: diagnosis.Error, Title: "T",
		Message: "M " + evil, Evidence: evil, Fix: evil}, false)
	html += endpointCardHTML([]diagnosis.Segment{{Label: "host", Text: evil, Note: evil}})
	html += keyCardHTML(diagnosis.KeySummary{Format: evil, Masked: evil}, nil,
		[]diagnosis.Claim{{Part: "payload", Name: evil, Value: evil, Meaning: evil}})
	assert.NotContains(t, html, "<img")
	assert.Contains(t, html, `<span class="seg-note">&#34;&gt;&lt;img src=x onerror=alert(1)&gt;</span>`)
}

// TestTokenCard shows a pasted token's claims like jwt.io: header then
// payload, each claim with its meaning, times in UTC and relative to the
// diagnosis; never the token's signature or its encoded parts.
func TestTokenCard(t *testing.T) {
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	tok := testkeys.EntraToken(now)
	for name, c := range map[string]struct {
		key   string
		want  []string
		title string
	}{
		"jwt": {key: tok.String(), title: "The token",
			want: []string{"alg", "typ", "aud", "iss", "tid", "oid", "appid", "idtyp", "scp", "iat", "nbf", "exp"}},
		"aad# form": {key: "aad#/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/speech1#" + tok.String(),
			title: "The token",
			want:  []string{"alg", "typ", "resource", "aud", "iss", "tid", "oid", "appid", "idtyp", "scp", "iat", "nbf", "exp"}},
		"key": {key: testkeys.CASK('Y'), title: "The key"},
	} {
		t.Run(name, func(t *testing.T) {
			p := &diagnosePage{form: form{Kind: "speech", Key: c.key, Endpoint: "https://westeurope.api.cognitive.microsoft.com/"}}
			p.facts = diagnosis.Analyse(p.form.input(now)) // diagnose at a fixed clock
			p.report = p.facts.Report()
			html := app.HTMLString(p.renderKeyCard())
			assert.Contains(t, html, "<h2>"+c.title+"</h2>")
			var got []string
			for _, m := range regexp.MustCompile(`data-claim="([^"]+)"`).FindAllStringSubmatch(html, -1) {
				got = append(got, m[1])
			}
			assert.Equal(t, c.want, got, "the claims, header first, in order")
			if c.want == nil {
				return
			}
			assert.Less(t, strings.Index(html, ">Header<"), strings.Index(html, ">Payload<"))
			assert.Contains(t, claimRow(html, "aud"), "https://cognitiveservices.azure.com")
			assert.Contains(t, claimRow(html, "aud"), "the audience: the service the token is for")
			assert.Contains(t, claimRow(html, "iss"), "Microsoft Entra ID")
			assert.Contains(t, claimRow(html, "exp"), "2026-03-04 10:50:00 UTC (in 50 minutes)")
			assert.Contains(t, claimRow(html, "exp"), "not valid after this time")
			assert.Contains(t, claimRow(html, "iat"), "(10 minutes ago)")
			parts := strings.Split(tok.String(), ".")
			for i, part := range parts {
				assert.NotContains(t, html, part, "encoded part %d of the token", i)
			}
		})
	}
}

// claimRow is the markup of one claim of the token card.
func claimRow(html, name string) string {
	i := strings.Index(html, `data-claim="`+name+`"`)
	if i < 0 {
		return ""
	}
	return html[i : i+strings.Index(html[i:], "</div>")]
}

// TestAskAzureRoles fills the role commands from the token's oid and
// the resource ID typed in the panel, the aad# token's, or none.
func TestAskAzureRoles(t *testing.T) {
	const id = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg1/providers/Microsoft.CognitiveServices/accounts/aoai1"
	tok := testkeys.EntraToken(time.Now()).String()
	oid := testkeys.EntraToken(time.Now()).Oid
	for name, c := range map[string]struct {
		f          form
		resourceID string
		want       []string // in the panel
		not        []string
	}{
		"token, resource ID typed": {f: form{Kind: "openai", Header: diagnosis.HeaderAuthorization, Key: tok}, resourceID: " " + id + " ",
			want: []string{`az role assignment create --assignee &#39;` + oid + `&#39; --role &#39;Cognitive Services OpenAI User&#39; --scope &#39;` + id + `&#39;<`,
				`az role assignment list --assignee &#39;` + oid + `&#39; --scope &#39;` + id + `&#39; -o table`, `id="ask-resource-id"`, "[?name==&#39;aoai1&#39;]"},
			not: []string{"not a resource ID"}},
		"token, no resource ID": {f: form{Kind: "openai", Endpoint: "https://aoai2.openai.azure.com/", Header: diagnosis.HeaderAuthorization, Key: tok},
			want: []string{`--assignee &#39;` + oid + `&#39; --role`, "--name &#39;aoai2&#39; --resource-type", "Paste the resource ID"}},
		"token, not a resource ID": {f: form{Kind: "openai", Key: tok}, resourceID: "aoai1",
			want: []string{"This is not a resource ID", "--name &#39;NAME&#39; --resource-type"}},
		"aad# token": {f: form{Kind: "speech", Key: "aad#" + id + "#" + tok},
			want: []string{`--scope &#39;` + id + `&#39; -o table`}},
		"key, permission answer": {f: form{Kind: "openai", Endpoint: "https://aoai3.openai.azure.com/", Key: testkeys.Legacy(), Status: "403",
			Response: `{"error":{"code":"PermissionDenied","message":"Principal does not have access to API/Operation."}}`},
			want: []string{"--assignee &#34;$(az ad signed-in-user show --query id -o tsv)&#34;", "--name &#39;aoai3&#39;"}},
		"key alone": {f: form{Kind: "openai", Endpoint: "https://aoai3.openai.azure.com/", Key: testkeys.Legacy()}, resourceID: id,
			not: []string{"az role assignment", `id="ask-resource-id"`}},
	} {
		t.Run(name, func(t *testing.T) {
			p := &diagnosePage{form: c.f, askOpen: true, resourceID: c.resourceID}
			p.diagnose()
			html := app.HTMLString(p.renderAskAzure())
			for _, w := range c.want {
				assert.Contains(t, html, w)
			}
			for _, n := range c.not {
				assert.NotContains(t, html, n)
			}
		})
	}
}

// TestPasteSequence pastes, switches services, edits, pastes again and
// clears, as a user may in any order: no step may panic (the page would
// show "something went wrong"), an edit comes back with its service, and
// nothing of one paste is left after the next.
func TestPasteSequence(t *testing.T) {
	p := &diagnosePage{}
	multi := "SPEECH_KEY=" + testkeys.CASK('Y') + "\nSPEECH_REGION=westeurope\nTRANSLATOR_KEY=" + testkeys.CASK('b') + "\nTRANSLATOR_REGION=eastus\n"
	steps := []func(){
		func() { p.applyPaste(multi) },
		func() { p.applyService(1) },
		func() { p.form.Region = "westus2" },
		func() { p.applyService(0) },
		func() { p.applyService(1) },
		func() {
			p.applyPaste("AZURE_OPENAI_ENDPOINT=https://c1.openai.azure.com/\nAZURE_OPENAI_KEY=" + testkeys.CASK('B'))
		},
		func() { p.applyPaste(multi) },
		func() { p.applyService(1) },
		func() { p.applyPaste("") },
	}
	var regions []string
	for i, step := range steps {
		p.safely(step)
		require.Empty(t, p.failure, "step %d", i)
		regions = append(regions, p.form.Region)
	}
	// A region the user typed stays when the next paste gives none.
	assert.Equal(t, []string{"westeurope", "eastus", "westus2", "westeurope", "westus2", "westus2", "westeurope", "eastus", "eastus"}, regions)
	assert.Nil(t, p.snippet)
	assert.Nil(t, p.services)
}
