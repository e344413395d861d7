package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/export"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// handleExport serves GET /api/export/{file}: history.gpkg, history.kml,
// history.csv, events.csv, provinces.csv, and controlmap.qlr (which names this
// server's URL).
func (s *Server) handleExport(c echo.Context, _ *request) error {
	name := c.Param("file")
	if name == "controlmap.qlr" {
		base, err := s.baseURL(c)
		if err != nil {
			return err
		}
		b, err := export.ControlQLR(base, s.ds.Region)
		if err != nil {
			return err
		}
		c.Response().Header().Set("Content-Disposition", `attachment; filename="controlmap.qlr"`)
		return rep.ServeOnce(c.Response(), c.Request(), wire.TypeQLR, rep.CacheRevalidate, b)
	}
	r, ok := s.docs.exports[name]
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound, "the exports are history.gpkg, history.kml, history.csv, events.csv, provinces.csv and controlmap.qlr")
	}
	c.Response().Header().Set("Content-Disposition", `attachment; filename="controlmap-`+name+`"`)
	return r.Serve(c.Response(), c.Request())
}

// handleControlCSV serves GET /api/control.csv?date=D: every district on day
// D (today without a date) as CSV with WKT geometry.
func (s *Server) handleControlCSV(c echo.Context, r *request) error {
	day, err := r.date(paramDate, s.today())
	if err != nil {
		return err
	}
	b, err := export.ControlCSV(s.ds, day)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Content-Disposition", `attachment; filename="controlmap-`+day.String()+`.csv"`)
	return rep.ServeOnce(c.Response(), c.Request(), wire.TypeCSV, rep.CacheRevalidate, b)
}
