// Package app is the page: the go-app components that draw the form, the
// findings, the test call and the causes, and the handler and static site
// generator that serve them. docs/architecture.md says which of go-app
// nodes, written markup and direct DOM writes each part uses, and why.
package app
