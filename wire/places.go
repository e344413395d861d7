package wire

import (
	"bytes"
	"encoding/json"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/controlmap/controlmap/data"
)

// placePriority orders labels when they collide (higher wins): the passes
// and valleys the sources name before villages, villages before towns.
var placePriority = map[string]int{"pass": 600, "valley": 500, "village": 400, "town": 300}

// PlacePriority is the rank of a kind of place when labels collide: higher
// wins. The page (through /api/places) and the pictures use it.
func PlacePriority(kind string) int { return placePriority[kind] }

// Places writes /api/places: every labelled place as a GeoJSON point with
// its names, kind, the zoom from which the page labels it, its label
// priority, and the page its coordinate was read on ("GeoNames" for towns
// from GeoNames).
func (e *Encoder) Places() ([]byte, error) {
	fc := geojson.NewFeatureCollection()
	for _, p := range e.ds.Places {
		f := geojson.NewFeature(orb.Point{p.Lon, p.Lat})
		f.Properties = geojson.Properties{
			"name": p.Name, "name_fa": p.NameFa, "kind": p.Kind, "minzoom": p.MinZoom,
			"aliases": nonNil(p.Aliases), "source": p.Source, "priority": placePriority[p.Kind],
		}
		fc.Append(f)
	}
	fc.ExtraMembers = e.meta()
	return json.Marshal(fc)
}

// PeriodRec is one chapter with the day it opens on (data.Dataset.KeyDay).
type PeriodRec struct {
	Period *data.Period
	KeyDay data.Day
}

// Periods is the chapters of the story (/api/periods): named spans of
// days, [from, to] inclusive, each with a summary and its sources.
var Periods = &Schema[PeriodRec]{Name: "periods", Title: "Chapters",
	Description: "Named chapters of the story, [from, to] inclusive, with the day each opens on, a summary and the ids of its sources (see /api/sources).",
	Fields: []Field[PeriodRec]{
		{Name: "id", Type: "string", Description: "Chapter id", Value: func(r PeriodRec) any { return r.Period.ID }},
		{Name: "title", Type: "string", Description: "English title", Value: func(r PeriodRec) any { return r.Period.Title }},
		{Name: "title_fa", Type: "string", Description: "Dari title", Value: func(r PeriodRec) any { return r.Period.TitleFa }},
		{Name: "from", Type: "string", Format: "date", Description: "First day", Value: func(r PeriodRec) any { return r.Period.From }},
		{Name: "to", Type: "string", Format: "date", Description: "Last day (inclusive)", Value: func(r PeriodRec) any { return r.Period.To }},
		{Name: "key_day", Type: "string", Format: "date", Description: "The day the chapter opens on: its first change, else its first day", Value: func(r PeriodRec) any { return r.KeyDay }},
		{Name: "summary", Type: "string", Description: "What happened, in English", Value: func(r PeriodRec) any { return r.Period.Summary }},
		{Name: "sources", Type: "string", Description: "Source ids (flat form: separated by ';')", Value: func(r PeriodRec) any { return nonNil(r.Period.Sources) }},
	}}

// Periods writes /api/periods: the chapters in the Periods layer's API form.
func (e *Encoder) Periods() ([]byte, error) {
	out := make([]json.RawMessage, 0, len(e.ds.Periods))
	for i := range e.ds.Periods {
		p := &e.ds.Periods[i]
		var buf bytes.Buffer
		if err := Periods.AppendJSON(&buf, PeriodRec{p, e.ds.KeyDay(*p)}); err != nil {
			return nil, err
		}
		out = append(out, buf.Bytes())
	}
	m := e.meta()
	m["periods"] = out
	return json.Marshal(m)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
