package diagnosis

import (
	"encoding/json"
	"slices"
	"strings"
)

// Infrastructure as code and resource settings: a Microsoft.CognitiveServices
// account in Bicep, ARM JSON or Terraform, or as az/Az PowerShell print it.
// Each account gives its kind, location and the settings behind the
// resource-* causes (sources §2, §4.4 [S2][S12][S13]).

// accountMarkers name an account resource in a block or type.
var accountMarkers = []string{"microsoft.cognitiveservices/accounts", "azurerm_cognitive_account", "azurerm_ai_services"}

// accountSettings maps setting names (normName) to the role they give and
// the value that triggers it ("" = any non-empty value).
var accountSettings = []struct {
	name, trigger string
	role          role
}{
	{"kind", "", roleKind}, {"location", "", roleRegion},
	{"disablelocalauth", "true", roleLocalAuthOff}, {"localauthenabled", "false", roleLocalAuthOff},
	{"publicnetworkaccess", "disabled", roleNetwork}, {"publicnetworkaccessenabled", "false", roleNetwork},
	{"defaultaction", "deny", roleNetwork},
}

// fromIaC reads every account resource of a program as hits, one kind
// per account so each becomes its own service.
func fromIaC(p *program, r *resolver) []hit {
	var hits []hit
	for _, acct := range accounts(p, r) {
		kind, subdomain, at := "", false, 0
		for _, pr := range acct {
			n := normName(pr.name)
			if v := r.eval(pr.val, pr.pos); n == "customsubdomainname" && (!v.ok || v.text != "" && v.text != "null") {
				subdomain = true
			}
			if n == "kind" {
				kind = resourceKinds[strings.ToLower(r.eval(pr.val, pr.pos).text)]
				at = pr.pos
			}
		}
		if kind == "" {
			continue
		}
		for _, pr := range acct {
			hits = append(hits, settingHits(pr, r, kind)...)
		}
		if !subdomain {
			hits = append(hits, hit{role: roleNoSubdomain, v: value{text: "customSubDomainName: none", ok: true}, kind: kind, from: "resource", pos: at, sure: Sure})
		}
	}
	return hits
}

// settingHits turns one account setting into hits.
func settingHits(pr *pair, r *resolver, kind string) []hit {
	n := normName(pr.name)
	v := r.eval(pr.val, pr.pos)
	for _, s := range accountSettings {
		if s.name != n || !v.ok || s.trigger != "" && !strings.EqualFold(v.text, s.trigger) {
			continue
		}
		switch s.role {
		case roleKind:
			return []hit{{role: roleKind, v: value{text: kind, ok: true}, kind: kind, from: "resource kind " + v.text, pos: pr.pos, sure: Sure}}
		case roleRegion:
			v.text = strings.ToLower(strings.ReplaceAll(v.text, " ", ""))
			if !isEnvName(v.text) {
				return nil // [resourceGroup().location], a parameter
			}
			return []hit{{role: roleRegion, v: v, kind: kind, from: "resource location", pos: pr.pos, sure: Sure}}
		}
		return []hit{{role: s.role, v: value{text: pr.name + ": " + v.text, ok: true}, kind: kind, from: "resource " + pr.name, pos: pr.pos, sure: Sure}}
	}
	return nil
}

// accounts groups the pairs of each account resource.
func accounts(p *program, r *resolver) [][]*pair {
	var out [][]*pair
	byPath := map[string]int{}
	for _, pr := range p.pairs {
		if i := markerIndex(pr.path); i >= 0 {
			key := strings.Join(pr.path[:i+1], "\x00")
			if _, ok := byPath[key]; !ok {
				byPath[key] = len(out)
				out = append(out, nil)
			}
			out[byPath[key]] = append(out[byPath[key]], pr)
		}
	}
	for _, pr := range p.pairs { // ARM "type": "Microsoft.CognitiveServices/accounts"; az's "kind" beside "location"
		if len(pr.scope) == 0 || !isAccountObject(p, pr, r) {
			continue
		}
		id := pr.scope[len(pr.scope)-1]
		var acct []*pair
		for _, q := range p.pairs {
			if slices.Contains(q.scope, id) {
				acct = append(acct, q)
			}
		}
		out = append(out, acct)
	}
	return out
}

// isAccountObject reports the pair that marks an object as an account:
// an ARM type, or a resource kind with a location beside it.
func isAccountObject(p *program, pr *pair, r *resolver) bool {
	v := r.eval(pr.val, pr.pos).text
	switch pr.name {
	case "type":
		return hasMarker(v)
	case "kind":
		if resourceKinds[strings.ToLower(v)] == "" {
			return false
		}
		id := pr.scope[len(pr.scope)-1]
		for _, q := range p.pairs {
			if q.name == "location" && len(q.scope) > 0 && q.scope[len(q.scope)-1] == id {
				return true
			}
		}
	}
	return false
}

func markerIndex(path []string) int {
	for i, el := range path {
		if hasMarker(el) {
			return i
		}
	}
	return -1
}

func hasMarker(s string) bool {
	low := strings.ToLower(s)
	for _, m := range accountMarkers {
		if strings.Contains(low, m) {
			return true
		}
	}
	return false
}

// azAccount is the part of az cognitiveservices account show (or
// Get-AzCognitiveServicesAccount as JSON) that explains a 401/403.
type azAccount struct {
	Kind       string
	Location   string
	Endpoint   string
	Properties struct {
		Endpoint            string
		CustomSubDomainName *string
		DisableLocalAuth    *bool
		PublicNetworkAccess string
		NetworkAcls         *struct{ DefaultAction string }
	}
	CustomSubDomainName *string
	DisableLocalAuth    *bool
	PublicNetworkAccess string
	NetworkRuleSet      *struct{ DefaultAction string }
}

// fromAzJSON reads resources as az or Az PowerShell print them (one
// object or a list), as hits.
func fromAzJSON(t string) []hit {
	trim := strings.TrimSpace(t)
	var list []azAccount
	if strings.HasPrefix(trim, "{") {
		var a azAccount
		if json.Unmarshal([]byte(trim), &a) != nil {
			return nil
		}
		list = []azAccount{a}
	} else if json.Unmarshal([]byte(trim), &list) != nil {
		return nil
	}
	var hits []hit
	for i, a := range list {
		hits = append(hits, a.hits(i)...)
	}
	return hits
}

// hits turns one account's settings into hits.
func (a azAccount) hits(at int) []hit {
	kind := resourceKinds[strings.ToLower(a.Kind)]
	if kind == "" {
		return nil
	}
	h := func(rl role, text, from string) hit {
		return hit{role: rl, v: value{text: text, ok: true}, kind: kind, from: from, pos: at, sure: Sure}
	}
	hits := []hit{h(roleKind, kind, "resource kind "+a.Kind)}
	if loc := strings.ReplaceAll(strings.ToLower(a.Location), " ", ""); loc != "" {
		hits = append(hits, h(roleRegion, loc, "resource location"))
	}
	p := a.Properties
	if ep := p.Endpoint + a.Endpoint; ep != "" {
		hits = append(hits, h(roleEndpoint, ep, "resource endpoint"))
	}
	if off := firstBool(p.DisableLocalAuth, a.DisableLocalAuth); off {
		hits = append(hits, h(roleLocalAuthOff, "disableLocalAuth: true", "resource"))
	}
	if sub := firstStr(p.CustomSubDomainName, a.CustomSubDomainName); sub == "" {
		hits = append(hits, h(roleNoSubdomain, "customSubDomainName: none", "resource"))
	}
	action := ""
	if p.NetworkAcls != nil {
		action = p.NetworkAcls.DefaultAction
	} else if a.NetworkRuleSet != nil {
		action = a.NetworkRuleSet.DefaultAction
	}
	switch {
	case strings.EqualFold(p.PublicNetworkAccess+a.PublicNetworkAccess, "Disabled"):
		hits = append(hits, h(roleNetwork, "publicNetworkAccess: Disabled", "resource"))
	case strings.EqualFold(action, "Deny"):
		hits = append(hits, h(roleNetwork, "networkAcls.defaultAction: Deny", "resource"))
	}
	return hits
}

func firstBool(a, b *bool) bool {
	if a != nil {
		return *a
	}
	return b != nil && *b
}

func firstStr(a, b *string) string {
	if a != nil {
		return *a
	}
	if b != nil {
		return *b
	}
	return ""
}
