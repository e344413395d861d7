package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Content types of the exports.
const (
	typeGPKG = "application/geopackage+sqlite3"
	typeKML  = "application/vnd.google-earth.kml+xml"
	typeCSV  = "text/csv; charset=utf-8"
	typeQLR  = "application/xml; charset=utf-8"
)

// exportReps are the bulk exports, made on first request and kept.
func (s *Server) exportReps() map[string]*rep {
	s.exportsOnce.Do(func() {
		s.exports = map[string]*rep{
			"history.gpkg": newLazyRep(typeGPKG, cacheRevalidate, func() ([]byte, error) { return HistoryGPKG(s.ds) }),
			"history.kml":  newLazyRep(typeKML, cacheRevalidate, func() ([]byte, error) { return HistoryKML(s.ds) }),
			"history.csv":  newLazyRep(typeCSV, cacheRevalidate, func() ([]byte, error) { return HistoryCSV(s.ds) }),
		}
	})
	return s.exports
}

// handleExport serves GET /api/export/{file}: history.gpkg, history.kml,
// history.csv, and controlmap.qlr (which names this server's URL).
func (s *Server) handleExport(c echo.Context) error {
	if _, err := params(c); err != nil {
		return err
	}
	name := c.Param("file")
	if name == "controlmap.qlr" {
		b, err := ControlQLR(baseURL(c))
		if err != nil {
			return err
		}
		c.Response().Header().Set("Content-Disposition", `attachment; filename="controlmap.qlr"`)
		return writeBytes(c, http.StatusOK, typeQLR, b)
	}
	r, ok := s.exportReps()[name]
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound, "the exports are history.gpkg, history.kml, history.csv and controlmap.qlr")
	}
	c.Response().Header().Set("Content-Disposition", `attachment; filename="controlmap-`+name+`"`)
	return r.serve(c)
}

// handleControlCSV serves GET /api/control.csv?date=D: every district on day
// D (today without a date) as CSV with WKT geometry.
func (s *Server) handleControlCSV(c echo.Context) error {
	q, err := params(c, paramDate)
	if err != nil {
		return err
	}
	day, err := parseDate(q, paramDate, s.today())
	if err != nil {
		return err
	}
	b, err := ControlCSV(s.ds, day)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Content-Disposition", `attachment; filename="controlmap-`+day.String()+`.csv"`)
	return writeBytes(c, http.StatusOK, typeCSV, b)
}
