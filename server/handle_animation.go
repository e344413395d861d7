package server

import (
	"errors"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/export"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// handleAnimation serves GET /api/export/animation.gif?from=&to=&width=&step=:
// the assessed map from one day to the other (the whole history by
// default), a frame per change day, or every step days.
func (s *Server) handleAnimation(c echo.Context, r *request) error {
	from, to, err := r.period(s.ds.First, s.ds.LastChange)
	if err != nil {
		return err
	}
	width, err := r.int(paramWidth, export.GIFDefaultWidth, export.GIFMinWidth, export.GIFMaxWidth)
	if err != nil {
		return err
	}
	step, err := r.int(paramStep, 0, 0, 366)
	if err != nil {
		return err
	}
	gif, err := s.docs.gifs.Get(animationKey{from, to, width, step}, func() (*rep.Rep, error) {
		b, err := export.AnimationGIF(s.ds, from, to, width, step)
		if err != nil {
			return nil, err
		}
		return rep.New(wire.TypeGIF, rep.CachePastDay, b), nil
	})
	if errors.Is(err, export.ErrTooManyFrames) {
		return &ParamError{Param: paramStep, Err: err}
	}
	if err != nil {
		return err
	}
	c.Response().Header().Set("Content-Disposition", `inline; filename="controlmap-`+from.String()+`-`+to.String()+`.gif"`)
	c.Response().Header().Set(crossOriginResource, "cross-origin") // an image others embed
	return gif.Serve(c.Response(), c.Request())
}
