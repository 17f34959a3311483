package diagnosis

import "strings"

// The request an Azure OpenAI SDK sends: the client is given the bare
// resource URL, the operation call names the deployment, and the SDK
// sends ENDPOINT/openai/deployments/DEPLOYMENT/ROUTE?api-version=V
// (Azure OpenAI inference REST reference; openai-python's AzureOpenAI
// rewrites the deployment endpoints to /deployments/{model}/…, or to the
// client's azure_deployment when it has one).

// openAIOp is one SDK operation: the callee that makes it (lower case,
// the end of its dotted name, a C# Async suffix dropped), the route it
// calls under /openai/deployments/NAME/, and whether its first argument
// is the deployment.
type openAIOp struct {
	callee, route string
	firstArg      bool
}

// openAIOps are the operations read, first match wins (chat before plain
// completions).
var openAIOps = []openAIOp{
	// openai-python and openai-node: client.chat.completions.create(model=…) and ({model: …}).
	{"chat.completions.create", "chat/completions", false}, {"completions.create", "completions", false},
	{"embeddings.create", "embeddings", false}, {"images.generate", "images/generations", false},
	{"audio.transcriptions.create", "audio/transcriptions", false}, {"audio.translations.create", "audio/translations", false},
	{"audio.speech.create", "audio/speech", false},
	// @azure/openai (JS), azure-ai-openai (Java), Azure.AI.OpenAI 1.0 betas (C#): getX(deployment, …).
	{"getchatcompletions", "chat/completions", true}, {"streamchatcompletions", "chat/completions", true},
	{"getchatcompletionsstream", "chat/completions", true}, {"getchatcompletionsstreaming", "chat/completions", true},
	{"getcompletions", "completions", true}, {"getembeddings", "embeddings", true},
	{"getimages", "images/generations", true}, {"getimagegenerations", "images/generations", true},
	{"getaudiotranscription", "audio/transcriptions", true}, {"getaudiotranslation", "audio/translations", true},
	// Azure.AI.OpenAI 2.x: azureClient.GetChatClient(deployment), GetEmbeddingClient, GetImageClient.
	{"getchatclient", "chat/completions", true}, {"getembeddingclient", "embeddings", true},
	{"getimageclient", "images/generations", true},
	// Azure.AI.OpenAI 1.0 betas: new ChatCompletionsOptions { DeploymentName = … }.
	{"chatcompletionsoptions", "chat/completions", false}, {"completionsoptions", "completions", false},
	{"embeddingsoptions", "embeddings", false}, {"imagegenerationoptions", "images/generations", false},
	{"audiotranscriptionoptions", "audio/transcriptions", false},
}

// azureOpenAIClients are the clients that send to deployment routes:
// openai-python and openai-node AzureOpenAI, Azure.AI.OpenAI's
// AzureOpenAIClient and OpenAIClient (.NET 1.0 betas), @azure/openai's
// OpenAIClient, azure-ai-openai's OpenAIClientBuilder.
var azureOpenAIClients = words{"azureopenai", "asyncazureopenai", "azureopenaiclient", "openaiclient", "openaiclientbuilder"}

// deploymentArgs name the deployment on an operation (model=,
// DeploymentName =) or on a client (azure_deployment=, {deployment}).
var deploymentArgs = words{"model", "deployment", "deploymentname", "deploymentid", "deploymentormodelname", "azuredeployment"}

// hasAzureOpenAIClient reports a paste that builds an Azure OpenAI
// client: only then do the operations go to deployment routes (a plain
// OpenAI client sends the model in the body).
func hasAzureOpenAIClient(p *program) bool {
	for _, cl := range p.calls {
		if !cl.cmd && azureOpenAIClients.has(strings.ToLower(cl.name)) {
			return true
		}
	}
	return false
}

// opOf returns the operation a callee makes, if any.
func opOf(full string) (openAIOp, bool) {
	low := strings.TrimSuffix(strings.ToLower(strings.TrimPrefix(full, "new ")), "async")
	for _, op := range openAIOps {
		if low == op.callee || strings.HasSuffix(low, "."+op.callee) {
			return op, true
		}
	}
	return openAIOp{}, false
}

// operation reads an Azure OpenAI client's deployment and an operation
// call with the deployment it names.
func (c *collector) operation(cl *call) {
	if !c.azure || cl.cmd {
		return
	}
	if low := strings.ToLower(cl.name); low == "azureopenai" || low == "asyncazureopenai" {
		if n := c.deploymentNamed(cl); n != nil {
			c.add(hit{role: roleDeployment, v: c.eval(n.val, cl), kind: "openai", from: cl.name + "(…) " + n.name, pos: n.pos, sure: Sure})
		}
		return
	}
	op, ok := opOf(cl.full)
	if !ok {
		return
	}
	v := value{via: "the client's deployment"}
	switch n := c.deploymentNamed(cl); {
	case n != nil:
		v = c.eval(n.val, cl)
	case op.firstArg && len(cl.args) > 0 && !isCallExpr(cl.args[0]):
		v = c.eval(cl.args[0], cl)
	}
	if v.ok && !isDeploymentName(v.text) {
		v = value{via: "the client's deployment"}
	}
	c.add(hit{role: roleOperation, v: v, from: opWritten(cl.full, op) + "(…)", pos: cl.pos, sure: Sure, route: op.route})
}

// opWritten is the operation as the code writes it, without its
// receiver: client.chat.completions.create is chat.completions.create.
func opWritten(full string, op openAIOp) string {
	i := len(full) - len(op.callee)
	if strings.HasSuffix(strings.ToLower(full), "async") {
		i -= len("async")
	}
	if i < 0 || i > len(full) {
		return lastSegment(full)
	}
	return full[i:]
}

// deploymentNamed returns the call's named argument or option that names
// the deployment, or nil.
func (c *collector) deploymentNamed(cl *call) *pair {
	for _, n := range cl.named {
		if deploymentArgs.has(normName(n.name)) && len(n.val) > 0 {
			return n
		}
	}
	return nil
}

// isDeploymentName reports a value shaped like a deployment name:
// letters, digits, - _ and . (no spaces, no URL, no expression).
func isDeploymentName(v string) bool {
	if v == "" || len(v) > 64 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// sdkRequest makes the endpoint the request URL an Azure OpenAI SDK
// sends, when the paste gives the client a bare resource URL and shows
// the operation and its deployment: the client's deployment first, else
// the operation's. The api-version goes in its query when the paste
// gives it; else the SDK adds its own (sdkVersion).
func (s *Snippet) sdkRequest(clientDeps, ops []hit) {
	base, ok := bareBase(s.Endpoint.Value)
	if !ok || len(ops) == 0 || s.Kind.Value != "openai" {
		return
	}
	dep := ""
	for _, h := range clientDeps {
		if h.v.ok && isDeploymentName(h.v.text) {
			dep = h.v.text
			break
		}
	}
	for _, h := range ops {
		d := dep
		if d == "" && h.v.ok {
			d = h.v.text
		}
		if d == "" {
			continue
		}
		u := base + "/openai/deployments/" + d + "/" + h.route
		if v := s.apiVersion.Value; v != "" {
			u += "?api-version=" + v
		}
		s.Endpoint.Value, s.Endpoint.From = u, "the request "+h.from+" sends (built on "+s.Endpoint.From+")"
		s.sdkVersion = s.apiVersion.Value == ""
		return
	}
}

// bareBase returns a resource URL with no path, query or fragment,
// without its trailing slash; not the OpenAI platform's.
func bareBase(u string) (string, bool) {
	i := strings.Index(u, "://")
	if i < 0 || !hasPrefixFold(u, "https://") {
		return "", false
	}
	rest := strings.TrimSuffix(u[i+3:], "/")
	if rest == "" || strings.ContainsAny(rest, "/?#{}$ ") || strings.EqualFold(rest, "api.openai.com") {
		return "", false
	}
	return u[:i+3] + rest, true
}
