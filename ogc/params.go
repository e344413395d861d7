package ogc

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/controlmap/controlmap/data"
)

// Datetime is a parsed OGC API datetime: the closed day range [From, To]; a
// zero end is open (".." or empty). (data.Interval, by contrast, is an
// assessed status over a half-open range.)
type Datetime struct {
	From, To data.Day
}

// Intersects reports whether features valid over the half-open day range
// [from, to) (to zero: still valid) match: their validity shares a day with
// the interval. An undated feature (from zero) matches everything.
func (iv Datetime) Intersects(from, to data.Day) bool {
	if from == 0 {
		return true
	}
	if iv.To != 0 && from > iv.To {
		return false
	}
	if iv.From != 0 && to != 0 && to <= iv.From {
		return false
	}
	return true
}

// String is the value as a datetime parameter: "D" for one day, else
// "from/to" with ".." for an open end.
func (iv Datetime) String() string {
	if iv.From != 0 && iv.From == iv.To {
		return iv.From.String()
	}
	end := func(d data.Day) string {
		if d == 0 {
			return ".."
		}
		return d.String()
	}
	return end(iv.From) + "/" + end(iv.To)
}

var errDatetime = errors.New("want an RFC 3339 date or date-time, or an interval start/end with '..' or an empty end for an open one")

// ParseDatetime parses the datetime parameter: an instant or an interval
// "a/b" whose ends may be ".." or empty. Dates are days; a date-time is taken
// to the day it falls on in the region's zone z. GDAL 3.6 writes a date as
// "2021-09-06T", which is accepted as that date. A reversed interval and
// "../.." are errors.
func ParseDatetime(s string, z data.Zone) (Datetime, error) {
	if s == "" {
		return Datetime{}, errDatetime
	}
	a, b, isInterval := strings.Cut(s, "/")
	if !isInterval {
		d, err := parseInstant(a, z)
		if err != nil {
			return Datetime{}, err
		}
		return Datetime{From: d, To: d}, nil
	}
	var iv Datetime
	var err error
	if a != ".." && a != "" {
		if iv.From, err = parseInstant(a, z); err != nil {
			return Datetime{}, err
		}
	}
	if b != ".." && b != "" {
		if iv.To, err = parseInstant(b, z); err != nil {
			return Datetime{}, err
		}
	}
	switch {
	case iv.From == 0 && iv.To == 0:
		return Datetime{}, errors.New("an interval needs at least one end")
	case iv.To != 0 && iv.From > iv.To:
		return Datetime{}, fmt.Errorf("the interval ends (%s) before it starts (%s)", iv.To, iv.From)
	}
	return iv, nil
}

func parseInstant(s string, z data.Zone) (data.Day, error) {
	s = strings.ToUpper(s) // RFC 3339 §5.6 allows "t" and "z"
	if len(s) == 10 || (len(s) == 11 && s[10] == 'T') {
		d, err := data.ParseDay(s[:10])
		if err != nil {
			return 0, fmt.Errorf("%q: %w", s, errDatetime)
		}
		return d, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Year() < 1000 || t.Year() > 9999 {
		return 0, fmt.Errorf("%q: %w", s, errDatetime)
	}
	return z.Today(t), nil
}

// BBox is a parsed bbox parameter in CRS84 degrees. West may exceed East:
// the box then crosses the antimeridian (OGC API – Features Part 1,
// /req/core/fc-bbox-definition), and is the two boxes either side of it.
type BBox struct {
	West, South, East, North float64
}

// Parts returns the box as one orb.Bound, or two when it crosses the
// antimeridian.
func (b BBox) Parts() []orb.Bound {
	if b.West <= b.East {
		return []orb.Bound{{Min: orb.Point{b.West, b.South}, Max: orb.Point{b.East, b.North}}}
	}
	return []orb.Bound{
		{Min: orb.Point{b.West, b.South}, Max: orb.Point{180, b.North}},
		{Min: orb.Point{-180, b.South}, Max: orb.Point{b.East, b.North}},
	}
}

// String is the box in its shortest exact form, "W,S,E,N": the same box
// written two ways is one cache key.
func (b BBox) String() string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	return f(b.West) + "," + f(b.South) + "," + f(b.East) + "," + f(b.North)
}

// ParseBBox parses "minLon,minLat,maxLon,maxLat" in CRS84 degrees, or the
// six numbers "minLon,minLat,minH,maxLon,maxLat,maxH" the standard also
// allows (the heights are checked, then ignored: every feature lies on the
// ground). minLon above maxLon is a box across the antimeridian.
func ParseBBox(s string) (BBox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 && len(parts) != 6 {
		return BBox{}, fmt.Errorf("want 4 numbers minLon,minLat,maxLon,maxLat (or 6 with heights), got %d", len(parts))
	}
	v := make([]float64, len(parts))
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return BBox{}, fmt.Errorf("%q is not a number", p)
		}
		v[i] = f + 0 // -0 is 0
	}
	if len(v) == 6 {
		if v[2] > v[5] {
			return BBox{}, errors.New("minimum height above maximum")
		}
		v = []float64{v[0], v[1], v[3], v[4]}
	}
	switch {
	case v[0] < -180 || v[0] > 180 || v[2] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90:
		return BBox{}, errors.New("outside longitude -180..180, latitude -90..90")
	case v[1] > v[3]:
		return BBox{}, errors.New("minimum latitude above maximum")
	}
	return BBox{West: v[0], South: v[1], East: v[2], North: v[3]}, nil
}

// Limits of the items endpoint: a limit above MaxLimit is served as
// MaxLimit (OGC API – Features Part 1, /req/core/fc-limit-response-1).
const (
	DefaultLimit = 100
	MaxLimit     = 10000
)
