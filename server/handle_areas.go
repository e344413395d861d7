package server

import (
	"github.com/labstack/echo/v4"
)

// handleAreas serves GET /api/areas[?detail=display|full].
func (s *Server) handleAreas(c echo.Context) error {
	q, err := params(c, paramDetail)
	if err != nil {
		return err
	}
	detail, err := parseDetail(q)
	if err != nil {
		return err
	}
	return s.areas[detail].serve(c)
}

// handleHistory serves GET /api/history[?detail=display|full].
func (s *Server) handleHistory(c echo.Context) error {
	q, err := params(c, paramDetail)
	if err != nil {
		return err
	}
	detail, err := parseDetail(q)
	if err != nil {
		return err
	}
	return s.history[detail].serve(c)
}
