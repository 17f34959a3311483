//go:build !(js && wasm)

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"az401/diagnosis"
)

// writeText prints a report for people: a header naming the input, the
// verdict, each finding (cause, evidence, fix, more), and a summary.
func writeText(w io.Writer, d diagnosed, call *probeCall) error {
	in, r := d.in, d.report
	var b strings.Builder
	cmd := "diagnose"
	if call != nil {
		cmd = "probe"
	}
	fmt.Fprintf(&b, "az401 %s: %s\n\n", cmd, describeInput(in))
	if in.Snippet != nil {
		writeExtracted(&b, in.Snippet)
	}
	writeClaims(&b, d.facts.TokenClaims())
	if call != nil {
		writeCall(&b, call)
	}
	fmt.Fprintf(&b, "%s\n", r.Verdict)
	if r.Missing != "" {
		fmt.Fprintf(&b, "%s\n", r.Missing)
	}
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "\n%-7s %s: %s\n", strings.ToUpper(f.Severity.String()), f.ID, f.Title)
		fmt.Fprintf(&b, "  %s\n", f.Message)
		if f.Evidence != "" {
			fmt.Fprintf(&b, "  Found in: %s\n", f.Evidence)
		}
		if f.Severity != diagnosis.Info {
			b.WriteString("  Fix:\n")
			for _, step := range strings.Split(f.Fix, "\n") {
				fmt.Fprintf(&b, "    - %s\n", step)
			}
		}
		fmt.Fprintf(&b, "  More info: az401 explain %s\n", f.ID)
	}
	fmt.Fprintf(&b, "\n%s\n", summary(r))
	_, err := io.WriteString(w, b.String())
	return err
}

// writeClaims lists a pasted token's decoded claims, if any.
func writeClaims(b *strings.Builder, claims []diagnosis.Claim) {
	if len(claims) == 0 {
		return
	}
	b.WriteString("Token (decoded here, sent nowhere; the signature is not checked):\n")
	for _, c := range claims {
		fmt.Fprintf(b, "  %-8s %s\n           %s\n", c.Name, c.Value, c.Meaning)
		if c.Problem != "" {
			fmt.Fprintf(b, "           problem: %s\n", c.Problem)
		}
	}
	b.WriteString("\n")
}

// writeExtracted says what the snippet was read as, what it gave, and
// from where.
func writeExtracted(b *strings.Builder, s *diagnosis.Snippet) {
	fields := extracted(s)
	if len(s.ReadAs) > 0 {
		fmt.Fprintf(b, "Read as: %s.\n", strings.Join(s.ReadAs, "; "))
	}
	if len(fields) == 0 && len(s.Notes) == 0 {
		fmt.Fprintf(b, "From --from (%s): nothing found.\n\n", s.Format)
		return
	}
	fmt.Fprintf(b, "From --from (%s):\n", s.Format)
	for _, f := range fields {
		fmt.Fprintf(b, "  %-13s %s  (%s, %s)\n", f.Name, f.Value, f.From, f.Sure)
	}
	for _, n := range s.Notes {
		fmt.Fprintf(b, "  %s\n", n)
	}
	b.WriteString("\n")
}

// extractedField is one field a snippet gave, the key masked.
type extractedField struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	From  string `json:"from"`
	Sure  string `json:"sure"`
}

// extracted lists the fields a snippet gave, in form order.
func extracted(s *diagnosis.Snippet) []extractedField {
	var out []extractedField
	for _, f := range s.Fields() {
		if f.Field.Value != "" {
			out = append(out, extractedField{f.Name, f.Shown(), f.Field.From, f.Field.Sure.String()})
		}
	}
	return out
}

// writeCall prints the test call and its answer.
func writeCall(b *strings.Builder, c *probeCall) {
	b.WriteString("Test call (the key masked):\n")
	for _, line := range strings.Split(strings.TrimRight(c.request.Display(c.facts), "\n"), "\n") {
		b.WriteString("  " + line + "\n")
	}
	fmt.Fprintf(b, "  %s\n", c.request.Note)
	r := c.result
	if r == nil {
		variable, what := c.request.Secret()
		b.WriteString("  Not sent (--dry-run). As a command, with the " + what + " in $" + variable +
			" (export " + variable + "=\"$AZ401_KEY\" if it is in AZ401_KEY):\n")
		for _, line := range strings.Split(c.request.Curl(), "\n") {
			b.WriteString("    " + line + "\n")
		}
		b.WriteString("\n")
		return
	}
	if r.Failure != "" {
		fmt.Fprintf(b, "Answer: none (%s after %d ms): %s\n\n", r.Failure, r.Latency.Milliseconds(), r.Detail)
		return
	}
	fmt.Fprintf(b, "Answer: %d in %d ms\n", r.Status, r.Latency.Milliseconds())
	for _, h := range r.Headers {
		fmt.Fprintf(b, "  %s: %s\n", h.Name, h.Value)
	}
	if body := strings.TrimSpace(r.Body); body != "" {
		fmt.Fprintf(b, "  %s\n", diagnosis.Truncate(body, 600))
	}
	b.WriteString("\n")
}

// describeInput names what was diagnosed, the key masked.
func describeInput(in diagnosis.Input) string {
	var parts []string
	add := func(label, v string) {
		if v != "" {
			parts = append(parts, label+v)
		}
	}
	add("kind ", in.Kind)
	add("endpoint ", diagnosis.RedactEndpoint(strings.TrimSpace(in.Endpoint)))
	add("region ", shown(in.Region))
	if in.Key != "" {
		add("key ", diagnosis.Mask(in.Key))
	}
	if in.Status != 0 {
		add("status ", fmt.Sprint(in.Status))
	}
	if len(parts) == 0 {
		return "no input"
	}
	return strings.Join(parts, ", ")
}

// shown masks a field that holds something shaped like a secret.
func shown(s string) string {
	if diagnosis.LooksSecret(s) {
		return diagnosis.Mask(s)
	}
	return s
}

// summary counts the findings by severity.
func summary(r diagnosis.Report) string {
	var n [3]int
	for _, f := range r.Findings {
		n[f.Severity]++
	}
	return fmt.Sprintf("%s, %s, %s.", count(n[diagnosis.Error], "error"), count(n[diagnosis.Warning], "warning"),
		count(n[diagnosis.Info], "note"))
}

func count(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// jsonReport is the JSON output of docs/cli.md; probe adds "probe".
type jsonReport struct {
	Input     jsonInput           `json:"input"`
	Service   string              `json:"service,omitempty"`
	ReadAs    []string            `json:"read_as,omitempty"`
	Notes     []string            `json:"notes,omitempty"`
	Extracted []extractedField    `json:"extracted,omitempty"`
	Probe     *jsonProbe          `json:"probe,omitempty"`
	Findings  []diagnosis.Finding `json:"findings"`
	Verdict   string              `json:"verdict"`
	Missing   string              `json:"missing,omitempty"`
	Services  []jsonReport        `json:"services,omitempty"`
}

// jsonProbe is the test call and its answer.
type jsonProbe struct {
	Request   string             `json:"request"`
	Curl      string             `json:"curl"`
	Note      string             `json:"note"`
	Sent      bool               `json:"sent"`
	Status    int                `json:"status,omitempty"`
	LatencyMS int64              `json:"latency_ms,omitempty"`
	Failure   string             `json:"failure,omitempty"`
	Detail    string             `json:"detail,omitempty"`
	Headers   []diagnosis.Header `json:"headers,omitempty"`
	Body      string             `json:"body,omitempty"`
}

// jsonInput is what was diagnosed, the key masked; a pasted token adds
// its decoded claims (the signature is neither shown nor checked).
type jsonInput struct {
	Kind     string            `json:"kind"`
	Endpoint string            `json:"endpoint"`
	Region   string            `json:"region"`
	Key      string            `json:"key"`
	Header   string            `json:"header,omitempty"`
	Status   int               `json:"status,omitempty"`
	Token    []diagnosis.Claim `json:"token,omitempty"`
}

func writeJSON(w io.Writer, d diagnosed, call *probeCall) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(jsonOf(d, call))
}

// writeJSONServices writes the first service's report with every
// service's report under "services".
func writeJSONServices(w io.Writer, ds []diagnosed) error {
	out := jsonOf(ds[0], nil)
	for _, d := range ds {
		out.Services = append(out.Services, jsonOf(d, nil))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// jsonOf is the JSON form of one report.
func jsonOf(d diagnosed, call *probeCall) jsonReport {
	in, r := d.in, d.report
	out := jsonReport{
		Input: jsonInput{Kind: in.Kind, Endpoint: diagnosis.RedactEndpoint(in.Endpoint), Region: shown(in.Region),
			Key: diagnosis.Mask(in.Key), Header: in.Header, Status: in.Status, Token: d.facts.TokenClaims()},
		Findings: r.Findings, Verdict: r.Verdict, Missing: r.Missing,
	}
	if out.Findings == nil {
		out.Findings = []diagnosis.Finding{}
	}
	if s := in.Snippet; s != nil {
		out.Extracted, out.Service, out.ReadAs, out.Notes = extracted(s), s.Service, s.ReadAs, s.Notes
	}
	if call != nil {
		out.Probe = &jsonProbe{Request: call.request.Display(call.facts), Curl: call.request.Curl(), Note: call.request.Note}
		if res := call.result; res != nil {
			out.Probe.Sent, out.Probe.Status, out.Probe.LatencyMS = true, res.Status, res.Latency.Milliseconds()
			out.Probe.Failure, out.Probe.Detail, out.Probe.Headers, out.Probe.Body = res.Failure, res.Detail, res.Headers, res.Body
		}
	}
	return out
}
