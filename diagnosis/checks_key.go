package diagnosis

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// fixNothing is the fix of a finding that only informs.
const fixNothing = "Nothing to fix: this is information"

const fixCopyKey = "Open the resource in the Azure portal, Resource Management → Keys and Endpoint\n" +
	"Copy KEY 1 with the copy button (32 hex characters, or 84 letters and digits)\n" +
	"Paste it alone: no quotes, no header name, no spaces"

var keyMissing = &Check{
	ID: "key-missing", Area: AreaKey, Severity: Error, Title: "No key given",
	Doc: "The key field is empty (or held only white space or quotes) while an endpoint was given. Every key-authenticated call " +
		"needs the resource key in a header; without one the gateway answers 401 \"missing subscription key\".",
	Fix: fixCopyKey, Sources: "§3, §4.2",
	Run: func(c *Check, f *Facts) []Finding {
		// With nothing else given there is nothing to diagnose yet.
		if f.key.class != classEmpty || f.resp.given || !f.ep.given && f.regionRaw == "" {
			return nil
		}
		ev := ""
		if f.key.given {
			ev = "only white space or quotes were pasted"
		}
		if s := f.in.Snippet; s != nil && s.envRead != "" {
			return one(c.finding("The snippet reads the key from "+s.envRead+", which the paste does not show: paste its value in the Key field.",
				"key from "+s.envRead))
		}
		return one(c.finding("No key was given.", ev))
	},
}

var keyPlaceholder = &Check{
	ID: "key-placeholder", Area: AreaKey, Severity: Error, Title: "Key is a placeholder from a sample",
	Doc: "The key field holds sample text such as <your-key>, YOUR_SUBSCRIPTION_KEY, xxxx, a masked key, " +
		"or a variable the shell or program never substituted ($AZURE_KEY, undefined). The service sees " +
		"that text as the key and answers 401.",
	Fix:     fixCopyKey + "\nIf the key comes from an environment variable, check that the variable is set in the process that makes the call",
	Sources: "§1.4 [S1][I59]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.key.class != classPlaceholder {
			return nil
		}
		return one(c.finding("The key field holds a placeholder, not a key.",
			f.key.why+" "+f.maskedKey()))
	},
}

var keyWhitespace = &Check{
	ID: "key-whitespace", Area: AreaKey, Severity: Warning, Title: "Key has white space or invisible characters around it",
	Doc: "Leading or trailing spaces, tabs, line breaks, a byte-order mark or zero-width characters travel " +
		"with the key and make it wrong; .env files and copies from chat or PDF add them. The other checks " +
		"ran on the trimmed key.",
	Fix: "Trim the key where your program reads it (e.g. .strip() or .Trim())\nRemove trailing spaces and " +
		"line breaks from the .env or settings file",
	Sources: "§1.4 (crewAI PR #5999) [I4]",
	Run: func(c *Check, f *Facts) []Finding {
		if len(f.key.whitespace) == 0 {
			return nil
		}
		ev := "removed: " + strings.Join(f.key.whitespace, ", ")
		msg := "The key has white space or invisible characters around it."
		if f.key.extraLine != "" {
			name, _, _ := strings.Cut(f.key.extraLine, ":")
			ev += fmt.Sprintf("; a second line follows the key (%d chars, starting %q)", len(f.key.extraLine), Truncate(name, 32))
			msg = "The key field holds more than one line; only the first was used as the key."
		}
		return one(c.finding(msg, ev))
	},
}

var keyQuoted = &Check{
	ID: "key-quoted", Area: AreaKey, Severity: Warning, Title: "Key is wrapped in quotes",
	Doc: "Quotes copied from a .env file or from JSON output (az … --query key1 prints \"…\") become part " +
		"of the key when a program does not strip them. The other checks ran on the key without quotes.",
	Fix:     "Remove the quotes around the key in the file or variable\nWith the Azure CLI, use -o tsv to print the key without quotes",
	Sources: "§1.4 [I45]",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.key.quoted {
			return nil
		}
		return one(c.finding("The key is wrapped in quotes.", "quotes removed around "+f.maskedKey()))
	},
}

var keyPrefixed = &Check{
	ID: "key-prefixed", Area: AreaKey, Severity: Error, Title: "Key carries a header name, scheme or variable name",
	Doc: "The key field starts with a header name (Ocp-Apim-Subscription-Key:, api-key:), a scheme " +
		"(Bearer) or an assignment (key1=, AZURE_OPENAI_API_KEY=). A program that sends this text sends " +
		"it all as the key. The other checks ran on what follows the prefix.",
	Fix:     "Keep only the key value; the header name goes in the request's header, not in the key\nA key is never sent with \"Bearer\": that scheme is for tokens",
	Sources: "§1.4 [I19]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.key.prefix == "" {
			return nil
		}
		return one(c.finding(fmt.Sprintf("The key starts with %q; only the value belongs in the key.", f.key.prefix),
			fmt.Sprintf("%q in front of %s", f.key.prefix, f.maskedKey())))
	},
}

var keyIsGUID = &Check{
	ID: "key-is-guid", Area: AreaKey, Severity: Error, Title: "Key is a GUID: a subscription ID, not a resource key",
	Doc: "A GUID (8-4-4-4-12 hex digits) is an Azure subscription ID, tenant ID, app ID or resource ID. " +
		"\"Subscription key\" in Azure AI means the resource's key, which is easily mistaken for the " +
		"subscription ID. Resource keys have 32 hex characters without dashes, or 84 letters and digits.",
	Fix: fixCopyKey, Sources: "§1.3 [I27]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.key.class != classGUID {
			return nil
		}
		return one(c.finding("The key is a GUID: most likely the Azure subscription ID (or a tenant or app ID), not the resource key.",
			"8-4-4-4-12 hex digits with dashes "+f.maskedKey()))
	},
}

var keyIsToken = &Check{
	ID: "key-is-token", Area: AreaKey, Severity: Error, Title: "Key is a token, not a key",
	Doc: "A JSON Web Token (eyJ…) or an aad#…#… Speech token was pasted where a key belongs. Tokens go in " +
		"Authorization: Bearer, keys in Ocp-Apim-Subscription-Key or api-key; a token sent as a key is " +
		"refused. issueToken tokens last 10 minutes; Entra ID tokens about an hour.",
	Fix:     "Paste the resource key from Keys and Endpoint instead\nOr, to use the token, send it as Authorization: Bearer <token> (choose that header) to the resource's custom subdomain endpoint",
	Sources: "§1.3 [S1][S11][I18][I20]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.key.class != classToken {
			return nil
		}
		switch f.sentAs() {
		case HeaderAPIKey, HeaderSubscriptionKey:
			if f.header() != "" {
				return nil // header-mismatch: the token went in a key header
			}
		case HeaderAuthorization:
			return one(c.finding("The key field holds a token, sent as a bearer token: token authentication, so the key checks do not apply.",
				f.key.why).withSeverity(Info).withFix(fixNothing))
		}
		if f.resp.hit(rulePermissionDenied) {
			// Only a bearer token the service accepted gets PermissionDenied.
			return one(c.finding("The key field holds a token, and the service took it as a bearer token: token authentication, so the key checks do not apply.",
				f.key.why).withSeverity(Info).withFix(fixNothing))
		}
		fd := c.finding("The key field holds a token, not a resource key.", f.key.why)
		if want, what, wrong := f.audienceWrong(); wrong {
			// Sent as a bearer token, this one would still be refused.
			fd = fd.withFix("Paste the resource key from Keys and Endpoint instead\nOr, to use a token: this one is for " + what +
				"; request one for " + want + " and send it as Authorization: Bearer <token> (choose that header) to the resource's custom subdomain endpoint")
		}
		return one(fd)
	},
}

// tokenExpired reports a token whose exp is before now.
func (f *Facts) tokenExpired() bool {
	t := f.key.token
	return f.key.class == classToken && !t.expires.IsZero() && !f.in.Now.IsZero() && f.in.Now.After(t.expires)
}

var tokenExpired = &Check{
	ID: "token-expired", Area: AreaToken, Severity: Error, Title: "Token has expired",
	Doc: "The pasted token's expiry (its exp claim) is in the past. issueToken tokens are valid for 10 " +
		"minutes and should be reused for 8–9 minutes at most; Entra ID tokens for about an hour.",
	Fix:     "Get a new token and send it within its lifetime\nRefresh issueToken tokens every 8–9 minutes",
	Sources: "§1.3, §5 [S1][S3][S11]",
	Run: func(c *Check, f *Facts) []Finding {
		if !f.tokenExpired() {
			return nil
		}
		t := f.key.token
		return one(c.finding("The token has expired.",
			"expired "+t.expires.Format("2006-01-02 15:04 UTC")+", "+ago(f.in.Now.Sub(t.expires))+" ago"))
	},
}

var keyIsForeignSecret = &Check{
	ID: "key-is-foreign-secret", Area: AreaKey, Severity: Error, Title: "Key belongs to another product",
	Doc: "The secret is not an Azure AI services key: an OpenAI platform key (sk-…), a storage account " +
		"key, a SAS token, a connection string, an Entra client secret, an AI Search key, or an 84-character " +
		"key of another Azure product (its signature at offset 76 is not ACOG: AZDO is an Azure DevOps " +
		"token, AWPS Web PubSub…).",
	Fix:     "Use the key of the Azure AI resource you call: portal → the resource → Keys and Endpoint\nAn OpenAI platform key works only on api.openai.com; for Azure OpenAI use the Azure resource's key",
	Sources: "§1.2, §1.3 [S17][S31][I17]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.key.class != classForeign || isSearchKey(f.key.clean) && f.Kind() != nil && f.Kind() == kindByHost[hostSearch] {
			return nil
		}
		return one(c.finding("The key is "+f.key.why+".", f.maskedKey()))
	},
}

var keyDerivedOrHashed = keyClassCheck(&Check{
	ID: "key-derived-or-hashed", Area: AreaKey, Severity: Error, Title: "Key is a derived or hashed form, not the key",
	Doc: "An 84-character key whose marker at offset 52 is JQQJ9D (derived) or JQQJ9H (hashed) is a " +
		"value computed from a key, as secret scanners and logs record it. The service wants the access " +
		"key itself, whose marker is JQQJ99.",
	Fix: fixCopyKey, Sources: "§1.2 [S17]",
}, classDerived, "The key is ")

var keyMalformed = keyClassCheck(&Check{
	ID: "key-malformed", Area: AreaKey, Severity: Error, Title: "Key has neither key format",
	Doc: "Azure AI keys are 32 hex characters (older keys) or 84 letters and digits with JQQJ99 at " +
		"offset 52 (newer keys). Anything else is a truncated or padded copy, or not a key.",
	Fix:     fixCopyKey + "\nIf the key was typed, copy it instead",
	Sources: "§1.1, §1.2 [S17][S18]",
}, classMalformed, "The key has neither key format: ")

var keyChecksumMismatch = &Check{
	ID: "key-checksum-mismatch", Area: AreaKey, Severity: Error, Title: "New-format key fails its checksum: a character is wrong",
	Doc: "The last four characters of an 84-character key are a checksum (Marvin32) of the other 80. " +
		"Here they do not match, so at least one character was mistyped, changed in case or swapped. " +
		"This is certain offline: random single-character changes never keep the checksum valid.",
	Fix:     "Copy the key again with the portal's copy button rather than typing it\nCheck the program does not change its case or characters",
	Sources: "§1.2 [S17]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.key.class != classCASK || f.key.cask.checksumOK {
			return nil
		}
		return one(c.finding("The key's checksum does not match: a character was mistyped or changed.",
			"84 characters, JQQJ99 at 52, ACOG at 76, but characters 80–83 are not the checksum of the rest "+f.maskedKey()))
	},
}

var keyKindMismatch = &Check{
	ID: "key-kind-mismatch", Area: AreaKey, Severity: Error, Title: "Key is for another service than the API called",
	Doc: "An 84-character key names its service at offset 75 (B Azure OpenAI, Y Speech, b Translator, " +
		"F Vision, L Document Intelligence, A and E multi-service…). A key only works for its own service, " +
		"or for the services a multi-service resource covers.",
	Fix:     "Use the key of a resource of the kind you call\nOr, if the key is the one you meant, call the API it was made for (and pick that API here)",
	Sources: "§1.2, §3 [S17][I2]",
	Run: func(c *Check, f *Facts) []Finding {
		k, s := f.Kind(), f.keyService()
		if k == nil || s == 0 || strings.IndexByte(k.Services, s) >= 0 || k.EntraOnly {
			return nil // an API no key opens: endpoint-needs-entra says so
		}
		if p := kindByID[k.Pair]; p != nil && strings.IndexByte(p.Services, s) >= 0 {
			return nil // key-luis-authoring-vs-prediction says it better
		}
		ev := fmt.Sprintf("the key's service code %s = %s; the API is %s", string(s), serviceOrUnknown(s), k.Name)
		if strings.IndexByte(k.MaybeServices, s) >= 0 {
			return one(c.finding("This "+serviceOrUnknown(s)+" key works for "+k.Name+" only if "+
				strings.TrimPrefix(k.MaybeNote, "a multi-service key works only if ")+".", ev).withSeverity(Warning))
		}
		return one(c.finding("The key is "+withArticle(serviceOrUnknown(s))+" key, but the API is "+k.Name+".", ev).
			withFix("Use the key of " + withArticle(k.Name) + " resource (or of a multi-service resource that covers it)\nOr, if the key is the one you meant, call the API it was made for (and pick that API here)"))
	},
}

var keyLUISAuthoringVsPrediction = &Check{
	ID: "key-luis-authoring-vs-prediction", Area: AreaKey, Severity: Error, Title: "LUIS authoring key on the prediction API, or the reverse",
	Doc: "LUIS has two keys: the authoring resource's key for the authoring API (/luis/api/…, " +
		"/luis/authoring/…) and the prediction resource's key for queries (/luis/prediction/…, " +
		"/luis/v2.0/apps/…). They look alike; new-format keys tell them apart at offset 75 (R authoring, " +
		"S prediction). LUIS itself was retired on 2025-10-01.",
	Fix:     "Use the authoring key for authoring calls and the prediction key for queries\nMigrate to Conversational Language Understanding: LUIS is retired",
	Sources: "§1.2, §1.3, §4.2 [S15][I29]",
	Run: func(c *Check, f *Facts) []Finding {
		want := kindByID[f.ep.api]
		if want == nil || want.Pair == "" {
			want = f.kind
		}
		if want == nil || want.Pair == "" {
			return nil
		}
		pair := kindByID[want.Pair]
		switch s := f.keyService(); {
		case s != 0 && strings.IndexByte(pair.Services, s) >= 0:
			return one(c.finding(capitalize(withArticle(pair.Name))+" key is used for "+want.Name+".",
				fmt.Sprintf("the key's service code %s = %s; the API is %s", string(s), pair.Name, want.Name)))
		case f.kind != nil && f.kind.Pair != "" && f.ep.api != "" && f.ep.api != f.kind.ID:
			return one(c.finding(
				fmt.Sprintf("The key is for %s but the URL is %s path.", f.kind.Name, withArticle(kindByID[f.ep.api].Name)),
				"path "+Truncate(f.ep.path, 60)))
		case want.RefusesPairKey && f.key.class == classLegacy && f.keyRefused() && !f.hostInOtherRegion():
			// An old-format key does not say which of the pair it is
			// (Cognitive-LUIS-Windows#23: the portal's endpoint key sent
			// to the authoring API). A guess beside the gateway's answer.
			return one(c.finding(fmt.Sprintf("%s refused the key: if it is the %s key, it does not open this API; the two look the same.", want.Name, pair.Name),
				"401 on "+want.Name+", a 32-character key (the format does not say which of the two it is)").withSeverity(Warning))
		}
		return nil
	},
}

var keyDecoded = &Check{
	ID: "key-decoded", Area: AreaKey, Severity: Info, Title: "What the key is",
	Doc: "What the key's format tells: a legacy 32-hex key (which has no checksum, so nothing more can " +
		"be known offline) or a new-format key with its service, creation month and checksum.",
	Fix:     fixNothing,
	Sources: "§1.1, §1.2 [S17][S18]",
	Run: func(c *Check, f *Facts) []Finding {
		if f.key.class != classLegacy && f.key.class != classCASK {
			return nil
		}
		d := f.key.describe()
		return one(c.finding(capitalize(d)+".", f.maskedKey()))
	},
}

// keyClassCheck builds a check that reports keys of one class, saying
// what the key is instead.
func keyClassCheck(c *Check, class keyClass, prefix string) *Check {
	c.Run = func(c *Check, f *Facts) []Finding {
		if f.key.class != class {
			return nil
		}
		return one(c.finding(prefix+f.key.why+".", f.maskedKey()))
	}
	return c
}

// capitalize upper-cases an ASCII first letter.
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// Truncate shortens text for display to at most n bytes and an
// ellipsis, never cutting a character in two. It masks secrets first
// (MaskSecrets), so a key cut short, which no detector would know, is
// never shown.
func Truncate(s string, n int) string {
	s = MaskSecrets(s)
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
