// Package diagnosis explains why a call to an Azure AI service (formerly
// Cognitive Services) is refused with 401, 403 or 404.
//
// It reads what a user has at hand (a key, an endpoint URL, an API kind, a
// region, and optionally the error received and when the key was made) and
// returns findings: each names a cause from the public catalogue
// (see [All] and spec/causes.md), with the evidence in the input and a fix.
//
// The package is pure: it does no I/O, reads no clock (the time comes in
// [Input.Now]) and never returns a key whole; [Mask] is the only form in
// which a key leaves it. The same code runs in the CLI and, compiled to
// WebAssembly, in the page.
//
// Facts behind the rules come from the project's fact sheet
// (shared/reference/azure-auth-facts.md); comments cite its sections as
// "facts §N" and its sources as [Sxx] and [Ixx].
package diagnosis
