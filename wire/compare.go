package wire

import (
	"bytes"
	"encoding/json"

	"github.com/controlmap/controlmap/data"
)

// diffProps are the properties of a changed district in /api/diff: the
// district's (diffAreaMembers, from the Areas layer) and these.
type diffProps struct {
	StatusFrom data.Status `json:"status_from"`
	StatusTo   data.Status `json:"status_to"`
	Since      *data.Day   `json:"since"` // when the later status began
	Sources    any         `json:"sources"`
}

var diffAreaMembers = []string{"pcode", "name", "name_fa", "area_km2"}

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

// Diff writes /api/diff: the districts whose assessed status differs
// between two days, with the km² each status gained and lost ("balance")
// and every change in between ("changes") as foreign members. The balance
// adds up the districts' areas as the document lists them (to 0.1 km²), so
// that a reader's sum of the listed districts matches it to the digit, and
// so does the static page's (web/static/js/localdiff.js).
func (e *Encoder) Diff(d data.Diff, detail data.Detail) ([]byte, error) {
	gained, lost := map[data.Status]float64{}, map[data.Status]float64{}
	for _, a := range d.Areas {
		km2 := Round(a.Area.AreaKm2, 10)
		gained[a.To] += km2
		lost[a.From] += km2
	}
	bal := map[data.Status]balance{}
	for _, st := range append([]data.Status{data.StatusUnknown}, e.ds.Region.Statuses()...) {
		g, l := Round(gained[st], 10), Round(lost[st], 10)
		if g != 0 || l != 0 {
			bal[st] = balance{g, l, Round(g-l, 10)}
		}
	}
	changes := []diffChange{}
	for _, ch := range d.Changes {
		changes = append(changes, diffChange{ch.Interval.From, ch.Area.PCode, ch.Area.Name, ch.Previous, ch.Interval.Status, ch.Interval.Sources})
	}
	m := e.meta()
	m["from"], m["to"], m["balance"], m["changes"] = d.From, d.To, bal, changes
	return featureCollection(m, len(d.Areas), func(i int, buf *bytes.Buffer) error {
		a := d.Areas[i]
		p := diffProps{StatusFrom: a.From, StatusTo: a.To, Sources: []json.RawMessage{}}
		if a.Interval != nil {
			p.Since, p.Sources = &a.Interval.From, e.book.List(a.Interval.Sources)
		}
		return writeFeatureWith(buf, a.Area.PCode, e.geom[detail][e.ds.AreaIndex(a.Area.PCode)], func() error {
			pb, err := object(func(b *bytes.Buffer) error { return Areas.AppendMembers(b, a.Area, diffAreaMembers...) }, p)
			buf.Write(pb)
			return err
		})
	})
}

type statusAreaJSON struct {
	Km2   map[data.Status]float64 `json:"km2"`
	Share map[data.Status]float64 `json:"share"`
}

// Stats writes /api/stats: on every day on which the assessed status or a
// party's latest claim changes, the km² and share of the mapped area under
// each status, assessed and as each party claims; and, for a dataset that
// maps the country, the provinces' km² by who held each capital ("country").
func (e *Encoder) Stats() ([]byte, error) {
	total := e.ds.TotalKm2()
	statuses := append(e.ds.Region.Statuses(), data.StatusUnknown)
	conv := func(sa data.StatusArea) statusAreaJSON { return statusAreaOf(sa, total, statuses) }
	days := []map[string]any{} // date, assessed, and "<side>_claims" for each side of the war
	for _, s := range e.ds.Stats() {
		day := map[string]any{"date": s.Day, "assessed": conv(s.Assessed)}
		for _, side := range e.ds.Region.Sides() {
			day[string(side)+"_claims"] = conv(s.Claimed[side])
		}
		days = append(days, day)
	}
	m := e.meta()
	m["total_km2"], m["statuses"], m["days"] = Round(total, 10), statuses, days
	// The country around the districts, when the dataset maps it: the
	// provinces' km² by who held each capital (data.Dataset.CountryStats).
	if country := e.ds.CountryKm2(); country > 0 {
		var cdays []map[string]any
		for _, s := range e.ds.CountryStats() {
			cdays = append(cdays, map[string]any{"date": s.Day, "assessed": statusAreaOf(s.Assessed, country, statuses)})
		}
		m["country"] = map[string]any{"total_km2": Round(country, 10), "days": cdays}
	}
	return json.Marshal(m)
}

// statusAreaOf is a day's km² and share of total under each of statuses.
func statusAreaOf(sa data.StatusArea, total float64, statuses []data.Status) statusAreaJSON {
	out := statusAreaJSON{Km2: map[data.Status]float64{}, Share: map[data.Status]float64{}}
	for _, st := range statuses {
		out.Km2[st] = Round(sa[st], 10)
		out.Share[st] = Round(sa[st]/total, 1e4)
	}
	return out
}
