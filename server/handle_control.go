package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// handleControl serves GET /api/control[?date=YYYY-MM-DD][&detail=...]: every
// area's state on that day (today in Afghanistan without a date).
func (s *Server) handleControl(c echo.Context) error {
	q := c.QueryParams()
	if err := checkParams(q, paramDate, paramDetail); err != nil {
		return err
	}
	day, err := parseDate(q, paramDate, s.today())
	if err != nil {
		return err
	}
	detail, err := parseDetail(q)
	if err != nil {
		return err
	}
	b, err := s.enc.control(day, detail)
	if err != nil {
		return err
	}
	return writeBytes(c, http.StatusOK, typeGeoJSON, b)
}
