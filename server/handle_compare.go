package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/data"
)

// diffProps are the properties of a changed district in /api/diff.
type diffProps struct {
	PCode      string            `json:"pcode"`
	Name       string            `json:"name"`
	NameFa     string            `json:"name_fa"`
	StatusFrom data.Status       `json:"status_from"`
	StatusTo   data.Status       `json:"status_to"`
	AreaKm2    float64           `json:"area_km2"`
	Since      *data.Day         `json:"since"` // when the later status began
	Sources    []json.RawMessage `json:"sources"`
}

type diffChange struct {
	Date   data.Day    `json:"date"`
	PCode  string      `json:"pcode"`
	Name   string      `json:"name"`
	From   data.Status `json:"status_from"`
	To     data.Status `json:"status_to"`
	Source []string    `json:"sources"`
}

type balance struct {
	Gained float64 `json:"gained_km2"`
	Lost   float64 `json:"lost_km2"`
	Net    float64 `json:"net_km2"`
}

// handleDiff serves GET /api/diff?from=D&to=D: a FeatureCollection of the
// districts whose assessed status differs between the two days, with the km²
// each status gained and lost ("balance") and every change in between
// ("changes"), as foreign members.
func (s *Server) handleDiff(c echo.Context) error {
	q, err := params(c, paramFrom, paramTo, paramDetail)
	if err != nil {
		return err
	}
	if !q.Has(paramFrom) || !q.Has(paramTo) {
		return &ParamError{Param: paramFrom, Err: errors.New("from and to are both required")}
	}
	from, to, err := parseRange(q, 0, 0)
	if err != nil {
		return err
	}
	detail, err := parseDetail(q)
	if err != nil {
		return err
	}
	b, err := s.enc.diff(s.ds.Compare(from, to), detail)
	if err != nil {
		return err
	}
	return writeBytes(c, http.StatusOK, typeGeoJSON, b)
}

func (e *encoder) diff(d data.Diff, detail Detail) ([]byte, error) {
	bal := map[data.Status]balance{}
	for _, st := range append([]data.Status{data.StatusUnknown}, data.Statuses...) {
		g, l := round(d.Gained[st], 10), round(d.Lost[st], 10)
		if g != 0 || l != 0 {
			bal[st] = balance{g, l, round(g-l, 10)}
		}
	}
	changes := []diffChange{}
	for _, ch := range d.Changes {
		changes = append(changes, diffChange{ch.Interval.From, ch.Area.PCode, ch.Area.Name, ch.Previous, ch.Interval.Status, ch.Interval.Sources})
	}
	meta := e.meta()
	meta["from"], meta["to"], meta["balance"], meta["changes"] = d.From, d.To, bal, changes
	return featureCollection(meta, len(d.Areas), func(i int, buf *bytes.Buffer) error {
		a := d.Areas[i]
		p := diffProps{PCode: a.Area.PCode, Name: a.Area.Name, NameFa: a.Area.NameFa, StatusFrom: a.From, StatusTo: a.To,
			AreaKm2: round(a.Area.AreaKm2, 10), Sources: []json.RawMessage{}}
		if a.Interval != nil {
			p.Since, p.Sources = &a.Interval.From, e.sourceList(a.Interval.Sources)
		}
		return feature(buf, a.Area.PCode, e.geom[detail][e.ds.AreaIndex(a.Area.PCode)], p)
	})
}

// handleStats serves GET /api/stats: on every day on which the assessed
// status or a party's latest claim changes, the km² and share of the mapped
// area under each status, assessed and as each party claims.
func (s *Server) handleStats(c echo.Context) error {
	if _, err := params(c); err != nil {
		return err
	}
	s.statsOnce.Do(func() {
		s.stats, s.statsErr = s.enc.stats()
	})
	if s.statsErr != nil {
		return s.statsErr
	}
	return s.stats.serve(c)
}

type statusAreaJSON struct {
	Km2   map[data.Status]float64 `json:"km2"`
	Share map[data.Status]float64 `json:"share"`
}

func (e *encoder) stats() (*rep, error) {
	total := e.ds.TotalKm2()
	conv := func(sa data.StatusArea) statusAreaJSON {
		out := statusAreaJSON{Km2: map[data.Status]float64{}, Share: map[data.Status]float64{}}
		for _, st := range append(data.Statuses, data.StatusUnknown) {
			out.Km2[st] = round(sa[st], 10)
			out.Share[st] = round(sa[st]/total, 1e4)
		}
		return out
	}
	type dayJSON struct {
		Date       data.Day       `json:"date"`
		Assessed   statusAreaJSON `json:"assessed"`
		Taliban    statusAreaJSON `json:"taliban_claims"`
		Resistance statusAreaJSON `json:"resistance_claims"`
	}
	days := []dayJSON{}
	for _, s := range e.ds.Stats() {
		days = append(days, dayJSON{s.Day, conv(s.Assessed), conv(s.Claimed[data.PartyTaliban]), conv(s.Claimed[data.PartyResistance])})
	}
	b, err := json.Marshal(map[string]any{"total_km2": round(total, 10), "statuses": append(data.Statuses, data.StatusUnknown),
		"days": days, "attribution": data.Attribution})
	if err != nil {
		return nil, err
	}
	return newRep(typeJSON, cacheRevalidate, b), nil
}

// animationCacheSize bounds the GIFs kept (each is a few hundred kilobytes).
const animationCacheSize = 16

type animationKey struct {
	from, to    data.Day
	width, step int
}

// handleAnimation serves GET /api/export/animation.gif?from=&to=&width=&step=:
// the assessed map from one day to the other (the whole history by
// default), a frame per change day, or every step days.
func (s *Server) handleAnimation(c echo.Context) error {
	q, err := params(c, paramFrom, paramTo, "width", "step")
	if err != nil {
		return err
	}
	from, to, err := parseRange(q, s.ds.First, s.ds.LastChange)
	if err != nil {
		return err
	}
	width, err := parseIntParam(q, "width", gifDefaultWidth, gifMinWidth, gifMaxWidth)
	if err != nil {
		return err
	}
	step, err := parseIntParam(q, "step", 0, 0, 366)
	if err != nil {
		return err
	}
	k := animationKey{from, to, width, step}
	s.gifMu.Lock()
	r, ok := s.gifs[k]
	if !ok {
		if len(s.gifs) >= animationCacheSize {
			for old := range s.gifs { // drop any: a miss costs one rendering
				delete(s.gifs, old)
				break
			}
		}
		r = newLazyRep("image/gif", cachePastDay, func() ([]byte, error) { return AnimationGIF(s.ds, from, to, width, step) })
		s.gifs[k] = r
	}
	s.gifMu.Unlock()
	if err := r.prepare(); errors.Is(err, errTooManyFrames) {
		return &ParamError{Param: "step", Err: err}
	}
	c.Response().Header().Set("Content-Disposition", `inline; filename="controlmap-`+from.String()+`-`+to.String()+`.gif"`)
	return r.serve(c)
}

func parseIntParam(q *query, name string, def, lo, hi int) (int, error) {
	if !q.Has(name) {
		return def, nil
	}
	n, err := strconv.Atoi(q.Get(name))
	if err != nil || n < lo || n > hi {
		return 0, &ParamError{Param: name, Err: fmt.Errorf("%q: want a whole number from %d to %d", q.Get(name), lo, hi)}
	}
	return n, nil
}
