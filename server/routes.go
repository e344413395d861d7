package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Content types served.
const (
	typeGeoJSON = "application/geo+json"
	typeJSON    = "application/json"
	typeText    = "text/plain; charset=utf-8"
)

// routes is the one route table.
func (s *Server) routes() {
	e := s.echo
	e.IPExtractor = echo.ExtractIPDirect()
	// One pre-middleware doing four jobs: echo builds the chain of closures
	// on every request, so each separate middleware would cost an allocation.
	e.Pre(s.guard)
	if s.cfg.RatePerClient > 0 {
		e.Use(perClient(s.cfg.RatePerClient, s.cfg.RateBurst))
	}
	for _, r := range []struct {
		path string
		h    echo.HandlerFunc
	}{
		{"/api/areas", s.handleAreas},
		{"/api/control", s.handleControl},
		{"/api/history", s.handleHistory},
		{"/api/events", s.handleEvents},
		{"/api/timeline", s.handleTimeline},
		{"/api/sources", s.handleSources},
		{"/api/context", s.handleContext},
		{"/api/control.csv", s.handleControlCSV},
		{"/api/diff", s.handleDiff},
		{"/api/stats", s.handleStats},
		{"/api/export/animation.gif", s.handleAnimation},
		{"/api/export/:file", s.handleExport},
		{"/ogc", s.handleOGCLanding},
		{"/ogc/", s.handleOGCLanding},
		{"/ogc/conformance", s.handleOGCConformance},
		{"/ogc/api", s.handleOGCAPI},
		{"/ogc/collections", s.handleOGCCollections},
		{"/ogc/collections/:cid", s.handleOGCCollection},
		{"/ogc/collections/:cid/items", s.handleOGCItems},
		{"/ogc/collections/:cid/items/:fid", s.handleOGCItem},
		{"/ogc/collections/:cid/schema", s.handleOGCSchema},
		{"/healthz", s.handleHealth},
		{"/readyz", s.handleReady},
		{"/*", s.handleStatic},
	} {
		e.Match([]string{http.MethodGet, http.MethodHead}, r.path, r.h)
	}
}
