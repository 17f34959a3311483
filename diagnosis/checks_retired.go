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

// retiredVersion is an API version that no longer answers.
type retiredVersion struct {
	api, version string // the endpoint's api and version segment ("" matches any version)
	host         hostFamily
	since        string
	use          string
	source       string
}

// retiredVersions are the versions of sources §5 and §4 that were retired.
var retiredVersions = []retiredVersion{
	{api: "bing-search", version: "v5.0", since: "2018", use: "v7.0 (and Bing Search itself retired on 2025-08-11)", source: "[S30]"},
	{api: "translator", version: "v2", since: "2019-04-30", use: "Translator v3: https://api.cognitive.microsofttranslator.com/translate?api-version=3.0", source: "[S37]"},
	{host: hostTranslatorV2, since: "2019-04-30", use: "Translator v3: https://api.cognitive.microsofttranslator.com/translate?api-version=3.0", source: "[S37]"},
	{api: "language", version: "v2.0", since: "2024-02-29", use: "/language/:analyze-text?api-version=2023-04-01", source: "[S35]"},
	{api: "language", version: "v2.1", since: "2024-02-29", use: "/language/:analyze-text?api-version=2023-04-01", source: "[S35]"},
	{api: "luis-prediction", version: "v1", since: "2016", use: "the v3.0 prediction API (and LUIS itself retired on 2025-10-01)", source: "[I60]"},
	{host: hostProjectOxford, since: "2018", use: "the resource's regional or custom subdomain endpoint", source: "[I10][I60]"},
	{api: "speech", version: "v3.0", since: "2026-03-31", use: "speech-to-text REST v3.2 or later (/speechtotext/v3.2/…)", source: "[S36]"},
	{api: "speech", version: "v3.1-preview.1", since: "2023-05-12", use: "speech-to-text REST v3.2 or later", source: "[S36]"},
	{api: "speech", version: "v2.0", since: "2024-02-29", use: "batch transcription in speech-to-text REST v3.2 or later", source: "[S36]"},
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
		for _, r := range retiredVersions {
			match := r.host != hostUnknown && f.ep.family == r.host ||
				r.api != "" && f.ep.api == r.api && strings.EqualFold(f.ep.version, r.version)
			if !match || (len(r.since) == 10 && !f.passed(r.since)) {
				continue
			}
			what := f.ep.host
			if r.host == hostUnknown {
				what = kindByID[r.api].Name + " " + r.version
			}
			return one(c.finding(what+" was retired ("+r.since+").", Truncate(f.endpointShown(), 120)).
				withFix("Use " + r.use))
		}
		return nil
	},
}
