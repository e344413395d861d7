package server

import (
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// handleStatic serves the page's files from the embedded web folder. Only
// the files found at start-up are served; anything else, including traversal
// attempts, is a 404.
func (s *Server) handleStatic(c echo.Context, _ *request) error {
	p := c.Request().URL.Path
	if p == "/" || p == "/index.html" {
		return s.handlePage(c)
	}
	f, ok := s.docs.static[strings.TrimPrefix(p, "/")]
	if !ok || path.Clean(p) != p {
		return echo.ErrNotFound
	}
	if ext := path.Ext(p); ext == ".html" || ext == ".svg" {
		setDocumentHeaders(c.Response().Header())
	}
	return f.Serve(c.Response(), c.Request())
}
