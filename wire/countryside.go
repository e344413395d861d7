package wire

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/controlmap/controlmap/data"
)

// CountrysideRec is one district's countryside over a range of days.
type CountrysideRec struct {
	Area  *data.Area
	Range data.CountrysideRange
	Book  *Book
}

// activityJSON is one side's activity as the API form writes it.
type activityJSON struct {
	Count      int       `json:"count"`
	Latest     *data.Day `json:"latest"`     // null without an event
	Confidence any       `json:"confidence"` // null without an event
	Events     []string  `json:"events"`     // event ids, date order
}

func activityOf(a data.Activity) activityJSON {
	out := activityJSON{Count: a.Count(), Confidence: confidenceOf(a), Events: eventIDs(a)}
	if l := a.Latest(); l != 0 {
		out.Latest = &l
	}
	return out
}

func eventIDs(a data.Activity) []string {
	out := make([]string, len(a.Events))
	for i, e := range a.Events {
		out[i] = e.ID
	}
	return out
}

// presenceJSON is one presence row as the API form writes it.
type presenceJSON struct {
	Side       data.Party      `json:"side"`
	From       data.Day        `json:"from"`
	To         data.Day        `json:"to"` // inclusive
	Confidence data.Confidence `json:"confidence"`
	Note       string          `json:"note"`
	Sources    any             `json:"sources"`
}

func (r CountrysideRec) presence() []presenceJSON {
	out := []presenceJSON{}
	for _, p := range r.Range.Presence {
		out = append(out, presenceJSON{Side: p.Side, From: p.From, To: p.To, Confidence: p.Confidence, Note: p.Note, Sources: r.Book.List(p.Sources)})
	}
	return out
}

// presenceOf returns the confidence of the presence of the side in role,
// nil without one.
func (r CountrysideRec) presenceOf(role data.Role) any {
	for _, p := range r.Range.Presence {
		if p.Role == role {
			return string(p.Confidence)
		}
	}
	return nil
}

// confidenceOf is an activity's confidence, nil without an event.
func confidenceOf(a data.Activity) any {
	if a.Count() == 0 {
		return nil
	}
	return string(a.Confidence)
}

func (r CountrysideRec) sources() []string {
	ids := append(r.Range.Insurgent.Sources(), r.Range.Ruling.Sources()...)
	for _, p := range r.Range.Presence {
		ids = append(ids, p.Sources...)
	}
	var out []string
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// Countryside is the layer of what is known outside each district's centre
// (docs/methodology.md, "Outside the centre"): one feature per district and
// range of days over which it does not change (the timeline, OGC
// "countryside", the GeoPackage's countryside table), and one member of
// each district's day in /api/control. Its fields are declared here once.
var Countryside = &Schema[CountrysideRec]{Name: "countryside", Title: "Outside the centre",
	Description: "One feature per district and range of days [valid_from, valid_to) over which what is known outside the district centre does not change: the insurgent side's activity and the ruling side's operations reported within the last 30 days, the analyst's side-valley presence, and whether independent reporting covers the window. It never changes the assessed status.",
	Fields: []Field[CountrysideRec]{
		{Name: "pcode", Type: "string", Form: FlatOnly, Description: "P-code (the boundary source's)", Value: func(r CountrysideRec) any { return r.Area.PCode }},
		{Name: "name", Type: "string", Form: FlatOnly, Description: "District", Value: func(r CountrysideRec) any { return r.Area.Name }},
		{Name: "valid_from", Type: "string", Format: "date", Nullable: true, Description: "First day of the range; null before the first record", Value: func(r CountrysideRec) any { return r.Range.From }},
		{Name: "valid_to", Type: "string", Format: "date", Nullable: true, Description: "First day after the range; null while ongoing", Value: func(r CountrysideRec) any { return r.Range.To }},
		{Name: "window_days", Type: "integer", Description: "Days an event counts as activity: the day itself and the days after, up to this many", Value: func(CountrysideRec) any { return data.ActivityWindow }},
		{Name: "insurgent", Form: APIOnly, Description: "The insurgent side's activity reported in the window (attacks, clashes, positions): count, latest day, confidence, event ids. Which party is insurgent: the timeline's region.parties", Value: func(r CountrysideRec) any { return activityOf(r.Range.Insurgent) }},
		{Name: "ruling", Form: APIOnly, Description: "The ruling side's operations reported in the window (raids, arrests, evictions, clearance operations): count, latest day, confidence, event ids", Value: func(r CountrysideRec) any { return activityOf(r.Range.Ruling) }},
		{Name: "insurgent_events", Type: "integer", Form: FlatOnly, Description: "The insurgent side's activity: events in the window", Value: func(r CountrysideRec) any { return r.Range.Insurgent.Count() }},
		{Name: "insurgent_confidence", Type: "string", Form: FlatOnly, Nullable: true, Description: "Confidence in the insurgent side's activity (high, medium, low); null without an event", Value: func(r CountrysideRec) any { return confidenceOf(r.Range.Insurgent) }},
		{Name: "insurgent_event_ids", Type: "string", Form: FlatOnly, Description: "Event ids, separated by ';'", Value: func(r CountrysideRec) any { return eventIDs(r.Range.Insurgent) }},
		{Name: "ruling_events", Type: "integer", Form: FlatOnly, Description: "The ruling side's operations: events in the window", Value: func(r CountrysideRec) any { return r.Range.Ruling.Count() }},
		{Name: "ruling_confidence", Type: "string", Form: FlatOnly, Nullable: true, Description: "Confidence in the ruling side's operations (high, medium, low); null without an event", Value: func(r CountrysideRec) any { return confidenceOf(r.Range.Ruling) }},
		{Name: "ruling_event_ids", Type: "string", Form: FlatOnly, Description: "Event ids, separated by ';'", Value: func(r CountrysideRec) any { return eventIDs(r.Range.Ruling) }},
		{Name: "presence", Form: APIOnly, Description: "The analyst's side-valley presence rows covering the range, each with its side, its period (from and to, both inclusive), confidence, note and sources", Value: func(r CountrysideRec) any { return r.presence() }},
		{Name: "presence_insurgent", Type: "string", Form: FlatOnly, Nullable: true, Description: "Confidence of the insurgent side's assessed presence outside the centre; null when none is assessed", Value: func(r CountrysideRec) any { return r.presenceOf(data.RoleInsurgent) }},
		{Name: "presence_ruling", Type: "string", Form: FlatOnly, Nullable: true, Description: "Confidence of the ruling side's assessed presence outside the centre; null when none is assessed", Value: func(r CountrysideRec) any { return r.presenceOf(data.RoleRuling) }},
		{Name: "independent_reporting", Type: "boolean", Description: "True when some row about the district dated within the window cites an independent source; false means no independent reporting, not quiet", Value: func(r CountrysideRec) any { return r.Range.Reported }},
		{Name: "source_ids", Type: "string", Description: "Sources of the activity and presence (ids; flat form separated by ';')", Value: func(r CountrysideRec) any { return r.sources() }},
	}}

// dayCountryside is a day's countryside as a record of the Countryside
// layer: the range of days holding it, sources by id.
func dayCountryside(r DayRec) CountrysideRec {
	return CountrysideRec{Area: r.State.Area, Range: r.State.Countryside, Book: r.Book.IDs()}
}

// countrysideMember is the day's "countryside" member: the Countryside
// layer's API form, written when the day's feature is (an error names the
// district and reaches the encoder's caller).
type countrysideMember CountrysideRec

func (m countrysideMember) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	if err := Countryside.AppendJSON(&buf, CountrysideRec(m)); err != nil {
		return nil, fmt.Errorf("countryside of %s: %w", m.Area.PCode, err)
	}
	return buf.Bytes(), nil
}

// countrysideDayFields lifts the Countryside layer's flat fields into the
// day layer's flat form (the day CSV, KML), less those a day already has or
// that belong to the range: declared once, in Countryside.
func countrysideDayFields() []Field[DayRec] {
	var out []Field[DayRec]
	for _, f := range Countryside.Flat() {
		switch f.Name {
		case "pcode", "name", "valid_from", "valid_to", "source_ids":
			continue
		}
		out = append(out, Field[DayRec]{Name: f.Name, Type: f.Type, Format: f.Format, Nullable: f.Nullable,
			Description: f.Description, Form: FlatOnly, Value: func(r DayRec) any { return f.Value(dayCountryside(r)) }})
	}
	return out
}

// dayCountrysideFields are the day layer's countryside: one nested member
// in the API form, the flat fields in the flat form.
func dayCountrysideFields() []Field[DayRec] {
	return append([]Field[DayRec]{{Name: "countryside", Form: APIOnly,
		Description: "What is known outside the district centre on the day (the countryside layer's API form)",
		Value:       func(r DayRec) any { return countrysideMember(dayCountryside(r)) }}},
		countrysideDayFields()...)
}
