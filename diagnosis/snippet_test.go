package diagnosis_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"az401/diagnosis"
	"az401/internal/corpus"
	"az401/internal/testkeys"
)

// snippetCase is one file of testdata/snippets: "# name", "# field:
// value" lines for the fields expected (kind, endpoint, region, key,
// header, region-header, status), the fields the user gave in the form
// (kind-input, region-input), "# want:" the findings, then "---" and the
// snippet. Keys are ${templates} (testkeys.Expand).
//
// "# guessed: region, kind" names fields that must be read as guesses.
//
// A paste with several services states "# services: N", and the fields
// and findings of service N (from 2) as "# sN.field:" and "# sN.want:".
type snippetCase struct {
	name, text string
	fields     map[string]string
	want       []string
	guessed    []string // fields the reader must only guess
	services   int
	more       map[int]*snippetCase // services 2…N
}

func loadSnippets(t *testing.T) []snippetCase {
	files, err := filepath.Glob("testdata/snippets/*.txt")
	require.NoError(t, err)
	var cases []snippetCase
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		head, text, ok := strings.Cut(string(b), "\n---\n")
		require.True(t, ok, "%s: no --- line", f)
		c := snippetCase{name: filepath.Base(f), text: testkeys.Expand(strings.TrimSuffix(text, "\n")), fields: map[string]string{},
			services: 1, more: map[int]*snippetCase{}}
		lines := strings.Split(head, "\n")
		c.name += " (" + strings.TrimPrefix(lines[0], "# ") + ")"
		for _, line := range lines[1:] {
			name, v, _ := strings.Cut(strings.TrimPrefix(line, "# "), ":")
			v = strings.TrimSpace(v)
			dst := &c
			if n, rest, ok := strings.Cut(name, "."); ok && len(n) > 1 && n[0] == 's' {
				i, err := strconv.Atoi(n[1:])
				require.NoError(t, err, "%s: %s", f, line)
				if c.more[i] == nil {
					c.more[i] = &snippetCase{name: c.name + " service " + n[1:], fields: map[string]string{}}
				}
				dst, name = c.more[i], rest
			}
			switch name {
			case "want":
				for _, id := range strings.Split(v, ",") {
					if id = strings.TrimSpace(id); id != "" {
						dst.want = append(dst.want, id)
					}
				}
			case "guessed":
				for _, f := range strings.Split(v, ",") {
					dst.guessed = append(dst.guessed, strings.TrimSpace(f))
				}
			case "services":
				c.services, err = strconv.Atoi(v)
				require.NoError(t, err, "%s: %s", f, line)
			case "source":
			default:
				dst.fields[name] = testkeys.Expand(v)
			}
		}
		require.Len(t, c.more, max(0, c.services-1), "%s: one sN. block per extra service", f)
		cases = append(cases, c)
	}
	return cases
}

// TestSnippets extracts every snippet of the corpus and diagnoses it:
// the fields found must be the ones expected, and the findings too
// (missing or unexpected errors and warnings fail).
func TestSnippets(t *testing.T) {
	cases := loadSnippets(t)
	require.GreaterOrEqual(t, len(cases), 200)
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			all := diagnosis.ExtractServices(c.text)
			require.Len(t, all, c.services, "%s: services found: %v", c.name, serviceKinds(all))
			checkService(t, &c, all[0], now)
			for i := 2; i <= c.services; i++ {
				checkService(t, c.more[i], all[i-1], now)
			}
		})
	}
}

// checkService compares one service's fields and findings.
func checkService(t *testing.T, c *snippetCase, s diagnosis.Snippet, now time.Time) {
	t.Helper()
	got := map[string]diagnosis.Field{"kind": s.Kind, "endpoint": s.Endpoint, "region": s.Region, "key": s.Key,
		"header": s.Header, "region-header": s.RegionHeader, "status": s.Status, "response": s.Response}
	for name, want := range c.fields {
		if strings.HasSuffix(name, "-input") || name == "read-as" {
			continue
		}
		if name == "response" { // "# response:" with nothing: no answer read
			if want == "" {
				assert.Empty(t, got[name].Value, "Extract(%s).response", c.name)
			}
			assert.Contains(t, got[name].Value, want, "Extract(%s).response", c.name)
			continue
		}
		assert.Equal(t, want, got[name].Value, "Extract(%s).%s (from %q)", c.name, name, got[name].From)
		if want != "" {
			assert.NotEmpty(t, got[name].From, "%s: where %s came from", c.name, name)
		}
	}
	for _, name := range c.guessed {
		assert.Equal(t, diagnosis.Guessed, got[name].Sure, "%s: %s is only a guess (from %q)", c.name, name, got[name].From)
	}
	if ra, ok := c.fields["read-as"]; ok {
		assert.Contains(t, strings.Join(s.ReadAs, "; "), ra, "%s: read as", c.name)
	}
	in := s.Input(diagnosis.Input{Kind: c.fields["kind-input"], Region: c.fields["region-input"], Now: now})
	if r, ok := c.fields["region"]; ok && in.Region != r {
		t.Errorf("%s: the region field became %q, want %q", c.name, in.Region, r)
	}
	r := diagnosis.Diagnose(in)
	cc := corpus.Case{Want: c.want}
	missing, unexpected := cc.Check(corpus.Findings(r.Findings))
	assert.Empty(t, missing, "%s: missing; got %v", c.name, ids(r))
	assert.Empty(t, unexpected, "%s: unexpected; got %v", c.name, ids(r))
}

func serviceKinds(all []diagnosis.Snippet) []string {
	var out []string
	for _, s := range all {
		out = append(out, s.Kind.Value)
	}
	return out
}

// TestSnippetsCleanNoError: a snippet whose expected findings hold no
// error must produce none, service by service: the reader never invents
// an error from a clean paste.
func TestSnippetsCleanNoError(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	clean := 0
	for _, c := range loadSnippets(t) {
		for i, s := range diagnosis.ExtractServices(c.text) {
			cc := &c
			if i > 0 {
				if cc = c.more[i+1]; cc == nil {
					continue
				}
			}
			if wantsError(cc.want) {
				continue
			}
			clean++
			r := diagnosis.Diagnose(s.Input(diagnosis.Input{Kind: cc.fields["kind-input"], Region: cc.fields["region-input"], Now: now}))
			assert.NotEqual(t, diagnosis.Error, r.Worst(), "%s: an error from a clean paste: %v", cc.name, ids(r))
		}
	}
	assert.Greater(t, clean, 40, "clean snippets in the corpus")
}

func wantsError(want []string) bool {
	for _, id := range want {
		if c := diagnosis.Lookup(id); c != nil && c.Severity == diagnosis.Error {
			return true
		}
	}
	return false
}

// TestSnippetJunk pastes 1 MB of random bytes and of random text.
func TestSnippetJunk(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	junk := make([]byte, 1<<20)
	for i := range junk {
		junk[i] = byte(rng.Uint32())
	}
	s := diagnosis.Extract(string(junk))
	r := diagnosis.Diagnose(s.Input(diagnosis.Input{}))
	assert.True(t, r.Has("snippet-unreadable"))
	assert.Contains(t, r.Findings[0].Message, "binary")

	var text strings.Builder
	for text.Len() < 1<<20 {
		text.WriteString("curl -H \"api-key: " + strconv.Itoa(rng.IntN(1e9)) + "\" https://x" + strconv.Itoa(rng.IntN(99)) + ".openai.azure.com/ KEY=" + "\n")
	}
	s = diagnosis.Extract(text.String())
	r = diagnosis.Diagnose(s.Input(diagnosis.Input{}))
	assert.True(t, r.Has("snippet-unreadable"))
	assert.Contains(t, r.Findings[len(r.Findings)-1].Message+r.Verdict, "")
}

// BenchmarkExtractJunk times 1 MB of text junk; the goal is under 50 ms.
func BenchmarkExtractJunk(b *testing.B) {
	var text strings.Builder
	for i := 0; text.Len() < 1<<20; i++ {
		text.WriteString("curl -H \"Ocp-Apim-Subscription-Key: abc" + strconv.Itoa(i) + "\" https://westus.api.cognitive.microsoft.com/x KEY=v\n")
	}
	s := text.String()
	for b.Loop() {
		diagnosis.Extract(s)
	}
}
