package server

import (
	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/wire"
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
	from, to, err := r.span(0, 0)
	if err != nil {
		return err
	}
	ev, err := s.docs.eventsBetween(from, to)
	if err != nil {
		return err
	}
	return ev.Serve(c.Response(), c.Request())
}

// handleTimeline serves GET /api/timeline[?known=K]: everything the page
// needs to animate without further requests, up to today; with known, the
// timeline of the dataset as known at the end of K, which holds for the days
// [known, known_until) it names.
func (s *Server) handleTimeline(c echo.Context, r *request) error {
	if r.has(paramKnown) {
		enc, err := s.encoderFor(r)
		if err != nil {
			return err
		}
		today := s.today()
		t, err := s.knownDoc(enc, knownKey{doc: "timeline", day: today}, wire.TypeJSON, func() ([]byte, error) { return enc.Timeline(today) })
		if err != nil {
			return err
		}
		return t.Serve(c.Response(), c.Request())
	}
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
