//go:build !(js && wasm)

package main

import (
	"io"
	"strings"
	"sync"

	"az401/diagnosis"
)

// secrets are the keys this run read, to be scrubbed from everything it
// writes: the last line of defence behind the engine's own masking
// (diagnosis.Scrubber), with the same function.
type secrets struct {
	mu sync.Mutex
	s  diagnosis.Scrubber
}

// add remembers a key, to be masked in every spelling output could carry
// it in.
func (s *secrets) add(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.s.Add(key)
}

// scrub makes text safe to print: the known keys (in any case) and
// anything shaped like a key masked, and control characters replaced.
func (s *secrets) scrub(text string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return terminalSafe(s.s.Scrub(text))
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
