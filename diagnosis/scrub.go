package diagnosis

import (
	"net/url"
	"slices"
	"strings"
)

// minSecretLen is the shortest run MaskSecrets checks: every key, token
// and foreign secret it recognises is longer.
const minSecretLen = 20

// MaskSecrets masks every word of a text that has the shape of a key,
// token or other secret (LooksSecret), as Mask shows a key: for text
// from the user or from an answer (an error message, a pasted response
// quoting the key) before it is shown. A word is a run of the
// characters keys, tokens and assignments use; a run that is not a
// secret as a whole is checked by its letters-and-digits parts, so a key
// inside a path or after a name= is found too.
func MaskSecrets(text string) string {
	var b strings.Builder
	changed := false
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && isSecretWordByte(text[j]) {
			j++
		}
		if j == i {
			b.WriteByte(text[i])
			i++
			continue
		}
		word := text[i:j]
		masked := maskWord(word)
		changed = changed || masked != word
		b.WriteString(masked)
		i = j
	}
	if !changed {
		return text
	}
	return b.String()
}

// maskWord masks a word, or the secret parts of it.
func maskWord(word string) string {
	if len(word) < minSecretLen {
		return word
	}
	if secretWord(word) {
		return Mask(word)
	}
	var b strings.Builder
	for i := 0; i < len(word); {
		j := i
		for j < len(word) && isAlnum(word[j]) {
			j++
		}
		if j == i {
			b.WriteByte(word[i])
			i++
			continue
		}
		part := word[i:j]
		if len(part) >= minSecretLen && secretWord(part) {
			part = Mask(part)
		}
		b.WriteString(part)
		i = j
	}
	return b.String()
}

// isSecretWordByte reports whether c may be part of a key, a token (base64url,
// JWT dots) or an assignment in front of one.
func isSecretWordByte(c byte) bool {
	return isAlnum(c) || strings.IndexByte("-_.~+/=:", c) >= 0
}

// secretWord reports whether a word in running text is a secret: a key,
// token or foreign secret, or a malformed key that is hex, mixes upper
// case, lower case and digits as generated keys do, or is longer than any
// host label or resource name (a key lower- or upper-cased, e.g. in a
// host). A resource name in a host is lower case and at most 63 letters
// long, and stays.
func secretWord(s string) bool {
	k := analyseKey(s)
	if !looksSecret(&k) {
		return false
	}
	return k.class != classMalformed || isHex(k.clean) || mixedCase(k.clean) || len(k.clean) > maxLabelLen
}

// maxLabelLen is the longest DNS label, and so the longest resource name
// a host can hold.
const maxLabelLen = 63

// mixedCase reports whether s has an upper-case letter, a lower-case
// letter and a digit.
func mixedCase(s string) bool {
	upper := strings.ContainsFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' })
	lower := strings.ContainsFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' })
	digit := strings.ContainsFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	return upper && lower && digit
}

// minScrubLen is the shortest known key a Scrubber replaces: a shorter
// one would mangle ordinary words (and is no key).
const minScrubLen = 8

// Scrubber makes text safe to show: it masks the keys it knows in every
// spelling text could carry them in (as typed, trimmed and as sent;
// plain, query- and path-escaped; in any case), then anything else
// shaped like a secret (MaskSecrets). It is the one boundary every text
// the engine hands out passes through; the CLI's writer uses it too.
type Scrubber struct {
	spellings []string // each known key as output could spell it, lower case (replaceFold)
	masked    []string // the key as Mask shows it, for each spelling
}

// NewScrubber returns a Scrubber that knows the given keys.
func NewScrubber(keys ...string) *Scrubber {
	s := &Scrubber{}
	for _, k := range keys {
		s.Add(k)
	}
	return s
}

// Add makes the Scrubber know a key. The spellings are kept lower case:
// escaping a lower-cased key gives the same spellings, folded, as
// escaping the key (letters are never escaped), so each distinct form of
// the key is lowered once.
func (s *Scrubber) Add(key string) {
	probe := ProbeKey(key)
	masked := Mask(probe)
	forms := [...]string{key, strings.TrimSpace(key), probe}
	for i, k := range forms {
		if slices.Contains(forms[:i], k) {
			continue
		}
		k = asciiLower(k)
		for _, v := range [...]string{k, asciiLower(url.QueryEscape(k)), asciiLower(url.PathEscape(k))} {
			if len(v) >= minScrubLen && !strings.Contains(v, "\n") && !slices.Contains(s.spellings, v) {
				s.spellings, s.masked = append(s.spellings, v), append(s.masked, masked)
			}
		}
	}
}

// Scrub returns text with the known keys and every secret-shaped word
// masked.
func (s *Scrubber) Scrub(text string) string {
	if s != nil && len(s.spellings) > 0 {
		lower := asciiLower(text)
		for i, k := range s.spellings {
			if strings.Contains(lower, k) {
				text = replaceFold(text, k, s.masked[i])
				lower = asciiLower(text)
			}
		}
	}
	return MaskSecrets(text)
}

// ScrubAll scrubs every string of a slice in place and returns it.
func (s *Scrubber) ScrubAll(texts []string) []string {
	for i, t := range texts {
		texts[i] = s.Scrub(t)
	}
	return texts
}

// replaceFold replaces every ASCII-case-insensitive occurrence of old,
// which is given in lower case (asciiLower).
func replaceFold(s, old, repl string) string {
	ls := asciiLower(s)
	if !strings.Contains(ls, old) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(ls, old)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i] + repl)
		s, ls = s[i+len(old):], ls[i+len(old):]
	}
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay. Text
// with no upper-case letter comes back as it is, without a copy.
func asciiLower(s string) string {
	first := 0
	for first < len(s) && (s[first] < 'A' || s[first] > 'Z') {
		first++
	}
	if first == len(s) {
		return s
	}
	b := []byte(s)
	for i := first; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// scrubShown masks the key the paste holds, and anything shaped like a
// secret, in what the snippet says for people: where each value came
// from, what the paste was read as, its notes (a key pasted as the name
// of an environment variable). The values stay whole: they fill the form.
func (s *Snippet) scrubShown() {
	sc := NewScrubber(s.Key.Value)
	s.ReadAs, s.Notes, s.Service = sc.ScrubAll(s.ReadAs), sc.ScrubAll(s.Notes), sc.Scrub(s.Service)
	for _, fl := range s.Fields() {
		fl.Field.From = sc.Scrub(fl.Field.From)
	}
}
