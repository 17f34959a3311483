package diagnosis_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/corpus"
)

var causeID = regexp.MustCompile(`^[a-z0-9-]+$`)

func TestRegistry(t *testing.T) {
	require.NoError(t, diagnosis.Validate(diagnosis.All()))
	for _, c := range diagnosis.All() {
		assert.Regexp(t, causeID, c.ID)
		assert.LessOrEqual(t, len(c.Title), 70, "%s: title too long", c.ID)
		assert.Same(t, c, diagnosis.Lookup(c.ID))
	}
	assert.Nil(t, diagnosis.Lookup("no-such-cause"))
}

func TestValidateRejects(t *testing.T) {
	good := *diagnosis.Lookup("key-missing")
	for name, mutate := range map[string]func(c *diagnosis.Check){
		"bad id":    func(c *diagnosis.Check) { c.ID = "Key_Missing" },
		"period":    func(c *diagnosis.Check) { c.Title += "." },
		"no doc":    func(c *diagnosis.Check) { c.Doc = "" },
		"no fix":    func(c *diagnosis.Check) { c.Fix = "" },
		"no source": func(c *diagnosis.Check) { c.Sources = "" },
		"no rule":   func(c *diagnosis.Check) { c.Run = nil },
		"no area":   func(c *diagnosis.Check) { c.Area = 0 },
	} {
		c := good
		mutate(&c)
		assert.Error(t, diagnosis.Validate([]*diagnosis.Check{&c}), name)
	}
	assert.Error(t, diagnosis.Validate([]*diagnosis.Check{&good, &good}), "duplicate")
}

// TestSpecCauses checks every cause of the contract (shared/spec/causes.md)
// is implemented.
func TestSpecCauses(t *testing.T) {
	spec, err := os.ReadFile("../../shared/spec/causes.md")
	if os.IsNotExist(err) {
		t.Skip("the team contract shared/spec/causes.md is not beside this checkout: the team CI puts it there, a plain clone has docs/causes.md only")
	}
	require.NoError(t, err)
	ids := regexp.MustCompile(`(?m)^\| ([a-z0-9-]+) \|`).FindAllStringSubmatch(string(spec), -1)
	require.NotEmpty(t, ids)
	for _, m := range ids {
		if id := m[1]; id != "ID" {
			assert.NotNil(t, diagnosis.Lookup(id), "cause %s of spec/causes.md is not implemented", id)
		}
	}
}

// TestEveryCauseExercised makes sure no rule is dead: each cause is
// expected by some corpus or snippet case, or by a named unit test.
func TestEveryCauseExercised(t *testing.T) {
	cases, err := corpus.Load("testdata/corpus.json")
	require.NoError(t, err)
	wanted := map[string]bool{"input-too-large": true, "snippet-unreadable": true} // TestJunk, TestSnippetJunk
	for _, c := range cases {
		for _, id := range c.Want {
			wanted[id] = true
		}
	}
	for _, c := range loadSnippets(t) {
		for _, id := range c.want {
			wanted[id] = true
		}
	}
	for _, c := range tokenCases {
		for _, id := range c.Want {
			wanted[id] = true
		}
	}
	wanted["response-unrecognized"] = true // TestResponseUnrecognized
	for _, id := range []string{"probe-cors-blocked", "probe-host-unreachable", "probe-timeout"} {
		wanted[id] = true // TestProbeFindings
	}
	for _, c := range diagnosis.All() {
		assert.True(t, wanted[c.ID], "no test case expects %s", c.ID)
	}
}
