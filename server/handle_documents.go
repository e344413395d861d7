package server

import (
	"github.com/labstack/echo/v4"
)

// handleAreas serves GET /api/areas[?detail=display|full].
func (s *Server) handleAreas(c echo.Context, r *request) error {
	detail, err := r.geometry()
	if err != nil {
		return err
	}
	return s.docs.areas[detail].Serve(c.Response(), c.Request())
}

// handleHistory serves GET /api/history[?detail=display|full]: every
// assessed interval.
func (s *Server) handleHistory(c echo.Context, r *request) error {
	detail, err := r.geometry()
	if err != nil {
		return err
	}
	return s.docs.history[detail].Serve(c.Response(), c.Request())
}

// handleEvents serves GET /api/events[?from=&to=]: point events dated within
// [from, to], both inclusive; either end may be left out.
func (s *Server) handleEvents(c echo.Context, r *request) error {
	from, to, err := r.period(0, 0)
	if err != nil {
		return err
	}
	ev, err := s.docs.eventsBetween(from, to)
	if err != nil {
		return err
	}
	return ev.Serve(c.Response(), c.Request())
}

// handleTimeline serves GET /api/timeline: everything the page needs to
// animate without further requests, up to today.
func (s *Server) handleTimeline(c echo.Context, _ *request) error {
	t, err := s.docs.timeline(s.today())
	if err != nil {
		return err
	}
	return t.Serve(c.Response(), c.Request())
}

// handleSources serves GET /api/sources: every cited source.
func (s *Server) handleSources(c echo.Context, _ *request) error {
	return s.docs.sources.Serve(c.Response(), c.Request())
}

// handleContext serves GET /api/context: the neighbouring districts and
// provinces that the page draws as its offline background.
func (s *Server) handleContext(c echo.Context, _ *request) error {
	return s.docs.context.Serve(c.Response(), c.Request())
}

// handleStats serves GET /api/stats: the km² under each status on every
// day on which it changes, assessed and as each party claims.
func (s *Server) handleStats(c echo.Context, _ *request) error {
	return s.docs.stats.Serve(c.Response(), c.Request())
}
