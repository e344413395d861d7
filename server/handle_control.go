package server

import (
	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// handleControl serves GET /api/control[?date=YYYY-MM-DD][&detail=...]
// [&known=YYYY-MM-DD]: every area's state on that day (today in the region
// without a date), with hindsight or as known at the end of the day known.
// The answer, 200 or 304, is a cache lookup and one write.
func (s *Server) handleControl(c echo.Context, r *request) error {
	today := s.today()
	day, err := r.date(paramDate, today)
	if err != nil {
		return err
	}
	detail, err := r.geometry()
	if err != nil {
		return err
	}
	req := c.Request()
	if r.has(paramKnown) {
		return s.serveControlKnown(c, r, day, detail)
	}
	gz := rep.ParseAcceptEncoding(req.Header.Get(echo.HeaderAcceptEncoding)).Best(false) == rep.Gzip
	a, err := s.docs.control(answerKey{day: day, detail: detail, gzip: gz, past: r.has(paramDate) && day < today})
	if err != nil {
		return err
	}
	return a.Serve(c.Response(), req)
}

// serveControlKnown serves /api/control with known=: the day as known at
// the end of K, an answer kept per knowledge epoch (known.go). Apart from
// handleControl, whose hot path it leaves as it was.
func (s *Server) serveControlKnown(c echo.Context, r *request, day data.Day, detail data.Detail) error {
	enc, err := s.encoderFor(r)
	if err != nil {
		return err
	}
	a, err := s.knownDoc(enc, knownKey{doc: "control", day: day, detail: detail}, wire.TypeGeoJSON,
		func() ([]byte, error) { return enc.Control(day, detail) })
	if err != nil {
		return err
	}
	return a.Serve(c.Response(), c.Request())
}
