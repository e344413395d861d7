// Package web holds the map page: its HTML, CSS and JavaScript modules, and
// the copy of Leaflet that 'make build' takes from npm into static/vendor.
// Everything is embedded, so the page works with no internet at all.
package web

import (
	"embed"
	"io/fs"
	"os"
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
