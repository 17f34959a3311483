package diagnosis

import "fmt"

// responseRule is one kind of answer the services give, recognised by
// phrases and codes in any wrapping (sources §4).
type responseRule int

// Response rules, one per response-* cause that a text can show.
const (
	ruleInvalidKey responseRule = iota
	ruleTranslator401000
	ruleSpeechOnText
	ruleTokenRejected
	rulePermissionDenied
	ruleLocalAuth
	ruleNetwork
	ruleQuota
	ruleLimitedAccess
	ruleMissingKey
	ruleSubdomain
	ruleSpeechAuth
	ruleDeployment
	ruleNotFound
	ruleRateLimited
	ruleARMAuthorizationFailed
	ruleAPIVersion
	ruleSpeechConnection
	ruleNotInTier
	ruleWrongTenant
	ruleContentFiltered
	ruleOpenAIPlatform
	ruleDataSource
	ruleCount
)

// responseRules hold lower-case phrases and "code" values per rule.
var responseRules = [ruleCount]struct{ phrases, codes []string }{
	// Translator v2 answered 200 with "ArgumentException: Invalid Azure
	// Subscription key" in its body (miguelgrinberg/microblog#254).
	ruleInvalidKey: {phrases: []string{"denied due to invalid subscription key", "invalid azure subscription key",
		"cannot be accessed with the current subscription", "invalid status code 'access denied'",
		"invalid status code 'unauthorized'", "invalid appid", "acs50012"}},
	ruleTranslator401000: {phrases: []string{"credentials are missing or invalid"}, codes: []string{"401000"}},
	ruleSpeechOnText:     {phrases: []string{"credentials provided are for the speech api"}, codes: []string{"401015"}},
	ruleTokenRejected:    {phrases: []string{"access token is missing, invalid", "audience is incorrect"}},
	rulePermissionDenied: {phrases: []string{"principal does not have access", "lacks the required data action"},
		codes: []string{"permissiondenied"}},
	ruleLocalAuth: {phrases: []string{"key based authentication is disabled"}, codes: []string{"authenticationtypedisabled"}},
	// A resource with public access off answers a call that did not come
	// through its private endpoint with 403 "Traffic is not from an
	// approved private endpoint" (sources §4.4; Microsoft Q&A 12755231).
	ruleNetwork: {phrases: []string{"virtual network/firewall rules", "throwexceptionduetotrafficdenied",
		"public access is disabled", "please configure private endpoint", "not from an approved private endpoint",
		"a virtual network is configured for this resource", "aka.ms/cogsvc-vnet"}},
	// The Speech SDK says "free subscription that ran out of quota" (Azure-Samples/cognitive-services-speech-sdk#471).
	ruleQuota: {phrases: []string{"out of call volume quota", "exceeded its free quota", "exceeded the free quota", "quota exceeded",
		"ran out of quota"}, codes: []string{"403001"}},
	ruleLimitedAccess: {phrases: []string{"missing approval for one or more", "aka.ms/facerecognition"}, codes: []string{"unsupportedfeature"}},
	ruleMissingKey:    {phrases: []string{"missing subscription key", "missing application credentials or subscription key"}},
	ruleSubdomain:     {phrases: []string{"custom subdomain for token authentication", "please provide an authentication key"}},
	ruleSpeechAuth: {phrases: []string{"authentication error (401)", "authentication error (403)", "authenticationfailure",
		"unexpected server response: 401"}},
	ruleDeployment: {phrases: []string{"deployment for this resource does not exist"}, codes: []string{"deploymentnotfound"}},
	ruleNotFound:   {phrases: []string{"resource not found"}},
	ruleARMAuthorizationFailed: {phrases: []string{"does not have authorization to perform action"},
		codes: []string{"authorizationfailed"}},
	ruleAPIVersion: {phrases: []string{"api version not supported", "enabled only for api versions"}},
	// The gateway names the pricing tier of the key's resource when that
	// resource does not offer the API ("… is not supported with the
	// current subscription key and pricing tier OpenAI.S0"), sources §4.1.
	// Speech batch transcription refuses a free (F0) key with 400 "Only
	// \"Standard\" subscriptions for the region of the called service are
	// valid" (Azure-Samples/cognitive-services-speech-sdk#1307).
	// OpenAI's own service refusing a key: the call went to api.openai.com
	// (stepanogil/autonomous-hr-chatbot#4: an Azure key, a client left on
	// OpenAI's default base URL).
	ruleOpenAIPlatform: {phrases: []string{"incorrect api key provided", "platform.openai.com/account/api-keys"}},
	// Batch transcription on a multi-service key: "The subscription SKU
	// \"CognitiveServices.S0\" is not supported in this service instance"
	// (code InvalidProductId, MicrosoftDocs/azure-docs#22901).
	ruleNotInTier: {phrases: []string{"with the current subscription key and pricing tier",
		`only \"standard\" subscriptions`, `only "standard" subscriptions`, "is not supported in this service instance"},
		codes: []string{"invalidproductid"}},
	// Azure OpenAI On Your Data wraps its data source's refusal in a 400:
	// "Invalid AzureCognitiveSearch configuration detected: … Azure Search
	// Error: 403" (microsoft/sample-app-aoai-chatGPT#624, Azure/azure-sdk-for-net#45326)
	// or "Failed to get managed identity token … ManagedIdentityIsNotEnabled"
	// (microsoft/sample-app-aoai-chatGPT#699).
	ruleDataSource: {phrases: []string{"invalid azurecognitivesearch configuration", "call to get acs index failed",
		"call to get azure search index failed", "managed identity (mi) is not set for this account"},
		codes: []string{"managedidentityisnotenabled"}},
	// Azure OpenAI answers a prompt its content filter blocks with 400
	// code content_filter, inner code ResponsibleAIPolicyViolation: the key
	// passed (sources §4.5; microsoft/TinyTroupe#85).
	ruleContentFiltered: {phrases: []string{"content management policy"},
		codes: []string{"content_filter", "responsibleaipolicyviolation"}},
	// Entra ID refuses a token from another tenant than the resource's with
	// 400 "Token tenant … does not match resource tenant" (sources §3).
	ruleWrongTenant: {phrases: []string{"does not match resource tenant", "tenant provided in token does not match"}},
	ruleSpeechConnection: {phrases: []string{"no connection to the remote host", "unspecified connection error",
		"ws_open_error", "connectionfailure", "unable to contact server"}},
	ruleRateLimited: {phrases: []string{"rate limit is exceeded", "exceeded token rate limit", "exceeded call rate limit",
		"rate limit of your current", "client exceeded request limits"}, codes: []string{"ratelimitexceeded", "429000", "429001", "429002"}},
}

// match sets the hits of every rule in the text.
func (r *responseFacts) match() {
	if r.text == "" {
		return
	}
	for i, rule := range responseRules {
		if r.has(rule.phrases...) || r.hasAnyCode(rule.codes) {
			r.hits |= 1 << i
		}
	}
}

func (r *responseFacts) hasAnyCode(codes []string) bool {
	for _, c := range codes {
		if r.hasCode(c) {
			return true
		}
	}
	return false
}

// hit reports whether the text matched the rule.
func (r *responseFacts) hit(rule responseRule) bool { return r.hits&(1<<rule) != 0 }

// evidence quotes the text around the rule's first phrase or code.
func (f *Facts) evidence(rule responseRule) string {
	ru := responseRules[rule]
	original := f.in.Response
	if len(original) > MaxResponseLen {
		original = original[:MaxResponseLen]
	}
	if ev := excerpt(original, f.resp.text, append(ru.phrases, ru.codes...)...); ev != "" {
		return ev
	}
	return f.statusEvidence()
}

// statusEvidence names the status and where it came from.
func (f *Facts) statusEvidence() string {
	if f.resp.status == 0 {
		return ""
	}
	if f.resp.inferred {
		return fmt.Sprintf("status %d (read from the message)", f.resp.status)
	}
	return fmt.Sprintf("status %d", f.resp.status)
}
