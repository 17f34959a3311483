//go:build !(js && wasm)

package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// realFlags asks the command for its flags (az401 CMD --help).
func realFlags(t *testing.T, cmd string) []string {
	t.Helper()
	code, stdout, _ := az(t, "", "", cmd, "--help")
	require.Equal(t, exitOK, code, "az401 %s --help", cmd)
	_, list, ok := strings.Cut(stdout, "The flags of az401 "+cmd+" are ")
	require.True(t, ok, "az401 %s --help: %s", cmd, stdout)
	flags := strings.Fields(strings.TrimSuffix(strings.TrimSpace(list), "."))
	slices.Sort(flags)
	return flags
}

// TestCLIDoc checks docs/cli.md, the command line's contract, against
// the commands and flags the binary has.
func TestCLIDoc(t *testing.T) {
	b, err := os.ReadFile("../../docs/cli.md")
	require.NoError(t, err)
	doc := string(b)

	var documented []string
	for _, m := range regexp.MustCompile(`(?m)^az401 ([a-z]+)`).FindAllStringSubmatch(doc, -1) {
		documented = append(documented, m[1])
	}
	assert.ElementsMatch(t, commands, documented, "docs/cli.md lists other commands than az401 has")

	// diagnose and probe: the flag table.
	var common, probeOnly []string
	for _, m := range regexp.MustCompile("(?m)^\\| `(--[a-z-]+)[^`]*`( \\(probe\\))? \\|").FindAllStringSubmatch(doc, -1) {
		if m[2] != "" {
			probeOnly = append(probeOnly, m[1])
		} else {
			common = append(common, m[1])
		}
	}
	assert.ElementsMatch(t, common, realFlags(t, "diagnose"), "docs/cli.md: flags of diagnose")
	assert.ElementsMatch(t, append(common, probeOnly...), realFlags(t, "probe"), "docs/cli.md: flags of probe")

	// The other commands: the flags in their synopsis line.
	for _, cmd := range []string{"kinds", "causes", "serve", "static"} {
		line := regexp.MustCompile(`(?m)^az401 ` + cmd + ` (.*)$`).FindStringSubmatch(doc)
		require.NotNil(t, line, "docs/cli.md: no synopsis for %s", cmd)
		var flags []string
		for _, m := range regexp.MustCompile(`\[-(-?[a-z]+)`).FindAllStringSubmatch(line[1], -1) {
			flags = append(flags, "--"+strings.TrimPrefix(m[1], "-"))
		}
		assert.ElementsMatch(t, flags, realFlags(t, cmd), "docs/cli.md: flags of %s", cmd)
	}
}
