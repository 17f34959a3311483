package diagnosis_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

// TestTruncate: text is cut on a character boundary, and a key is masked
// before the cut, so no piece of it survives.
func TestTruncate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"région westeurope", 2, "r…"}, // é is two bytes: not cut in half
		{"→ westeurope", 2, "…"},       // a three-byte arrow first
		{"abcdef", 3, "abc…"},
	} {
		got := diagnosis.Truncate(tt.in, tt.n)
		assert.Equal(t, tt.want, got, "Truncate(%q, %d)", tt.in, tt.n)
		assert.True(t, utf8.ValidString(got), "Truncate(%q, %d) = %q", tt.in, tt.n, got)
	}
	key := testkeys.CASK('T')
	got := diagnosis.Truncate("the region holds "+key, 40)
	assert.NotContains(t, got, key[:12])
	assert.True(t, strings.HasSuffix(got, "…") || len(got) <= 40, "%q", got)
}
