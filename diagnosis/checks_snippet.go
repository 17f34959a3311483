package diagnosis

import (
	"slices"
	"strings"
)

// snippetCheck builds a check on what only a pasted snippet shows.
func snippetCheck(c *Check, run func(c *Check, f *Facts, s *Snippet) []Finding) *Check {
	c.Run = func(c *Check, f *Facts) []Finding {
		if f.in.Snippet == nil {
			return nil
		}
		return run(c, f, f.in.Snippet)
	}
	return c
}

var snippetUnreadable = snippetCheck(&Check{
	ID: "snippet-unreadable", Area: AreaSnippet, Severity: Warning, Title: "The paste could not be read whole",
	Doc: "The pasted text is binary, or longer than 64 KiB. Only text is read (a command, a config " +
		"file, code, an HTTP exchange), and only its start when it is long.",
	Fix:     "Paste only the command, the config or the code that makes the call",
	Sources: "az401's own limits",
}, func(c *Check, f *Facts, s *Snippet) []Finding {
	if s.unreadable == "" {
		return nil
	}
	return one(c.finding(capitalize(s.unreadable)+".", ""))
})

var snippetEnvUndefined = snippetCheck(&Check{
	ID: "snippet-env-undefined", Area: AreaSnippet, Severity: Error, Title: "The code reads a key variable the config does not define",
	Doc: "The code takes the key from an environment variable that the pasted .env or settings do not " +
		"define, while they define one whose name differs by one word. The key is then empty: the call has no key " +
		"(401 \"missing subscription key\"), or the SDK falls back to Entra ID and answers PermissionDenied.",
	Fix:     "Use one name for the variable in the config and in the code",
	Sources: "§1.4, §8 [I22]",
}, func(c *Check, f *Facts, s *Snippet) []Finding {
	if s.envRead == "" || slices.Contains(s.envDefined, s.envRead) {
		return nil
	}
	for _, d := range s.envDefined {
		if oneWordApart(nameWords(d), nameWords(s.envRead)) {
			return one(c.finding("The code reads "+s.envRead+", but the config defines "+d+".",
				"reads "+s.envRead+"; defines "+d).
				withFix("Rename " + d + " to " + s.envRead + " in the config, or read " + d + " in the code"))
		}
	}
	return nil
})

// oneWordApart reports names that differ by one word: one changed,
// added or dropped (AZURE_OPENAI_KEY vs AZURE_OPENAI_API_KEY).
func oneWordApart(a, b []string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 || len(b) == 0 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i < len(a) && slices.Equal(a[i+1:], b[i+1:])
	}
	return slices.Equal(a[i+1:], b[i:])
}

var snippetYAMLDate = snippetCheck(&Check{
	ID: "snippet-yaml-date", Area: AreaSnippet, Severity: Warning, Title: "api-version is an unquoted date in YAML",
	Doc: "YAML reads an unquoted 2024-02-01 as a date, not a string; libraries then send it as " +
		"2024-02-01T00:00:00Z or similar, which no service knows (400 or 404).",
	Fix:     "Quote the value: api_version: \"2024-02-01\"",
	Sources: "§4.5",
}, func(c *Check, f *Facts, s *Snippet) []Finding {
	if s.yamlDate == "" {
		return nil
	}
	return one(c.finding("The api-version is an unquoted date, which YAML does not read as text.", s.yamlDate))
})

var snippetDefaultRegion = snippetCheck(&Check{
	ID: "snippet-default-region", Area: AreaSnippet, Severity: Warning, Title: "The snippet hard-codes westus, a sample default",
	Doc: "westus is the default of many samples, tutorials and libraries. Unless the resource really is " +
		"in West US, its key is refused there (401).",
	Fix:     "Replace westus with the resource's region, as its Overview page shows",
	Sources: "§8 [I5][I10][I27]",
}, func(c *Check, f *Facts, s *Snippet) []Finding {
	// Warn only while the resource's region is not known from elsewhere:
	// a region the user gave settles it (and the region checks compare).
	// A region the paste only implies (its host) is no word of the user's.
	fromUser := f.regionRaw != "" && (f.regionRaw != s.Region.Value || s.regionGiven)
	if s.defaultRegion == "" || fromUser {
		return nil
	}
	return one(c.finding("The snippet uses westus, the default of many samples; check that the resource is in West US.",
		s.defaultRegion))
})

var snippetOpenAIDefault = snippetCheck(&Check{
	ID: "snippet-openai-default", Area: AreaSnippet, Severity: Error, Title: "OpenAI client with no base URL calls api.openai.com",
	Doc: "An OpenAI() client without base_url (or baseURL) sends requests to OpenAI's own service, which " +
		"does not know Azure keys. For Azure, use AzureOpenAI with azure_endpoint, or OpenAI with " +
		"base_url=\"https://NAME.openai.azure.com/openai/v1/\".",
	Fix:     "Set base_url to https://NAME.openai.azure.com/openai/v1/\nOr use the AzureOpenAI client with azure_endpoint and api_version",
	Sources: "§2.1, §3 [S24][I17]",
}, func(c *Check, f *Facts, s *Snippet) []Finding {
	if !s.openAIDefault {
		return nil
	}
	return one(c.finding("The OpenAI client has no base URL, so it calls api.openai.com, not your Azure resource.", "OpenAI( without base_url"))
})

var snippetKeyInCode = snippetCheck(&Check{
	ID: "snippet-key-in-code", Area: AreaSnippet, Severity: Warning, Title: "The snippet holds the key itself",
	Doc: "The key is written in the code or command. Anyone who sees the snippet (a chat, an issue, a " +
		"repository) can use it. Nothing is sent by az401, but a key that was shared should be regenerated.",
	Fix:     "If this snippet was shared, regenerate the key (Keys and Endpoint → Regenerate)\nRead the key from an environment variable or a secret store instead",
	Sources: "§5 [S16]",
}, func(c *Check, f *Facts, s *Snippet) []Finding {
	if !s.keyInCode || f.key.class != classLegacy && f.key.class != classCASK {
		return nil
	}
	return one(c.finding("The snippet contains the key itself; treat it as shared.", f.maskedKey()))
})

var resourceLocalAuthDisabled = snippetCheck(&Check{
	ID: "resource-local-auth-disabled", Area: AreaSnippet, Severity: Error, Title: "The resource has key authentication turned off",
	Doc: "The resource's settings say disableLocalAuth: true. No key works; only Microsoft Entra ID " +
		"tokens do (403 AuthenticationTypeDisabled).",
	Fix:     "Use Entra ID on the custom subdomain endpoint\nOr turn key auth back on: az resource update … --set properties.disableLocalAuth=false (takes minutes)",
	Sources: "§4.4, §5 [S12][I24][I25]",
}, func(c *Check, f *Facts, s *Snippet) []Finding {
	if !s.localAuthOff || f.key.class == classToken {
		return nil
	}
	return one(c.finding("The resource has key authentication turned off: no key will work.", "disableLocalAuth: true"))
})

var resourceNetworkRestricted = snippetCheck(&Check{
	ID: "resource-network-restricted", Area: AreaSnippet, Severity: Warning, Title: "The resource accepts calls only from some networks",
	Doc: "The resource's network settings close it to the public internet, or to all but listed " +
		"addresses; calls from elsewhere get 403 \"Access denied due to Virtual Network/Firewall rules\".",
	Fix:     "Call from an allowed network, or add your address under Networking",
	Sources: "§4.4 [S13][I28]",
}, func(c *Check, f *Facts, s *Snippet) []Finding {
	if s.networkClosed == "" {
		return nil
	}
	return one(c.finding("The resource's network rules limit who may call it.", s.networkClosed))
})

var resourceNoCustomSubdomain = snippetCheck(&Check{
	ID: "resource-no-custom-subdomain", Area: AreaSnippet, Severity: Warning, Title: "The resource has no custom subdomain",
	Doc: "Without a custom subdomain the resource answers only on the shared regional endpoint, where " +
		"Microsoft Entra ID tokens are refused; keys still work.",
	Fix:     "Set a custom domain name on the resource (it cannot be changed later) to use Entra ID",
	Sources: "§2.1, §3 [S1][S2]",
}, func(c *Check, f *Facts, s *Snippet) []Finding {
	if !s.noSubdomain {
		return nil
	}
	fd := c.finding("The resource has no custom subdomain, so Entra ID tokens cannot be used with it.", "customSubDomainName: none")
	if f.key.class == classToken || f.header() == HeaderAuthorization {
		fd = fd.withSeverity(Error)
	}
	return one(fd)
})

// dataPlaneScopes are the token scopes Azure AI endpoints accept, by
// the host that follows https:// (sources §1.3, §3 [S1][S26]).
var dataPlaneScopes = []string{"cognitiveservices.azure.com", "cognitiveservices.azure.us", "cognitiveservices.azure.cn"}

// foundryScope is the scope of Foundry project endpoints.
const foundryScope = "ai.azure.com"

var snippetTokenScope = snippetCheck(&Check{
	ID: "snippet-token-scope", Area: AreaSnippet, Severity: Error, Title: "The code requests a token for the wrong scope",
	Doc: "A Microsoft Entra ID token is valid only for the audience it was requested for. Azure AI services " +
		"and Azure OpenAI accept tokens for https://cognitiveservices.azure.com/.default; Foundry project " +
		"endpoints (/api/projects/…) accept https://ai.azure.com/.default. A token for Azure Resource " +
		"Manager (https://management.azure.com/.default), Graph or Key Vault is refused with 401.",
	Fix:     "Request the token for https://cognitiveservices.azure.com/.default (Foundry projects: https://ai.azure.com/.default)",
	Sources: "§1.3, §3 [S1][S26][I19]",
}, func(c *Check, f *Facts, s *Snippet) []Finding {
	scope := s.scope.Value
	if scope == "" {
		return nil
	}
	host := hostOf(scope)
	project := strings.Contains(strings.ToLower(f.ep.raw), "/api/projects/")
	want := "https://cognitiveservices.azure.com/.default"
	if project {
		want = "https://" + foundryScope + "/.default"
	}
	if project && host == foundryScope || !project && slices.Contains(dataPlaneScopes, host) {
		return nil
	}
	fd := c.finding("The code asks for a token for "+Truncate(scope, 80)+", which this endpoint does not accept.", s.scope.From+": "+Truncate(scope, 80)).
		withFix("Request the token for " + want)
	if s.scope.Sure != Sure {
		fd = fd.withSeverity(Warning)
	}
	return one(fd)
})
