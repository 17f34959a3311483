// Package diagnosis explains why a call to an Azure AI service (formerly
// Cognitive Services) is refused with 401, 403 or 404.
//
// It reads what a user has at hand (a key, an endpoint URL, an API kind, a
// region, and optionally the error received and when the key was made) and
// returns findings: each names a cause from the public catalogue
// (see [All] and docs/causes.md), with the evidence in the input and a fix.
//
// The package is pure: it does no I/O, reads no clock (the time comes in
// [Input.Now]) and never returns a key whole; [Mask] is the only form in
// which a key leaves it. The same code runs in the CLI and, compiled to
// WebAssembly, in the page.
//
// Facts behind the rules are listed in the repository's docs/sources.md:
// each check's Sources and the comments cite its topics as "§N" (comments
// as "sources §N") and its sources as [Sxx] (Microsoft documentation and
// code) and [Ixx] (public reports of the failure).
package diagnosis
