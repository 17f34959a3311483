package diagnosis

import "strings"

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
// token or foreign secret, or a malformed key that is hex or mixes upper
// case, lower case and digits as generated keys do (a long resource name
// in a host is lower case, and stays).
func secretWord(s string) bool {
	if !LooksSecret(s) {
		return false
	}
	k := analyseKey(s)
	return k.class != classMalformed || isHex(k.clean) || mixedCase(k.clean)
}

// mixedCase reports whether s has an upper-case letter, a lower-case
// letter and a digit.
func mixedCase(s string) bool {
	upper := strings.ContainsFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' })
	lower := strings.ContainsFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' })
	digit := strings.ContainsFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	return upper && lower && digit
}
