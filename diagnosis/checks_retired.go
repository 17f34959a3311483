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
	Doc: "The path or host is an API version that was switched off: Bing v5.0, Translator v2 " +
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
		for _, r := range retiredHosts {
			if f.ep.family == r.host && f.isPast(r.since) {
				return one(c.finding(f.ep.host+" was retired ("+r.since+").", Truncate(f.endpointShown(), 120)).
					withFix("Use " + r.use))
			}
		}
		return nil
	},
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
