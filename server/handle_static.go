package server

import (
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// handleStatic serves the page's files from the embedded web folder. Only
// clean paths of existing regular files are served; anything else, including
// traversal attempts, is a 404.
func (s *Server) handleStatic(c echo.Context) error {
	p := c.Request().URL.Path
	if p == "/" {
		p = "/index.html"
	}
	name := strings.TrimPrefix(p, "/")
	if !fs.ValidPath(name) || path.Clean(p) != p || strings.ContainsAny(name, "\\\x00") {
		return echo.ErrNotFound
	}
	if st, err := fs.Stat(s.web, name); err != nil || !st.Mode().IsRegular() {
		return echo.ErrNotFound
	}
	b, err := fs.ReadFile(s.web, name)
	if err != nil {
		return err
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	return writeBytes(c, http.StatusOK, ct, b)
}
