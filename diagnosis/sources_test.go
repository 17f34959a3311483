package diagnosis_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
)

var (
	sourceAnchor = regexp.MustCompile(`<a id="([^"]+)"></a>`)
	sourceTag    = regexp.MustCompile(`\[([SI]\d+)\]`)
	sourceTopic  = regexp.MustCompile(`§(\d+(?:\.\d+)?)`)
)

// sourceAnchors reads the anchors of docs/sources.md.
func sourceAnchors(t *testing.T) map[string]bool {
	b, err := os.ReadFile("../docs/sources.md")
	require.NoError(t, err)
	anchors := map[string]bool{}
	for _, m := range sourceAnchor.FindAllStringSubmatch(string(b), -1) {
		anchors[m[1]] = true
	}
	return anchors
}

// unresolved lists the tags and topics of text that docs/sources.md
// lacks.
func unresolved(anchors map[string]bool, text string) []string {
	var missing []string
	for _, m := range sourceTag.FindAllStringSubmatch(text, -1) {
		if !anchors[m[1]] {
			missing = append(missing, m[0])
		}
	}
	for _, m := range sourceTopic.FindAllStringSubmatch(text, -1) {
		if !anchors["sec-"+m[1]] {
			missing = append(missing, m[0])
		}
	}
	return missing
}

// TestSourcesResolve checks that every cause cites docs/sources.md and
// that each of its source tags and topics has an entry there.
func TestSourcesResolve(t *testing.T) {
	anchors := sourceAnchors(t)
	for _, c := range diagnosis.All() {
		own := strings.HasPrefix(c.Sources, "az401's own limit") && anchors["own"]
		assert.True(t, own || sourceTag.MatchString(c.Sources) || sourceTopic.MatchString(c.Sources),
			"%s: Sources %q cites nothing", c.ID, c.Sources)
		assert.Empty(t, unresolved(anchors, c.Sources), "%s: Sources %q", c.ID, c.Sources)
	}
	for _, k := range diagnosis.Kinds() {
		text := k.Successor + k.Test.Note
		for _, r := range k.RetiredVersions {
			text += r.Source
		}
		assert.Empty(t, unresolved(anchors, text), "kind %s", k.ID)
	}
}

// TestCommentSourcesResolve checks the tags the code's comments cite.
func TestCommentSourcesResolve(t *testing.T) {
	anchors := sourceAnchors(t)
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if _, comment, ok := strings.Cut(line, "// "); ok && strings.Contains(comment, "sources §") || sourceTag.MatchString(line) {
				assert.Empty(t, unresolved(anchors, line), "%s: %s", path, strings.TrimSpace(line))
			}
		}
		return nil
	})
	require.NoError(t, err)
}

// outsidePath matches a reference to a file outside the repository.
var outsidePath = regexp.MustCompile(`shared/(reference|spec)|facts §|\.\./shared|guide §`)

// TestStandsAlone checks that no shipped file points outside the
// repository, and that build constraints are spelled one way.
func TestStandsAlone(t *testing.T) {
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != ".." && (strings.HasPrefix(name, ".") || name == "bin" || name == "site") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, "_test.go") || strings.HasSuffix(path, ".wasm") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		assert.False(t, outsidePath.Match(b), "%s refers outside the repository: %s", path, outsidePath.Find(b))
		return nil
	})
	require.NoError(t, err)
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if tag, ok := strings.CutPrefix(strings.SplitN(string(b), "\n", 2)[0], "//go:build "); ok {
			assert.Contains(t, []string{"js && wasm", "!(js && wasm)"}, tag, "%s: //go:build %s", path, tag)
		}
		return nil
	})
	require.NoError(t, err)
}
