package diagnosis

import (
	"fmt"
	"strings"
)

var regionMalformed = &Check{
	ID: "region-malformed", Area: AreaEndpoint, Severity: Error, Title: "Region is not a region id",
	Doc: "SDKs and the Translator region header want the region's id: lower case, no spaces " +
		"(westus2, not \"West US 2\"), never a URL. A display name, a URL or an unknown id makes the SDK " +
		"build a wrong host or the gateway refuse the key.",
	Fix:     "Use the id of the resource's Location (Overview page), e.g. westus2, westeurope, global",
	Sources: "§2.3 [S8][I34][I47]",
	Run: func(c *Check, f *Facts) []Finding {
		raw := f.regionRaw
		if raw == "" || f.regionOK {
			return nil
		}
		if LooksSecret(raw) {
			return one(c.finding("The region field holds what looks like a key or token, not a region.", Mask(raw)).withFix(f.regionFix()))
		}
		if strings.Contains(raw, "://") || strings.Contains(raw, ".") {
			fd := c.finding("The region field holds a URL, not a region.", Truncate(RedactEndpoint(raw), 80)).withFix(f.regionFix())
			if e := analyseEndpoint(raw); e.region != "" {
				fd = fd.withFix("Use " + e.region)
			}
			return one(fd)
		}
		if f.region != nil && f.regionFromCode() {
			// The paste shows the code passing it: the SDK builds its host
			// from it as written (sources §2.3 [I34]).
			return one(c.finding(fmt.Sprintf("%q is a display name, and the code passes it as the region: the SDK builds its host from it. The region id is %s.", raw, f.region.ID),
				f.in.Snippet.Region.From+": "+raw).withFix("Use " + f.region.ID))
		}
		if f.region != nil {
			// Read as the id it names: wrong only where it is sent as typed
			// (an SDK's region, the region header), so worth checking.
			return one(c.finding(fmt.Sprintf("%q is a display name; the region id is %s. Where your code or a header sends the region, use the id.", raw, f.region.ID), raw).
				withFix("Use " + f.region.ID).withSeverity(Warning))
		}
		fd := c.finding(fmt.Sprintf("%q is not an Azure region.", Truncate(raw, 40)), Truncate(raw, 40)).withFix(f.regionFix())
		if c := closestRegion(raw); c != "" {
			fd = fd.withFix("Did you mean " + c + "? Use the id of the resource's Location")
		} else if ids := regionsNaming(raw, f.regionFits); len(ids) > 0 {
			fd = fd.withFix("Did you mean " + joinOr(ids) + "? Use the id of the resource's Location")
		}
		return one(fd)
	},
}

// regionFix names example region ids the API can have: "global" only
// where the kind may be there (Translator, Bing, multi-service) or is
// not known.
func (f *Facts) regionFix() string {
	examples := "westus2, westeurope, global"
	if k := f.Kind(); k != nil && !k.GlobalOK && k.Covers == nil {
		examples = "westus2, westeurope"
	}
	return "Use the id of the resource's Location (Overview page), e.g. " + examples
}

// regionFits reports whether the API can run in r: Speech only in its
// regions.
func (f *Facts) regionFits(r *Region) bool {
	k := f.Kind()
	return k == nil || !k.SpeechRegions || r.Speech
}

// regionFromCode reports whether the region field holds the region a
// pasted snippet surely sends (an SDK argument, a header), as it gave it.
func (f *Facts) regionFromCode() bool {
	s := f.in.Snippet
	return s != nil && s.Region.Sure == Sure && s.Region.Value != "" && strings.TrimSpace(f.in.Region) == s.Region.Value
}

var regionUnsupported = &Check{
	ID: "region-unsupported", Area: AreaEndpoint, Severity: Error, Title: "Region does not offer this API",
	Doc: "The region exists but not for this API: Speech never runs in \"global\" and only in its own " +
		"list of regions; \"global\" is a location of Translator and Bing resources only; multi-service " +
		"keys can get issueToken tokens only in fifteen regions.",
	Fix:     "Use a region that offers the API, with a resource created there",
	Sources: "§2.1, §2.3 [S1][S8][I57]",
	Run: func(c *Check, f *Facts) []Finding {
		k, r := f.Kind(), f.region
		if k == nil || r == nil || !f.regionOK {
			return nil
		}
		switch {
		case k.SpeechRegions && (r.ID == Global || !r.Speech):
			return one(c.finding("Speech does not run in "+r.ID+"; a Speech resource always has a real region.", "region "+r.ID))
		case r.ID == Global && !k.GlobalOK && k.Covers == nil:
			return one(c.finding("\"global\" is a location of Translator and Bing resources only, not of "+k.Name+".", "region global"))
		case f.ep.tokenURL && (f.multiServiceKey() || k.Covers != nil) && !r.TokenExchange && r.ID != Global:
			return one(c.finding("Multi-service keys cannot get issueToken tokens in "+r.ID+".", "token URL, region "+r.ID))
		}
		return nil
	},
}
