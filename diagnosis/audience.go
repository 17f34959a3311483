package diagnosis

import "strings"

// The audiences Azure AI data planes accept (sources §1.3, §2.2, §3): the
// token's aud claim, without a trailing slash.
const (
	audCognitive = "https://cognitiveservices.azure.com"
	audFoundry   = "https://ai.azure.com"
	audSearch    = "https://search.azure.com"
)

// audienceNames names the audiences people request by mistake, and the
// cloud-specific forms of the right ones. Keys are lower case, no
// trailing slash; app-ID forms are the first-party application IDs.
var audienceNames = [...]struct{ aud, name string }{
	{"https://cognitiveservices.azure.com", "Azure AI services"},
	{"https://cognitiveservices.azure.us", "Azure AI services in Azure Government"},
	{"https://cognitiveservices.azure.cn", "Azure AI services in Azure China"},
	{"https://ai.azure.com", "Azure AI Foundry projects"},
	{"https://search.azure.com", "Azure AI Search"},
	{"https://management.azure.com", "Azure Resource Manager (the control plane)"},
	{"https://management.core.windows.net", "Azure Resource Manager (the control plane)"},
	{"https://management.usgovcloudapi.net", "Azure Resource Manager in Azure Government"},
	{"https://management.core.usgovcloudapi.net", "Azure Resource Manager in Azure Government"},
	{"https://management.chinacloudapi.cn", "Azure Resource Manager in Azure China"},
	{"https://management.core.chinacloudapi.cn", "Azure Resource Manager in Azure China"},
	{"797f4846-ba00-4fd7-ba43-dac1f8f63013", "Azure Resource Manager (the control plane)"},
	{"https://graph.microsoft.com", "Microsoft Graph"},
	{"00000003-0000-0000-c000-000000000000", "Microsoft Graph"},
	{"https://graph.windows.net", "Azure AD Graph"},
	{"https://vault.azure.net", "Azure Key Vault"},
	{"https://vault.usgovcloudapi.net", "Azure Key Vault in Azure Government"},
	{"https://vault.azure.cn", "Azure Key Vault in Azure China"},
	{"https://storage.azure.com", "Azure Storage"},
	{"https://database.windows.net", "Azure SQL Database"},
	{"https://ml.azure.com", "Azure Machine Learning"},
}

// normAudience lower-cases an audience and drops a trailing slash.
func normAudience(aud string) string {
	return strings.TrimRight(strings.ToLower(strings.TrimSpace(aud)), "/")
}

// audienceName says what service an audience is for, or "".
func audienceName(aud string) string {
	a := normAudience(aud)
	for _, n := range audienceNames {
		if n.aud == a {
			return n.name
		}
	}
	return ""
}

// cognitiveAudience is the AI services audience of a cloud.
func cognitiveAudience(c Cloud) string {
	switch c {
	case CloudGovernment:
		return "https://cognitiveservices.azure.us"
	case CloudChina:
		return "https://cognitiveservices.azure.cn"
	}
	return audCognitive
}

// wantedAudience is the audience the endpoint (or, without one, the
// chosen kind) accepts, or "" when nothing says: the kind's Audience
// (Foundry projects https://ai.azure.com, AI Search
// https://search.azure.com), else the cloud's Azure AI services one.
func (f *Facts) wantedAudience() string {
	for _, k := range []*Kind{f.inferred, f.kind} {
		switch {
		case k == nil || k.Audience == "":
		case k.Audience == NoAudience:
			return "" // the API takes its own keys
		default:
			return k.Audience
		}
	}
	if f.ep.family == hostUnknown && f.ep.given || f.ep.family == hostAPIM || f.ep.family == hostLoopback {
		return "" // a proxy may want anything
	}
	if f.ep.given || f.kind != nil {
		return cognitiveAudience(f.cloud())
	}
	return ""
}

// cloud is the endpoint's cloud, else the region's.
func (f *Facts) cloud() Cloud {
	if f.ep.cloud == CloudUnknown && f.region != nil {
		return f.region.Cloud
	}
	return f.ep.cloud
}

// ScopeFor is the OAuth scope that gets a token for an audience.
func ScopeFor(aud string) string { return strings.TrimRight(aud, "/") + "/.default" }

// tokenFix says how to get a token for the audience: the Azure CLI and
// the SDKs' scope.
func tokenFix(aud string) string {
	scope := ScopeFor(aud)
	return "Request a token for the scope " + scope + "\n" +
		"Azure CLI: az account get-access-token --resource " + aud + " --query accessToken -o tsv\n" +
		"SDKs: DefaultAzureCredential().get_token(\"" + scope + "\") (Python), " +
		"getBearerTokenProvider(credential, \"" + scope + "\") (JavaScript), " +
		"new TokenRequestContext(new[] { \"" + scope + "\" }) (.NET)"
}

// project is the Foundry project name in a project endpoint's path
// (/api/projects/PROJECT/…), or "PROJECT" when the path stops before it.
func (e *endpointFacts) project() string {
	if p := strings.Split(strings.Trim(e.path, "/"), "/"); len(p) > 2 && kindByID[e.api] != nil && kindByID[e.api].Test.UnderProject && p[2] != "" {
		return p[2]
	}
	return "PROJECT"
}
