package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// handleTimeline serves GET /api/timeline: everything the page needs to
// animate without further requests.
func (s *Server) handleTimeline(c echo.Context) error {
	if err := checkParams(c.QueryParams()); err != nil {
		return err
	}
	b, err := s.enc.timeline(s.today())
	if err != nil {
		return err
	}
	return writeBytes(c, http.StatusOK, typeJSON, b)
}

// handleSources serves GET /api/sources: every cited source.
func (s *Server) handleSources(c echo.Context) error {
	if err := checkParams(c.QueryParams()); err != nil {
		return err
	}
	return writeBytes(c, http.StatusOK, typeJSON, s.sources)
}

// handleHealth serves GET /healthz: the process is up and has a dataset.
func (s *Server) handleHealth(c echo.Context) error {
	return writeBytes(c, http.StatusOK, typeText, []byte("ok "+s.cfg.Version+"\n"))
}

// handleContext serves GET /api/context: the neighbouring districts and
// provinces that the page draws as its offline background.
func (s *Server) handleContext(c echo.Context) error {
	if err := checkParams(c.QueryParams()); err != nil {
		return err
	}
	return writeBytes(c, http.StatusOK, typeGeoJSON, s.ds.Context)
}
