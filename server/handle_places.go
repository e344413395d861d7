package server

import "github.com/labstack/echo/v4"

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
	lang, err := r.choice(paramLang, "en", "fa")
	if err != nil {
		return err
	}
	setDocumentHeaders(c.Response().Header())
	return s.docs.about[lang].Serve(c.Response(), c.Request())
}
