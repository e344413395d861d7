package server

import (
	"context"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/export"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// pictureKey is a picture's parameters, normalised: the width snapped to a
// multiple of pictureWidthStep (or a preset's size).
type pictureKey struct {
	format     string
	day        data.Day
	view, lang string
	w, h       int
	known      data.Day // the knowledge epoch of the map as known at the time; 0 with hindsight
	country    bool     // level=country: the provinces (export.NationalPNG)
}

// pictureWidthStep is the granularity of the widths pictures are drawn at.
const pictureWidthStep = 100

var pictureParams = []string{paramDate, paramView, paramLang, paramWidth, paramPreset, paramKnown, paramLevel}

// handlePicture serves GET /api/export/map.png and map.svg
// ?date=&view=assessed|SIDE&lang=en|fa (the region's sides and languages)&width=600..2400
// (&level=country: the provinces, PNG only)
// &preset=social|portrait[&known=K]: the map of a day as a picture to
// publish, with hindsight or as known at the end of K.
// Renders are bounded as the GIF's (see renders), in a pool of their own,
// and cached with ETags.
func (s *Server) handlePicture(format string) handler {
	return func(c echo.Context, r *request) error {
		k, err := s.pictureKey(format, r)
		if err != nil {
			return err
		}
		policy := rep.CachePastDay
		if k.day >= s.today() {
			policy = rep.CacheRevalidate // today's picture changes with the dataset
		}
		pic, err := s.pictures.get(c, k, func(context.Context, func(int, int)) (*rep.Rep, error) {
			return s.renderPicture(k, policy)
		})
		if err != nil {
			return err
		}
		h := c.Response().Header()
		h.Set("Content-Disposition", `inline; filename="controlmap-`+k.day.String()+`.`+format+`"`)
		h.Set(crossOriginResource, "cross-origin") // an image others embed
		return pic.Serve(c.Response(), c.Request())
	}
}

func (s *Server) pictureKey(format string, r *request) (pictureKey, error) {
	k := pictureKey{format: format}
	var err error
	if k.day, err = r.date(paramDate, s.today()); err != nil {
		return k, err
	}
	// A picture is of a day the data covers: a branded picture of a day
	// nobody has evidence for is never drawn (and never costs a render).
	if k.day < s.ds.First || k.day > s.today() {
		return k, &ParamError{Param: paramDate, Err: fmt.Errorf("%s is outside the map's days (%s to today, %s)", k.day, s.ds.First, s.today())}
	}
	if k.view, err = r.choice(paramView, s.pageViews()...); err != nil {
		return k, err
	}
	if k.lang, err = r.choice(paramLang, s.ds.Region.Languages...); err != nil {
		return k, err
	}
	if r.has(paramKnown) {
		enc, err := s.encoderFor(r)
		if err != nil {
			return k, err
		}
		k.known = enc.Dataset().Known
	}
	level, err := r.choice(paramLevel, "valley", "country")
	if err != nil {
		return k, err
	}
	if k.country = level == "country"; k.country && (format != "png" || k.view != "assessed" || len(s.ds.Provinces) == 0) {
		return k, &ParamError{Param: paramLevel, Err: fmt.Errorf("the country is drawn as a PNG of who held each provincial capital: no %s, no claims view, and only for a dataset with provinces", format)}
	}
	preset, err := r.choice(paramPreset, "", "social", "portrait")
	if err != nil {
		return k, err
	}
	if p, ok := export.Presets[preset]; ok {
		k.w, k.h = p.X, p.Y
		return k, nil
	}
	k.w, err = r.int(paramWidth, export.PictureDefaultWidth, export.PictureMinWidth, export.PictureMaxWidth)
	k.w -= k.w % pictureWidthStep
	return k, err
}

func (s *Server) renderPicture(k pictureKey, policy string) (*rep.Rep, error) {
	o := export.PictureOptions{Width: k.w, Height: k.h, URL: s.cfg.PublicURL}
	ds := s.ds
	if k.known != 0 {
		enc, err := s.encoderAt(k.known)
		if err != nil {
			return nil, err
		}
		ds = enc.Dataset()
	}
	if k.view != "assessed" {
		o.View = data.Party(k.view)
	}
	lang := k.lang
	if k.format == "png" && s.dari == nil {
		lang = "en" // no Dari font: the PNG's text is drawn in the Go fonts, Latin only
	}
	o.Lang, o.Dari, o.Words = lang, s.dari, s.words[lang]
	o.Headline = s.speakerOf(lang, ds).headline(k.day)
	if k.format == "svg" {
		return rep.New(wire.TypeSVG, policy, export.MapSVG(ds, k.day, o, k.lang)), nil
	}
	draw := export.MapPNG
	if k.country {
		draw = export.NationalPNG
	}
	b, err := draw(ds, k.day, o)
	if err != nil {
		return nil, echo.NewHTTPError(http.StatusInternalServerError).SetInternal(err)
	}
	return rep.New(wire.TypePNG, policy, b), nil
}
