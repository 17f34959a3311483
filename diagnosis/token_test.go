package diagnosis_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/corpus"
	"az401/internal/testkeys"
)

var tokenNow = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// tok is the standard Entra ID token, changed by edit.
func tok(edit func(t *testkeys.Token)) string {
	t := testkeys.EntraToken(tokenNow)
	if edit != nil {
		edit(&t)
	}
	return t.String()
}

func aud(a string) func(t *testkeys.Token) { return func(t *testkeys.Token) { t.Aud = a } }

const speechResourceID = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg1/providers/Microsoft.CognitiveServices/accounts/sp1"

// searchKey is an identifiable AI Search key ([S17] SEC101/166), built
// from parts.
var searchKey = strings.Repeat("Qx7", 14) + "AzSe" + "B" + "k2P9w"

// tokenCase is a token or keyless scenario; want lists every error and
// warning expected (and info findings that must be there), topIn a
// phrase the top finding's message or fix must contain.
type tokenCase struct {
	corpus.Case
	topIn string
}

func tc(name, kind, endpoint, header, key string, want ...string) tokenCase {
	return tokenCase{Case: corpus.Case{Name: name, Kind: kind, Endpoint: endpoint, Header: header, Key: key, Want: want}}
}

func (c tokenCase) status(s int, body string) tokenCase {
	c.Status, c.Response = s, body
	return c
}

func (c tokenCase) region(r string) tokenCase { c.Region = r; return c }

func (c tokenCase) clean() tokenCase { c.Source = "clean"; return c }

func (c tokenCase) top(s string) tokenCase { c.topIn = s; return c }

const bearer = diagnosis.HeaderAuthorization

// tokenCases are built in code (tokens are never pasted in test data).
var tokenCases = []tokenCase{
	// Correct tokens on the right endpoints: nothing to report.
	tc("clean: Language on its custom subdomain", "language", "https://mylang.cognitiveservices.azure.com/language/:analyze-text?api-version=2023-04-01", bearer, tok(nil), "key-is-token").clean(),
	tc("clean: Azure OpenAI classic path", "openai", "https://contoso.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21", bearer, tok(nil), "key-is-token").clean(),
	tc("clean: Azure OpenAI v1 route", "openai", "https://contoso.openai.azure.com/openai/v1/chat/completions", bearer, tok(nil)).clean(),
	tc("clean: audience with a trailing slash", "vision", "https://myvis.cognitiveservices.azure.com/computervision/imageanalysis:analyze?api-version=2024-02-01", bearer, tok(aud("https://cognitiveservices.azure.com/"))).clean(),
	tc("clean: Foundry project with an ai.azure.com token", "foundry-project", "https://fdy.services.ai.azure.com/api/projects/proj1/assistants", bearer, tok(aud("https://ai.azure.com"))).clean(),
	tc("clean: Foundry project, header left to the kind", "foundry-project", "https://fdy.services.ai.azure.com/api/projects/proj1", "", tok(aud("https://ai.azure.com")), "key-is-token").clean(),
	tc("clean: Foundry model inference route", "ai-services", "https://fdy.services.ai.azure.com/models/chat/completions?api-version=2024-05-01-preview", bearer, tok(nil)).clean(),
	tc("clean: Azure Government token on a Government endpoint", "openai", "https://gov1.openai.azure.us/openai/deployments/d/chat/completions?api-version=2024-10-21", bearer,
		tok(func(t *testkeys.Token) {
			t.Aud, t.Iss = "https://cognitiveservices.azure.us", "https://login.microsoftonline.us/aaaaaaaa-0000-0000-0000-000000000000/v2.0"
		})).clean(),
	tc("clean: Azure China token on a China endpoint", "language", "https://cn1.cognitiveservices.azure.cn/language/:analyze-text?api-version=2023-04-01", bearer,
		tok(func(t *testkeys.Token) {
			t.Aud, t.Iss = "https://cognitiveservices.azure.cn", "https://sts.chinacloudapi.cn/aaaaaaaa-0000-0000-0000-000000000000/"
		})).clean(),
	tc("clean: Speech aad# token on the regional host", "speech", "https://westus.tts.speech.microsoft.com/cognitiveservices/v1", bearer, "aad#"+speechResourceID+"#"+tok(nil)).region("westus").clean(),
	tc("clean: AI Search with a search token", "ai-search", "https://srch1.search.windows.net/indexes/hotels/docs?api-version=2024-07-01&search=*", bearer, tok(aud("https://search.azure.com"))).clean(),
	tc("clean: AI Search admin key in api-key", "ai-search", "https://srch1.search.windows.net/indexes?api-version=2024-07-01", diagnosis.HeaderAPIKey, searchKey).clean(),
	tc("clean: AI Search legacy 32-hex key", "ai-search", "https://srch1.search.windows.net/", "", testkeys.Legacy(), "key-decoded").clean(),
	tc("clean: serverless endpoint with its own key as bearer", "serverless-model", "https://llama-x.eastus2.models.ai.azure.com/chat/completions", bearer, testkeys.Legacy()).clean(),
	tc("clean: serverless endpoint, kind from the host", "", "https://llama-x.eastus2.models.ai.azure.com/chat/completions", "", testkeys.Legacy()).clean(),

	// Wrong audience.
	tc("ARM token with a bare 401", "openai", "https://contoso.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21", bearer,
		tok(aud("https://management.azure.com/")), "token-wrong-audience", "response-token-rejected").status(401, "").top("az account get-access-token --resource https://cognitiveservices.azure.com"),
	tc("management.core.windows.net token", "language", "https://mylang.cognitiveservices.azure.com/", bearer, tok(aud("https://management.core.windows.net/")), "token-wrong-audience").top("Azure Resource Manager"),
	tc("Graph token", "vision", "https://myvis.cognitiveservices.azure.com/", bearer, tok(aud("https://graph.microsoft.com")), "token-wrong-audience").top("Microsoft Graph"),
	tc("Graph app-ID audience", "openai", "https://contoso.openai.azure.com/", bearer, tok(aud("00000003-0000-0000-c000-000000000000")), "token-wrong-audience"),
	tc("Key Vault token", "openai", "https://contoso.openai.azure.com/", bearer, tok(aud("https://vault.azure.net")), "token-wrong-audience").top("Key Vault"),
	tc("AI services token on a Foundry project", "foundry-project", "https://fdy.services.ai.azure.com/api/projects/proj1/threads", bearer, tok(nil), "token-wrong-audience").top("https://ai.azure.com/.default"),
	tc("Foundry token on Azure OpenAI", "openai", "https://contoso.openai.azure.com/openai/deployments/d/embeddings?api-version=2024-10-21", bearer, tok(aud("https://ai.azure.com")), "token-wrong-audience"),
	tc("ARM token, no endpoint nor kind", "", "", bearer, tok(aud("https://management.azure.com")), "token-wrong-audience", "endpoint-missing"),
	tc("public token on a Government endpoint", "openai", "https://gov1.openai.azure.us/", bearer, tok(nil), "token-wrong-audience", "endpoint-cloud-mismatch").top("cognitiveservices.azure.us"),
	tc("Government token on a public endpoint", "openai", "https://contoso.openai.azure.com/", bearer,
		tok(func(t *testkeys.Token) {
			t.Aud, t.Iss = "https://cognitiveservices.azure.us", "https://login.microsoftonline.us/aaaaaaaa-0000-0000-0000-000000000000/v2.0"
		}), "token-wrong-audience", "endpoint-cloud-mismatch"),
	tc("China issuer on a public endpoint", "language", "https://mylang.cognitiveservices.azure.com/", bearer,
		tok(func(t *testkeys.Token) {
			t.Iss = "https://login.chinacloudapi.cn/aaaaaaaa-0000-0000-0000-000000000000/v2.0"
		}), "endpoint-cloud-mismatch"),
	tc("AI services token on AI Search", "ai-search", "https://srch1.search.windows.net/indexes", bearer, tok(nil), "token-wrong-audience").top("search.azure.com"),

	// Times.
	tc("token not valid yet", "language", "https://mylang.cognitiveservices.azure.com/", bearer,
		tok(func(t *testkeys.Token) { t.Nbf = tokenNow.Add(2 * time.Hour); t.Exp = tokenNow.Add(3 * time.Hour) }), "token-not-yet-valid"),
	tc("token expired an hour ago", "language", "https://mylang.cognitiveservices.azure.com/", bearer,
		tok(func(t *testkeys.Token) { t.Exp = tokenNow.Add(-time.Hour) }), "token-expired"),

	// Wrong header.
	tc("token sent as api-key", "openai", "https://contoso.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21", diagnosis.HeaderAPIKey, tok(nil), "header-mismatch").top("Authorization: Bearer"),
	tc("token sent as Ocp-Apim-Subscription-Key", "vision", "https://myvis.cognitiveservices.azure.com/", diagnosis.HeaderSubscriptionKey, tok(nil), "header-mismatch"),
	tc("token with no header said, key API", "openai", "https://contoso.openai.azure.com/", "", tok(nil), "key-is-token"),
	// Sending an ARM token as a bearer token would still fail: the first
	// finding's fix asks for a token of the right audience.
	tc("ARM token with no header said", "openai", "https://contoso.openai.azure.com/", "", tok(aud("https://management.azure.com/")),
		"key-is-token", "token-wrong-audience").top("request one for https://cognitiveservices.azure.com"),

	// The Speech aad# form.
	tc("aad# with only the resource name", "speech", "https://westus.stt.speech.microsoft.com/speech/recognition/conversation/cognitiveservices/v1", bearer, "aad#sp1#"+tok(nil), "token-aad-format").region("westus").top("is a name"),
	tc("aad# with the subscription ID", "speech", "https://westus.stt.speech.microsoft.com/", bearer, "aad#00000000-1111-2222-3333-444444444444#"+tok(nil), "token-aad-format").region("westus"),
	tc("aad# with an endpoint URL", "speech", "https://westus.stt.speech.microsoft.com/", bearer, "aad#https://sp1.cognitiveservices.azure.com/#"+tok(nil), "token-aad-format").region("westus"),
	tc("aad# ending in a key", "speech", "https://westus.stt.speech.microsoft.com/", bearer, "aad#"+speechResourceID+"#"+testkeys.Legacy(), "token-aad-format").region("westus"),
	tc("aad# with one separator", "speech", "https://westus.stt.speech.microsoft.com/", bearer, "aad#"+tok(nil), "token-aad-format").region("westus"),

	// Keys where only Entra ID works, and keys of other products.
	tc("key on a Foundry project endpoint", "ai-services", "https://fdy.services.ai.azure.com/api/projects/proj1/assistants?api-version=v1", "", testkeys.CASK('A'), "endpoint-needs-entra", "key-decoded"),
	tc("key with the Foundry project kind", "foundry-project", "https://fdy.services.ai.azure.com/", "", testkeys.Legacy(), "endpoint-needs-entra"),
	tc("AI services key on AI Search", "ai-search", "https://srch1.search.windows.net/indexes", diagnosis.HeaderAPIKey, testkeys.CASK('A'), "key-kind-mismatch"),
	tc("AI Search key on Azure OpenAI", "openai", "https://contoso.openai.azure.com/", diagnosis.HeaderAPIKey, searchKey, "key-is-foreign-secret"),
	tc("Entra token on a regional endpoint", "language", "https://westeurope.api.cognitive.microsoft.com/language/:analyze-text?api-version=2023-04-01", bearer, tok(nil), "entra-needs-custom-subdomain").region("westeurope"),

	// Roles.
	tc("agents need Azure AI User", "foundry-project", "https://fdy.services.ai.azure.com/api/projects/proj1/assistants/asst_1", bearer, tok(aud("https://ai.azure.com")), "response-permission-denied").
		status(401, `{"error":{"code":"PermissionDenied","message":"The principal 11111111-2222-3333-4444-555555555555 lacks the required data action Microsoft.CognitiveServices/accounts/AIServices/agents/read to perform GET /api/projects/{projectName}/assistants/{assistantId} operation."}}`).
		top(`"Azure AI User"`),
	tc("OpenAI PermissionDenied names the OpenAI role", "openai", "https://contoso.openai.azure.com/", bearer, tok(nil), "response-permission-denied").
		status(401, `{"error":{"code":"PermissionDenied","message":"Principal does not have access to API/Operation."}}`).top(`"Cognitive Services OpenAI User"`),
	tc("ARM AuthorizationFailed listing keys", "openai", "", "", "", "response-arm-authorization-failed").
		status(403, `(AuthorizationFailed) The client 'dev@contoso.com' with object id '11111111-2222-3333-4444-555555555555' does not have authorization to perform action 'Microsoft.CognitiveServices/accounts/listKeys/action' over scope '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg1/providers/Microsoft.CognitiveServices/accounts/aoai1' or the scope is invalid.`).
		top("Microsoft.CognitiveServices/accounts/listKeys/action"),
	tc("bare 401 to a well-formed token", "language", "https://mylang.cognitiveservices.azure.com/", bearer, tok(nil), "response-token-rejected").status(401, ""),
}

// TestTokenCases replays the token and keyless cases: missing and
// unexpected error or warning findings both fail, and clean ones must
// give neither.
func TestTokenCases(t *testing.T) {
	require.GreaterOrEqual(t, len(tokenCases), 30)
	for _, c := range tokenCases {
		t.Run(c.Name, func(t *testing.T) {
			in, err := c.Input()
			require.NoError(t, err)
			in.Now = tokenNow
			r := diagnosis.Diagnose(in)
			missing, unexpected := c.Check(corpus.Findings(r.Findings))
			assert.Empty(t, missing, "missing findings; got %v", ids(r))
			assert.Empty(t, unexpected, "unexpected findings; got %v", ids(r))
			if c.Source == "clean" {
				assert.Less(t, r.Worst(), diagnosis.Warning, "a correct token on the right endpoint gives no error and no warning")
				return
			}
			require.NotEmpty(t, r.Findings)
			assert.Equal(t, c.Want[0], r.Findings[0].ID, "top finding; got %v", ids(r))
			if c.topIn != "" {
				assert.Contains(t, r.Findings[0].Message+"\n"+r.Findings[0].Fix, c.topIn)
			}
		})
	}
}

// tokenClaims are the claims the facts of a key field show at a time.
func tokenClaims(key string, now time.Time) []diagnosis.Claim {
	return diagnosis.Analyse(diagnosis.Input{Key: key, Now: now}).TokenClaims()
}

func TestTokenClaims(t *testing.T) {
	assert.Nil(t, tokenClaims(testkeys.Legacy(), tokenNow))
	claims := tokenClaims("Bearer "+tok(aud("https://management.azure.com")), tokenNow)
	byName := map[string]diagnosis.Claim{}
	for _, c := range claims {
		byName[c.Name] = c
	}
	assert.Equal(t, "RS256", byName["alg"].Value)
	assert.Equal(t, "header", byName["alg"].Part)
	assert.Contains(t, byName["aud"].Meaning, "Azure Resource Manager")
	assert.Equal(t, "11111111-2222-3333-4444-555555555555", byName["oid"].Value)
	assert.Equal(t, "2026-11-28 12:50:00 UTC (in 50 minutes)", byName["exp"].Value)
	assert.Equal(t, "2026-11-28 11:50:00 UTC (10 minutes ago)", byName["nbf"].Value)
	assert.Contains(t, byName["iss"].Meaning, "Azure public cloud")
	aad := tokenClaims("aad#"+speechResourceID+"#"+tok(nil), time.Time{})
	require.NotEmpty(t, aad)
	assert.Contains(t, aad, diagnosis.Claim{Part: "payload", Name: "resource", Value: speechResourceID, Meaning: "the Speech resource the aad# form names"})
	for _, c := range aad {
		assert.NotContains(t, c.Value, " ago", "no clock, no relative time")
	}
}

// TestTokenClaimsScrubbed: a claim holding a secret (here a key pasted
// into the scopes) is shown masked, as every text the facts hand out.
func TestTokenClaimsScrubbed(t *testing.T) {
	key := testkeys.CASK('b')
	claims := tokenClaims(tok(func(t *testkeys.Token) { t.Scp = "user_impersonation " + key }), tokenNow)
	require.NotEmpty(t, claims)
	for _, c := range claims {
		assert.NotContains(t, c.Value+c.Meaning, key, c.Name)
		if c.Name == "scp" {
			assert.Equal(t, "user_impersonation "+diagnosis.Mask(key), c.Value)
		}
	}
}

func TestRoleCommands(t *testing.T) {
	const oid = "11111111-2222-3333-4444-555555555555"
	cmds := diagnosis.RoleCommands(oid, "Cognitive Services OpenAI User", speechResourceID, "")
	require.Len(t, cmds, 4)
	assert.Equal(t, "az role assignment list --assignee '"+oid+"' --scope '"+speechResourceID+"' -o table", cmds[0].Cmd)
	assert.Equal(t, `az role assignment create --assignee '`+oid+`' --role 'Cognitive Services OpenAI User' --scope '`+speechResourceID+`'`, cmds[1].Cmd)
	assert.Equal(t, "Get-AzRoleAssignment -ObjectId '"+oid+"' -Scope '"+speechResourceID+"'", cmds[2].Cmd)
	assert.Equal(t, "New-AzRoleAssignment -ObjectId '"+oid+"' -RoleDefinitionName 'Cognitive Services OpenAI User' -Scope '"+speechResourceID+"'", cmds[3].Cmd)
	cmds = diagnosis.RoleCommands("", "", "", "aoai1")
	assert.Contains(t, cmds[1].Cmd, `--assignee "$(az ad signed-in-user show --query id -o tsv)"`)
	assert.Contains(t, cmds[1].Cmd, `--role 'Cognitive Services User'`)
	assert.Contains(t, cmds[1].Cmd, `--name 'aoai1' --resource-type Microsoft.CognitiveServices/accounts`)

	f := diagnosis.Analyse(diagnosis.Input{Kind: "openai", Endpoint: "https://aoai1.openai.azure.com/", Header: bearer, Key: tok(nil),
		Status: 401, Response: `{"error":{"code":"PermissionDenied","message":"Principal does not have access to API/Operation."}}`})
	got := f.RoleCommands("")
	require.Len(t, got, 4)
	assert.Contains(t, got[1].Cmd, `--assignee '11111111-2222-3333-4444-555555555555' --role 'Cognitive Services OpenAI User'`)
	assert.Contains(t, got[1].Cmd, "--name 'aoai1' ", "no resource ID given: looked up by the endpoint's name")
	got = f.RoleCommands(speechResourceID + "/")
	assert.Equal(t, `az role assignment create --assignee '11111111-2222-3333-4444-555555555555' --role 'Cognitive Services OpenAI User' --scope '`+speechResourceID+`'`, got[1].Cmd)
	assert.Contains(t, f.RoleCommands("/subscriptions/x")[1].Cmd, "--name 'aoai1' ", "not a resource ID: ignored")
	aad := diagnosis.Analyse(diagnosis.Input{Kind: "speech", Key: "aad#" + speechResourceID + "#" + tok(nil)})
	assert.Contains(t, aad.RoleCommands("")[0].Cmd, "--scope '"+speechResourceID+"' -o table", "the aad# token's resource")
	assert.Empty(t, diagnosis.Analyse(diagnosis.Input{Key: testkeys.Legacy()}).RoleCommands(speechResourceID), "a key alone needs no role")
}

// TestUnplacedAnswerVerdict: an answer no rule knows keeps its status
// advice and never reads as "no error found".
func TestUnplacedAnswerVerdict(t *testing.T) {
	for _, in := range []diagnosis.Input{
		{Kind: "vision", Endpoint: "https://vis1.cognitiveservices.azure.com/", Key: testkeys.Legacy(), Status: 403, Response: `{"error":{"code":"SomethingNew"}}`},
		{Kind: "vision", Endpoint: "https://vis1.cognitiveservices.azure.com/", Key: testkeys.Legacy(), Status: 200, Response: `{"error":{"code":"InvalidKey"}}`},
	} {
		r := diagnosis.Diagnose(in)
		assert.True(t, strings.HasPrefix(r.Verdict, "No certain cause"), r.Verdict)
		assert.False(t, r.Has("response-ok"), "an error body is not a success")
	}
}
