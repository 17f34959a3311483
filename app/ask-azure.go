package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/diagnosis"
)

// askAzureQuery is what az prints about a resource: each field can
// explain a 401/403 by itself (wrong kind or location, no custom
// subdomain for Entra, local auth off, network closed).
const askAzureQuery = `[?name=='%s'].{name:name, kind:kind, location:location, endpoint:properties.endpoint, ` +
	`customSubDomain:properties.customSubDomainName, disableLocalAuth:properties.disableLocalAuth, ` +
	`publicNetworkAccess:properties.publicNetworkAccess, defaultAction:properties.networkAcls.defaultAction, ` +
	`ipRules:properties.networkAcls.ipRules, resourceGroup:resourceGroup}`

// askAzureCommands are the Azure CLI and PowerShell commands that show
// the truth about a resource, with its name filled in.
func askAzureCommands(name string) []struct{ title, cmd string } {
	return []struct{ title, cmd string }{
		{"Azure CLI: the resource's kind, region, endpoint and auth settings",
			fmt.Sprintf("az cognitiveservices account list --query \"%s\" -o jsonc", fmt.Sprintf(askAzureQuery, name))},
		{"Azure CLI: its keys (prints secrets to your terminal)",
			fmt.Sprintf("az cognitiveservices account keys list --name %s --resource-group $(az cognitiveservices account list --query \"[?name=='%s'].resourceGroup\" -o tsv)", name, name)},
		{"Az PowerShell: the same settings",
			fmt.Sprintf("Get-AzCognitiveServicesAccount | Where-Object AccountName -eq '%s' |\n  Select-Object AccountName, Kind, Location, Endpoint, CustomSubDomainName, DisableLocalAuth, PublicNetworkAccess, ResourceGroupName,\n    @{n='DefaultAction';e={$_.NetworkRuleSet.DefaultAction}}, @{n='IpRules';e={$_.NetworkRuleSet.IpRules.IpAddressOrRange -join ','}}", name)},
		{"Az PowerShell: its keys",
			fmt.Sprintf("$a = Get-AzCognitiveServicesAccount | Where-Object AccountName -eq '%s'\nGet-AzCognitiveServicesAccountKey -ResourceGroupName $a.ResourceGroupName -Name $a.AccountName", name)},
	}
}

// renderAskAzure draws the panel of commands that ask Azure about the
// resource, with the name the endpoint reveals. Closed, it holds only
// its title: the commands are built when it opens. When roles matter (a
// token, or an answer that denies a permission), it also fills the role
// assignment commands, with a field for the resource ID.
func (p *diagnosePage) renderAskAzure() app.UI {
	panel := app.Div().ID("ask-azure").Class("card")
	summary := app.Button().ID("ask-azure-toggle").Type("button").Class("toggle").Aria("expanded", p.askOpen).
		Text("Ask Azure for the truth").OnClick(func(ctx app.Context, e app.Event) { p.askOpen = !p.askOpen })
	if !p.askOpen {
		return panel.Body(summary)
	}
	resourceID := strings.TrimSpace(p.resourceID)
	name := "NAME"
	if i := strings.LastIndex(resourceID, "/"); diagnosis.IsResourceID(resourceID) && i >= 0 {
		name = resourceID[i+1:]
	}
	var roles []diagnosis.Command
	named := false // the endpoint names the resource
	if p.facts != nil {
		if n := p.facts.ResourceName(); n != "" {
			name, named = n, true
		}
		roles = p.facts.RoleCommands(resourceID)
	}
	cmds := askAzureCommands(name)
	general := len(cmds)
	for _, c := range roles {
		cmds = append(cmds, struct{ title, cmd string }{c.Title, c.Cmd})
	}
	return panel.Body(
		summary,
		app.P().Class("muted").Text("These commands print what Azure knows about the resource: its kind and region, "+
			"its endpoint and custom subdomain, whether key auth is disabled and whether the network is closed. "+
			"Run them where you are signed in (az login / Connect-AzAccount)."),
		// A regional or global host does not name the resource: say so,
		// and take the name from its resource ID. (The block stays while
		// the ID is typed, so the field keeps its focus.)
		app.If(!named, func() app.UI {
			return app.Div().Body(
				app.P().ID("ask-name-unknown").Class("note").Text("The endpoint does not name the resource (a regional or global host): "+
					"replace NAME in the commands with the resource's name (portal → the resource → Overview), or give its resource ID below."),
				app.If(len(roles) == 0, func() app.UI { return p.renderResourceIDField(resourceID, false) }),
			)
		}),
		app.Range(cmds).Slice(func(i int) app.UI {
			c := cmds[i]
			return app.Div().Body(
				app.If(i == general, func() app.UI { return p.renderResourceIDField(resourceID, true) }),
				app.Div().Class("cmd-row").Body(
					app.Span().Class("field-label").Text(c.title),
					p.copyButton(fmt.Sprintf("ask-copy-%d", i), "Copy", "the command: "+c.title, func() string { return c.cmd }),
				),
				app.Div().Class("cmd", "mono").Text(c.cmd),
			)
		}),
	)
}

// renderResourceIDField asks for the resource ID the commands name the
// resource by, and that the role commands (with roles) are scoped to.
// It is not a secret; it stays in this page's memory and never goes
// into the share link.
func (p *diagnosePage) renderResourceIDField(resourceID string, roles bool) app.UI {
	hint := "Portal → the resource → Properties → Resource ID: the commands then name the resource."
	if roles {
		hint = "The role commands below are for the identity of the token (its oid), or else yours. " +
			"Paste the resource ID to scope them to the resource: portal → the resource → Properties → Resource ID."
	}
	if resourceID != "" && !diagnosis.IsResourceID(resourceID) {
		hint = "This is not a resource ID (/subscriptions/…/resourceGroups/…/providers/Microsoft.CognitiveServices/accounts/NAME): " +
			"the commands look the resource up by name instead."
	}
	return app.Div().Class("ask-roles").Body(
		app.If(roles, func() app.UI { return app.H3().Text("Roles: who may call the resource") }),
		app.Label().For("ask-resource-id").Class("field-label").Text("Resource ID (optional, not a secret)"),
		app.Input().ID("ask-resource-id").Type("text").Attr("autocomplete", "off").Attr("spellcheck", "false").
			Aria("describedby", "ask-resource-id-hint").Placeholder("/subscriptions/…/accounts/NAME").
			Value(p.resourceID).OnInput(p.ValueTo(&p.resourceID)),
		app.P().ID("ask-resource-id-hint").Class("hint").Text(hint),
	)
}
