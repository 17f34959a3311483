package diagnosis

// probeCheck builds a check that reports one way a test call failed;
// message says what happened, given the host.
func probeCheck(c *Check, failure string, message func(host string) string, evidenceLen int) *Check {
	c.Run = func(c *Check, f *Facts) []Finding {
		if pr := f.in.TestResult; pr != nil && pr.Failure == failure {
			return one(c.finding(message(pr.Host), Truncate(pr.Detail, evidenceLen)))
		}
		return nil
	}
	return c
}

var probeCORSBlocked = probeCheck(&Check{
	ID: "probe-cors-blocked", Area: AreaProbe, Severity: Warning, Title: "The browser hid the answer (CORS): the key is not judged",
	Doc: "The test call reached the host, but the answer carried no CORS headers for this page, so the " +
		"browser would not let the page read it (\"TypeError: Failed to fetch\"). A second request, without " +
		"the key, showed the host is reachable. This says nothing about the key: a wrong key's 401 often " +
		"comes back without CORS headers too.",
	Fix: "Run the request as a curl or PowerShell command (Copy as curl) and read the status\n" +
		"Or run the page with make run (az401 serve), which sends the test call through the local binary, where CORS does not apply",
	Sources: "§6 [I8]",
}, ProbeCORSBlocked, func(host string) string {
	return "The browser would not let the page read the answer from " + host + ": CORS. The host is reachable; the key is not judged."
}, 120)

var probeHostUnreachable = probeCheck(&Check{
	ID: "probe-host-unreachable", Area: AreaProbe, Severity: Error, Title: "The host cannot be reached",
	Doc: "The test call could not connect: the name does not resolve (a wrong resource name, a deleted " +
		"resource, a typo in the domain) or the connection failed (a firewall, a proxy, no network, a " +
		"private endpoint reachable only from its virtual network).",
	Fix: "Check the resource name in the endpoint against Keys and Endpoint\n" +
		"Check the network: a private endpoint answers only inside its virtual network",
	Sources: "§2.1, §6 [S13]",
}, ProbeUnreachable, func(host string) string {
	return "The test call could not reach " + host + ": the name does not resolve or the connection failed."
}, 160)

var probeTimeout = probeCheck(&Check{
	ID: "probe-timeout", Area: AreaProbe, Severity: Warning, Title: "No answer in time",
	Doc: "The test call got no answer within its time limit (15 s): a slow network, a proxy holding the " +
		"connection, or a firewall dropping packets instead of refusing them.",
	Fix:     "Retry; if it times out again, check proxies and firewalls between you and the host",
	Sources: "az401's own limit",
}, ProbeTimeout, func(host string) string { return "The test call to " + host + " got no answer in time." }, 120)
