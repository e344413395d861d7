package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// handleAreas serves GET /api/areas[?detail=display|full].
func (s *Server) handleAreas(c echo.Context) error {
	q := c.QueryParams()
	if err := checkParams(q, paramDetail); err != nil {
		return err
	}
	detail, err := parseDetail(q)
	if err != nil {
		return err
	}
	return writeBytes(c, http.StatusOK, typeGeoJSON, s.areas[detail])
}

// handleHistory serves GET /api/history[?detail=display|full].
func (s *Server) handleHistory(c echo.Context) error {
	q := c.QueryParams()
	if err := checkParams(q, paramDetail); err != nil {
		return err
	}
	detail, err := parseDetail(q)
	if err != nil {
		return err
	}
	return writeBytes(c, http.StatusOK, typeGeoJSON, s.history[detail])
}
