package diagnosis

import (
	"fmt"
	"strings"
)

// VerdictNothing is the verdict when no check has anything to say.
const VerdictNothing = "Nothing to diagnose yet: paste a key, an endpoint, or the error you got."

// gap is an input the all-clear would need but that is empty.
type gap struct{ what, why string }

// gaps lists what the input lacks before "nothing wrong" can be said:
// an all-clear over an empty field is a false one.
func (f *Facts) gaps() []gap {
	var gs []gap
	if f.key.class == classEmpty {
		gs = append(gs, gap{"the key", "most causes are in the key itself"})
	}
	if !f.ep.given && !f.hostFromRegion() {
		gs = append(gs, gap{"the endpoint", "the key only works on its own resource's host"})
	}
	if f.Kind() == nil {
		gs = append(gs, gap{"the API you call", "each API reads the key its own way"})
	}
	// sources §3: a non-global Translator resource needs the region header.
	if k := f.Kind(); k != nil && k.RegionHeader && f.regionRaw == "" && (f.regionHeader == "" || f.regionHeader == NoRegionHeader) {
		gs = append(gs, gap{"the region", "a Translator resource that is not global needs the Ocp-Apim-Subscription-Region header; enter the region to check it"})
	}
	return gs
}

// hostFromRegion reports whether the API's host comes from the region
// given: the Speech SDK takes a key and a region, no endpoint.
func (f *Facts) hostFromRegion() bool {
	k := f.Kind()
	return k != nil && k.SpeechRegions && f.region != nil && f.region.Speech
}

// blank reports whether nothing was entered.
func (f *Facts) blank() bool {
	return f.key.class == classEmpty && !f.ep.given && !f.resp.given && f.regionRaw == "" && f.Kind() == nil
}

// verdict names the most likely cause in one sentence, in plain words:
// cause IDs belong to the findings, not to the sentence.
func verdict(f *Facts, findings []Finding) string {
	if len(findings) == 0 && f.blank() {
		return VerdictNothing
	}
	top := Finding{Severity: Info}
	if len(findings) > 0 {
		top = findings[0]
	}
	switch top.Severity {
	case Info:
		for _, fd := range findings {
			switch fd.ID {
			case responseOK.ID:
				return "No problem: the answer was a success, so the key works for this endpoint."
			case responseUnrecognized.ID:
				return "No certain cause: az401 does not know this answer. " + fd.Message
			}
		}
		return allClear(f)
	case Warning:
		// The service's own answer (deployment not found, rate limited…)
		// is no guess: the answer says what is wrong.
		if c := Lookup(top.ID); c != nil && c.Area == AreaResponse {
			return "The service answered: " + sentence(top.Message) + "."
		}
		return "No certain cause; worth checking first: " + sentence(top.Message) + "."
	}
	v := "Most likely: " + sentence(top.Message) + "."
	if n := countSeverity(findings[1:], Error); n > 0 {
		v += fmt.Sprintf(" %d more error%s below.", n, plural(n))
	}
	return v
}

// allClear is the verdict when no check found a problem: it names what
// agrees, and what is still missing and why it matters.
func allClear(f *Facts) string {
	if gs := f.gaps(); len(gs) > 0 {
		whats := make([]string, len(gs))
		whys := make([]string, len(gs))
		for i, g := range gs {
			whats[i], whys[i] = g.what, g.why
		}
		return "Not checked yet: " + joinAnd(whats) + " " + pluralVerb(len(gs)) + " empty. No error so far, but " +
			strings.Join(whys, "; ") + "."
	}
	agree := []string{"key", "endpoint", "API"}
	if !f.ep.given {
		agree = []string{"key", "API"} // the host comes from the region
	}
	if f.regionRaw != "" {
		agree = append(agree, "region")
	}
	return "No error found offline: " + joinAnd(agree) + " agree. If calls still fail, send a test call or paste the error you get."
}

// joinAnd joins words as "a, b and c".
func joinAnd(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

// joinOr joins words as "a, b or c".
func joinOr(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}

func pluralVerb(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// sentence drops a message's final period and lower-cases its first word
// when that is an article or pronoun (never a product name), to embed it
// in the verdict; it drops the backticks a service's message quotes
// names with.
func sentence(m string) string {
	m = strings.ReplaceAll(strings.TrimSuffix(m, "."), "`", "") // the service's code quotes are no words
	first, _, _ := strings.Cut(m, " ")
	switch first {
	case "The", "A", "An", "This", "No", "Only":
		m = strings.ToLower(first) + m[len(first):]
	}
	return m
}

func countSeverity(fs []Finding, s Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == s {
			n++
		}
	}
	return n
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
