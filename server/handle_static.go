package server

import (
	"io/fs"
	"mime"
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// handleStatic serves the page's files from the embedded web folder. Only
// the files found at start-up are served; anything else, including traversal
// attempts, is a 404.
func (s *Server) handleStatic(c echo.Context) error {
	p := c.Request().URL.Path
	if p == "/" {
		p = "/index.html"
	}
	r, ok := s.static[strings.TrimPrefix(p, "/")]
	if !ok || path.Clean(p) != p {
		return echo.ErrNotFound
	}
	return r.serve(c)
}

// staticReps reads every regular file of the page once.
func staticReps(web fs.FS) (map[string]*rep, error) {
	out := map[string]*rep{}
	err := fs.WalkDir(web, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := fs.ReadFile(web, name)
		if err != nil {
			return err
		}
		ct := mime.TypeByExtension(path.Ext(name))
		if ct == "" {
			ct = "application/octet-stream"
		}
		cache := cacheAsset
		if path.Ext(name) == ".html" {
			cache = cacheRevalidate
		}
		out[name] = newRep(ct, cache, b)
		return nil
	})
	return out, err
}
