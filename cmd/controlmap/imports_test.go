package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestImportsRunOneWay holds the layout of docs/architecture.md: each
// package imports only the project packages below it, and only server
// imports echo.
func TestImportsRunOneWay(t *testing.T) {
	t.Parallel()
	const mod = "github.com/controlmap/controlmap/"
	allowed := map[string][]string{
		"geo":                 {},
		"data":                {"geo"},
		"wire":                {"data", "geo"},
		"tempdir":             {},
		"export":              {"wire", "data", "geo", "tempdir"},
		"ogc":                 {"wire", "data", "geo"},
		"server/internal/rep": {},
		"server":              {"server/internal/rep", "ogc", "export", "wire", "data", "geo", "docs", "tempdir"},
		"web":                 {},
		"docs":                {},
	}
	for pkg, ok := range allowed {
		files, err := filepath.Glob(filepath.Join("../..", pkg, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", pkg, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			parsed, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range parsed.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if strings.HasPrefix(path, "github.com/labstack/echo") && pkg != "server" {
					t.Errorf("%s imports echo: only server may", f)
				}
				if dep, ours := strings.CutPrefix(path, mod); ours && !slices.Contains(ok, dep) {
					t.Errorf("%s imports %s: %s may import only %v", f, dep, pkg, ok)
				}
			}
		}
	}
}
