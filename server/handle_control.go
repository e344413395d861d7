package server

import (
	"io"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/data"
)

// handleControl serves GET /api/control[?date=YYYY-MM-DD][&detail=...]: every
// area's state on that day (today in Afghanistan without a date).
func (s *Server) handleControl(c echo.Context) error {
	q := c.QueryParams()
	if err := checkParams(q, paramDate, paramDetail); err != nil {
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
		etag = etagFor(s.ds.Version, day.String(), detailNames[detail], "gz")
	}
	if etagMatches(c.Request().Header.Get("If-None-Match"), etag) {
		return sendCached(c, typeGeoJSON, cacheControl, etag, "", true, nil)
	}
	t, err := s.controls.template(day, detail)
	if err != nil {
		return err
	}
	date := day.String()
	if gz {
		return sendCachedFunc(c, typeGeoJSON, cacheControl, etag, codingGzip, true, t.gzipLen(),
			func(w io.Writer) error { return t.writeGzip(w, date) })
	}
	return sendCachedFunc(c, typeGeoJSON, cacheControl, etag, codingIdentity, true, t.identityLen(),
		func(w io.Writer) error { return t.writeIdentity(w, date) })
}

var detailNames = [...]string{DetailDisplay: "display", DetailFull: "full"}
