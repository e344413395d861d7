package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// handleEvents serves GET /api/events[?from=&to=]: point events dated within
// [from, to], both inclusive; either end may be left out.
func (s *Server) handleEvents(c echo.Context) error {
	q, err := params(c, paramFrom, paramTo)
	if err != nil {
		return err
	}
	from, to, err := parseRange(q, 0, 0)
	if err != nil {
		return err
	}
	b, err := s.enc.events(from, to)
	if err != nil {
		return err
	}
	return writeBytes(c, http.StatusOK, typeGeoJSON, b)
}
