package diagnosis_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/corpus"
)

// TestCorpus replays every real-world case: missing and unexpected error
// or warning findings both fail.
func TestCorpus(t *testing.T) {
	cases, err := corpus.Load("testdata/corpus.json")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(cases), 40)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			in, err := c.Input()
			require.NoError(t, err)
			r := diagnosis.Diagnose(in)
			missing, unexpected := c.Check(corpus.Findings(r.Findings))
			assert.Empty(t, missing, "Diagnose(%s): missing findings; got %v", c.Name, ids(r))
			assert.Empty(t, unexpected, "Diagnose(%s): unexpected findings; got %v", c.Name, ids(r))
			assert.NotEmpty(t, r.Verdict)
			if c.Source == "clean" {
				assert.Less(t, r.Worst(), diagnosis.Warning, "a clean configuration must give no error and no warning")
			} else if len(c.Want) > 0 && r.Worst() == diagnosis.Error {
				top := strings.TrimSuffix(r.Findings[0].Message, ".")
				assert.Contains(t, strings.ToLower(r.Verdict), strings.ToLower(top), "the verdict names the top finding")
				assert.NotContains(t, r.Verdict, r.Findings[0].ID, "cause IDs stay out of the sentence")
			}
		})
	}
}

func ids(r diagnosis.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Severity.String()+":"+f.ID)
	}
	return out
}
