//go:build !(js && wasm)

package main

import (
	"strings"

	"az401/diagnosis"
	"az401/probe"
)

// probeCall is a test call and, once sent, its answer.
type probeCall struct {
	request diagnosis.TestCall
	facts   *diagnosis.Facts // what request was built from; Display masks its key
	result  *diagnosis.TestResult
}

// runProbe builds the test call for the input, sends it (unless
// --dry-run) and diagnoses the answer.
func runProbe(args []string, e env) (int, error) {
	fs := newFlagSet("probe")
	dryRun := fs.Bool("dry-run", false, "")
	allowHost := fs.String("allow-host", "", "")
	parsed, format, err := parseInput(fs, args, e)
	if err != nil {
		return 0, err
	}
	in := parsed.Input // the first service of a paste (or the one --service names)
	// Analysed once for the call and, unless an answer changes the input, the report.
	f := diagnosis.Analyse(in)
	p, err := f.TestCall()
	if err != nil {
		return 0, usagef("az401 probe needs --endpoint and --kind (or an endpoint that names its API)", "%v", err)
	}
	switch guard, why := diagnosis.CheckHost(p.URL); {
	case guard == diagnosis.GuardRefuse:
		return 0, usagef("use the https endpoint from Keys and Endpoint", "refusing to send the key: %s", why)
	case guard == diagnosis.GuardConfirm && !*dryRun && !p.Allows(*allowHost):
		return 0, usagef("if you trust "+p.Host+", pass --allow-host "+p.Host, "the key goes to %s only with --allow-host: %s", p.Host, why)
	}
	call := &probeCall{request: p, facts: f}
	if *dryRun {
		return report(e, diagnosed{in, f, f.Report()}, format, call)
	}
	if strings.TrimSpace(in.Key) == "" {
		return 0, usagef("pipe the key with --key-stdin or set $AZ401_KEY; --dry-run shows the request without one", "no key to test")
	}
	res := probe.Send(nil, p, in.Key, "from the command line")
	call.result, in.TestResult = &res, &res
	return report(e, diagnose(in), format, call) // the answer is new input: it is diagnosed too
}
