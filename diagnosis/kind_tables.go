package diagnosis

import (
	"slices"
	"strings"
)

// The tables below are built from the catalogue (kinds) when the package
// loads; nothing else in the package lists kinds.

// kindByID finds a kind by its ID.
var kindByID = func() map[string]*Kind {
	m := make(map[string]*Kind, len(kinds))
	for i := range kinds {
		m[kinds[i].ID] = &kinds[i]
	}
	return m
}()

// kindByHost is the kind a host family belongs to (Kind.hosts).
var kindByHost = func() map[hostFamily]*Kind {
	m := map[hostFamily]*Kind{}
	for i := range kinds {
		for _, h := range kinds[i].hosts {
			m[h] = &kinds[i]
		}
	}
	return m
}()

// kindRoute is one route of one kind, its path split into segments.
type kindRoute struct {
	kind *Kind
	segs []string
	on   hostFamily
}

// kindRoutes are every kind's routes, the longest first, so that a
// route wins over any shorter one it extends.
var kindRoutes = func() []kindRoute {
	var all []kindRoute
	longest := 0
	for i := range kinds {
		for _, r := range kinds[i].paths {
			all = append(all, kindRoute{kind: &kinds[i], segs: strings.Split(r.path, "/"), on: r.on})
			longest = max(longest, len(all[len(all)-1].segs))
		}
	}
	// Longest first, in catalogue order within a length: a stable sort
	// by counting, without a sort function instantiated for the type.
	rs := make([]kindRoute, 0, len(all))
	for n := longest; n > 0; n-- {
		for _, r := range all {
			if len(r.segs) == n {
				rs = append(rs, r)
			}
		}
	}
	return rs
}()

// kindGroups are the menu's groups, in the order the catalogue first
// names them.
var kindGroups = func() []string {
	var gs []string
	for _, k := range kinds {
		if !slices.Contains(gs, k.Group) {
			gs = append(gs, k.Group)
		}
	}
	return gs
}()

// KindGroups returns the groups the kinds are listed under, in the
// order a menu shows them. Do not modify it.
func KindGroups() []string { return kindGroups }

// Label is the kind as a menu lists it: its name, and its retirement.
func (k *Kind) Label() string {
	if k.Retired != "" {
		return k.Name + " (retired " + k.Retired + ")"
	}
	return k.Name
}

// matchRoute finds the kind whose route the lower-case path segments
// follow on a host of the family, and the version segment the route
// names ("" if none).
func matchRoute(segs []string, family hostFamily) (*Kind, string) {
	for _, r := range kindRoutes {
		if r.on != hostUnknown && r.on != family {
			continue
		}
		if version, ok := r.match(segs); ok {
			return r.kind, version
		}
	}
	return nil, ""
}

// match reports whether segs start with the route, and the version
// segment it names.
func (r kindRoute) match(segs []string) (version string, ok bool) {
	for i, want := range r.segs {
		got := ""
		if i < len(segs) {
			got = segs[i]
		}
		pattern, isVersion := strings.CutPrefix(want, "{")
		if !isVersion {
			if got != want || i >= len(segs) {
				return "", false
			}
			continue
		}
		pattern = strings.TrimSuffix(pattern, "}")
		switch prefix, wild := strings.CutSuffix(pattern, "*"); {
		case pattern == "v":
			version = got
		case wild && strings.HasPrefix(got, prefix):
			version = prefix
		case !wild && got == pattern:
			version = got
		default:
			return "", false
		}
	}
	return version, true
}
