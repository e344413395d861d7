package wire

import (
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

// period is one chapter as /api/periods writes it.
type period struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	TitleFA string   `json:"title_fa"`
	From    data.Day `json:"from"`
	To      data.Day `json:"to"`
	KeyDay  data.Day `json:"key_day"` // the day the chapter opens on (data.Dataset.KeyDay)
	Summary string   `json:"summary"`
	Sources []string `json:"sources"`
}

// Periods writes /api/periods: the named chapters, [from, to] inclusive,
// with the ids of their sources (see /api/sources).
func (e *Encoder) Periods() ([]byte, error) {
	out := make([]period, 0, len(e.ds.Periods))
	for _, p := range e.ds.Periods {
		out = append(out, period{p.ID, p.Title, p.TitleFA, p.From, p.To, e.ds.KeyDay(p), p.Summary, p.Sources})
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
