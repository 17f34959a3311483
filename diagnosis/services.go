package diagnosis

import (
	"slices"
	"strings"
)

// Several services in one paste: a .env or settings file often holds
// Speech, Translator and Azure OpenAI settings side by side. Hits are
// grouped by the service their names, sections or client calls belong
// to, so one diagnosis never mixes two services' fields.

// group splits hits into one list per service, in order of first
// appearance. A hit that names no service joins the nearest one that does.
func group(hits []hit) [][]hit {
	var order []string
	idx := map[string]int{}
	for i := range hits {
		h := &hits[i]
		if h.kind == "" && h.role == roleEndpoint && h.v.ok {
			h.kind = endpointKind(hits, h.v.text)
		}
		if k := serviceKey(h.kind); k != "" {
			if _, seen := idx[k]; !seen {
				idx[k] = len(order)
				order = append(order, k)
			}
		}
	}
	if len(order) <= 1 {
		return [][]hit{hits}
	}
	groups := make([][]hit, len(order))
	for _, h := range hits {
		k := serviceKey(h.kind)
		if k == "" {
			k = nearestKind(hits, h.pos)
		}
		groups[idx[k]] = append(groups[idx[k]], h)
	}
	return groups
}

// endpointKind is the kind of a URL that names none: the kind of another
// hit with the same URL (a setting whose name says it), else the one its
// host and path tell.
func endpointKind(hits []hit, u string) string {
	for _, o := range hits {
		if o.role == roleEndpoint && o.kind != "" && o.v.text == u {
			return o.kind
		}
	}
	if k := inferKindFrom(u); k != nil {
		return k.ID
	}
	return ""
}

// serviceKey merges kinds that are one service for grouping.
func serviceKey(kind string) string {
	if strings.HasPrefix(kind, "custom-vision") {
		return "custom-vision"
	}
	if strings.HasPrefix(kind, "luis") {
		return "luis"
	}
	return kind
}

// nearestKind returns the service of the hit that names one and is
// closest to pos.
func nearestKind(hits []hit, pos int) string {
	best, dist := "", -1
	for _, h := range hits {
		if k := serviceKey(h.kind); k != "" {
			d := h.pos - pos
			if d < 0 {
				d = -d
			}
			if dist < 0 || d < dist {
				best, dist = k, d
			}
		}
	}
	return best
}

// pickBest orders the hits of one role: resolved before unresolved, sure
// before guessed, an Azure AI endpoint before others and an API before
// the token URL, then first written.
func pickBest(hs []hit) []hit {
	rank := func(h hit) int {
		r := 0
		if !h.v.ok {
			r += 8
		}
		if h.sure != Sure {
			r += 4
		}
		if h.role == roleEndpoint {
			host := hostOf(h.v.text)
			if !AzureAIHost(host) && host != "api.openai.com" {
				r += 2
			}
			if strings.Contains(strings.ToLower(h.v.text), "/sts/v1.0/issuetoken") || formatHole(h.v.text) {
				r++
			}
		}
		return r
	}
	slices.SortStableFunc(hs, func(a, b hit) int { return rank(a) - rank(b) })
	return hs
}

// formatHole reports a URL that is a template a formatter fills
// (fmt.Sprintf's %s, String.Format's {0}): the URL built from it, when
// the paste resolves it, is the one sent.
func formatHole(u string) bool {
	return strings.Contains(u, "%s") || strings.Contains(u, "%v") || strings.Contains(u, "{0}")
}
