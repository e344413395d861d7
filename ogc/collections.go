package ogc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/geo"
	"github.com/controlmap/controlmap/wire"
)

// ErrNotFound is a collection or feature that does not exist.
var ErrNotFound = errors.New("not found")

// feature is what filters need of one feature, kept for every feature: its
// validity as the half-open day range [from, to) (from zero: undated; to
// zero: ongoing) and its bounding box. The feature's JSON is made when a
// page asks for it, so that a history of a million rows costs tens of bytes
// a row, not its encoding (issue 15.4).
type feature struct {
	from, to data.Day
	bound    orb.Bound
	placed   bool // has a geometry
}

// extent is how a record of a layer becomes a feature. geomKey names a
// geometry shared by several features (a district's, by its P-code), whose
// encoding is kept once; "" for a geometry of its own.
type extent struct {
	id, geomKey   string
	geom, display orb.Geometry
	from, to      data.Day
}

// source is a layer's records behind a Collection.
type source interface {
	extent(i int) extent
	props(i int) map[string]any
	value(i int, name string) any // one flat property, for filters
}

type layerSource[T any] struct {
	s     *wire.Schema[T]
	recs  []T
	ext   func(T) extent
	flat  []wire.Field[T]
	index map[string]int // flat field by name
}

func newLayerSource[T any](s *wire.Schema[T], recs []T, ext func(T) extent) *layerSource[T] {
	l := &layerSource[T]{s: s, recs: recs, ext: ext, flat: s.Flat(), index: map[string]int{}}
	for i, f := range l.flat {
		l.index[f.Name] = i
	}
	return l
}

func (l *layerSource[T]) extent(i int) extent        { return l.ext(l.recs[i]) }
func (l *layerSource[T]) props(i int) map[string]any { return l.s.FlatProps(l.recs[i]) }
func (l *layerSource[T]) value(i int, name string) any {
	k, ok := l.index[name]
	if !ok {
		return nil
	}
	return wire.Flatten(l.flat[k].Value(l.recs[i]))
}

// Props are a feature's properties as a filter reads them, one at a time.
type Props struct {
	src source
	i   int
}

// Get returns the named property (nil for null or unknown).
func (p Props) Get(name string) any { return p.src.value(p.i, name) }

// Collection is one collection: a wire layer's flat form, its features and
// extents.
type Collection struct {
	ID, Title, Description string
	credit                 string    // the boundary source's, for its HTML pages
	zone                   data.Zone // the region's: a date-time is taken to its day there
	// TemporalFrom and TemporalTo name the properties that hold a feature's
	// validity ("" when the collection is not temporal).
	TemporalFrom, TemporalTo string
	fields                   []string
	schema                   func(id string) map[string]any
	queryables               []Queryable
	src                      source
	features                 []feature
	byID                     *lazyIndex // feature index by id, built on the first single-feature request
	bound                    orb.Bound
	first                    data.Day
	geoms                    sync.Map // geomKey and detail -> encoded geometry
	meta                     []byte   // the dataset's members ("dataset_version":…) for an items page
}

func newCollection[T any](s *wire.Schema[T], from, to string, recs []T, ext func(T) extent) *Collection {
	c := &Collection{ID: s.Name, Title: s.Title, Description: s.Description, TemporalFrom: from, TemporalTo: to,
		fields: s.FlatNames(), schema: s.JSONSchema, queryables: queryablesOf(s),
		src: newLayerSource(s, recs, ext), features: make([]feature, len(recs))}
	for i, r := range recs {
		x := ext(r)
		f := feature{from: x.from, to: x.to, placed: x.geom != nil}
		if f.placed {
			f.bound = x.geom.Bound()
			if c.bound == (orb.Bound{}) {
				c.bound = f.bound
			}
			c.bound = c.bound.Union(f.bound)
		}
		if f.from != 0 && (c.first == 0 || f.from < c.first) {
			c.first = f.from
		}
		c.features[i] = f
	}
	c.byID = &lazyIndex{build: func() map[string]int32 {
		m := make(map[string]int32, len(recs))
		for i, r := range recs {
			m[ext(r).id] = int32(i)
		}
		return m
	}}
	return c
}

// lazyIndex is a map built on first use: a million ids cost a second and a
// hundred megabytes that a client paging through items never needs.
type lazyIndex struct {
	once  sync.Once
	build func() map[string]int32
	m     map[string]int32
}

func (l *lazyIndex) get(id string) (int32, bool) {
	l.once.Do(func() { l.m = l.build(); l.build = nil })
	i, ok := l.m[id]
	return i, ok
}

// collections builds the areas, control, events and countryside collections,
// and the provinces when the dataset has them.
func collections(ds *data.Dataset) ([]*Collection, error) {
	book, err := wire.NewBook(ds)
	if err != nil {
		return nil, err
	}
	n := 0
	for _, v := range ds.Intervals {
		n += len(v)
	}
	areas := make([]*data.Area, 0, len(ds.Areas))
	ivs := make([]wire.IntervalRec, 0, n)
	for i := range ds.Areas {
		a := &ds.Areas[i]
		areas = append(areas, a)
		for j := range ds.Intervals[a.PCode] {
			ivs = append(ivs, wire.IntervalRec{Area: a, Interval: &ds.Intervals[a.PCode][j], Book: book})
		}
	}
	evs := make([]wire.EventRec, len(ds.Events))
	for i := range ds.Events {
		evs[i] = wire.EventRec{Event: &ds.Events[i], Book: book}
	}
	ac := newCollection(wire.Areas, "", "", areas, func(a *data.Area) extent {
		return extent{id: a.PCode, geomKey: a.PCode, geom: a.Geometry, display: a.Display}
	})
	cc := newCollection(wire.Intervals, "valid_from", "valid_to", ivs, func(r wire.IntervalRec) extent {
		return extent{id: r.Area.PCode + "_" + r.Interval.From.String(), geomKey: r.Area.PCode, geom: r.Area.Geometry,
			display: r.Area.Display, from: r.Interval.From, to: r.Interval.To}
	})
	ec := newCollection(wire.Events, "event_date", "", evs, func(r wire.EventRec) extent {
		return extent{id: r.Event.ID, geom: r.Geometry(), display: r.Geometry(), from: r.Event.Date, to: r.Event.Date.AddDays(1)}
	})
	var cs []wire.CountrysideRec
	for i := range ds.Areas {
		for _, r := range ds.CountrysideRanges(ds.Areas[i].PCode) {
			cs = append(cs, wire.CountrysideRec{Area: &ds.Areas[i], Range: r, Book: book})
		}
	}
	xc := newCollection(wire.Countryside, "valid_from", "valid_to", cs, func(r wire.CountrysideRec) extent {
		return extent{id: r.Area.PCode + "_" + r.Range.From.String(), geomKey: r.Area.PCode, geom: r.Area.Geometry,
			display: r.Area.Display, from: r.Range.From, to: r.Range.To}
	})
	provs := wire.ProvinceRecs(ds, book)
	pc := newCollection(wire.Provinces, "", "", provs, func(r wire.ProvinceRec) extent {
		return extent{id: r.Province.PCode, geomKey: r.Province.PCode, geom: r.Province.Geometry, display: r.Province.Geometry}
	})
	all := []*Collection{ac, cc, ec, xc}
	if len(provs) > 0 { // a dataset without the country has no such collection
		all = append(all, pc)
	}
	// Every items page names the dataset it comes from, as the API's
	// documents do (wire.DatasetMeta): foreign members of the collection.
	meta, err := json.Marshal(wire.DatasetMeta(ds))
	if err != nil {
		return nil, err
	}
	for _, c := range all {
		c.meta = meta[1 : len(meta)-1] // the members, without the braces
		c.credit, c.zone = ds.Region.Credit, ds.Region.Zone
	}
	return all, nil
}

// Zone is the region's zone, in which a date-time of a request is a day.
func (c *Collection) Zone() data.Zone { return c.zone }

// checkEvery is how many features match looks at between two looks at the
// request's context: a few microseconds of work.
const checkEvery = 256

// match returns the indexes of the features that meet the filters, or
// ctx's error once ctx is done.
func (c *Collection) match(ctx context.Context, bbox *BBox, when []Datetime, filter Expr) ([]int, error) {
	var boxes []orb.Bound
	if bbox != nil {
		boxes = bbox.Parts()
	}
	var out []int
features:
	for i, f := range c.features {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("ogc: %s items: %w", c.ID, err)
			}
		}
		for _, p := range when {
			if !p.Intersects(f.from, f.to) {
				continue features
			}
		}
		if bbox != nil && !c.inAny(i, f, boxes) {
			continue
		}
		if filter != nil {
			ok, err := filter.Eval(Props{c.src, i})
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
		}
		out = append(out, i)
	}
	return out, nil
}

// inAny reports whether feature i, placed, meets one of the boxes.
func (c *Collection) inAny(i int, f feature, boxes []orb.Bound) bool {
	if !f.placed {
		return false
	}
	for _, b := range boxes {
		if f.bound.Intersects(b) && geo.Intersects(c.src.extent(i).geom, b) {
			return true
		}
	}
	return false
}

// geometryJSON is the encoded geometry of a feature at detail d; shared
// geometries are encoded once.
func (c *Collection) geometryJSON(x extent, d data.Detail) ([]byte, error) {
	g := x.display
	if d == data.DetailFull {
		g = x.geom
	}
	if g == nil {
		return []byte("null"), nil
	}
	key := fmt.Sprint(d, x.geomKey)
	if x.geomKey != "" {
		if b, ok := c.geoms.Load(key); ok {
			return b.([]byte), nil
		}
	}
	b, err := json.Marshal(geojson.NewGeometry(g))
	if err != nil {
		return nil, fmt.Errorf("ogc: encode %s geometry %s: %w", c.ID, x.id, err)
	}
	if x.geomKey != "" {
		c.geoms.Store(key, b)
	}
	return b, nil
}

// appendFeature appends feature i as a GeoJSON Feature (without its final
// brace when open, so that links can follow).
func (c *Collection) appendFeature(b []byte, i int, d data.Detail, open bool) ([]byte, error) {
	x := c.src.extent(i)
	g, err := c.geometryJSON(x, d)
	if err != nil {
		return nil, err
	}
	id, _ := json.Marshal(x.id)
	props, err := json.Marshal(c.src.props(i))
	if err != nil {
		return nil, fmt.Errorf("ogc: encode %s feature %s: %w", c.ID, x.id, err)
	}
	b = append(append(append(b, `{"type":"Feature","id":`...), id...), `,"geometry":`...)
	b = append(append(append(b, g...), `,"properties":`...), props...)
	if !open {
		b = append(b, '}')
	}
	return b, nil
}
