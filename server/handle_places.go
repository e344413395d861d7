package server

import (
	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// handlePlaces serves GET /api/places: the labelled places (GeoJSON points).
func (s *Server) handlePlaces(c echo.Context, _ *request) error {
	return s.docs.places.Serve(c.Response(), c.Request())
}

// handlePeriods serves GET /api/periods: the named chapters of the history.
func (s *Server) handlePeriods(c echo.Context, _ *request) error {
	return s.docs.periods.Serve(c.Response(), c.Request())
}

// handleAbout serves GET /about: the methodology as a page, in Dari with
// lang=fa (as the map's own link in Dari asks), else in English.
func (s *Server) handleAbout(c echo.Context, r *request) error {
	lang, err := r.choice(paramLang, s.ds.Region.Languages...)
	if err != nil {
		return err
	}
	setDocumentHeaders(c.Response().Header())
	return s.docs.about[lang].Serve(c.Response(), c.Request())
}

// handleCorrections serves GET /corrections[?lang=fa]: the corrections log
// as a page.
func (s *Server) handleCorrections(c echo.Context, r *request) error {
	lang, err := r.choice(paramLang, s.ds.Region.Languages...)
	if err != nil {
		return err
	}
	setDocumentHeaders(c.Response().Header())
	return s.docs.corrections[lang].Serve(c.Response(), c.Request())
}

// handleRevisions serves GET /api/revisions[?since=YYYY-MM-DD]: the
// revisions and publications, newest first, from since on.
func (s *Server) handleRevisions(c echo.Context, r *request) error {
	if !r.has(paramSince) {
		return s.docs.revisions.Serve(c.Response(), c.Request())
	}
	since, err := r.date(paramSince, 0)
	if err != nil {
		return err
	}
	b, err := s.enc.Revisions(since)
	if err != nil {
		return err
	}
	return rep.ServeOnce(c.Response(), c.Request(), wire.TypeJSON, rep.CacheRevalidate, b)
}

// handleFeed serves GET /feed.atom: the publications and revisions as an
// Atom feed (RFC 4287), for a newsroom to subscribe to.
func (s *Server) handleFeed(c echo.Context, _ *request) error {
	return s.docs.feed.Serve(c.Response(), c.Request())
}

// handleProvinces serves GET /api/provinces: the country around the
// districts, each province with the day its capital fell.
func (s *Server) handleProvinces(c echo.Context, _ *request) error {
	return s.docs.provinces.Serve(c.Response(), c.Request())
}
