package diagnosis_test

import (
	"az401/diagnosis"
	"az401/internal/testkeys"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	f := os.Getenv("SNIP")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	_, text, _ := strings.Cut(string(b), "\n---\n")
	text = testkeys.Expand(text)
	diagnosis.Debug(text)
	if os.Getenv("LEX") != "" {
		diagnosis.DebugLex(text)
	}
	for _, s := range diagnosis.ExtractServices(text) {
		fmt.Printf("SNIP %+v\n", s)
	}
}
