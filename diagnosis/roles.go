package diagnosis

import (
	"strings"
)

// Built-in Azure roles that grant data access to Azure AI resources
// (sources §3 [S1][S24][I61]). Owner and Contributor grant none.
const (
	roleCognitiveUser     = "Cognitive Services User"
	roleCognitiveContrib  = "Cognitive Services Contributor"
	roleOpenAIUser        = "Cognitive Services OpenAI User"
	roleOpenAIContributor = "Cognitive Services OpenAI Contributor"
	roleAzureAIUser       = "Azure AI User"
	roleSpeechUser        = "Cognitive Services Speech User"
	roleSpeechContributor = "Cognitive Services Speech Contributor"
	roleLanguageReader    = "Cognitive Services Language Reader"
	roleLanguageWriter    = "Cognitive Services Language Writer"
	roleSearchIndexReader = "Search Index Data Reader"
)

// roleForDataAction names the built-in role that grants a data action
// (Microsoft.CognitiveServices/accounts/…), or "" for one az401 does not
// know.
func roleForDataAction(action string) string {
	a := strings.ToLower(action)
	write := strings.HasSuffix(a, "/write") || strings.HasSuffix(a, "/delete")
	switch {
	case strings.Contains(a, "/aiservices/"):
		return roleAzureAIUser
	case strings.Contains(a, "/openai/"):
		if write {
			return roleOpenAIContributor
		}
		return roleOpenAIUser
	case strings.Contains(a, "/speechservices/"):
		if write {
			return roleSpeechContributor
		}
		return roleSpeechUser
	case strings.Contains(a, "/languageauthoring/") || strings.Contains(a, "/language/"):
		if write {
			return roleLanguageWriter
		}
		return roleLanguageReader
	case strings.HasPrefix(a, "microsoft.search/"):
		return roleSearchIndexReader
	case strings.HasPrefix(a, "microsoft.cognitiveservices/"):
		return roleCognitiveUser
	}
	return ""
}

// roleForKind is the usual data role for an API kind (Kind.DataRole).
func roleForKind(k *Kind) string {
	if k == nil || k.DataRole == "" {
		return roleCognitiveUser
	}
	return k.DataRole
}

// quotedAfter returns the text in quotes (or up to white space) after
// the first of the lower-case markers in text; original supplies the
// case.
func quotedAfter(original, text string, markers ...string) string {
	if len(original) != len(text) {
		return ""
	}
	for _, m := range markers {
		i := strings.Index(text, m)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(original[i+len(m):], " '\"\\`") // `…` as Azure OpenAI quotes it
		end := strings.IndexAny(rest, " '\"\\,`")
		if end < 0 {
			end = len(rest)
		}
		if end > 0 && end <= 200 {
			return rest[:end]
		}
	}
	return ""
}

// deniedAction is the data or control-plane action an answer names.
func (f *Facts) deniedAction() string {
	return quotedAfter(f.responseText(), f.resp.text, "data action ", "perform action ")
}

// responseText is the pasted answer as read, original case.
func (f *Facts) responseText() string {
	if pr := f.in.TestResult; pr != nil && pr.Status != 0 {
		return pr.Body + "\n" + pr.RetryAfterText()
	}
	if len(f.in.Response) > MaxResponseLen {
		return f.in.Response[:MaxResponseLen]
	}
	return f.in.Response
}

// dataRole is the role to assign for a PermissionDenied answer: the one
// granting the data action the body names, else the kind's usual one.
func (f *Facts) dataRole() string {
	if r := roleForDataAction(f.deniedAction()); r != "" {
		return r
	}
	return roleForKind(f.Kind())
}

// Command is a command to run, with what it does.
type Command struct {
	Title string
	Cmd   string
}

// RoleCommands returns the Azure CLI commands that list and create the
// role assignment of an identity on a resource. oid is the token's oid
// claim and resourceID the resource's full ID; either may be empty, and
// the commands then look it up (the signed-in user; the resource by
// name, "NAME" if name is empty too). A token or a paste can carry
// anything, so a value is used only in its own shape (oid a GUID, the
// ID a Cognitive Services account's, the name an account name), else
// it is looked up as if empty, and every value is quoted as the test
// call's commands are (shArg): nothing copied can run. Pure: nothing is
// run.
func RoleCommands(oid, role, resourceID, name string) []Command {
	assignee := `"$(az ad signed-in-user show --query id -o tsv)"`
	if len(oid) == 36 && isGUID(oid) {
		assignee = shArg(oid, "")
	}
	scope := shArg(resourceID, "")
	if !isAccountID(resourceID) {
		if !validSubdomain(name) {
			name = "NAME"
		}
		scope = `"$(az resource list --name ` + shArg(name, "") + ` --resource-type Microsoft.CognitiveServices/accounts --query '[0].id' -o tsv)"` // quoted: zsh globs [0]
	}
	if role == "" {
		role = roleCognitiveUser
	}
	psWho, psScope := psRoleArgs(oid, resourceID, name)
	return []Command{
		{"Azure CLI: the identity's role assignments on the resource",
			"az role assignment list --assignee " + assignee + " --scope " + scope + " -o table"},
		{"Azure CLI: grant it \"" + role + "\" (takes up to 5 minutes to apply)",
			"az role assignment create --assignee " + assignee + " --role " + shArg(role, "") + " --scope " + scope},
		{"Az PowerShell: the same assignments",
			"Get-AzRoleAssignment " + psWho + " -Scope " + psScope},
		{"Az PowerShell: grant it \"" + role + "\"",
			"New-AzRoleAssignment " + psWho + " -RoleDefinitionName " + psArg(role, "") + " -Scope " + psScope},
	}
}

// psRoleArgs are RoleCommands' assignee and scope for Az PowerShell, on
// the same rules: each value used only in its own shape, and quoted.
func psRoleArgs(oid, resourceID, name string) (who, scope string) {
	who = "-SignInName (Get-AzContext).Account.Id"
	if len(oid) == 36 && isGUID(oid) {
		who = "-ObjectId " + psArg(oid, "")
	}
	if isAccountID(resourceID) {
		return who, psArg(resourceID, "")
	}
	if !validSubdomain(name) {
		name = "NAME"
	}
	return who, "(Get-AzResource -Name " + psArg(name, "") + " -ResourceType Microsoft.CognitiveServices/accounts).ResourceId"
}

// isAccountID reports whether s is a Cognitive Services account's
// resource ID: /subscriptions/<guid>/resourceGroups/<group>/providers/
// Microsoft.CognitiveServices/accounts/<name>, the provider in any case,
// the group of letters, digits and - _ . ( ).
func isAccountID(s string) bool {
	p := strings.Split(s, "/")
	if len(p) != 9 || p[0] != "" || !strings.EqualFold(p[1], "subscriptions") || len(p[2]) != 36 || !isGUID(p[2]) ||
		!strings.EqualFold(p[3], "resourceGroups") || !isGroupName(p[4]) || !strings.EqualFold(p[5], "providers") ||
		!strings.EqualFold(p[6], "Microsoft.CognitiveServices") || !strings.EqualFold(p[7], "accounts") {
		return false
	}
	return validSubdomain(p[8])
}

// isGroupName reports whether s can be a resource group name: letters,
// digits and - _ . ( ), at most 90.
func isGroupName(s string) bool {
	if s == "" || len(s) > 90 {
		return false
	}
	for i := range len(s) {
		if !isAlnum(s[i]) && !strings.ContainsRune("-_.()", rune(s[i])) {
			return false
		}
	}
	return true
}

// RoleCommands are the role commands for this input: the token's object
// ID, the role the answer or kind needs, and the resource: resourceID
// (one the user gave, not a secret) if it is a resource ID, else an aad#
// token's, else the name the endpoint reveals. Empty when neither a
// token nor a permission answer makes roles relevant.
func (f *Facts) RoleCommands(resourceID string) []Command {
	if f.key.class != classToken && !f.resp.hit(rulePermissionDenied) && !f.resp.hit(ruleARMAuthorizationFailed) {
		return nil
	}
	role := f.dataRole()
	if f.resp.hit(ruleARMAuthorizationFailed) {
		role = roleCognitiveContrib
	}
	scope := f.key.aad.resource
	if IsResourceID(resourceID) {
		scope = resourceID
	}
	return RoleCommands(f.key.token.object, role, strings.TrimRight(scope, "/"), f.ResourceName())
}
