// Package web holds the map page: its HTML, CSS and JavaScript modules, and
// the copy of Leaflet that 'make build' takes from npm into static/vendor.
// Everything is embedded, so the page works with no internet at all.
package web

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

//go:embed static
var static embed.FS

// FS returns the page's files, rooted at static/. When dir is not empty the
// files are read from that folder on disk instead (for editing the page
// without rebuilding).
func FS(dir string) (fs.FS, error) {
	if dir != "" {
		return os.DirFS(dir), nil
	}
	return fs.Sub(static, "static")
}

// bundleMeta is esbuild's metafile of the page's bundle ('make build'
// writes it with the bundle): each output file and what it imports.
const bundleMeta = "bundle/meta.json"

// bundleEntries are the page's two scripts of the bundle, as index.html
// names them.
var bundleEntries = []string{"bundle/boot.js", "bundle/main.js"}

// Preloads returns the chunks that the page's bundled scripts import
// statically, directly or through other chunks, as paths under static/, in
// order. The page names each in a modulepreload, so that the browser asks
// for them all with the scripts instead of finding them one level of
// imports at a time (the chunks the panels load later, by import(), are left
// out). It returns nil when fsys holds no bundle: a page folder of tests.
func Preloads(fsys fs.FS) ([]string, error) {
	b, err := fs.ReadFile(fsys, bundleMeta)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var meta struct {
		Outputs map[string]struct {
			Imports []struct{ Path, Kind string }
		}
	}
	if err := json.Unmarshal(b, &meta); err != nil {
		return nil, fmt.Errorf("web: %s: %w", bundleMeta, err)
	}
	// esbuild names the outputs from where it ran: static/bundle/...
	rel := func(p string) string { return strings.TrimPrefix(p, "static/") }
	imports := map[string][]string{}
	for out, o := range meta.Outputs {
		for _, im := range o.Imports {
			if im.Kind == "import-statement" {
				imports[rel(out)] = append(imports[rel(out)], rel(im.Path))
			}
		}
	}
	for _, e := range bundleEntries {
		if _, ok := meta.Outputs["static/"+e]; !ok {
			return nil, fmt.Errorf("web: %s names no %s: rebuild the bundle ('make build')", bundleMeta, e)
		}
	}
	seen := map[string]bool{}
	var out []string
	var walk func(string)
	walk = func(p string) {
		for _, im := range imports[p] {
			if !seen[im] {
				seen[im] = true
				out = append(out, im)
				walk(im)
			}
		}
	}
	for _, e := range bundleEntries {
		seen[e] = true
	}
	for _, e := range bundleEntries {
		walk(e)
	}
	return out, nil
}
