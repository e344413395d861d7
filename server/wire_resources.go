package server

import (
	"bytes"
	"encoding/json"
	"maps"
	"math"
	"slices"

	"github.com/controlmap/controlmap/data"
)

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

// areaProps are the properties of /api/areas features.
type areaProps struct {
	PCode    string     `json:"pcode"`
	Name     string     `json:"name"`
	NameFa   string     `json:"name_fa"`
	Aliases  []string   `json:"aliases"`
	Province string     `json:"province"`
	AreaKm2  float64    `json:"area_km2"` // rounded to 0.1 km²
	Label    [2]float64 `json:"label"`    // [lon, lat], inside the polygon
}

func (e *encoder) areas(detail Detail) ([]byte, error) {
	return featureCollection(e.meta(), len(e.ds.Areas), func(i int, buf *bytes.Buffer) error {
		a := e.ds.Areas[i]
		return feature(buf, a.PCode, e.geom[detail][i], areaProps{
			PCode: a.PCode, Name: a.Name, NameFa: a.NameFa, Aliases: nonNil(a.Aliases), Province: a.Province,
			AreaKm2: round(a.AreaKm2, 10), Label: [2]float64{round(a.Label[0], 1e5), round(a.Label[1], 1e5)},
		})
	})
}

// meta is the foreign members every collection carries.
func (e *encoder) meta() map[string]any {
	return map[string]any{"attribution": data.Attribution}
}

// claimJSON is a claim as served inside a control feature.
type claimJSON struct {
	Party   data.Party        `json:"party"`
	Kind    data.Kind         `json:"kind"`
	Date    data.Day          `json:"date"`
	Status  data.Status       `json:"status"`
	Current bool              `json:"current"` // made within the claim window, so it counts towards disputed
	Note    string            `json:"note"`
	Sources []json.RawMessage `json:"sources"`
}

// controlProps are the properties of /api/control features.
type controlProps struct {
	PCode      string            `json:"pcode"`
	Name       string            `json:"name"`
	NameFa     string            `json:"name_fa"`
	Date       string            `json:"date"`
	Status     data.Status       `json:"status"`
	Since      *data.Day         `json:"since"` // first day of the interval; null when unknown
	Until      *data.Day         `json:"until"` // first day of the next interval; null when open
	Confidence *data.Confidence  `json:"confidence"`
	Note       string            `json:"note"`
	Sources    []json.RawMessage `json:"sources"`
	Claims     []claimJSON       `json:"claims"`
	Disputed   bool              `json:"disputed"`
}

func (e *encoder) control(day data.Day, detail Detail) ([]byte, error) {
	return e.controlWithDate(day, detail, day.String())
}

// controlWithDate encodes the states on day with date written as the
// "date" members (the day itself, or a sentinel for a template).
func (e *encoder) controlWithDate(day data.Day, detail Detail, date string) ([]byte, error) {
	states := e.ds.StatesAt(day)
	meta := e.meta()
	meta["date"] = date
	return featureCollection(meta, len(states), func(i int, buf *bytes.Buffer) error {
		return feature(buf, states[i].Area.PCode, e.geom[detail][i], e.controlProps(states[i], day, date))
	})
}

func (e *encoder) controlProps(s data.State, day data.Day, date string) controlProps {
	p := controlProps{PCode: s.Area.PCode, Name: s.Area.Name, NameFa: s.Area.NameFa, Date: date,
		Status: s.Status(), Sources: []json.RawMessage{}, Claims: []claimJSON{}, Disputed: s.Disputed}
	if iv := s.Interval; iv != nil {
		p.Since, p.Confidence, p.Note, p.Sources = &iv.From, &iv.Confidence, iv.Note, e.sourceList(iv.Sources)
		if iv.To != 0 {
			p.Until = &iv.To
		}
	}
	for _, c := range s.Claims {
		p.Claims = append(p.Claims, claimJSON{Party: c.Party, Kind: c.Kind, Date: c.Date, Status: c.Status,
			Current: day-c.Date < data.ClaimWindow, Note: c.Note, Sources: e.sourceList(c.Sources)})
	}
	return p
}

// historyProps are the properties of /api/history features: one assessed
// interval [valid_from, valid_to) of one area.
type historyProps struct {
	PCode      string            `json:"pcode"`
	Name       string            `json:"name"`
	ValidFrom  data.Day          `json:"valid_from"`
	ValidTo    *data.Day         `json:"valid_to"` // null for the open, current interval
	Status     data.Status       `json:"status"`
	Confidence data.Confidence   `json:"confidence"`
	Note       string            `json:"note"`
	Sources    []json.RawMessage `json:"sources"`
}

func (e *encoder) history(detail Detail) ([]byte, error) {
	type item struct {
		area int
		iv   data.Interval
	}
	var items []item
	for i, a := range e.ds.Areas {
		for _, iv := range e.ds.Intervals[a.PCode] {
			items = append(items, item{i, iv})
		}
	}
	return featureCollection(e.meta(), len(items), func(i int, buf *bytes.Buffer) error {
		it := items[i]
		a := e.ds.Areas[it.area]
		p := historyProps{PCode: a.PCode, Name: a.Name, ValidFrom: it.iv.From, Status: it.iv.Status,
			Confidence: it.iv.Confidence, Note: it.iv.Note, Sources: e.sourceList(it.iv.Sources)}
		if it.iv.To != 0 {
			p.ValidTo = &it.iv.To
		}
		return feature(buf, a.PCode+"_"+it.iv.From.String(), e.geom[detail][it.area], p)
	})
}

// eventProps are the properties of /api/events features (ACLED field names).
type eventProps struct {
	EventID       string            `json:"event_id"`
	EventDate     data.Day          `json:"event_date"`
	TimePrecision int               `json:"time_precision"`
	EventType     string            `json:"event_type"`
	SubEventType  string            `json:"sub_event_type"`
	Actor1        string            `json:"actor1"`
	Actor2        string            `json:"actor2"`
	PCode         string            `json:"pcode"`
	Location      string            `json:"location"`
	Latitude      float64           `json:"latitude"`
	Longitude     float64           `json:"longitude"`
	GeoPrecision  int               `json:"geo_precision"`
	Fatalities    *int              `json:"fatalities"`
	Notes         string            `json:"notes"`
	Sources       []json.RawMessage `json:"sources"`
}

func (e *encoder) eventProps(ev data.Event) eventProps {
	return eventProps{EventID: ev.ID, EventDate: ev.Date, TimePrecision: ev.TimePrecision, EventType: ev.Type,
		SubEventType: ev.SubType, Actor1: ev.Actor1, Actor2: ev.Actor2, PCode: ev.PCode, Location: ev.Location,
		Latitude: ev.Point.Lat(), Longitude: ev.Point.Lon(), GeoPrecision: ev.GeoPrecision,
		Fatalities: ev.Fatalities, Notes: ev.Notes, Sources: e.sourceList(ev.Sources)}
}

func (e *encoder) events(from, to data.Day) ([]byte, error) {
	evs := e.ds.EventsBetween(from, to)
	return featureCollection(e.meta(), len(evs), func(i int, buf *bytes.Buffer) error {
		pt, err := json.Marshal(map[string]any{"type": "Point", "coordinates": evs[i].Point})
		if err != nil {
			return err
		}
		return feature(buf, evs[i].ID, pt, e.eventProps(evs[i]))
	})
}

func round(v, factor float64) float64 { return math.Round(v*factor) / factor }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
