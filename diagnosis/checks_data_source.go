package diagnosis

// responseDataSourceRefused reads Azure OpenAI On Your Data's 400 that
// wraps a refusal by its data source (Azure AI Search): the key to Azure
// OpenAI worked, the call Azure OpenAI made on the caller's behalf did not.
var responseDataSourceRefused = &Check{
	ID: "response-data-source-refused", Area: AreaResponse, Severity: Error,
	Title: "On Your Data: the data source refused Azure OpenAI",
	Doc: "Azure OpenAI On Your Data (a chat call with data_sources, or the older extensions path) " +
		"answers 400 \"Invalid AzureCognitiveSearch configuration detected: Call to get … index " +
		"failed\" when Azure AI Search refuses the call Azure OpenAI makes for you, often quoting " +
		"Search's own 403 \"Authorization failed\" or \"Forbidden\". Your key or token to Azure OpenAI " +
		"was accepted; the failure is between the two services. With key authentication the search " +
		"key in the request must be an admin key of that search service (a query key or another " +
		"service's key gets 403). With managed identity the Azure OpenAI resource needs a " +
		"system-assigned identity, and that identity needs Search Index Data Reader and Search " +
		"Service Contributor on the search service, whose API access control must allow roles " +
		"(\"Role-based access control\" or \"Both\"). Without the identity the answer is " +
		"\"Failed to get managed identity token … ManagedIdentityIsNotEnabled\". With public network " +
		"access off on Search, Azure OpenAI must be let in as a trusted service or through a shared " +
		"private link.",
	Fix: "Key authentication: put an admin key of the search service (Search service → Keys) in the data source, not a query key or the Azure OpenAI key\n" +
		"Managed identity: turn on the system-assigned identity of the Azure OpenAI resource (Identity → System assigned → On)\n" +
		"Give that identity Search Index Data Reader and Search Service Contributor on the search service, and set the search service's Keys → API access control to Role-based or Both\n" +
		"Private networking: let Azure OpenAI reach Search (trusted services, or a shared private link from Search to the Azure OpenAI resource)",
	Sources: "§4.4 (microsoft/sample-app-aoai-chatGPT#624, #699, #1024; Azure/azure-sdk-for-net#45326)",
	Run: func(c *Check, f *Facts) []Finding {
		// With AI Search chosen, the search call itself is diagnosed:
		// response-search-key-forbidden reads the same 403.
		if !f.resp.hit(ruleDataSource) || f.Kind() != nil && f.Kind().Audience == audSearch {
			return nil
		}
		msg := "On Your Data: Azure AI Search refused the call Azure OpenAI made for you; your key to Azure OpenAI was accepted."
		if f.resp.has("managed identity (mi) is not set", "managedidentityisnotenabled") {
			msg = "On Your Data: the Azure OpenAI resource has no managed identity to call the data source."
		}
		return one(c.finding(msg, f.evidence(ruleDataSource)))
	},
}
