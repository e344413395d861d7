package server

import (
	"errors"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// handleDiff serves GET /api/diff?from=D&to=D[&known=K]: the districts whose assessed
// status differs between the two days, with the km² balance and every
// change in between.
func (s *Server) handleDiff(c echo.Context, r *request) error {
	if !r.has(paramFrom) || !r.has(paramTo) {
		return &ParamError{Param: paramFrom, Err: errors.New("from and to are both required")}
	}
	from, to, err := r.span(0, 0)
	if err != nil {
		return err
	}
	detail, err := r.geometry()
	if err != nil {
		return err
	}
	enc, err := s.encoderFor(r)
	if err != nil {
		return err
	}
	b, err := enc.Diff(enc.Dataset().Compare(from, to), detail)
	if err != nil {
		return err
	}
	// Like its neighbours, an ETag, 304 and compression (issue 27): a diff
	// is a function of the dataset and the two days; clients revalidate.
	return rep.ServeOnce(c.Response(), c.Request(), wire.TypeGeoJSON, rep.CacheRevalidate, b)
}
