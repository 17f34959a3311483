// Package corpus loads diagnosis/testdata/corpus.json, the real-world
// cases that the diagnosis, CLI and browser tests all replay.
package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"time"

	"az401/diagnosis"
	"az401/internal/testkeys"
)

// Case is one scenario and the findings it must produce.
type Case struct {
	Name         string   `json:"name"`
	Source       string   `json:"source"`
	Kind         string   `json:"kind"`
	Endpoint     string   `json:"endpoint"`
	Region       string   `json:"region"`
	Key          string   `json:"key"` // with ${…} templates, see testkeys.Expand
	Header       string   `json:"header"`
	RegionHeader string   `json:"region_header"`
	Status       int      `json:"status"`
	Response     string   `json:"response"`
	KeyAge       string   `json:"key_age"`
	Regenerated  bool     `json:"regenerated"`
	TrialStarted string   `json:"trial_started"`
	Now          string   `json:"now"`
	Want         []string `json:"want"`
}

// Load reads the corpus file.
func Load(path string) ([]Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct{ Cases []Case }
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc.Cases, nil
}

// Input builds the diagnosis input, expanding the key template.
func (c Case) Input() (diagnosis.Input, error) {
	in := diagnosis.Input{Kind: c.Kind, Endpoint: c.Endpoint, Region: c.Region, Key: c.ExpandedKey(),
		Header: c.Header, RegionHeader: c.RegionHeader, Status: c.Status, Response: c.Response,
		Regenerated: c.Regenerated}
	var err error
	if c.KeyAge != "" {
		if in.KeyAge, err = diagnosis.ParseKeyAge(c.KeyAge); err != nil {
			return in, err
		}
	}
	if c.TrialStarted != "" {
		if in.TrialStarted, err = diagnosis.ParseDay(c.TrialStarted); err != nil {
			return in, err
		}
	}
	if c.Now != "" {
		if in.Now, err = time.Parse(time.RFC3339, c.Now); err != nil {
			return in, err
		}
	}
	return in, nil
}

// ExpandedKey is the case's key with its templates expanded.
func (c Case) ExpandedKey() string { return testkeys.Expand(c.Key) }

// Check compares the findings of a diagnosis with the case's
// expectations: every error and warning must be wanted, and every wanted
// ID present. It returns the missing and the unexpected IDs.
func (c Case) Check(got []Finding) (missing, unexpected []string) {
	have := map[string]bool{}
	for _, f := range got {
		have[f.ID] = true
		if f.Severity != "info" && !slices.Contains(c.Want, f.ID) {
			unexpected = append(unexpected, f.ID)
		}
	}
	for _, id := range c.Want {
		if !have[id] {
			missing = append(missing, id)
		}
	}
	return missing, unexpected
}

// Finding is the part of a finding the corpus checks, as the CLI's JSON,
// the page's data attributes and the diagnosis package all give it.
type Finding struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
}

// Findings converts diagnosis findings.
func Findings(fs []diagnosis.Finding) []Finding {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		out[i] = Finding{ID: f.ID, Severity: f.Severity.String()}
	}
	return out
}
