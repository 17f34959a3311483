//go:build !(js && wasm)

package main

import (
	"io"
	"net/url"
	"strings"
	"sync"

	"az401/diagnosis"
)

// secrets are the keys this run read, to be scrubbed from everything it
// writes: the last line of defence behind masking where each value is
// printed.
type secrets struct {
	mu   sync.Mutex
	keys []string
}

// minScrubLen is the shortest key scrubbed from output: a shorter one
// would mangle ordinary words (and is no key).
const minScrubLen = 8

// add remembers a key as pasted and as sent, in the spellings output
// could carry it in.
func (s *secrets) add(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range []string{key, strings.TrimSpace(key), diagnosis.ProbeKey(key)} {
		for _, v := range []string{k, url.QueryEscape(k), url.PathEscape(k)} {
			if len(v) >= minScrubLen && !strings.ContainsAny(v, "\n") {
				s.keys = append(s.keys, v)
			}
		}
	}
}

// scrub makes text safe to print: the known keys (in any case) and
// anything shaped like a key masked, and control characters replaced.
func (s *secrets) scrub(text string) string {
	s.mu.Lock()
	for _, k := range s.keys {
		text = replaceFold(text, k, diagnosis.Mask(diagnosis.ProbeKey(k)))
	}
	s.mu.Unlock()
	return terminalSafe(diagnosis.MaskSecrets(text))
}

// replaceFold replaces every ASCII-case-insensitive occurrence of old.
func replaceFold(s, old, repl string) string {
	ls, lold := asciiLower(s), asciiLower(old)
	if !strings.Contains(ls, lold) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(ls, lold)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i] + repl)
		s, ls = s[i+len(old):], ls[i+len(old):]
	}
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// terminalSafe replaces the characters that would act on a terminal or
// reorder what it shows (ESC, other C0 and C1 controls, bidi overrides)
// with U+FFFD; line feeds and tabs stay.
func terminalSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && diagnosis.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// scrubWriter writes through secrets.scrub. Each Write is scrubbed
// whole: the commands write a report, or a message, in one call.
type scrubWriter struct {
	w io.Writer
	s *secrets
}

func (sw scrubWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(sw.w, sw.s.scrub(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
