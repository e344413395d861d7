package server

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/geo"
)

// ogcFeature is one feature of an OGC API collection, encoded once per
// geometry detail, with what filters need: its geometry, and its validity as
// the half-open day range [from, to) (from zero: undated; to zero: ongoing).
type ogcFeature struct {
	id       string
	geom     orb.Geometry // full resolution, for bbox tests
	display  orb.Geometry // the simplified geometry, for detail=display
	from, to data.Day
	json     [2][]byte // the Feature, by Detail
	props    map[string]any
}

// ogcCollection is a collection: its description and features.
type ogcCollection struct {
	ID, Title, Description string
	Temporal               bool   // features carry a validity
	TemporalFrom           string // the property names that hold it, for the schema and QGIS
	TemporalTo             string
	Fields                 []ogcField
	features               []ogcFeature
	byID                   map[string]int
	bound                  orb.Bound
	first, last            data.Day
}

// ogcField describes a property for the JSON Schema (describedby).
type ogcField struct {
	Name, Type, Format, Description string
	Nullable                        bool
}

func (c *ogcCollection) add(f ogcFeature) error {
	for d, g := range []orb.Geometry{DetailDisplay: f.display, DetailFull: f.geom} {
		gf := geojson.NewFeature(g)
		gf.ID = f.id
		gf.Properties = f.props
		b, err := json.Marshal(gf)
		if err != nil {
			return fmt.Errorf("server: encode %s feature %s: %w", c.ID, f.id, err)
		}
		f.json[d] = b
	}
	if len(c.features) == 0 {
		c.bound = f.geom.Bound()
	}
	c.bound = c.bound.Union(f.geom.Bound())
	if f.from != 0 && (c.first == 0 || f.from < c.first) {
		c.first = f.from
	}
	c.last = max(c.last, f.from)
	c.byID[f.id] = len(c.features)
	c.features = append(c.features, f)
	return nil
}

// ogcCollections builds the three collections from the dataset.
func ogcCollections(ds *data.Dataset) ([]*ogcCollection, error) {
	areas := &ogcCollection{ID: "areas", Title: "Districts",
		Description: "The districts of the Panjshir and Andarab valleys (OCHA COD-AB, AGCHO 2018), with their names, aliases and areas.",
		Fields: []ogcField{{"pcode", "string", "", "COD-AB P-code", false}, {"name", "string", "", "English name", false},
			{"name_fa", "string", "", "Dari name", false}, {"province", "string", "", "Province", false},
			{"aliases", "string", "", "Other spellings, separated by '; '", false}, {"area_km2", "number", "", "Area in km² (spherical)", false},
			{"label_lon", "number", "", "Longitude of a label point inside the district", false},
			{"label_lat", "number", "", "Latitude of a label point inside the district", false}},
		byID: map[string]int{}}
	control := &ogcCollection{ID: "control", Title: "Assessed control",
		Description: "One feature per district and assessed interval [valid_from, valid_to): who held the district centre, with the analyst's confidence and sources. valid_to is null for the ongoing interval. datetime=D returns the map of day D.",
		Temporal:    true, TemporalFrom: "valid_from", TemporalTo: "valid_to",
		Fields: []ogcField{{"pcode", "string", "", "COD-AB P-code", false}, {"name", "string", "", "District", false},
			{"valid_from", "string", "date", "First day of the interval", false},
			{"valid_to", "string", "date", "First day after the interval; null while ongoing", true},
			{"status", "string", "", "republic, taliban, resistance or contested", false},
			{"confidence", "string", "", "high, medium or low", false}, {"note", "string", "", "The analyst's reasoning", false},
			{"source_ids", "string", "", "Source ids, separated by ';' (see /api/sources)", false},
			{"source_urls", "string", "", "Source URLs, separated by spaces", false}},
		byID: map[string]int{}}
	events := &ogcCollection{ID: "events", Title: "Events",
		Description: "Dated point events with ACLED's field names; events without a reported place stand at their district's label point (geo_precision 3).",
		Temporal:    true, TemporalFrom: "event_date", TemporalTo: "",
		Fields: []ogcField{{"event_id", "string", "", "Event id", false}, {"event_date", "string", "date", "Day of the event", false},
			{"time_precision", "integer", "", "1 day, 2 within a week, 3 month", false}, {"event_type", "string", "", "ACLED event type", false},
			{"sub_event_type", "string", "", "ACLED sub-event type", false}, {"actor1", "string", "", "First actor", false},
			{"actor2", "string", "", "Second actor", false}, {"pcode", "string", "", "District P-code, empty outside the mapped districts", false},
			{"location", "string", "", "Place name", false}, {"latitude", "number", "", "Latitude", false}, {"longitude", "number", "", "Longitude", false},
			{"geo_precision", "integer", "", "1 exact, 2 near, 3 district or province", false},
			{"fatalities", "integer", "", "Reported fatalities, null when unknown", true}, {"notes", "string", "", "What happened", false},
			{"source_ids", "string", "", "Source ids, separated by ';'", false}},
		byID: map[string]int{}}
	urls := func(ids []string) string {
		var out []string
		for _, id := range ids {
			if s, ok := ds.Source(id); ok {
				out = append(out, s.URL)
			}
		}
		return strings.Join(out, " ")
	}
	for _, a := range ds.Areas {
		if err := areas.add(ogcFeature{id: a.PCode, geom: a.Geometry, display: a.Display, props: map[string]any{
			"pcode": a.PCode, "name": a.Name, "name_fa": a.NameFa, "province": a.Province,
			"aliases": strings.Join(a.Aliases, "; "), "area_km2": round(a.AreaKm2, 10), "label_lon": round(a.Label[0], 1e5),
			"label_lat": round(a.Label[1], 1e5)}}); err != nil {
			return nil, err
		}
		for _, iv := range ds.Intervals[a.PCode] {
			var to any
			if iv.To != 0 {
				to = iv.To
			}
			if err := control.add(ogcFeature{id: a.PCode + "_" + iv.From.String(), geom: a.Geometry, display: a.Display,
				from: iv.From, to: iv.To, props: map[string]any{"pcode": a.PCode, "name": a.Name,
					"valid_from": iv.From, "valid_to": to, "status": iv.Status, "confidence": iv.Confidence, "note": iv.Note,
					"source_ids": strings.Join(iv.Sources, ";"), "source_urls": urls(iv.Sources)}}); err != nil {
				return nil, err
			}
		}
	}
	for _, e := range ds.Events {
		var fatalities any
		if e.Fatalities != nil {
			fatalities = *e.Fatalities
		}
		if err := events.add(ogcFeature{id: e.ID, geom: e.Point, display: e.Point, from: e.Date, to: e.Date.AddDays(1), props: map[string]any{
			"event_id": e.ID, "event_date": e.Date, "time_precision": e.TimePrecision,
			"event_type": e.Type, "sub_event_type": e.SubType, "actor1": e.Actor1, "actor2": e.Actor2, "pcode": e.PCode,
			"location": e.Location, "latitude": e.Point.Lat(), "longitude": e.Point.Lon(), "geo_precision": e.GeoPrecision,
			"fatalities": fatalities, "notes": e.Notes, "source_ids": strings.Join(e.Sources, ";")}}); err != nil {
			return nil, err
		}
	}
	return []*ogcCollection{areas, control, events}, nil
}

// match returns the indexes of the features that meet the filters.
func (c *ogcCollection) match(bbox *orb.Bound, when *Interval) []int {
	var out []int
	for i, f := range c.features {
		if when != nil && !when.Intersects(f.from, f.to) {
			continue
		}
		if bbox != nil && !geo.Intersects(f.geom, *bbox) {
			continue
		}
		out = append(out, i)
	}
	return out
}
