package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Content types served.
const (
	typeGeoJSON = "application/geo+json"
	typeJSON    = "application/json"
	typeText    = "text/plain; charset=utf-8"
)

// routes is the one route table.
func (s *Server) routes() {
	e := s.echo
	e.Pre(s.methods)
	for _, r := range []struct {
		path string
		h    echo.HandlerFunc
	}{
		{"/api/areas", s.handleAreas},
		{"/api/control", s.handleControl},
		{"/api/history", s.handleHistory},
		{"/api/events", s.handleEvents},
		{"/api/timeline", s.handleTimeline},
		{"/api/sources", s.handleSources},
		{"/api/context", s.handleContext},
		{"/healthz", s.handleHealth},
		{"/*", s.handleStatic},
	} {
		e.Match([]string{http.MethodGet, http.MethodHead}, r.path, r.h)
	}
}

// methods answers 405 to anything but GET and HEAD, before routing: the
// whole service is read-only.
func (s *Server) methods(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		switch c.Request().Method {
		case http.MethodGet, http.MethodHead:
			return next(c)
		}
		c.Response().Header().Set(echo.HeaderAllow, "GET, HEAD")
		return echo.NewHTTPError(http.StatusMethodNotAllowed, "this service is read-only: use GET")
	}
}
