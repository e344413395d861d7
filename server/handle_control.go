package server

import (
	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/server/internal/rep"
)

// handleControl serves GET /api/control[?date=YYYY-MM-DD][&detail=...]: every
// area's state on that day (today in Afghanistan without a date). The
// answer, 200 or 304, is a cache lookup and one write.
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
	gz := rep.ParseAcceptEncoding(req.Header.Get(echo.HeaderAcceptEncoding)).Best(false) == rep.Gzip
	a, err := s.docs.control(answerKey{day: day, detail: detail, gzip: gz, past: r.has(paramDate) && day < today})
	if err != nil {
		return err
	}
	return a.Serve(c.Response(), req)
}
