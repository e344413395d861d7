package server

import (
	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/data"
)

// handleControl serves GET /api/control[?date=YYYY-MM-DD][&detail=...]: every
// area's state on that day (today in Afghanistan without a date).
func (s *Server) handleControl(c echo.Context) error {
	q, err := params(c, paramDate, paramDetail)
	if err != nil {
		return err
	}
	day, err := parseDate(q, paramDate, s.today())
	if err != nil {
		return err
	}
	detail, err := parseDetail(q)
	if err != nil {
		return err
	}
	return s.serveControl(c, day, detail, q.Has(paramDate))
}

// serveControl answers from the period's template: a 304 costs a string
// comparison, a 200 a copy (and, for gzip, a CRC) of precomputed bytes.
func (s *Server) serveControl(c echo.Context, day data.Day, detail Detail, dated bool) error {
	cacheControl := cacheRevalidate
	if dated && day < s.today() {
		cacheControl = cachePastDay
	}
	gz, _ := acceptedCodings(c.Request().Header.Get(echo.HeaderAcceptEncoding))
	etag := etagFor(s.ds.Version, day.String(), detailNames[detail])
	if gz {
		etag = etag[:len(etag)-1] + `-gz"`
	}
	if etagMatches(c.Request().Header.Get("If-None-Match"), etag) {
		return sendCached(c, typeGeoJSON, cacheControl, etag, "", true, nil)
	}
	body, err := s.answers.get(day, detail, gz)
	if err != nil {
		return err
	}
	coding := codingIdentity
	if gz {
		coding = codingGzip
	}
	return sendCached(c, typeGeoJSON, cacheControl, etag, coding, true, body)
}

var detailNames = [...]string{DetailDisplay: "display", DetailFull: "full"}
