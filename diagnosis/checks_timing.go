package diagnosis

import (
	"fmt"
	"time"
)

// keyPropagation is how long a new key may take to work everywhere
// (sources §5: "can take up to 10 minutes").
const keyPropagation = 10 * time.Minute

// trialLength is how long a free trial key lasted (sources §5, [I41]).
const trialLength = 30 * 24 * time.Hour

var keyTooNew = &Check{
	ID: "key-too-new", Area: AreaKey, Severity: Warning, Title: "Key is too new to have reached every gateway",
	Doc: "A key created or regenerated minutes ago may not work everywhere yet: users report a lag of " +
		"up to about 10 minutes before a new key is accepted.",
	Fix:     "Wait 10 minutes after creating or regenerating a key, then retry",
	Sources: "§5 [I45]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.in.KeyAge <= 0 || f.in.KeyAge >= keyPropagation {
			return nil
		}
		return one(c.finding(fmt.Sprintf("The key is %s old; new keys can take up to 10 minutes to work.", ago(f.in.KeyAge)),
			"key age "+ago(f.in.KeyAge)).withFix(fmt.Sprintf("Wait about %s more, then retry", ago(keyPropagation-f.in.KeyAge))))
	},
}

var keyRegenerated = &Check{
	ID: "key-regenerated", Area: AreaKey, Severity: Warning, Title: "Key was regenerated: the old key stopped at once",
	Doc: "Regenerating a key kills its previous value immediately; every client still holding the old " +
		"value gets 401 until it is given the new one. Rotate by moving clients to the other key first.",
	Fix:     "Update every client, secret store and app setting with the new key\nNext time, move clients to KEY 2 before regenerating KEY 1",
	Sources: "§5 [S16]",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.in.Regenerated {
			return nil
		}
		fd := c.finding("The key was regenerated: the previous value stopped working at once, so a client still using it gets 401.", "regenerated")
		if f.keyRefused() {
			// A 401 to a key just rotated: the client still sends the old
			// value (§5 [S16]; microsoft/azurechat#524).
			fd = fd.withSeverity(Error)
		}
		return one(fd)
	},
}

var trialExpired = &Check{
	ID: "trial-expired", Area: AreaKey, Severity: Error, Title: "Free trial key has expired",
	Doc: "Free trial keys from the old \"Try Cognitive Services\" page lasted 30 days (\"Your 30 day trial " +
		"experience has expired\") and were bound to one region, usually westcentralus.",
	Fix:     "Create a resource in your Azure subscription (the free F0 tier where offered) and use its key and endpoint",
	Sources: "§5 [I41][I9]",
	Run: func(c *Check, f *Facts) []Finding {
		start := f.in.TrialStarted
		if start.IsZero() || f.in.Now.IsZero() || f.in.Now.Sub(start) <= trialLength {
			return nil
		}
		days := int(f.in.Now.Sub(start).Hours() / 24)
		return one(c.finding(fmt.Sprintf("The trial key started %d days ago; trial keys last 30 days.", days),
			"trial started "+start.Format(time.DateOnly)))
	},
}

// ago formats a duration the way people say it: "3 minutes", "2 hours".
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return plurals(int(d.Seconds()), "second")
	case d < time.Hour:
		return plurals(int(d.Minutes()), "minute")
	case d < 48*time.Hour:
		return plurals(int(d.Hours()), "hour")
	}
	return plurals(int(d.Hours()/24), "day")
}

func plurals(n int, unit string) string { return fmt.Sprintf("%d %s%s", n, unit, plural(n)) }
