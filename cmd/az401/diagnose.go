//go:build !wasm

package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"az401/diagnosis"
)

// runDiagnose parses the diagnose flags, reads the key and the response,
// and prints the report.
func runDiagnose(args []string, e env) (int, error) {
	fs := newFlagSet("diagnose")
	in, form, err := parseInput(fs, args, e)
	if err != nil {
		return 0, err
	}
	if len(in.services) > 1 {
		return reportServices(e, in.services, form)
	}
	r := diagnosis.Diagnose(in.Input)
	return report(e, in.Input, r, form, nil)
}

// parsed is the input of diagnose and probe; services holds one input
// per service when --from found several (the first is Input).
type parsed struct {
	diagnosis.Input
	services []diagnosis.Input
}

// newFlagSet returns a flag set that reports errors to run, not stderr.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseInput parses the flags of diagnose and probe (fs may hold more)
// and reads the key and the response.
func parseInput(fs *flag.FlagSet, args []string, e env) (parsed, string, error) {
	in, form, from, service, err := parseFlags(fs, args, e)
	if err != nil || from == "" {
		return parsed{Input: in}, form, err
	}
	text, err := readFile(from, "--from", e)
	if err != nil {
		return parsed{Input: in}, "", err
	}
	all := diagnosis.ExtractServices(text)
	if service != "" {
		s, err := pickService(all, service)
		if err != nil {
			return parsed{Input: in}, "", err
		}
		all = []diagnosis.Snippet{s}
	}
	p := parsed{}
	for i := range all {
		p.services = append(p.services, all[i].Input(in)) // what the flags say wins
	}
	p.Input = p.services[0]
	return p, form, nil
}

// pickService selects one service of a paste by number (from 1) or kind.
func pickService(all []diagnosis.Snippet, sel string) (diagnosis.Snippet, error) {
	var kinds []string
	for i, s := range all {
		if fmt.Sprint(i+1) == sel || strings.EqualFold(s.Kind.Value, sel) {
			return s, nil
		}
		kinds = append(kinds, fmt.Sprintf("%d (%s)", i+1, pick(s.Kind.Value, "kind unknown")))
	}
	return diagnosis.Snippet{}, usagef("the paste holds: "+strings.Join(kinds, ", "), "--service %q matches no service of the paste", sel)
}

func pick(v, otherwise string) string {
	if v == "" {
		return otherwise
	}
	return v
}

// parseFlags parses the flags and reads the key and the response.
func parseFlags(fs *flag.FlagSet, args []string, e env) (diagnosis.Input, string, string, string, error) {
	var (
		in                                     diagnosis.Input
		keyStdin, regenerated                  bool
		responseFile, keyAge, trial, now, form string
		from, service                          string
		status                                 int
	)
	fs.StringVar(&in.Kind, "kind", "", "")
	fs.StringVar(&in.Endpoint, "endpoint", "", "")
	fs.StringVar(&in.Region, "region", "", "")
	fs.BoolVar(&keyStdin, "key-stdin", false, "")
	fs.StringVar(&in.Header, "header", "", "")
	fs.StringVar(&in.RegionHeader, "region-header", "", "")
	fs.IntVar(&status, "status", 0, "")
	fs.StringVar(&responseFile, "response-file", "", "")
	fs.StringVar(&keyAge, "key-age", "", "")
	fs.BoolVar(&regenerated, "regenerated", false, "")
	fs.StringVar(&trial, "trial-started", "", "")
	fs.StringVar(&now, "now", "", "")
	fs.StringVar(&form, "format", "text", "")
	fs.StringVar(&from, "from", "", "")
	fs.StringVar(&service, "service", "", "")
	if err := fs.Parse(args); err != nil {
		return in, "", "", "", flagError(fs, err)
	}
	if fs.NArg() > 0 {
		return in, "", "", "", usagef("the key is read from standard input (--key-stdin) or $AZ401_KEY, never from arguments",
			"unexpected argument %q", diagnosis.Truncate(fs.Arg(0), 12))
	}
	if err := checkChoices(in.Kind, in.Header, form); err != nil {
		return in, "", "", "", err
	}
	if status != 0 && (status < 100 || status > 599) {
		return in, "", "", "", usagef("give the HTTP status as a number such as 401", "--status %d is not an HTTP status", status)
	}
	in.Status, in.Regenerated = status, regenerated
	var err error
	if keyAge != "" {
		if in.KeyAge, err = diagnosis.ParseKeyAge(keyAge); err != nil {
			return in, "", "", "", usagef("", "--key-age: %v", err)
		}
	}
	if trial != "" {
		if in.TrialStarted, err = diagnosis.ParseDay(trial); err != nil {
			return in, "", "", "", usagef("", "--trial-started: %v", err)
		}
	}
	in.Now = time.Now()
	if now != "" {
		if in.Now, err = time.Parse(time.RFC3339, now); err != nil {
			return in, "", "", "", usagef("use RFC 3339, e.g. 2026-11-28T12:00:00Z", "--now %q is not a time", now)
		}
	}
	if keyStdin && responseFile == "-" {
		return in, "", "", "", usagef("put the response in a file and pass --response-file FILE", "--key-stdin and --response-file - both want standard input")
	}
	if from == "-" && (keyStdin || responseFile == "-") {
		return in, "", "", "", usagef("put the snippet in a file and pass --from FILE", "--from - and --key-stdin (or --response-file -) both want standard input")
	}
	if in.Key, err = readKey(keyStdin, e); err != nil {
		return in, "", "", "", err
	}
	if in.Response, err = readResponse(responseFile, e); err != nil {
		return in, "", "", "", err
	}
	if service != "" && from == "" {
		return in, "", "", "", usagef("give the paste with --from FILE", "--service needs --from")
	}
	return in, form, from, service, nil
}

// reportServices prints one report per service of a paste: text, one
// section each; JSON, the first service's report with "services" listing
// them all.
func reportServices(e env, ins []diagnosis.Input, form string) (int, error) {
	worst := exitOK
	reports := make([]diagnosis.Report, len(ins))
	for i, in := range ins {
		reports[i] = diagnosis.Diagnose(in)
		if reports[i].Worst() == diagnosis.Error {
			worst = exitError
		}
	}
	var err error
	if form == "json" {
		err = writeJSONServices(e.stdout, ins, reports)
	} else {
		for i := range ins {
			fmt.Fprintf(e.stdout, "== Service %d of %d: %s ==\n\n", i+1, len(ins), ins[i].Snippet.Service)
			if err = writeText(e.stdout, ins[i], reports[i], nil); err != nil {
				break
			}
			fmt.Fprintln(e.stdout)
		}
	}
	return worst, err
}

// report prints a report and returns the exit status for it.
func report(e env, in diagnosis.Input, r diagnosis.Report, form string, call *probeCall) (int, error) {
	var err error
	if form == "json" {
		err = writeJSON(e.stdout, in, r, call)
	} else {
		err = writeText(e.stdout, in, r, call)
	}
	if err != nil {
		return 0, err
	}
	if r.Worst() == diagnosis.Error {
		return exitError, nil
	}
	return exitOK, nil
}

// checkChoices validates the flags that take one of a list.
func checkChoices(kind, header, form string) error {
	if kind != "" && diagnosis.LookupKind(kind) == nil {
		ids := kindIDs()
		return usagef(suggestOr(kind, ids, "did you mean --kind %s?", "kinds are: "+strings.Join(ids, ", ")),
			"unknown --kind %q", kind)
	}
	if header != "" && !slices.Contains(diagnosis.Headers, strings.ToLower(header)) {
		return usagef(suggestOr(strings.ToLower(header), diagnosis.Headers, "did you mean --header %s?",
			"headers are: "+strings.Join(diagnosis.Headers, ", ")), "unknown --header %q", header)
	}
	if form != "text" && form != "json" {
		return usagef("use --format text or --format json", "unknown --format %q", form)
	}
	return nil
}

func suggestOr(w string, known []string, format, otherwise string) string {
	if s := suggest(w, known, format); s != "" {
		return s
	}
	return otherwise
}

func kindIDs() []string {
	var ids []string
	for _, k := range diagnosis.Kinds() {
		ids = append(ids, k.ID)
	}
	return ids
}

// readKey reads the key from standard input or $AZ401_KEY. A single
// trailing newline from stdin is dropped (echo adds it); everything else
// is kept so the checks can report it.
func readKey(fromStdin bool, e env) (string, error) {
	if !fromStdin {
		return e.getenv("AZ401_KEY"), nil
	}
	b, err := io.ReadAll(io.LimitReader(e.stdin, 1<<20))
	if err != nil {
		return "", fmt.Errorf("reading the key from standard input: %w", err)
	}
	s := strings.TrimSuffix(string(b), "\n")
	return strings.TrimSuffix(s, "\r"), nil
}

// readResponse reads the pasted response from a file or stdin.
func readResponse(name string, e env) (string, error) {
	if name == "" {
		return "", nil
	}
	return readFile(name, "--response-file", e)
}

// readFile reads a file or, for "-", standard input, capped a little
// above what the diagnosis reads so the cut is reported.
func readFile(name, flag string, e env) (string, error) {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", usagef("check the path given to "+flag, "cannot read %s: %v", name, err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(bufio.NewReader(r), diagnosis.MaxSnippetLen+1))
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", name, err)
	}
	return string(b), nil
}

// flagError turns the flag package's error into a usage error with a
// hint: for an unknown flag, the closest of the command's own.
func flagError(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		if name == "key" || strings.HasPrefix(name, "key=") || name == "api-key" {
			return usagef("pass the key on standard input with --key-stdin, or in $AZ401_KEY: arguments are visible to other users",
				"there is no --%s flag", name)
		}
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		return usagef(suggestOr(name, names, "did you mean --%s?", "run az401 help for the flags"), "unknown flag --%s", name)
	}
	return usagef("", "%s", msg)
}
