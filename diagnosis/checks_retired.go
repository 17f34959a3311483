package diagnosis

import (
	"fmt"
	"strings"
)

var serviceRetired = &Check{
	ID: "service-retired", Area: AreaEndpoint, Severity: Error, Title: "The service is retired",
	Doc: "The API belongs to a retired service, whose resources and keys no longer answer: Bing Search " +
		"(2025-08-11), LUIS (2025-10-01), Bing Speech (2019-10-15), QnA Maker, Personalizer, Anomaly " +
		"Detector and Metrics Advisor (2026-10-01). No key or endpoint change can fix it.",
	Fix:     "Move to the successor service and create a resource for it",
	Sources: "§5 [S23][S28][S34][S38]",
	Run: func(c *Check, f *Facts) []Finding {
		k := f.Kind()
		if k == nil || !k.IsRetired(f.in.Now) {
			return nil
		}
		return one(c.finding(fmt.Sprintf("%s was retired on %s.", k.Name, k.Retired),
			"API kind "+k.ID).withFix("Move to " + k.Successor))
	},
}

// retiredHost is a host family that no longer answers.
type retiredHost struct {
	host   hostFamily
	since  string
	use    string
	source string
}

// retiredHosts are the hosts of sources §5 that were switched off; the
// retired versions of each API are in its catalogue row.
var retiredHosts = []retiredHost{
	{hostTranslatorV2, "2019-04-30", translatorV3, "[S37]"},
	{hostProjectOxford, "2018", "the resource's regional or custom subdomain endpoint", "[I10][I60]"},
}

var endpointVersionRetired = &Check{
	ID: "endpoint-version-retired", Area: AreaEndpoint, Severity: Error, Title: "The endpoint calls a retired API version",
	Doc: "The path or host is an API version that was switched off: Bing v5.0, Bing on Cognitive " +
		"Services hosts (…/bing/v7.0) for Bing resources made after the move to api.bing.microsoft.com " +
		"on 2020-10-30, Translator v2 " +
		"(api.microsofttranslator.com), Text Analytics v2.x, LUIS v1 and api.projectoxford.ai, " +
		"speech-to-text REST v3.0 (after 2026-03-31), v3.1-preview.1 and batch v2. Retired versions " +
		"answer 401, 404 or 410 whatever the key.",
	Fix:     "Move to the current version of the API",
	Sources: "§5 [S30][S35][S36][S37][I60]",
	Run: func(c *Check, f *Facts) []Finding {
		if k := kindByID[f.ep.api]; k != nil {
			for _, r := range k.RetiredVersions {
				if strings.EqualFold(f.ep.version, r.Version) && f.isPast(r.Since) {
					return one(c.finding(k.Name+" "+r.Version+" was retired ("+r.Since+").", Truncate(f.endpointShown(), 120)).
						withFix("Use " + r.Use))
				}
			}
		}
		if fs := f.bingMoved(c); fs != nil {
			return fs
		}
		for _, r := range retiredHosts {
			if f.ep.family == r.host && f.isPast(r.since) {
				return one(c.finding(f.ep.host+" was retired ("+r.since+").", Truncate(f.endpointShown(), 120)).
					withFix("Use " + r.use))
			}
		}
		return nil
	},
}

// Bing Search moved from Cognitive Services to Bing Search Services
// (Microsoft.Bing) on 2020-10-30: keys of Bing resources made since then
// answer only on api.bing.microsoft.com/v7.0, and the Cognitive Services
// path …/bing/v7.0 served older resources until 2023-10-30 (sources §5,
// §2.1 [S30]; MicrosoftDocs/azure-docs#78197, lanmaster53/recon-ng#132).
const (
	bingMovedOn  = "2020-10-30"
	bingOldUntil = "2023-10-30"
)

// bingMoved reports the Cognitive Services Bing path used after the move,
// unless Bing Search is retired altogether (service-retired says that).
func (f *Facts) bingMoved(c *Check) []Finding {
	k := f.Kind()
	if f.ep.api != "bing-search" || f.ep.family == hostBing || f.ep.family == hostUnknown ||
		!f.passed(bingMovedOn) || k != nil && k.IsRetired(f.in.Now) {
		return nil
	}
	fd := c.finding("Bing Search moved to Bing Search Services on "+bingMovedOn+": keys of Bing resources made since then work only on api.bing.microsoft.com/v7.0, not on "+f.ep.host+".",
		Truncate(f.endpointShown(), 120)).withFix("Use https://api.bing.microsoft.com/v7.0/… with the key of the Bing resource")
	if !f.passed(bingOldUntil) && f.resp.status != 401 && !f.resp.hit(ruleInvalidKey) {
		fd = fd.withSeverity(Warning)
	}
	return one(fd)
}

// isPast reports whether a retirement has happened: a date (YYYY-MM-DD)
// has passed, or a bare year is over. A clock in 2017 does not see Bing
// v5.0 (retired 2018) as gone (carrot2/carrot2#1367).
func (f *Facts) isPast(when string) bool {
	if len(when) == 4 {
		return f.passed(when + "-12-31")
	}
	return len(when) != 10 || f.passed(when)
}
