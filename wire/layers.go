package wire

import (
	"encoding/json"
	"fmt"
	"github.com/paulmach/orb"
	"strings"

	"github.com/controlmap/controlmap/data"
)

// Book resolves the source ids a record cites: as full source records (the
// API form), as ids (the timeline document, which carries the records once)
// or as URLs (the flat form).
type Book struct {
	raw     map[string]json.RawMessage
	url     map[string]string
	idsOnly bool
}

// NewBook encodes every source of ds once.
func NewBook(ds *data.Dataset) (*Book, error) {
	b := &Book{raw: map[string]json.RawMessage{}, url: map[string]string{}}
	for _, s := range ds.Sources {
		raw, err := json.Marshal(sourceJSON{s, knownFrom(s)})
		if err != nil {
			return nil, fmt.Errorf("wire: encode source %s: %w", s.ID, err)
		}
		b.raw[s.ID], b.url[s.ID] = raw, s.URL
	}
	return b, nil
}

// sourceJSON is a source as the API writes it: with the day from which it
// counts as published (data.Source.KnownFrom), the one rule by which a
// reader's "published later" and the map "as known at the time" agree.
type sourceJSON struct {
	data.Source
	KnownFrom *data.Day `json:"known_from"` // null: undated, never known at the time
}

func knownFrom(s data.Source) *data.Day {
	if d, ok := s.KnownFrom(); ok {
		return &d
	}
	return nil
}

// IDs returns a book that lists sources by id.
func (b *Book) IDs() *Book { c := *b; c.idsOnly = true; return &c }

// List returns the sources ids as the API form writes them.
func (b *Book) List(ids []string) any {
	if b.idsOnly {
		if ids == nil {
			return []string{}
		}
		return ids
	}
	out := make([]json.RawMessage, len(ids))
	for i, id := range ids {
		out[i] = b.raw[id]
	}
	return out
}

// URLs returns the sources' URLs separated by spaces.
func (b *Book) URLs(ids []string) string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, b.url[id])
	}
	return strings.Join(out, " ")
}

// ConfidenceOpacity is how opaque a district's fill is, by the assessment's
// confidence: a "low" district never looks as certain as a "high" one. It
// is the one table of it: the pictures draw with it (package export) and the
// page reads it from /api/timeline ("confidence_opacity"), so the map, the
// pictures and the link previews agree.
var ConfidenceOpacity = map[data.Confidence]float64{data.ConfidenceHigh: 0.85, data.ConfidenceMedium: 0.6, data.ConfidenceLow: 0.35}

// Areas is the districts layer (/api/areas, OGC "areas", the GeoPackage's
// areas table).
var Areas = &Schema[*data.Area]{Name: "areas", Title: "Districts",
	Description: "The districts of the Panjshir and Andarab valleys (OCHA COD-AB, AGCHO 2018), with their names, aliases and areas.",
	Fields: []Field[*data.Area]{
		{Name: "pcode", Type: "string", Description: "COD-AB P-code", Value: func(a *data.Area) any { return a.PCode }},
		{Name: "name", Type: "string", Description: "English name", Value: func(a *data.Area) any { return a.Name }},
		{Name: "name_fa", Type: "string", Description: "Dari name", Value: func(a *data.Area) any { return a.NameFa }},
		{Name: "province", Type: "string", Description: "Province", Value: func(a *data.Area) any { return a.Province }},
		{Name: "aliases", Type: "string", Description: "Other spellings (flat form: separated by ';')", Value: func(a *data.Area) any { return a.Aliases }},
		{Name: "area_km2", Type: "number", Description: "Area in km² (spherical), to 0.1 km²", Value: func(a *data.Area) any { return Round(a.AreaKm2, 10) }},
		{Name: "label", Form: APIOnly, Description: "[lon, lat] of a label point inside the district", Value: func(a *data.Area) any { return labelOf(a) }},
		{Name: "province_districts", Type: "integer", Form: APIOnly, Description: "Districts of the province in COD-AB: where the map shows fewer, it holds only part of the province", Value: func(a *data.Area) any { return a.ProvinceDistricts }},
		{Name: "label_lon", Type: "number", Form: FlatOnly, Description: "Longitude of a label point inside the district", Value: func(a *data.Area) any { return labelOf(a)[0] }},
		{Name: "label_lat", Type: "number", Form: FlatOnly, Description: "Latitude of a label point inside the district", Value: func(a *data.Area) any { return labelOf(a)[1] }},
	}}

func labelOf(a *data.Area) [2]float64 {
	return [2]float64{Round(a.Label[0], 1e5), Round(a.Label[1], 1e5)}
}

// IntervalRec is one assessed interval of one area.
type IntervalRec struct {
	Area     *data.Area
	Interval *data.Interval
	Book     *Book
}

// Intervals is the assessed control layer: one feature per district and
// interval [valid_from, valid_to) (/api/history, OGC "control", the
// GeoPackage's control table, the history CSV and KML).
var Intervals = &Schema[IntervalRec]{Name: "control", Title: "Assessed control",
	Description: "One feature per district and assessed interval [valid_from, valid_to): who held the district centre, with the analyst's confidence and sources. valid_to is null for the ongoing interval. datetime=D returns the map of day D.",
	Fields: []Field[IntervalRec]{
		{Name: "pcode", Type: "string", Description: "COD-AB P-code", Value: func(r IntervalRec) any { return r.Area.PCode }},
		{Name: "name", Type: "string", Description: "District", Value: func(r IntervalRec) any { return r.Area.Name }},
		{Name: "valid_from", Type: "string", Format: "date", Description: "First day of the interval", Value: func(r IntervalRec) any { return r.Interval.From }},
		{Name: "valid_to", Type: "string", Format: "date", Nullable: true, Description: "First day after the interval; null while ongoing", Value: func(r IntervalRec) any { return r.Interval.To }},
		{Name: "date_precision", Type: "string", Description: "How well valid_from is known: day, week, month or inferred", Value: func(r IntervalRec) any { return string(r.Interval.DatePrecision) }},
		{Name: "status", Type: "string", Description: "republic, taliban, resistance or contested", Value: func(r IntervalRec) any { return string(r.Interval.Status) }},
		{Name: "confidence", Type: "string", Description: "high, medium or low", Value: func(r IntervalRec) any { return string(r.Interval.Confidence) }},
		{Name: "note", Type: "string", Description: "The analyst's reasoning", Value: func(r IntervalRec) any { return r.Interval.Note }},
		{Name: "confirmed", Type: "string", Description: "Publication days of the independent sources that support the status (flat form: separated by ';'); on a day D the status is confirmed by the latest on or before D, and stale 365 days after it",
			Value: func(r IntervalRec) any { return dayStrings(r.Interval.SupportDays()) }},
		{Name: "sources", Form: APIOnly, Description: "The cited sources", Value: func(r IntervalRec) any { return r.Book.List(r.Interval.Sources) }},
		{Name: "source_ids", Type: "string", Form: FlatOnly, Description: "Source ids, separated by ';' (see /api/sources)", Value: func(r IntervalRec) any { return r.Interval.Sources }},
		{Name: "source_urls", Type: "string", Form: FlatOnly, Description: "Source URLs, separated by spaces", Value: func(r IntervalRec) any { return r.Book.URLs(r.Interval.Sources) }},
	}}

// DayRec is one area's state on one day. Date is what the "date" member
// says: the day, or a placeholder when a template is encoded.
type DayRec struct {
	State data.State
	Day   data.Day
	Date  string
	Book  *Book
}

// claimJSON is a claim as the API writes it inside a day's feature.
type claimJSON struct {
	Party   data.Party  `json:"party"`
	Kind    data.Kind   `json:"kind"`
	Date    data.Day    `json:"date"`
	Status  data.Status `json:"status"`
	Current bool        `json:"current"` // counts towards disputed (data.Claim.CurrentOn)
	Note    string      `json:"note"`
	Sources any         `json:"sources"`
}

func (r DayRec) sources() []string {
	if r.State.Interval == nil {
		return nil
	}
	return r.State.Interval.Sources
}

// interval returns f of the assessed interval, or nil before the first one.
func (r DayRec) interval(f func(*data.Interval) any) any {
	if r.State.Interval == nil {
		return nil
	}
	return f(r.State.Interval)
}

// Days is the layer of the districts on one day (/api/control, the day CSV).
var Days = &Schema[DayRec]{Name: "day", Title: "Control on a day",
	Description: "Every district's assessed status on one day, with the interval it belongs to, each party's latest claim, whether the claims dispute it, and what is known outside the centre.",
	Fields: append([]Field[DayRec]{
		{Name: "pcode", Type: "string", Description: "COD-AB P-code", Value: func(r DayRec) any { return r.State.Area.PCode }},
		{Name: "name", Type: "string", Description: "District", Value: func(r DayRec) any { return r.State.Area.Name }},
		{Name: "name_fa", Type: "string", Description: "Dari name", Value: func(r DayRec) any { return r.State.Area.NameFa }},
		{Name: "date", Type: "string", Format: "date", Description: "The day", Value: func(r DayRec) any { return r.Date }},
		{Name: "status", Type: "string", Description: "republic, taliban, resistance, contested, or unknown before the first record", Value: func(r DayRec) any { return string(r.State.Status()) }},
		{Name: "since", Type: "string", Format: "date", Nullable: true, Description: "First day of the assessed interval; null when unknown",
			Value: func(r DayRec) any { return r.interval(func(iv *data.Interval) any { return iv.From }) }},
		{Name: "until", Type: "string", Format: "date", Nullable: true, Description: "First day of the next interval; null while ongoing",
			Value: func(r DayRec) any {
				return r.interval(func(iv *data.Interval) any {
					if iv.To == 0 {
						return nil
					}
					return iv.To
				})
			}},
		{Name: "date_precision", Type: "string", Nullable: true, Description: "How well since is known: day, week, month or inferred",
			Value: func(r DayRec) any { return r.interval(func(iv *data.Interval) any { return string(iv.DatePrecision) }) }},
		{Name: "confidence", Type: "string", Nullable: true, Description: "high, medium or low; null when unknown",
			Value: func(r DayRec) any { return r.interval(func(iv *data.Interval) any { return string(iv.Confidence) }) }},
		{Name: "confirmed", Type: "string", Format: "date", Nullable: true, Description: "Publication day of the latest independent source, on or before the day, that supports the status; null when none does",
			Value: func(r DayRec) any { return r.State.Confirmed }},
		{Name: "stale", Type: "boolean", Description: "True when confirmed is null or more than 365 days before the day: the status rests on old evidence",
			Value: func(r DayRec) any { return r.State.Stale }},
		{Name: "note", Type: "string", Description: "The analyst's reasoning",
			Value: func(r DayRec) any {
				if r.State.Interval == nil {
					return ""
				}
				return r.State.Interval.Note
			}},
		{Name: "sources", Form: APIOnly, Description: "The cited sources", Value: func(r DayRec) any { return r.Book.List(r.sources()) }},
		{Name: "source_ids", Type: "string", Form: FlatOnly, Description: "Source ids, separated by ';'", Value: func(r DayRec) any { return r.sources() }},
		{Name: "source_urls", Type: "string", Form: FlatOnly, Description: "Source URLs, separated by spaces", Value: func(r DayRec) any { return r.Book.URLs(r.sources()) }},
		{Name: "claims", Form: APIOnly, Description: "Each party's latest claim on or before the day", Value: func(r DayRec) any { return r.claimList(r.State.Claims) }},
		{Name: "claims_on_day", Form: APIOnly, Description: "Every claim about the district made on the day itself", Value: func(r DayRec) any { return r.claimList(r.State.ClaimsOnDay) }},
		{Name: "disputed", Type: "boolean", Description: "Claims made within the last 7 days contradict each other or the assessment", Value: func(r DayRec) any { return r.State.Disputed }},
	}, dayCountrysideFields()...)}

func (r DayRec) claimList(cs []*data.Claim) []claimJSON {
	out := []claimJSON{}
	for _, c := range cs {
		out = append(out, claimJSON{Party: c.Party, Kind: c.Kind, Date: c.Date, Status: c.Status,
			Current: c.CurrentOn(r.Day), Note: c.Note, Sources: r.Book.List(c.Sources)})
	}
	return out
}

// EventRec is one event.
type EventRec struct {
	Event *data.Event
	Book  *Book
}

// coord returns the longitude (0) or latitude (1) of the point the event is
// drawn at (data.Event.Where), to the 1e-5 degree the dataset writes.
func (r EventRec) coord(i int) any { return Round(r.Event.Where[i], 1e5) }

// Geometry is the point the event is drawn at, as ACLED places events: its
// place at geo_precision 1 or 2, at 3 its district's label point or, for a
// province-wide event, its province's; geo_precision says which.
func (r EventRec) Geometry() orb.Geometry {
	return orb.Point{Round(r.Event.Where[0], 1e5), Round(r.Event.Where[1], 1e5)}
}

// dayStrings writes days as YYYY-MM-DD.
func dayStrings(days []data.Day) []string {
	out := make([]string, len(days))
	for i, d := range days {
		out[i] = d.String()
	}
	return out
}

// Events is the events layer (/api/events, OGC "events", the GeoPackage's
// events table, the KML's events folder), with ACLED's field names.
var Events = &Schema[EventRec]{Name: "events", Title: "Events",
	Description: "Dated events with ACLED's field names and places: geo_precision 1 at the place itself, 2 near a named place, 3 known only to its district (drawn at the district's label point) or province (pcode empty; drawn at the mean of the province's mapped districts' label points).",
	Fields: []Field[EventRec]{
		{Name: "event_id", Type: "string", Description: "Event id", Value: func(r EventRec) any { return r.Event.ID }},
		{Name: "event_date", Type: "string", Format: "date", Description: "Day of the event", Value: func(r EventRec) any { return r.Event.Date }},
		{Name: "time_precision", Type: "integer", Description: "1 day, 2 within a week, 3 month", Value: func(r EventRec) any { return r.Event.TimePrecision }},
		{Name: "event_type", Type: "string", Description: "ACLED event type", Value: func(r EventRec) any { return r.Event.Type }},
		{Name: "sub_event_type", Type: "string", Description: "ACLED sub-event type", Value: func(r EventRec) any { return r.Event.SubType }},
		{Name: "actor1", Type: "string", Description: "First actor", Value: func(r EventRec) any { return r.Event.Actor1 }},
		{Name: "actor2", Type: "string", Description: "Second actor", Value: func(r EventRec) any { return r.Event.Actor2 }},
		{Name: "admin1", Type: "string", Description: "Province, as ACLED names it", Value: func(r EventRec) any { return r.Event.Admin1 }},
		{Name: "admin2", Type: "string", Description: "District, as ACLED names it; empty for a province-wide event", Value: func(r EventRec) any { return r.Event.Admin2 }},
		{Name: "pcode", Type: "string", Description: "District P-code; empty outside the mapped districts and for a province-wide event", Value: func(r EventRec) any { return r.Event.PCode }},
		{Name: "location", Type: "string", Description: "Place name", Value: func(r EventRec) any { return r.Event.Location }},
		{Name: "latitude", Type: "number", Description: "Latitude of the point drawn (see geo_precision)", Value: func(r EventRec) any { return r.coord(1) }},
		{Name: "longitude", Type: "number", Description: "Longitude of the point drawn (see geo_precision)", Value: func(r EventRec) any { return r.coord(0) }},
		{Name: "geo_precision", Type: "integer", Description: "1 the place itself, 2 near a named place (about 10 km), 3 only the district (its label point) or, without pcode, only the province", Value: func(r EventRec) any { return r.Event.GeoPrecision }},
		{Name: "side", Type: "string", Description: "The side actor1 acted for (resistance or taliban; empty for neither): the countryside activity it counts towards", Value: func(r EventRec) any { return string(r.Event.Side()) }},
		{Name: "window", Form: APIOnly, Description: "[from, to): the days on which the event counts as activity in its district and the map draws it (the activity window)", Value: func(r EventRec) any { return [2]data.Day{r.Event.Date, r.Event.Date.AddDays(data.ActivityWindow)} }},
		{Name: "pinned", Form: APIOnly, Description: "True when the map draws the event as a pin of its own (a place, or only a province); false when only its district is known and its district's badge counts it", Value: func(r EventRec) any { return r.Event.HasPoint() || r.Event.ProvinceWide() }},
		{Name: "fatalities", Type: "integer", Nullable: true, Description: "Reported fatalities, null when unknown", Value: func(r EventRec) any { return r.Event.Fatalities }},
		{Name: "notes", Type: "string", Description: "What happened", Value: func(r EventRec) any { return r.Event.Notes }},
		{Name: "sources", Form: APIOnly, Description: "The cited sources", Value: func(r EventRec) any { return r.Book.List(r.Event.Sources) }},
		{Name: "source_ids", Type: "string", Form: FlatOnly, Description: "Source ids, separated by ';'", Value: func(r EventRec) any { return r.Event.Sources }},
	}}
