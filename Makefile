# az401: `make run` builds and serves the page; `make test` runs every test.
GO       ?= go
WASM     := web/app.wasm
BIN      := bin/az401
ADDR     ?= 127.0.0.1:8000
FUZZTIME ?= 30s
# The page's build: no inlining in our own packages keeps app.wasm small
# (inlining grows wasm code; the diagnosis stays well under 1 ms a keystroke).
# The e2e tests build with the same flags (make print-wasmflags).
WASMFLAGS := -trimpath -gcflags='az401/...=-l' -ldflags='-s -w'
# Every package with files for the browser, for the wasm vet.
WASMPKGS  := ./app/... ./cmd/... ./diagnosis/... ./probe/...

# gocyclo skips tests only.
CYCLO_IGNORE := _test

# axe-core, pinned, for the accessibility checks of the browser tests.
AXE_VERSION := 4.14.1
AXE := .cache/axe/node_modules/axe-core/axe.min.js

.PHONY: build run test lint bench size fuzz docs screenshots static chromium axe clean print-wasmflags

# Build the page (WebAssembly) and the az401 binary.
build:
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $(WASM) ./cmd/az401
	$(GO) build -trimpath -o $(BIN) ./cmd/az401

# Build, then serve the page on http://$(ADDR)/.
run: build
	$(BIN) serve -addr $(ADDR)

# Run the style checks (lint) and every test, the real-browser ones
# included (installs Chromium and axe-core if missing).
test: chromium axe build lint
	AZ401_WASM="$(CURDIR)/$(WASM)" AZ401_BIN="$(CURDIR)/$(BIN)" $(GO) test -count=1 ./...

# Check style: gofmt, vet, cyclomatic complexity (gocyclo) and staticcheck;
# installs the two tools from the module proxy when they are missing.
lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet $(WASMPKGS)
	@command -v gocyclo >/dev/null || $(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0
	@command -v staticcheck >/dev/null || $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2
	PATH="$$PATH:$$($(GO) env GOPATH)/bin" gocyclo -over 15 -ignore '$(CYCLO_IGNORE)' .
	PATH="$$PATH:$$($(GO) env GOPATH)/bin" staticcheck -checks all ./...
	GOOS=js GOARCH=wasm PATH="$$PATH:$$($(GO) env GOPATH)/bin" staticcheck -checks all $(WASMPKGS)

# Report the speed and size budgets: diagnosis per call, wasm size, load
# times. A benchmark over its budget fails: make bench then exits non-zero
# (after running them all).
bench: chromium build
	@status=0; \
	$(GO) test -run '^$$' -bench . -benchmem ./diagnosis/ || status=1; \
	$(GO) test -run '^$$' -bench . -benchtime 10x -timeout 40m ./e2e/ || status=1; \
	exit $$status

# Fuzz each parser for $(FUZZTIME).
fuzz:
	for f in FuzzAnalyseKey FuzzAnalyseEndpoint FuzzAnalyseResponse FuzzDiagnose FuzzExtract; do \
		$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) ./diagnosis/ || exit 1; done
	$(GO) test -run '^$$' -fuzz '^FuzzFuncs$$' -fuzztime $(FUZZTIME) ./internal/wasmsize/

# Regenerate docs/causes.md from the registry.
docs:
	$(GO) run ./cmd/az401 causes --format markdown > docs/causes.md

# Take the README's pictures of the page (docs/img/*.png) in Chromium,
# with synthetic keys, at a desktop width and a phone's.
screenshots: chromium build
	AZ401_SCREENSHOTS=$(CURDIR)/docs/img $(GO) test -count=1 -run '^TestScreenshots$$' ./e2e/

# Write the static site to site/ (PREFIX=/repo for GitHub Pages; VERSION
# and DOMAIN optional, as CI sets them).
static: build
	$(BIN) static -out site -prefix "$(PREFIX)" $(if $(VERSION),-version "$(VERSION)") $(if $(DOMAIN),-domain "$(DOMAIN)")

# Install axe-core $(AXE_VERSION) from the npm registry into .cache/axe
# (git-ignored); the e2e tests inject it into the page.
axe: $(AXE)
$(AXE):
	npm install --no-audit --no-fund --prefix .cache/axe axe-core@$(AXE_VERSION)

# Install Debian's Chromium for the browser tests when it is missing.
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || \
		{ apt-get update && apt-get install -y chromium; }

# Remove built files.
clean:
	rm -rf $(WASM) bin site

# Show the code each Go package adds to app.wasm over the bare go-app page.
size:
	$(GO) test -run '^$$' -bench 'WasmSize|WasmPackages' -benchtime 1x -v ./e2e/ | grep -v '^=== RUN'

# Print the page's build flags, one a line (the e2e tests read them).
print-wasmflags:
	@printf '%s\n' $(WASMFLAGS)
