package server

import (
	"context"
	"errors"
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/export"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// animationKey is an animation's parameters, normalised: the width snapped
// to export.GIFWidths, the span clamped to the dataset's (a step of 0
// means one frame per change day).
type animationKey struct {
	from, to    data.Day
	width, step int
	lang        string
}

// handleAnimation serves GET /api/export/animation.gif?from=&to=&width=&step=:
// the assessed map from one day to the other (the whole history by
// default), a frame per change day, or every step days. The render is
// bounded (see renders): 429 when every render slot is busy, 503 with the
// progress when it outlasts the client's patience.
func (s *Server) handleAnimation(c echo.Context, r *request) error {
	from, to, err := r.span(s.ds.First, s.ds.LastChange)
	if err != nil {
		return err
	}
	// An animation is of days the data covers, as a picture is.
	for _, p := range []struct {
		name string
		day  data.Day
	}{{paramFrom, from}, {paramTo, to}} {
		if p.day < s.ds.First || p.day > s.today() {
			return &ParamError{Param: p.name, Err: fmt.Errorf("%s is outside the map's days (%s to today, %s)", p.day, s.ds.First, s.today())}
		}
	}
	width, err := r.int(paramWidth, export.GIFDefaultWidth, export.GIFMinWidth, export.GIFMaxWidth)
	if err != nil {
		return err
	}
	step, err := r.int(paramStep, 0, 0, 366)
	if err != nil {
		return err
	}
	lang, err := r.choice(paramLang, s.ds.Region.Languages...)
	if err != nil {
		return err
	}
	if s.dari == nil {
		lang = "en"
	}
	o := export.GIFOptions{From: from, To: to, Width: export.SnapGIFWidth(width), Step: step,
		URL: s.cfg.PublicURL, Headline: s.speaker(lang).headline, Lang: lang, Dari: s.dari, Words: s.words[lang]}
	o.To = max(o.To, o.From)
	gif, err := s.renders.get(c, animationKey{o.From, o.To, o.Width, o.Step, lang}, func(ctx context.Context, progress func(int, int)) (*rep.Rep, error) {
		b, err := export.AnimationGIF(ctx, s.ds, o, progress)
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
	c.Response().Header().Set("Content-Disposition", `inline; filename="controlmap-`+o.From.String()+`-`+o.To.String()+`.gif"`)
	c.Response().Header().Set(crossOriginResource, "cross-origin") // an image others embed
	return gif.Serve(c.Response(), c.Request())
}
