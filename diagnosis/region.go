package diagnosis

import "strings"

// Cloud is an Azure cloud: the public one or a sovereign one.
type Cloud int

// Clouds (sources §2.2).
const (
	CloudUnknown Cloud = iota
	CloudPublic
	CloudGovernment
	CloudChina
)

// String names the cloud as the portal does.
func (c Cloud) String() string {
	switch c {
	case CloudPublic:
		return "Azure public cloud"
	case CloudGovernment:
		return "Azure Government"
	case CloudChina:
		return "Azure China (21Vianet)"
	}
	return "unknown cloud"
}

// Region is an Azure location a resource can be in.
type Region struct {
	// ID is what APIs and SDKs want: lower case, no spaces ("westus2").
	ID string
	// Name is the portal's display name ("West US 2").
	Name string
	// Cloud is the cloud the region belongs to.
	Cloud Cloud
	// Speech says the Speech service runs in the region (sources §2.3 tier B).
	Speech bool
	// TokenExchange says multi-service keys can get issueToken tokens
	// in the region ([S1], sources §2.1).
	TokenExchange bool
}

// Global is the "global" location of Translator and legacy Bing resources.
const Global = "global"

// regionTable lists the regions of sources §2.3: tier A (documented
// regional endpoints), tier B (Speech), tier C (other public regions),
// Azure Government and Azure China. S marks Speech, T token exchange.
var regionTable = []struct{ id, name, flags string }{
	{"global", "Global", ""},
	{"australiacentral", "Australia Central", ""},
	{"australiacentral2", "Australia Central 2", ""},
	{"australiaeast", "Australia East", "ST"},
	{"australiasoutheast", "Australia Southeast", ""},
	{"austriaeast", "Austria East", ""},
	{"belgiumcentral", "Belgium Central", ""},
	{"brazilsouth", "Brazil South", "ST"},
	{"brazilsoutheast", "Brazil Southeast", ""},
	{"canadacentral", "Canada Central", "ST"},
	{"canadaeast", "Canada East", "S"},
	{"centralindia", "Central India", "ST"},
	{"centralus", "Central US", "S"},
	{"centraluseuap", "Central US EUAP", ""},
	{"chilecentral", "Chile Central", ""},
	{"denmarkeast", "Denmark East", ""},
	{"eastasia", "East Asia", "ST"},
	{"eastus", "East US", "ST"},
	{"eastus2", "East US 2", "S"},
	{"eastus2euap", "East US 2 EUAP", ""},
	{"francecentral", "France Central", "S"},
	{"francesouth", "France South", ""},
	{"germanynorth", "Germany North", ""},
	{"germanywestcentral", "Germany West Central", "S"},
	{"indonesiacentral", "Indonesia Central", ""},
	{"israelcentral", "Israel Central", ""},
	{"italynorth", "Italy North", "S"},
	{"japaneast", "Japan East", "ST"},
	{"japanwest", "Japan West", "S"},
	{"jioindiacentral", "Jio India Central", ""},
	{"jioindiawest", "Jio India West", ""},
	{"koreacentral", "Korea Central", "S"},
	{"koreasouth", "Korea South", ""},
	{"malaysiawest", "Malaysia West", ""},
	{"mexicocentral", "Mexico Central", ""},
	{"newzealandnorth", "New Zealand North", ""},
	{"northcentralus", "North Central US", "S"},
	{"northeurope", "North Europe", "ST"},
	{"norwayeast", "Norway East", "S"},
	{"norwaywest", "Norway West", ""},
	{"polandcentral", "Poland Central", ""},
	{"qatarcentral", "Qatar Central", "S"},
	{"southafricanorth", "South Africa North", "S"},
	{"southafricawest", "South Africa West", ""},
	{"southcentralus", "South Central US", "ST"},
	{"southeastasia", "Southeast Asia", "ST"},
	{"southindia", "South India", ""},
	{"spaincentral", "Spain Central", ""},
	{"swedencentral", "Sweden Central", "S"},
	{"swedensouth", "Sweden South", ""},
	{"switzerlandnorth", "Switzerland North", "S"},
	{"switzerlandwest", "Switzerland West", "S"},
	{"taiwannorth", "Taiwan North", ""},
	{"uaecentral", "UAE Central", ""},
	{"uaenorth", "UAE North", "S"},
	{"uksouth", "UK South", "ST"},
	{"ukwest", "UK West", "S"},
	{"westcentralus", "West Central US", "ST"},
	{"westeurope", "West Europe", "ST"},
	{"westindia", "West India", ""},
	{"westus", "West US", "ST"},
	{"westus2", "West US 2", "ST"},
	{"westus3", "West US 3", "S"},
	// Azure Government [S2][S7][S9]; Speech in the two documented regions.
	{"usgovarizona", "US Gov Arizona", "gS"},
	{"usgovvirginia", "US Gov Virginia", "gS"},
	{"usgovtexas", "US Gov Texas", "g"},
	{"usdodcentral", "US DoD Central", "g"},
	{"usdodeast", "US DoD East", "g"},
	// Azure China [S2][S7][S9].
	{"chinaeast", "China East", "c"},
	{"chinaeast2", "China East 2", "cS"},
	{"chinaeast3", "China East 3", "c"},
	{"chinanorth", "China North", "c"},
	{"chinanorth2", "China North 2", "cS"},
	{"chinanorth3", "China North 3", "cS"},
}

var (
	regions     []Region
	regionIDs   []string
	regionByID  = map[string]*Region{}
	regionByKey = map[string]*Region{} // display names and aliases, folded
)

func init() {
	regions = make([]Region, len(regionTable))
	for i, r := range regionTable {
		cloud := CloudPublic
		switch {
		case strings.Contains(r.flags, "g"):
			cloud = CloudGovernment
		case strings.Contains(r.flags, "c"):
			cloud = CloudChina
		case r.id == Global:
			cloud = CloudUnknown
		}
		regions[i] = Region{ID: r.id, Name: r.name, Cloud: cloud,
			Speech: strings.Contains(r.flags, "S"), TokenExchange: strings.Contains(r.flags, "T")}
		regionByID[r.id] = &regions[i]
		regionIDs = append(regionIDs, r.id)
		regionByKey[foldRegion(r.name)] = &regions[i]
	}
	// Display-name variants people type (sources §2.3) and the Government
	// host label "virginia" of [S2].
	for alias, id := range map[string]string{"indiacentral": "centralindia", "virginia": "usgovvirginia",
		"arizona": "usgovarizona"} {
		regionByKey[alias] = regionByID[id]
	}
}

// Regions returns every known region, "global" first. Do not modify it.
func Regions() []Region { return regions }

// foldRegion lower-cases a region name and drops spaces, dashes and
// underscores: "West US 2" and "west-us-2" both fold to "westus2".
func foldRegion(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == ' ' || c == '-' || c == '_' || c == '(' || c == ')':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// resolveRegion finds the region a loosely typed name means: an id, a
// display name or an alias. exact is false when the text was not the id.
func resolveRegion(s string) (r *Region, exact bool) {
	if r := regionByID[s]; r != nil {
		return r, true
	}
	f := foldRegion(s)
	if r := regionByID[f]; r != nil {
		return r, false
	}
	return regionByKey[f], false
}

// closestRegion suggests the known region id nearest to s, or "".
func closestRegion(s string) string {
	return Closest(foldRegion(s), regionIDs)
}

// regionsNaming lists the ids of the regions ok accepts that contain the
// word s ("europe": northeurope, westeurope), at most six; none for a
// word under four letters, which too many ids contain.
func regionsNaming(s string, ok func(*Region) bool) []string {
	w := foldRegion(s)
	if len(w) < 4 {
		return nil
	}
	var out []string
	for i := range regions {
		if r := &regions[i]; r.ID != Global && strings.Contains(r.ID, w) && ok(r) && len(out) < 6 {
			out = append(out, r.ID)
		}
	}
	return out
}

// Closest returns the candidate fewer than three edits away from s and
// nearest to it, or "": the "did you mean" of CLI and page.
func Closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(s, c, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, or limit when it
// is limit or more.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}
