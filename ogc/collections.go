package ogc

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/geo"
	"github.com/controlmap/controlmap/wire"
)

// ErrNotFound is a collection or feature that does not exist.
var ErrNotFound = errors.New("not found")

// feature is one feature of a collection, encoded once per geometry detail,
// with what filters need: its geometry, and its validity as the half-open
// day range [from, to) (from zero: undated; to zero: ongoing).
type feature struct {
	id       string
	geom     orb.Geometry // full resolution, for bbox tests
	from, to data.Day
	json     [2][]byte // the Feature, by data.Detail
	props    map[string]any
}

// Collection is one collection: a wire layer's flat form, its features and
// extents.
type Collection struct {
	ID, Title, Description string
	// TemporalFrom and TemporalTo name the properties that hold a feature's
	// validity ("" when the collection is not temporal).
	TemporalFrom, TemporalTo string
	fields                   []string
	schema                   func(id string) map[string]any
	features                 []feature
	byID                     map[string]int
	bound                    orb.Bound
	first                    data.Day
}

// extent is how a record of a layer becomes a feature.
type extent struct {
	id            string
	geom, display orb.Geometry
	from, to      data.Day
}

func newCollection[T any](s *wire.Schema[T], from, to string, recs []T, ext func(T) extent) (*Collection, error) {
	c := &Collection{ID: s.Name, Title: s.Title, Description: s.Description, TemporalFrom: from, TemporalTo: to,
		fields: s.FlatNames(), schema: s.JSONSchema, byID: map[string]int{}}
	for _, r := range recs {
		x := ext(r)
		f := feature{id: x.id, geom: x.geom, from: x.from, to: x.to, props: s.FlatProps(r)}
		for d, g := range []orb.Geometry{data.DetailDisplay: x.display, data.DetailFull: x.geom} {
			gf := geojson.NewFeature(g)
			gf.ID, gf.Properties = f.id, f.props
			b, err := json.Marshal(gf)
			if err != nil {
				return nil, fmt.Errorf("ogc: encode %s feature %s: %w", c.ID, f.id, err)
			}
			f.json[d] = b
		}
		switch {
		case x.geom == nil: // no place: in no bbox, not in the extent
		case c.bound == (orb.Bound{}):
			c.bound = x.geom.Bound()
		default:
			c.bound = c.bound.Union(x.geom.Bound())
		}
		if f.from != 0 && (c.first == 0 || f.from < c.first) {
			c.first = f.from
		}
		c.byID[f.id] = len(c.features)
		c.features = append(c.features, f)
	}
	return c, nil
}

// collections builds the areas, control and events collections.
func collections(ds *data.Dataset) ([]*Collection, error) {
	book, err := wire.NewBook(ds)
	if err != nil {
		return nil, err
	}
	var areas []*data.Area
	var ivs []wire.IntervalRec
	for i := range ds.Areas {
		a := &ds.Areas[i]
		areas = append(areas, a)
		for j := range ds.Intervals[a.PCode] {
			ivs = append(ivs, wire.IntervalRec{Area: a, Interval: &ds.Intervals[a.PCode][j], Book: book})
		}
	}
	var evs []wire.EventRec
	for i := range ds.Events {
		evs = append(evs, wire.EventRec{Event: &ds.Events[i], Book: book})
	}
	ac, err := newCollection(wire.Areas, "", "", areas, func(a *data.Area) extent {
		return extent{id: a.PCode, geom: a.Geometry, display: a.Display}
	})
	if err != nil {
		return nil, err
	}
	cc, err := newCollection(wire.Intervals, "valid_from", "valid_to", ivs, func(r wire.IntervalRec) extent {
		return extent{id: r.Area.PCode + "_" + r.Interval.From.String(), geom: r.Area.Geometry, display: r.Area.Display,
			from: r.Interval.From, to: r.Interval.To}
	})
	if err != nil {
		return nil, err
	}
	ec, err := newCollection(wire.Events, "event_date", "", evs, func(r wire.EventRec) extent {
		return extent{id: r.Event.ID, geom: r.Geometry(), display: r.Geometry(), from: r.Event.Date, to: r.Event.Date.AddDays(1)}
	})
	if err != nil {
		return nil, err
	}
	return []*Collection{ac, cc, ec}, nil
}

// match returns the indexes of the features that meet the filters.
func (c *Collection) match(bbox *orb.Bound, when *Period) []int {
	var out []int
	for i, f := range c.features {
		if when != nil && !when.Intersects(f.from, f.to) {
			continue
		}
		if bbox != nil && (f.geom == nil || !geo.Intersects(f.geom, *bbox)) {
			continue
		}
		out = append(out, i)
	}
	return out
}
