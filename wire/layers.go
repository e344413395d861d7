package wire

import (
	"bytes"
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

// OpacityOf is the fill opacity of a confidence; none (a province's
// Republic before its capital fell: no doubt to show) is drawn as sure as
// high.
func OpacityOf(c data.Confidence) float64 {
	if o, ok := ConfidenceOpacity[c]; ok {
		return o
	}
	return ConfidenceOpacity[data.ConfidenceHigh]
}

// Areas is the districts layer (/api/areas, OGC "areas", the GeoPackage's
// areas table).
var Areas = &Schema[*data.Area]{Name: "areas", Title: "Districts",
	Description: "The mapped districts (the boundary source's: see the attribution), with their names, aliases and areas.",
	Fields: []Field[*data.Area]{
		{Name: "pcode", Type: "string", Description: "P-code (the boundary source's)", Value: func(a *data.Area) any { return a.PCode }},
		{Name: "name", Type: "string", Description: "English name", Value: func(a *data.Area) any { return a.Name }},
		{Name: "name_fa", Type: "string", Description: "Dari name", Value: func(a *data.Area) any { return a.NameFa }},
		{Name: "province", Type: "string", Description: "Province", Value: func(a *data.Area) any { return a.Province }},
		{Name: "aliases", Type: "string", Description: "Other spellings (flat form: separated by ';')", Value: func(a *data.Area) any { return a.Aliases }},
		{Name: "area_km2", Type: "number", Description: "Area in km² (spherical), to 0.1 km²", Value: func(a *data.Area) any { return Round(a.AreaKm2, 10) }},
		{Name: "label", Form: APIOnly, Description: "[lon, lat] of a label point inside the district", Value: func(a *data.Area) any { return labelOf(a) }},
		{Name: "province_districts", Type: "integer", Form: APIOnly, Description: "Districts of the province in the boundary source (0: unknown): where the map shows fewer, it holds only part of the province", Value: func(a *data.Area) any { return a.ProvinceDistricts }},
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

// assessment is the field called name of the assessed interval a record
// of a layer rests on (iv; nil before the first record, when a nullable
// field is null), with the sources book of the record (book): the fields
// the control and the day layers share, declared once. from names the
// field that holds the interval's first day in the layer.
func assessment[T any](name, from string, nullable bool, iv func(T) *data.Interval, book func(T) *Book) Field[T] {
	of := func(g func(*data.Interval) any) func(T) any {
		return func(r T) any {
			if i := iv(r); i != nil {
				return g(i)
			}
			if nullable {
				return nil
			}
			return ""
		}
	}
	ids := func(r T) []string {
		if i := iv(r); i != nil {
			return i.Sources
		}
		return nil
	}
	f := Field[T]{Name: name, Type: "string", Nullable: nullable}
	switch name {
	case "date_precision":
		f.Description, f.Value = "How well "+from+" is known: day, week, month or inferred", of(func(i *data.Interval) any { return string(i.DatePrecision) })
	case "status":
		f.Description, f.Value = "The id of a party of the region (region.csv; here: /api/timeline region.parties) or contested", of(func(i *data.Interval) any { return string(i.Status) })
	case "confidence":
		f.Description, f.Value = "high, medium or low"+map[bool]string{true: "; null when unknown"}[nullable], of(func(i *data.Interval) any { return string(i.Confidence) })
	case "note":
		f.Nullable, f.Description = false, "The analyst's reasoning"
		f.Value = func(r T) any {
			if i := iv(r); i != nil {
				return i.Note
			}
			return ""
		}
	case "sources":
		f.Type, f.Form, f.Nullable, f.Description = "", APIOnly, false, "The cited sources"
		f.Value = func(r T) any { return book(r).List(ids(r)) }
	case "source_ids":
		f.Form, f.Nullable, f.Description = FlatOnly, false, "Source ids, separated by ';' (see /api/sources)"
		f.Value = func(r T) any { return ids(r) }
	case "source_urls":
		f.Form, f.Nullable, f.Description = FlatOnly, false, "Source URLs, separated by spaces"
		f.Value = func(r T) any { return book(r).URLs(ids(r)) }
	default:
		panic("wire: no assessment field " + name)
	}
	return f
}

// Intervals is the assessed control layer: one feature per district and
// interval [valid_from, valid_to) (/api/history, OGC "control", the
// GeoPackage's control table, the history CSV and KML).
var Intervals = &Schema[IntervalRec]{Name: "control", Title: "Assessed control",
	Description: "One feature per district and assessed interval [valid_from, valid_to): who held the district centre, with the analyst's confidence and sources. valid_to is null for the ongoing interval. datetime=D returns the map of day D.",
	Fields: append([]Field[IntervalRec]{
		Via(fieldOf(Areas, "pcode"), intervalArea),
		Via(fieldOf(Areas, "name"), intervalArea),
		{Name: "valid_from", Type: "string", Format: "date", Description: "First day of the interval", Value: func(r IntervalRec) any { return r.Interval.From }},
		{Name: "valid_to", Type: "string", Format: "date", Nullable: true, Description: "First day after the interval; null while ongoing", Value: func(r IntervalRec) any { return r.Interval.To }},
		intervalAssessment("date_precision"),
		intervalAssessment("status"),
		intervalAssessment("confidence"),
		intervalAssessment("note"),
		{Name: "confirmed", Type: "string", Description: "Publication days of the independent sources that support the status (flat form: separated by ';'); on a day D the status is confirmed by the latest on or before D, and stale 365 days after it",
			Value: func(r IntervalRec) any { return dayStrings(r.Interval.SupportDays()) }},
	}, intervalAssessment("sources"), intervalAssessment("source_ids"), intervalAssessment("source_urls"))}

func intervalArea(r IntervalRec) *data.Area { return r.Area }

func intervalAssessment(name string) Field[IntervalRec] {
	return assessment(name, "valid_from", false, func(r IntervalRec) *data.Interval { return r.Interval }, func(r IntervalRec) *Book { return r.Book })
}

// DayRec is one area's state on one day. Date is what the "date" member
// says: the day, or a placeholder when a template is encoded.
type DayRec struct {
	State data.State
	Day   data.Day
	Date  string
	Book  *Book
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
		Via(fieldOf(Areas, "pcode"), dayArea),
		Via(fieldOf(Areas, "name"), dayArea),
		Via(fieldOf(Areas, "name_fa"), dayArea),
		{Name: "date", Type: "string", Format: "date", Description: "The day", Value: func(r DayRec) any { return r.Date }},
		{Name: "status", Type: "string", Description: "The id of a party of the region (/api/timeline region.parties), contested, or unknown before the first record", Value: func(r DayRec) any { return string(r.State.Status()) }},
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
		dayAssessment("date_precision"),
		dayAssessment("confidence"),
		{Name: "confirmed", Type: "string", Format: "date", Nullable: true, Description: "Publication day of the latest independent source, on or before the day, that supports the status; null when none does",
			Value: func(r DayRec) any { return r.State.Confirmed }},
		{Name: "stale", Type: "boolean", Description: "True when confirmed is null or more than 365 days before the day: the status rests on old evidence",
			Value: func(r DayRec) any { return r.State.Stale }},
		dayAssessment("note"),
		dayAssessment("sources"),
		dayAssessment("source_ids"),
		dayAssessment("source_urls"),
		{Name: "claims", Form: APIOnly, Description: "Each party's latest claim on or before the day", Value: func(r DayRec) any { return r.claimList(r.State.Claims) }},
		{Name: "claims_on_day", Form: APIOnly, Description: "Every claim about the district made on the day itself", Value: func(r DayRec) any { return r.claimList(r.State.ClaimsOnDay) }},
		{Name: "disputed", Type: "boolean", Description: "Claims made within the last 7 days contradict each other or the assessment", Value: func(r DayRec) any { return r.State.Disputed }},
	}, dayCountrysideFields()...)}

func dayArea(r DayRec) *data.Area { return r.State.Area }

func dayAssessment(name string) Field[DayRec] {
	return assessment(name, "since", true, func(r DayRec) *data.Interval { return r.State.Interval }, func(r DayRec) *Book { return r.Book })
}

func (r DayRec) claimList(cs []*data.Claim) []json.RawMessage {
	out := make([]json.RawMessage, 0, len(cs))
	for _, c := range cs {
		var buf bytes.Buffer
		if err := Claims.AppendJSONOf(&buf, ClaimRec{Claim: c, Day: r.Day, Book: r.Book}, dayClaimMembers...); err != nil {
			panic(err) // the names are the schema's (TestClaimForms)
		}
		out = append(out, buf.Bytes())
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
		{Name: "side", Type: "string", Description: "The side actor1 acted for (the id of the ruling or the insurgent party; empty for neither): the countryside activity it counts towards", Value: func(r EventRec) any { return string(r.Event.Side) }},
		{Name: "window", Form: APIOnly, Description: "[from, to): the days on which the event counts as activity in its district and the map draws it (the activity window)", Value: func(r EventRec) any { return [2]data.Day{r.Event.Date, r.Event.Date.AddDays(data.ActivityWindow)} }},
		{Name: "pinned", Form: APIOnly, Description: "True when the map draws the event as a pin of its own (a place, or only a province); false when only its district is known and its district's badge counts it", Value: func(r EventRec) any { return r.Event.HasPoint() || r.Event.ProvinceWide() }},
		{Name: "fatalities", Type: "integer", Nullable: true, Description: "Reported fatalities, null when unknown", Value: func(r EventRec) any { return r.Event.Fatalities }},
		{Name: "notes", Type: "string", Description: "What happened", Value: func(r EventRec) any { return r.Event.Notes }},
		{Name: "sources", Form: APIOnly, Description: "The cited sources", Value: func(r EventRec) any { return r.Book.List(r.Event.Sources) }},
		{Name: "source_ids", Type: "string", Form: FlatOnly, Description: "Source ids, separated by ';'", Value: func(r EventRec) any { return r.Event.Sources }},
	}}
