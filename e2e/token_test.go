package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

// claims reads the token card's claims: name → value and meaning.
func (b *browser) claims() map[string]string {
	return eval[map[string]string](b, `Object.fromEntries([...document.querySelectorAll("#token-claims [data-claim]")]
		.map(e => [e.dataset.claim, e.querySelector(".claim-value").textContent + " | " + e.querySelector(".claim-meaning").textContent]))`)
}

// TestTokenCard types an Entra ID token sent as a bearer token: the card
// lists its claims with what they mean, and never the token itself. An
// ARM-audience token on an Azure AI endpoint leads with the wrong
// audience.
func TestTokenCard(t *testing.T) {
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	tok := testkeys.EntraToken(time.Now())
	b.set("kind", "openai")
	b.set("endpoint", "https://contoso-aoai.openai.azure.com/")
	b.set("header", diagnosis.HeaderAuthorization)
	b.set("key", tok.String())
	b.waitFor(`!!document.querySelector('#token-claims [data-claim="exp"]')`, "the token's claims")
	assert.Equal(t, "The token", eval[string](b, `document.querySelector("#key-card h2").textContent`))
	c := b.claims()
	assert.Contains(t, c["aud"], "https://cognitiveservices.azure.com | the audience: the service the token is for")
	assert.Contains(t, c["iss"], tok.Iss+" | the issuer: Microsoft Entra ID")
	assert.Regexp(t, `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in (49|50) minutes\) \| not valid after this time$`, c["exp"])
	assert.Contains(t, c["oid"], tok.Oid)
	assert.Zero(t, eval[int](b, `document.querySelectorAll("#token-claims .claim-bad").length`), "a good token has no claim marked")
	html := eval[string](b, `document.documentElement.outerHTML`)
	for i, part := range strings.Split(tok.String(), ".") {
		assert.NotContains(t, html, part, "part %d of the token is in the page", i)
	}
	_, requests := b.seen()
	assert.NotContains(t, requests, tok.String()[:40], "the token is sent nowhere")

	arm := tok
	arm.Aud = "https://management.azure.com/"
	b.set("key", arm.String())
	b.waitFor(`document.querySelector('#token-claims [data-claim="aud"] .claim-value').textContent === "https://management.azure.com/"`, "the ARM token's claims")
	got := b.findings()
	require.NotEmpty(t, got)
	assert.Equal(t, "token-wrong-audience", got[0].ID, "the wrong audience first: %v", got)
	assert.Contains(t, b.claims()["aud"], "Azure Resource Manager")
	assert.Equal(t, "Problem: the endpoint accepts only tokens for https://cognitiveservices.azure.com",
		eval[string](b, `document.querySelector('#token-claims .claim-bad[data-claim="aud"] .claim-problem').textContent`))
}

// TestAskAzureRoles opens the Ask Azure panel for a token: the role
// commands carry the token's oid, and the resource ID typed in the panel
// scopes them.
func TestAskAzureRoles(t *testing.T) {
	const id = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg1/providers/Microsoft.CognitiveServices/accounts/contoso-aoai"
	s := serve(t, siteDir)
	b := newBrowser(t)
	b.open(s.page())
	tok := testkeys.EntraToken(time.Now())
	b.set("kind", "openai")
	b.set("header", diagnosis.HeaderAuthorization)
	b.set("key", tok.String())
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("ask-azure-toggle"))))
	b.waitFor(`!!document.getElementById("ask-resource-id")`, "the resource ID field")
	cmds := func() string {
		return eval[string](b, `[...document.querySelectorAll("#ask-azure .cmd")].map(e => e.textContent).join("\n")`)
	}
	assert.Contains(t, cmds(), "az role assignment list --assignee '"+tok.Oid+"' --scope \"$(az resource list --name 'NAME'")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SendKeys(chromedp.ID("ask-resource-id"), id)))
	b.waitFor(`document.querySelector("#ask-azure").textContent.includes("--scope '`+id+`' -o table")`, "the commands scoped to the resource")
	assert.Contains(t, cmds(), `az role assignment create --assignee '`+tok.Oid+`' --role 'Cognitive Services OpenAI User' --scope '`+id+`'`)
	assert.Contains(t, cmds(), "[?name=='contoso-aoai']", "the name comes from the resource ID")
	assert.Equal(t, "ask-resource-id", eval[string](b, `document.activeElement.id`), "typing keeps focus")
	assert.NotContains(t, eval[string](b, `location.href`), "subscriptions", "the resource ID stays in the page")
}
