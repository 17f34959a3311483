package diagnosis

import (
	"fmt"
	"slices"
	"strings"
)

var translatorRegionHeader = &Check{
	ID: "translator-region-header", Area: AreaEndpoint, Severity: Error, Title: "Translator needs the Ocp-Apim-Subscription-Region header",
	Doc: "On the global or geography Translator hosts, a regional Translator resource and any " +
		"multi-service key must send Ocp-Apim-Subscription-Region with the resource's region id (or " +
		"Subscription-Region= when the key is in the query). Missing or wrong, the answer is 401000. It " +
		"is a warning until a 401 confirms it, since the input may not say whether the header was sent.",
	Fix:     "Send Ocp-Apim-Subscription-Region: <the resource's region id> with every request\nOr create the Translator resource in the \"global\" location",
	Sources: "§3 [S1][S3][S4][I1][I3][I4][I5]",
	Run: func(c *Check, f *Facts) []Finding {
		if k, api := f.Kind(), kindByID[f.ep.api]; !(k != nil && k.RegionHeader || api != nil && api.RegionHeader) || f.ep.family != hostTranslator {
			return nil
		}
		regional := f.region != nil && f.region.ID != Global
		bare401 := f.resp.status == 401 && f.resp.hits == 0 && f.region == nil // [S4]: a 401 with no code
		needs := regional || f.multiServiceKey() || f.ep.cloud == CloudGovernment || bare401
		h := f.regionHeader
		switch {
		case ContainsSecret(h):
			return one(c.finding("The region header holds what looks like a key or token, not a region id; the test call leaves it out.",
				"Ocp-Apim-Subscription-Region: "+Truncate(h, 40)))
		case h != "" && h != NoRegionHeader:
			hr, exact := resolveRegion(strings.ToLower(h))
			switch {
			case hr == nil:
				return one(c.finding(fmt.Sprintf("The region header holds %q, which is not a region id.", Truncate(h, 40)),
					"Ocp-Apim-Subscription-Region: "+Truncate(h, 40)))
			case regional && hr.ID != f.region.ID:
				return one(c.finding(fmt.Sprintf("The region header says %s but the resource is in %s.", hr.ID, f.region.ID),
					"Ocp-Apim-Subscription-Region: "+Truncate(h, 40)).withFix("Send Ocp-Apim-Subscription-Region: " + f.region.ID))
			case !exact && h != hr.ID:
				// A display name ("East Asia"): the header wants the id
				// (sources §2.3).
				fd := c.finding(fmt.Sprintf("The region header says %q, a display name: send the id %s.", Truncate(h, 40), hr.ID),
					"Ocp-Apim-Subscription-Region: "+Truncate(h, 40)).withFix("Send Ocp-Apim-Subscription-Region: " + hr.ID)
				if f.resp.status != 401 && !f.resp.hit(ruleTranslator401000) {
					fd = fd.withSeverity(Warning)
				}
				return one(fd)
			case f.region == nil && (f.resp.status == 401 || f.resp.hit(ruleTranslator401000)):
				// A region hard-coded by a tool, refused (§3 [S4]; immersive-translate#138).
				return one(c.finding(fmt.Sprintf("Translator refused a request whose region header says %s: unless the resource is in %s, send its own region id.", hr.ID, hr.ID),
					"Ocp-Apim-Subscription-Region: "+Truncate(h, 40)))
			}
			return nil
		case h == NoRegionHeader && f.region == nil:
			// A request said (or pasted) to go without the header, the
			// resource's region unknown (IntelligentKiosk#126).
			return one(c.finding("The request sends no Ocp-Apim-Subscription-Region; unless the resource is in \"global\", Translator refuses it.",
				"host "+f.ep.host+", no region header").withSeverity(Warning))
		case !needs:
			return nil
		}
		why := "the resource is in " + f.regionID()
		switch {
		case regional:
		case f.multiServiceKey():
			why = "the key is a multi-service key"
		case f.ep.cloud == CloudGovernment:
			why = "Azure Government requires it"
		default:
			why = "Translator answered 401 without a code, and unless the resource is global it needs the region"
		}
		fd := c.finding("Translator needs the Ocp-Apim-Subscription-Region header here: "+why+".",
			"host "+f.ep.host+", "+why)
		if f.region != nil && f.region.ID != Global {
			fd = fd.withFix("Send Ocp-Apim-Subscription-Region: " + f.region.ID + " with every request")
		}
		if h == "" && f.resp.status != 401 && !f.resp.hit(ruleTranslator401000) {
			fd = fd.withSeverity(Warning)
		}
		return one(fd)
	},
}

var headerMismatch = &Check{
	ID: "header-mismatch", Area: AreaEndpoint, Severity: Error, Title: "Key sent the wrong way for this API",
	Doc: "Each API reads the key from one place: Azure OpenAI from api-key (Authorization: Bearer is " +
		"for Entra tokens on its classic paths), the other Azure AI APIs from Ocp-Apim-Subscription-Key, " +
		"Custom Vision from Training-Key or Prediction-Key. A key in the request body, or in the query " +
		"where the API does not read it, is never seen.",
	Fix:     "Send the key in the header the API expects",
	Sources: "§3 [S1][S26][I19][I26]",
	Run: func(c *Check, f *Facts) []Finding {
		h, k := f.header(), f.Kind()
		if h == "" || k == nil || f.key.class == classEmpty {
			return nil
		}
		if sub := kindByID[f.ep.api]; k.Covers != nil && sub != nil {
			k = sub // a multi-service key calling one API: that API's header
		}
		token := f.key.class == classToken
		want := k.Header
		bad := ""
		switch {
		case h == HeaderBody:
			bad = "the key was sent in the request body; APIs read it only from a header"
		case token && (h == HeaderAPIKey || h == HeaderSubscriptionKey):
			return one(c.finding("A token was sent as "+headerName(h)+", which carries keys only; tokens go in Authorization: Bearer.",
				"header "+headerName(h)+", "+Truncate(f.key.why, 80)).
				withFix("Send the token as Authorization: Bearer <token>\nWith the openai SDK, pass it as azure_ad_token / azure_ad_token_provider, not api_key"))
		case h == HeaderAuthorization && token, h == want:
			return nil
		case h == HeaderAuthorization && k.BearerKey != "" && f.ep.version == k.BearerKey:
			return nil // the v1 API takes the key as a bearer token [S24]
		case h == HeaderAuthorization:
			bad = "a key was sent as Authorization: Bearer, which carries tokens only"
		case h == HeaderQuery:
			if k.QueryKey != "" {
				return nil
			}
			bad = k.Name + " does not read the key from the query string"
		case f.ep.family == hostAPIM && h == HeaderAPIKey:
			return one(c.finding("API Management reads Ocp-Apim-Subscription-Key by default; api-key works only if the gateway was set up for it.",
				"header api-key, host "+f.ep.host).withSeverity(Warning))
		case h == want || slices.Contains(k.Accepts, h):
			return nil
		default:
			bad = fmt.Sprintf("the key was sent as %s; %s reads %s", headerName(h), k.Name, headerName(want))
		}
		return one(c.finding(capitalize(bad)+".", "header "+headerName(h)+", API "+k.Name).
			withFix("Send the key as " + headerName(want) + ": <key>"))
	},
}

// headerName names a Header* value as findings do: the header's name,
// "a query parameter", "the request body".
func headerName(h string) string {
	if w := lookupKeyWay(h); w != nil {
		return w.Label
	}
	return h
}

var entraNeedsCustomSubdomain = &Check{
	ID: "entra-needs-custom-subdomain", Area: AreaEndpoint, Severity: Error, Title: "Entra ID token used on a regional endpoint",
	Doc: "Microsoft Entra ID (Azure AD) tokens work only on the resource's custom subdomain " +
		"(NAME.cognitiveservices.azure.com); regional endpoints answer 400 \"Please provide a custom " +
		"subdomain for token authentication\" or 401. Speech is the same for a bare token, also when the " +
		"SDK gets only a region; with a region it takes the aad#RESOURCE_ID#TOKEN form instead.",
	Fix:     "Use the resource's custom subdomain endpoint from Keys and Endpoint\nIf the resource has none, set a custom domain name on it (it cannot be changed later)",
	Sources: "§2.1, §3, §4.2 [S1][S2][I36]",
	Run: func(c *Check, f *Facts) []Finding {
		entra := f.key.class == classToken && !f.key.token.stsToken() && !strings.HasPrefix(strings.ToLower(f.key.clean), "aad#")
		if !entra {
			return nil
		}
		if f.ep.family == hostRegional || f.ep.family == hostGlobal {
			return one(c.finding("An Entra ID token was used on a regional endpoint; token authentication needs the custom subdomain.", f.ep.host))
		}
		if host, ok := f.speechRegionalHost(); ok {
			return one(c.finding("A bare Entra ID token was used with Speech on a regional host; Speech takes it only on the "+
				"custom subdomain, or as aad#RESOURCE_ID#TOKEN.", host).
				withFix(c.Fix + "\nOr, for Speech with a region, send \"aad#\" + the resource ID + \"#\" + the token"))
		}
		return nil
	},
}

// speechRegionalHost tells whether a Speech call goes to a regional host:
// a {region}.stt|tts.speech.microsoft.com endpoint, or none at all with a
// region given, which the Speech SDK turns into that host (sources §2.1,
// §3 [S11]). It returns the host, or the region the SDK builds it from.
func (f *Facts) speechRegionalHost() (string, bool) {
	if k := f.Kind(); k == nil || !k.SpeechRegions {
		return "", false
	}
	switch {
	case f.ep.family == hostSpeech:
		return f.ep.host, true
	case f.ep.raw == "" && f.regionID() != "":
		return "region " + f.regionID() + " (no endpoint: the SDK builds the regional host)", true
	}
	return "", false
}
