package server

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"
)

// handleTimeline serves GET /api/timeline: everything the page needs to
// animate without further requests.
func (s *Server) handleTimeline(c echo.Context) error {
	if _, err := params(c); err != nil {
		return err
	}
	r, err := s.timeline()
	if err != nil {
		return err
	}
	return r.serve(c)
}

// handleSources serves GET /api/sources: every cited source.
func (s *Server) handleSources(c echo.Context) error {
	if _, err := params(c); err != nil {
		return err
	}
	return s.sources.serve(c)
}

// handleHealth serves GET /healthz: the process is alive.
func (s *Server) handleHealth(c echo.Context) error {
	return writeBytes(c, http.StatusOK, typeText, []byte("ok "+s.cfg.Version+"\n"))
}

// handleReady serves GET /readyz: the dataset is loaded and indexed, so the
// server answers for real. A server is only built from a valid dataset, so
// once it listens it is ready; the body says what it serves.
func (s *Server) handleReady(c echo.Context) error {
	b, err := json.Marshal(map[string]any{"ready": true, "version": s.cfg.Version, "dataset": s.ds.Version, "areas": len(s.ds.Areas),
		"claims": len(s.ds.Claims), "events": len(s.ds.Events), "first": s.ds.First, "last_change": s.ds.LastChange})
	if err != nil {
		return err
	}
	return writeBytes(c, http.StatusOK, typeJSON, b)
}

// handleContext serves GET /api/context: the neighbouring districts and
// provinces that the page draws as its offline background.
func (s *Server) handleContext(c echo.Context) error {
	if _, err := params(c); err != nil {
		return err
	}
	return s.context.serve(c)
}
