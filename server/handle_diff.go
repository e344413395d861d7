package server

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// handleDiff serves GET /api/diff?from=D&to=D: the districts whose assessed
// status differs between the two days, with the km² balance and every
// change in between.
func (s *Server) handleDiff(c echo.Context, r *request) error {
	if !r.has(paramFrom) || !r.has(paramTo) {
		return &ParamError{Param: paramFrom, Err: errors.New("from and to are both required")}
	}
	from, to, err := r.period(0, 0)
	if err != nil {
		return err
	}
	detail, err := r.geometry()
	if err != nil {
		return err
	}
	b, err := s.enc.Diff(s.ds.Compare(from, to), detail)
	if err != nil {
		return err
	}
	return rep.WriteBytes(c.Response(), c.Request(), http.StatusOK, wire.TypeGeoJSON, b)
}
