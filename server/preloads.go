package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"slices"
	"strings"

	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// preloadChunks names, in the page's head, each chunk of the bundle that
// its scripts import (bundlePreloads). The page's modules reach the browser
// bundled by esbuild ('make build': web/static/bundle/), two scripts that
// import chunks that import chunks; named as modulepreloads, they all come
// in the first round trip with the data, not one level of imports at a time.
func preloadChunks(static map[string]*rep.Rep, fsys fs.FS) error {
	chunks, err := bundlePreloads(fsys)
	if err != nil || len(chunks) == 0 || static["index.html"] == nil {
		return err
	}
	b, err := fs.ReadFile(fsys, "index.html")
	if err != nil {
		return err
	}
	if !bytes.Contains(b, []byte("</head>")) {
		return fmt.Errorf("index.html has no </head> for the preloads")
	}
	var tags bytes.Buffer
	for _, c := range chunks {
		fmt.Fprintf(&tags, "<link rel=\"modulepreload\" href=\"%s\">\n", html.EscapeString(c))
	}
	static["index.html"] = rep.New(wire.TypeHTML, rep.CacheRevalidate, beforeHead(b, tags.Bytes()))
	return nil
}

// beforeHead returns page with tags inserted before its </head>, or at its
// start when it has none (the tests' pages).
func beforeHead(page, tags []byte) []byte {
	i := max(bytes.Index(page, []byte("</head>")), 0)
	return slices.Concat(page[:i], tags, page[i:])
}

// bundleMeta is esbuild's metafile of the page's bundle ('make build'
// writes it with the bundle): each output file and what it imports.
const bundleMeta = "bundle/meta.json"

// bundleEntries are the page's two scripts of the bundle, as index.html
// names them.
var bundleEntries = []string{"bundle/boot.js", "bundle/main.js"}

// bundlePreloads returns the chunks that the page's bundled scripts import
// statically, directly or through other chunks, as paths under static/, in
// order. The page names each in a modulepreload, so that the browser asks
// for them all with the scripts instead of finding them one level of
// imports at a time (the chunks the panels load later, by import(), are left
// out). It returns nil when fsys holds no bundle: a page folder of tests.
func bundlePreloads(fsys fs.FS) ([]string, error) {
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
		return nil, fmt.Errorf("server: %s: %w", bundleMeta, err)
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
			return nil, fmt.Errorf("server: %s names no %s: rebuild the bundle ('make build')", bundleMeta, e)
		}
	}
	return reachable(imports, bundleEntries), nil
}

// reachable returns, in the order first met, every file that the entries
// import directly or through other files, leaving out the entries.
func reachable(imports map[string][]string, entries []string) []string {
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e] = true
	}
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
	for _, e := range entries {
		walk(e)
	}
	return out
}
