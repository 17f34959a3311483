package diagnosis

import (
	"fmt"
	"strings"
)

// Mark says whether a part of the input agrees with the rest.
type Mark int

// Marks of an anatomy segment.
const (
	MarkNeutral Mark = iota // nothing to check against
	MarkOK                  // agrees with the rest of the input
	MarkWarn                // doubtful
	MarkBad                 // contradicts the rest of the input
)

// String names the mark, for CSS classes and data attributes.
func (m Mark) String() string {
	return [...]string{"neutral", "ok", "warn", "bad"}[m]
}

// Segment is one labelled part of an endpoint or key, as the page draws
// it. Text never holds more of a key than [Mask] shows.
type Segment struct {
	Label string // what the part is: "region", "checksum"…
	Text  string // the part, masked for keys
	Note  string // what it means or what is wrong with it
	Mark  Mark
}

// EndpointAnatomy splits the endpoint into scheme, host parts, path and
// query, each marked by what the report found about it. It returns nil
// when the endpoint is not a parsed URL.
func (f *Facts) EndpointAnatomy(r Report) []Segment {
	e := &f.ep
	if !e.parsed {
		return nil
	}
	segs := []Segment{{Label: "scheme", Text: e.scheme + "://", Mark: mark(e.scheme != "https", true),
		Note: choose(e.scheme != "https", "keys travel over HTTPS only", "encrypted")}}
	domain := e.host
	if e.label != "" {
		domain = strings.TrimPrefix(e.host, e.label)
		segs = append(segs, f.labelSegment(r))
	}
	segs = append(segs, f.domainSegment(r, domain))
	if p := strings.TrimSuffix(e.path, "/"); p != "" {
		segs = append(segs, f.pathSegment(r))
	}
	if len(e.query) > 0 {
		segs = append(segs, f.querySegment(r))
	}
	for i := range segs {
		segs[i].Text, segs[i].Note = f.scrub.Scrub(segs[i].Text), f.scrub.Scrub(segs[i].Note)
	}
	return segs
}

// mark is MarkBad if the part is bad, else MarkOK if it is known.
func mark(isBad, known bool) Mark {
	switch {
	case isBad:
		return MarkBad
	case known:
		return MarkOK
	}
	return MarkNeutral
}

// hasAny reports whether the report holds a finding of any of the checks.
func hasAny(r Report, checks ...*Check) bool {
	for _, c := range checks {
		if r.Has(c.ID) {
			return true
		}
	}
	return false
}

// worst is the highest severity of c's findings in r; Info when none.
func (r Report) worst(c *Check) Severity {
	s := Info
	for _, f := range r.Findings {
		if f.ID == c.ID && f.Severity > s {
			s = f.Severity
		}
	}
	return s
}

// labelSegment is the host's first label: a region, a Translator
// geography or a resource name.
func (f *Facts) labelSegment(r Report) Segment {
	e := &f.ep
	lbl := Segment{Label: "resource name", Text: e.label, Mark: mark(e.badLabel != "", e.badLabel == "")}
	switch e.family {
	case hostRegional, hostSpeech:
		lbl.Label = "region"
		lbl.Mark = mark(e.badLabel != "" || hasAny(r, endpointRegionMismatch, endpointCloudMismatch), f.region != nil)
		if fr := f.region; fr != nil && e.region != "" && e.region != fr.ID {
			lbl.Note = "the resource is in " + fr.ID
		} else if e.region != "" {
			lbl.Note = regionByID[e.region].Name
		}
	case hostTranslator:
		lbl.Label = "geography"
		lbl.Note = geography(e.label)
	}
	if e.badLabel != "" {
		lbl.Note = e.badLabel
	}
	return lbl
}

// domainSegment is the host after its first label.
func (f *Facts) domainSegment(r Report, domain string) Segment {
	e := &f.ep
	dom := Segment{Label: "domain", Text: domain, Note: e.family.String(), Mark: MarkOK}
	switch {
	case e.family == hostUnknown || e.family == hostWebPage || e.family == hostOpenAIPublic:
		dom.Mark = MarkBad
		if e.suggest != "" {
			dom.Note = "did you mean " + e.suggest + "?"
		}
	case e.family == hostAPIM || e.family == hostLoopback:
		dom.Mark = MarkWarn
	case hasAny(r, endpointKindMismatch) && e.api == "", hasAny(r, endpointNeedsRegion, endpointCloudMismatch):
		dom.Mark = MarkBad
	}
	if e.cloud != CloudUnknown {
		dom.Note += " · " + e.cloud.String()
	}
	return dom
}

// pathSegment is the path, named by the API it calls.
func (f *Facts) pathSegment(r Report) Segment {
	e := &f.ep
	seg := Segment{Label: "path", Text: e.path, Mark: MarkOK}
	if k := kindByID[e.api]; k != nil {
		seg.Note = k.Name
		if e.version != "" {
			seg.Note += " " + e.version
		}
	} else if e.tokenURL {
		seg.Note = "token exchange (issueToken)"
	}
	switch {
	case hasAny(r, endpointKindMismatch, endpointVersionRetired, endpointTokenURL, keyLUISAuthoringVsPrediction), r.worst(endpointPathSuspect) == Error:
		seg.Mark = MarkBad
	case hasAny(r, endpointPathSuspect):
		seg.Mark = MarkWarn
	case seg.Note == "":
		seg.Mark = MarkNeutral
	}
	return seg
}

// querySegment is the query, secrets removed.
func (f *Facts) querySegment(r Report) Segment {
	e := &f.ep
	seg := Segment{Label: "query", Text: RedactEndpoint("?" + e.query.Encode()), Mark: MarkNeutral}
	if v := e.query.Get("api-version"); v != "" {
		seg.Note, seg.Mark = "api-version "+v, MarkOK
		switch {
		case r.worst(endpointPathSuspect) == Error:
			seg.Mark = MarkBad
		case hasAny(r, endpointPathSuspect):
			seg.Mark = MarkWarn
		}
	}
	if e.querySecret != "" {
		seg.Note = "carries a secret in " + e.querySecret
		seg.Mark = MarkWarn
	}
	return seg
}

// KeyAnatomy draws a new-format key as its fields, masked: random ·
// marker · created · platform · service · signature · checksum, each
// marked. It returns nil for other keys.
func (f *Facts) KeyAnatomy(r Report) []Segment {
	k := &f.key
	if k.class != classCASK && k.class != classForeign && k.class != classDerived || len(k.clean) != caskLen || !hasCASKMarker(k.clean) {
		return nil
	}
	c, s := k.cask, k.clean
	ok := func(good bool) Mark {
		if good {
			return MarkOK
		}
		return MarkBad
	}
	created := "unknown"
	if c.year > 0 && c.month > 0 {
		created = fmt.Sprintf("%04d-%02d", c.year, c.month)
	}
	svc := Segment{Label: "service", Text: s[72:76], Note: serviceOrUnknown(c.service), Mark: MarkOK}
	if hasAny(r, keyKindMismatch, keyLUISAuthoringVsPrediction) {
		svc.Mark = MarkBad
		if kd := f.Kind(); kd != nil {
			svc.Note += ", not " + kd.Name
		}
	}
	sigNote := "Azure AI services"
	if c.signature != caskSignature {
		sigNote = "another product: " + strings.TrimSuffix(strings.Split(k.why, " (")[0], ".")
	}
	return []Segment{
		{Label: "random", Text: s[:4] + "…", Note: "52 random characters", Mark: MarkNeutral},
		{Label: "marker", Text: s[52:58], Note: choose(c.marker == '9', "access key", "not an access key"), Mark: ok(c.marker == '9')},
		{Label: "created", Text: s[58:60], Note: created, Mark: ok(c.month > 0 && c.year > 0)},
		{Label: "reserved", Text: "••••••••••••", Note: "platform data", Mark: MarkNeutral},
		svc,
		{Label: "signature", Text: c.signature, Note: sigNote, Mark: ok(c.signature == caskSignature)},
		{Label: "checksum", Text: s[80:], Note: choose(c.checksumOK, "valid", "does not match: a character is wrong"), Mark: ok(c.checksumOK)},
	}
}

// KeySummary describes the key for the page's key card: its kind and,
// for new-format keys, its service, creation month and checksum.
type KeySummary struct {
	Format   string // "legacy 32-hex", "new 84-character", or what the key is instead
	Service  string // the service a new-format key is for, "" if unknown
	Created  string // YYYY-MM of a new-format key
	Checksum string // "valid", "invalid", or "none" for legacy keys
	Masked   string
}

// HasKey reports whether the input holds a key or token: typed in the
// key field, or left in the endpoint's query.
func (f *Facts) HasKey() bool { return f.key.given }

// Key summarises the key, or returns false if no key was given.
func (f *Facts) Key() (KeySummary, bool) {
	k := &f.key
	if !k.given {
		return KeySummary{}, false
	}
	ks := KeySummary{Masked: Mask(k.clean)}
	switch k.class {
	case classLegacy:
		ks.Format, ks.Checksum = "legacy 32-hex key", "none (legacy keys have no checksum)"
	case classCASK:
		ks.Format = "new 84-character key"
		ks.Service = serviceOrUnknown(k.cask.service)
		if k.cask.year > 0 && k.cask.month > 0 {
			ks.Created = fmt.Sprintf("%04d-%02d", k.cask.year, k.cask.month)
		}
		ks.Checksum = choose(k.cask.checksumOK, "valid", "invalid")
	case classEmpty:
		ks.Format = "empty"
	default:
		ks.Format = k.why
	}
	return ks, true
}

// ResourceName is the resource name the endpoint reveals, for the
// commands that ask Azure about the resource; "" if none, or if it has
// a key's shape (MaskSecrets would mask it: a key pasted in its place),
// as the commands show it whole.
func (f *Facts) ResourceName() string {
	if n := f.ep.resourceName(); validSubdomain(n) && MaskSecrets(n) == n {
		return n
	}
	return ""
}

// geography names the area a Translator host label serves ([S5]).
func geography(label string) string {
	switch label {
	case "api":
		return "global"
	case "api-nam":
		return "Americas"
	case "api-apc":
		return "Asia Pacific"
	case "api-eur":
		return "Europe"
	}
	return ""
}
