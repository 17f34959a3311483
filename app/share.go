package app

import (
	"net/url"
	"strings"

	"az401/diagnosis"
)

// Share-link parameter names. They match the form's element ids.
const (
	paramKind         = "kind"
	paramEndpoint     = "endpoint"
	paramRegion       = "region"
	paramHeader       = "header"
	paramRegionHeader = "region-header"
	paramStatus       = "status"
	paramKeyAge       = "key-age"
	paramRegenerated  = "regenerated"
	paramTrialStarted = "trial-started"
)

// maxShareValue caps each value read from a link, so a crafted link
// cannot load megabytes into the form.
const maxShareValue = 2048

// shareValues returns the form's fields as link parameters: never the
// key or the response, and every other value through linkValue.
func (f form) shareValues() url.Values {
	v := url.Values{}
	regenerated := ""
	if f.Regenerated {
		regenerated = "1"
	}
	for _, p := range [...][2]string{{paramKind, f.Kind}, {paramEndpoint, f.Endpoint},
		{paramRegion, f.Region}, {paramHeader, f.Header}, {paramRegionHeader, f.RegionHeader}, {paramStatus, f.Status},
		{paramKeyAge, f.KeyAge}, {paramRegenerated, regenerated}, {paramTrialStarted, f.TrialStarted}} {
		if value := linkValue(p[1], f.Key); value != "" {
			v.Set(p[0], value)
		}
	}
	return v
}

// linkValue is the one sanitiser of share links: it returns a field's
// value as a link may carry it, or "" when it may not. Whatever the
// field, and whether or not it parses as a URL (no scheme, "https:/x",
// backslashes, %3F), a value loses its user info, its fragment, and its
// query and ";name=" path parameters whose name or value looks secret
// (diagnosis.StripURL); then a value that still holds anything shaped
// like a secret (diagnosis.ContainsSecret: a key, a token, a SAS, a
// connection string), or the typed key in any spelling, or that is too
// long for a link, is dropped whole.
func linkValue(value, key string) string {
	v := diagnosis.StripURL(strings.TrimSpace(value))
	plain, err := url.QueryUnescape(v)
	if err != nil {
		plain = v
	}
	sc := diagnosis.NewScrubber(key)
	if v == "" || len(v) > maxShareValue || diagnosis.ContainsSecret(v) || sc.Scrub(v) != v || sc.Scrub(plain) != plain {
		return ""
	}
	return v
}

// shareURL returns the page's URL with the form's non-secret fields in
// the fragment, which browsers never send to the server. The query is
// cleared, so an older link's parameters do not linger.
func shareURL(page *url.URL, f form) *url.URL {
	u := *page
	u.RawQuery = ""
	u.Fragment = ""
	u.RawFragment = ""
	if v := f.shareValues(); len(v) > 0 {
		// Encoded once: RawFragment is the encoded form and Fragment its
		// decoding, else String would escape each % again (%253A).
		u.RawFragment = v.Encode()
		u.Fragment, _ = url.PathUnescape(u.RawFragment)
	}
	return &u
}

// formFromURL reads the fields of a share link: from the fragment, or
// else from the query (older links and hand-written ones). The key is
// never read from a link, whatever it carries: every value goes through
// linkValue, as when a link is written, so a hand-made link cannot put a
// key in the endpoint's query (which the diagnosis would judge) either.
func formFromURL(u *url.URL) form {
	v, err := url.ParseQuery(u.RawFragment)
	if u.RawFragment == "" {
		v, err = url.ParseQuery(u.Fragment)
	}
	if err != nil || len(v) == 0 {
		v = u.Query()
	}
	get := func(name string) string {
		s := v.Get(name)
		if len(s) > maxShareValue {
			s = s[:maxShareValue]
		}
		return linkValue(s, "")
	}
	f := form{Kind: get(paramKind), Endpoint: get(paramEndpoint), Region: get(paramRegion),
		Header: get(paramHeader), RegionHeader: get(paramRegionHeader), Status: get(paramStatus),
		KeyAge: get(paramKeyAge), Regenerated: get(paramRegenerated) == "1", TrialStarted: get(paramTrialStarted)}
	if diagnosis.LookupKind(f.Kind) == nil {
		f.Kind = ""
	}
	if _, ok := keyAges[f.KeyAge]; !ok {
		f.KeyAge = ""
	}
	return f
}
