//go:build !(js && wasm)

package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"

	"az401/diagnosis"
)

const usage = `az401 explains why a call to an Azure AI service answers 401, 403 or 404.

Usage:
    az401 diagnose [flags]     diagnose offline and print the findings
    az401 probe [flags]        send the test call (the page's) and diagnose the answer
    az401 kinds [--format text|json]
                               list the API kinds: id, name, key header, example endpoint
    az401 causes [--format text|json|markdown]
                               list every cause: id, severity, title
    az401 explain ID           one cause in full: what it is, the fix, the sources
    az401 serve [-addr ADDR] [-wasm FILE]
                               serve the page locally (default 127.0.0.1:8000)
    az401 static [-out DIR] [-prefix /REPO] [-version SHA] [-wasm FILE] [-domain HOST]
                               write the static site (for GitHub Pages)

The key is read from standard input with --key-stdin, or from $AZ401_KEY.
There is no flag for it: a command line is visible to every user of the
machine. The key is never printed whole: at most its first and last four
characters and its length.

Flags of diagnose:
    --kind KIND            API kind (see az401 kinds), e.g. openai, translator, speech
    --endpoint URL         the endpoint or full request URL used
    --region REGION        the resource's location (westeurope, global, …)
    --key-stdin            read the key from standard input (one trailing newline is dropped)
    --header NAME          how the key was sent: ocp-apim-subscription-key, api-key,
                           authorization, training-key, prediction-key, query, body
    --region-header VALUE  the Ocp-Apim-Subscription-Region value sent ("-" for none)
    --status CODE          the HTTP status received
    --response-file FILE   the response body or error message received ("-": stdin)
    --key-age DURATION     time since the key was created or regenerated (5m, 2h, 40d)
    --regenerated          the key was regenerated, not newly created
    --trial-started DATE   YYYY-MM-DD, for free trial keys
    --now RFC3339          the clock the checks use (default: now)
    --format text|json     text for people (default), JSON for programs
    --from FILE            read what it can from a pasted curl command, PowerShell call,
                           .env or settings file, SDK snippet, HTTP exchange or az JSON
                           ("-": stdin); the flags given win over what it finds; a paste
                           with several services gives one report per service
    --service N|KIND       with --from: only the Nth service found, or the one of KIND

Flags of probe: those of diagnose, and
    --dry-run              print the request (key masked) and a curl command; send nothing
    --allow-host HOST      allow sending the key to HOST although it is not an Azure AI host
The test call is the cheapest request that needs a valid key and changes nothing
(Translator detect, the Speech voices list, the Azure OpenAI models list…). It goes
only to https Azure AI hosts, or to a host named with --allow-host.

Exit status: 0 when no finding is an error, 1 when one is, 2 for a usage error.
az401 CMD -h lists a command's flags; az401 --version names the build.

Examples:
    echo "$KEY" | az401 diagnose --key-stdin --kind translator \
        --endpoint https://api.cognitive.microsofttranslator.com/translate?api-version=3.0 \
        --region westeurope --status 401
    AZ401_KEY=… az401 diagnose --kind openai --endpoint https://NAME.openai.azure.com/ --format json
`

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// env gives the command what it reads from outside its arguments.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// secrets are scrubbed from stdout and stderr (set by run).
	secrets *secrets
}

// usageError is a mistake in the command line, with hints for the user.
type usageError struct {
	msg   string
	hints []string
}

func (e *usageError) Error() string { return e.msg }

func usagef(hint string, format string, args ...any) error {
	e := &usageError{msg: fmt.Sprintf(format, args...)}
	if hint != "" {
		e.hints = []string{hint}
	}
	return e
}

// run runs the command line and returns the exit status.
func run(args []string, e env) int {
	e.secrets = &secrets{}
	e.stdout, e.stderr = scrubWriter{e.stdout, e.secrets}, scrubWriter{e.stderr, e.secrets}
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return exitUsage
	}
	var (
		code int
		err  error
	)
	switch args[0] {
	case "diagnose":
		code, err = runDiagnose(args[1:], e)
	case "probe":
		code, err = runProbe(args[1:], e)
	case "kinds":
		err = runKinds(args[1:], e)
	case "causes":
		err = runCauses(args[1:], e)
	case "explain":
		err = runExplain(args[1:], e)
	case "serve":
		err = runServe(args[1:], e)
	case "static":
		err = runStatic(args[1:], e)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(e.stdout, usage)
		return exitOK
	case "--version", "-version":
		fmt.Fprintln(e.stdout, "az401", buildVersion())
		return exitOK
	default:
		err = usagef(suggest(args[0], commands, "did you mean az401 %s?"), "unknown command %s", quoteArg(args[0]))
	}
	return exitFor(err, code, e)
}

// exitFor prints what err says and returns the exit status: 0 after a
// command's -h, 2 for a usage error (with its hints), 1 for any other
// error, else code.
func exitFor(err error, code int, e env) int {
	var ue *usageError
	switch {
	case errors.As(err, new(*helpAsked)):
		fmt.Fprintf(e.stdout, "%s\n%s.\n", usage, err)
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "az401: error: %s\n", ue.msg)
		for _, h := range ue.hints {
			fmt.Fprintf(e.stderr, "az401: hint: %s\n", h)
		}
		if len(ue.hints) == 0 {
			fmt.Fprintln(e.stderr, "az401: hint: run az401 help for the commands and flags")
		}
		return exitUsage
	case err != nil:
		fmt.Fprintf(e.stderr, "az401: error: %s\n", err)
		return exitError
	}
	return code
}

// buildVersion names the commit the binary was built from, as Go
// records it ("devel" outside a git checkout).
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	switch {
	case rev == "":
		return "devel"
	case dirty:
		return rev[:min(12, len(rev))] + " (modified)"
	}
	return rev[:min(12, len(rev))]
}

var commands = []string{"diagnose", "probe", "kinds", "causes", "explain", "serve", "static", "help"}

// suggest formats the hint with the known word closest to w, or "".
func suggest(w string, known []string, format string) string {
	best := diagnosis.Closest(strings.ToLower(w), known)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(format, best)
}

// quoteArg quotes a command-line value for a message: anything shaped
// like a key masked (a key passed where it does not belong), long values
// cut.
func quoteArg(s string) string {
	return strconv.Quote(diagnosis.Truncate(s, 60)) // Truncate masks secrets before it cuts
}
