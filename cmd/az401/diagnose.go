//go:build !(js && wasm)

package main

import (
	"bufio"
	"errors"
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
	in, format, err := parseInput(fs, args, e)
	if err != nil {
		return 0, err
	}
	if len(in.services) > 1 {
		return reportServices(e, in.services, format)
	}
	return report(e, diagnose(in.Input), format, nil)
}

// diagnosed is an input, its facts (analysed once: the report, the
// token's claims and the test call's display all read them) and their
// report.
type diagnosed struct {
	in     diagnosis.Input
	facts  *diagnosis.Facts
	report diagnosis.Report
}

// diagnose analyses an input and runs the checks on it.
func diagnose(in diagnosis.Input) diagnosed {
	f := diagnosis.Analyse(in)
	return diagnosed{in, f, f.Report()}
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

// inputFlags are the flags of diagnose and probe, as given.
type inputFlags struct {
	in                                       diagnosis.Input
	keyStdin, regenerated                    bool
	responseFile, keyAge, trial, now, format string
	from, service                            string
	status                                   int
}

// define defines the flags on fs.
func (v *inputFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&v.in.Kind, "kind", "", "")
	fs.StringVar(&v.in.Endpoint, "endpoint", "", "")
	fs.StringVar(&v.in.Region, "region", "", "")
	fs.BoolVar(&v.keyStdin, "key-stdin", false, "")
	fs.StringVar(&v.in.Header, "header", "", "")
	fs.StringVar(&v.in.RegionHeader, "region-header", "", "")
	fs.IntVar(&v.status, "status", 0, "")
	fs.StringVar(&v.responseFile, "response-file", "", "")
	fs.StringVar(&v.keyAge, "key-age", "", "")
	fs.BoolVar(&v.regenerated, "regenerated", false, "")
	fs.StringVar(&v.trial, "trial-started", "", "")
	fs.StringVar(&v.now, "now", "", "")
	fs.StringVar(&v.format, "format", "text", "")
	fs.StringVar(&v.from, "from", "", "")
	fs.StringVar(&v.service, "service", "", "")
}

// parseInput parses the flags of diagnose and probe (fs may hold more)
// and reads the key, the response and the --from paste. It returns the
// input, one per service of the paste, and the --format.
func parseInput(fs *flag.FlagSet, args []string, e env) (parsed, string, error) {
	var v inputFlags
	v.define(fs)
	if err := fs.Parse(args); err != nil {
		return parsed{Input: v.in}, "", flagError(fs, err)
	}
	if err := secretInFlags(fs); err != nil {
		return parsed{Input: v.in}, "", err
	}
	if fs.NArg() > 0 {
		return parsed{Input: v.in}, "", usagef("the key is read from standard input (--key-stdin) or $AZ401_KEY, never from arguments",
			"unexpected argument %s", quoteArg(fs.Arg(0)))
	}
	if err := checkChoices(v.in.Kind, v.in.Header, v.format); err != nil {
		return parsed{Input: v.in}, "", err
	}
	if err := v.check(); err != nil {
		return parsed{Input: v.in}, "", err
	}
	if err := v.times(); err != nil {
		return parsed{Input: v.in}, "", err
	}
	p, err := v.read(e)
	return p, v.format, err
}

// check validates the status and who reads standard input.
func (v *inputFlags) check() error {
	if v.status != 0 && (v.status < 100 || v.status > 599) {
		return usagef("give the HTTP status as a number such as 401", "--status %d is not an HTTP status", v.status)
	}
	v.in.Status, v.in.Regenerated = v.status, v.regenerated
	if v.keyStdin && v.responseFile == "-" {
		return usagef("put the response in a file and pass --response-file FILE", "--key-stdin and --response-file - both want standard input")
	}
	if v.from == "-" && (v.keyStdin || v.responseFile == "-") {
		return usagef("put the snippet in a file and pass --from FILE", "--from - and --key-stdin (or --response-file -) both want standard input")
	}
	if v.service != "" && v.from == "" {
		return usagef("give the paste with --from FILE", "--service needs --from")
	}
	return nil
}

// times parses the key's age, the trial's start and the clock.
func (v *inputFlags) times() error {
	var err error
	if v.keyAge != "" {
		if v.in.KeyAge, err = diagnosis.ParseKeyAge(v.keyAge); err != nil {
			return usagef("", "--key-age: %v", err)
		}
	}
	if v.trial != "" {
		if v.in.TrialStarted, err = diagnosis.ParseDay(v.trial); err != nil {
			return usagef("", "--trial-started: %v", err)
		}
	}
	v.in.Now = time.Now()
	if v.now != "" {
		if v.in.Now, err = time.Parse(time.RFC3339, v.now); err != nil {
			return usagef("use RFC 3339, e.g. 2026-11-28T12:00:00Z", "--now %s is not a time", quoteArg(v.now))
		}
	}
	return nil
}

// read reads the key, the response and the --from paste, one input per
// service the paste holds (what the flags say wins).
func (v *inputFlags) read(e env) (parsed, error) {
	var err error
	in := v.in
	if in.Key, err = readKey(v.keyStdin, e); err != nil {
		return parsed{Input: in}, err
	}
	e.secrets.add(in.Key)
	if in.Response, err = readResponse(v.responseFile, e); err != nil {
		return parsed{Input: in}, err
	}
	if v.from == "" {
		return parsed{Input: in}, nil
	}
	text, err := readFile(v.from, "--from", e)
	if err != nil {
		return parsed{Input: in}, err
	}
	all := diagnosis.ExtractServices(text)
	if v.service != "" {
		s, err := pickService(all, v.service)
		if err != nil {
			return parsed{Input: in}, err
		}
		all = []diagnosis.Snippet{s}
	}
	var p parsed
	for i := range all {
		p.services = append(p.services, all[i].Input(in))
		e.secrets.add(p.services[i].Key)
	}
	p.Input = p.services[0]
	return p, nil
}

// pickService selects one service of a paste by number (from 1) or kind.
func pickService(all []diagnosis.Snippet, sel string) (diagnosis.Snippet, error) {
	var kinds []string
	for i, s := range all {
		if fmt.Sprint(i+1) == sel || strings.EqualFold(s.Kind.Value, sel) {
			return s, nil
		}
		kind := s.Kind.Value
		if kind == "" {
			kind = "kind unknown"
		}
		kinds = append(kinds, fmt.Sprintf("%d (%s)", i+1, kind))
	}
	return diagnosis.Snippet{}, usagef("the paste holds: "+strings.Join(kinds, ", "), "--service %s matches no service of the paste", quoteArg(sel))
}

// reportServices prints one report per service of a paste: text, one
// section each; JSON, the first service's report with "services" listing
// them all.
func reportServices(e env, ins []diagnosis.Input, format string) (int, error) {
	worst := exitOK
	ds := make([]diagnosed, len(ins))
	for i, in := range ins {
		ds[i] = diagnose(in)
		if ds[i].report.Worst() == diagnosis.Error {
			worst = exitError
		}
	}
	var err error
	if format == "json" {
		err = writeJSONServices(e.stdout, ds)
	} else {
		for i := range ds {
			fmt.Fprintf(e.stdout, "== Service %d of %d: %s ==\n\n", i+1, len(ds), ins[i].Snippet.Service)
			if err = writeText(e.stdout, ds[i], nil); err != nil {
				break
			}
			fmt.Fprintln(e.stdout)
		}
	}
	return worst, err
}

// report prints a report and returns the exit status for it.
func report(e env, d diagnosed, format string, call *probeCall) (int, error) {
	var err error
	if format == "json" {
		err = writeJSON(e.stdout, d, call)
	} else {
		err = writeText(e.stdout, d, call)
	}
	if err != nil {
		return 0, err
	}
	if d.report.Worst() == diagnosis.Error {
		return exitError, nil
	}
	return exitOK, nil
}

// checkChoices validates the flags that take one of a list.
func checkChoices(kind, header, format string) error {
	if kind != "" && diagnosis.LookupKind(kind) == nil {
		ids := kindIDs()
		return usagef(suggestOr(kind, ids, "did you mean --kind %s?", "kinds are: "+strings.Join(ids, ", ")),
			"unknown --kind %s", quoteArg(kind))
	}
	if ways := keyWayIDs(); header != "" && !slices.Contains(ways, strings.ToLower(header)) {
		return usagef(suggestOr(strings.ToLower(header), ways, "did you mean --header %s?",
			"headers are: "+strings.Join(ways, ", ")), "unknown --header %s", quoteArg(header))
	}
	if format != "text" && format != "json" {
		return usagef("use --format text or --format json", "unknown --format %s", quoteArg(format))
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
	s = strings.TrimSuffix(s, "\r")
	if s == "" {
		return "", usagef("check the variable you echo is set, e.g. echo \"$KEY\" | az401 diagnose --key-stdin …", "--key-stdin read no key: standard input was empty")
	}
	return s, nil
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
	r := e.stdin
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
	if errors.Is(err, flag.ErrHelp) {
		h := &helpAsked{cmd: fs.Name()}
		fs.VisitAll(func(f *flag.Flag) { h.flags = append(h.flags, "--"+f.Name) })
		return h
	}
	// "invalid value "abc" for flag -status: parse error"
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		value, rest, _ := strings.Cut(strings.TrimPrefix(rest, `"`), `" for flag -`)
		name, _, _ := strings.Cut(rest, ":")
		return usagef("run az401 help for what --"+name+" takes", "--%s %s is not a valid value", name, quoteArg(value))
	}
	return usagef("", "%s", msg)
}

// endpointSecret reports a URL carrying a secret anywhere (user info,
// path, query, fragment): what every output would mask is refused.
func endpointSecret(v string) bool { return diagnosis.RedactEndpoint(v) != v }

// helpAsked is a command's -h: run prints the help and the command's
// flags, and exits 0.
type helpAsked struct {
	cmd   string
	flags []string
}

func (h *helpAsked) Error() string {
	if len(h.flags) == 0 {
		return "az401 " + h.cmd + " takes no flags"
	}
	return "The flags of az401 " + h.cmd + " are " + strings.Join(h.flags, " ")
}

// secretInFlags refuses a command line that carries something shaped
// like a key or token in a flag's value (a key left in --endpoint's
// query, a token pasted as --region): the command line is visible to
// every user of the machine and stays in the shell's history, and
// probe would send it.
func secretInFlags(fs *flag.FlagSet) error {
	var bad string
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "from" || f.Name == "response-file" {
			return // file names: what the files hold is read, not argv
		}
		v := f.Value.String()
		secret := diagnosis.ContainsSecret(v)
		if f.Name == "endpoint" {
			secret = endpointSecret(v) // a host may look like a key (sk-test.openai…)
		}
		if bad == "" && secret {
			bad = f.Name
		}
	})
	if bad == "" {
		return nil
	}
	return usagef("remove it from the command line; give the key with --key-stdin or $AZ401_KEY (Translator's region with --region-header)"+
		", and regenerate the key if other users or your shell history can read it",
		"--%s holds a key, token or other secret", bad)
}

// keyWayIDs lists the --header values.
func keyWayIDs() []string {
	ids := make([]string, len(diagnosis.KeyWays))
	for i, w := range diagnosis.KeyWays {
		ids[i] = w.ID
	}
	return ids
}
