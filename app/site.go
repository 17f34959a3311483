//go:build !(js && wasm)

package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"az401/web"
)

// Generate writes the complete static site into dir: pre-rendered
// index.html and causes.html, go-app's scripts and worker, the web
// assets and app.wasm (read from wasmPath). The routes must be
// registered (Register).
func Generate(dir string, s Site, wasmPath string) error {
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return fmt.Errorf("reading app.wasm: %w (build it first: make build)", err)
	}
	s.WasmSize = int64(len(wasm))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(dir, s.Handler()); err != nil {
		return fmt.Errorf("generating the site: %w", err)
	}
	for _, page := range []string{"index.html", "causes.html"} {
		if fi, err := os.Stat(filepath.Join(dir, page)); err != nil || fi.Size() < 1024 {
			return errors.New("generating the site: " + page + " is missing or empty")
		}
	}
	webDir := filepath.Join(dir, "web")
	if err := os.MkdirAll(webDir, 0o755); err != nil {
		return err
	}
	err = fs.WalkDir(web.Assets, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := web.Assets.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(webDir, path), b, 0o644)
	})
	if err != nil {
		return fmt.Errorf("copying web assets: %w", err)
	}
	if err := os.WriteFile(filepath.Join(webDir, "app.wasm"), wasm, 0o644); err != nil {
		return err
	}
	// GitHub Pages would otherwise run Jekyll, which skips some files.
	return os.WriteFile(filepath.Join(dir, ".nojekyll"), nil, 0o644)
}
