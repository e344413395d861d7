package server

import (
	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// handleControl serves GET /api/control[?date=YYYY-MM-DD][&detail=...]: every
// area's state on that day (today in Afghanistan without a date). A 304
// costs a string comparison, a 200 a map lookup and one write.
func (s *Server) handleControl(c echo.Context, r *request) error {
	day, err := r.date(paramDate, s.today())
	if err != nil {
		return err
	}
	detail, err := r.geometry()
	if err != nil {
		return err
	}
	m := rep.Meta{ContentType: wire.TypeGeoJSON, CacheControl: rep.CacheRevalidate, Vary: true,
		ETag: rep.ETag(s.ds.Version, day.String(), detail.String())}
	if r.has(paramDate) && day < s.today() {
		m.CacheControl = rep.CachePastDay
	}
	gz := rep.ParseAcceptEncoding(c.Request().Header.Get(echo.HeaderAcceptEncoding)).Best(false) == rep.Gzip
	if gz {
		m.ETag, m.Coding = m.ETag[:len(m.ETag)-1]+`-gz"`, rep.Gzip
	}
	if rep.ETagMatches(c.Request().Header.Get("If-None-Match"), m.ETag) {
		return rep.SendCached(c.Response(), c.Request(), m, nil)
	}
	body, err := s.docs.control(day, detail, gz)
	if err != nil {
		return err
	}
	return rep.SendCached(c.Response(), c.Request(), m, body)
}
