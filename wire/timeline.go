package wire

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/controlmap/controlmap/data"
)

// timeline is the one document a client needs to animate the map without
// further requests: per-area intervals, claims, events and sources, with
// sources referenced by id.
type timeline struct {
	// The dataset's version and dates (DatasetMeta), and for the map as
	// known at the time the days it holds for.
	DatasetVersion string    `json:"dataset_version"`
	Updated        *data.Day `json:"updated"`
	EvidenceUpTo   *data.Day `json:"evidence_up_to"`
	Known          *data.Day `json:"known,omitempty"`
	KnownUntil     *data.Day `json:"known_until,omitempty"`
	Start          data.Day  `json:"start"` // first day of any record
	End            data.Day  `json:"end"`   // today, or the last record if later
	// UTCOffsetMinutes is when the days begin (the region's zone).
	UTCOffsetMinutes int        `json:"utc_offset_minutes"`
	LastChange       data.Day   `json:"last_change"` // last day any record is dated
	ChangeDates      []data.Day `json:"change_dates"`
	ClaimDates       []data.Day `json:"claim_dates"`
	EventDates       []data.Day `json:"event_dates"`
	ClaimWindow      int        `json:"claim_window_days"`
	// ConfidenceOpacity is the fill opacity by confidence (the page draws
	// with it, as the pictures do).
	ConfidenceOpacity map[data.Confidence]float64 `json:"confidence_opacity"`
	// ActivityWindow is how many days an event counts as countryside
	// activity; the page draws events within it.
	ActivityWindow int `json:"activity_window_days"`
	// Activity counts the events of each month by side: the area chart's
	// band of activity.
	Activity   []monthActivity `json:"activity"`
	StaleAfter int             `json:"stale_after_days"`
	Statuses   []data.Status   `json:"statuses"`
	// Parties are who makes claims, in display order; Sides those of them
	// that are sides of the war (the headline's claims and denials).
	Parties []data.Party `json:"parties"`
	Sides   []data.Party `json:"sides"`
	// Region is what the page draws the region's parties and languages
	// with (region.csv): no party's name or colour is in the page's code.
	Region RegionJSON `json:"region"`
	// Headlines are the phrases of each day's headline (data.Dataset.Headline),
	// for the days that have any.
	Headlines   map[string][]phraseJSON    `json:"headlines"`
	Areas       []timelineArea             `json:"areas"`
	Claims      []json.RawMessage          `json:"claims"` // the Claims layer (timelineClaimMembers)
	Events      []json.RawMessage          `json:"events"`
	Sources     map[string]json.RawMessage `json:"sources"`
	Attribution string                     `json:"attribution"`
	// HasPlaces says whether the dataset labels places (its own and
	// GeoNames' towns), which the page then credits.
	HasPlaces bool `json:"has_places"`
}

type timelineArea struct {
	area *data.Area // pcode, name, name_fa, area_km2 and label: the Areas layer's
	// Intervals are the Intervals layer's API form, with sources by id and
	// the corrections that made each what it is (intervalRevision).
	Intervals []json.RawMessage `json:"intervals"`
	// Views are what each view (assessed, then each side) draws, as runs
	// of days (data.Dataset.ViewRanges): the page looks them up and never
	// applies the rule itself.
	Views map[string][]viewRun `json:"views"`
	// Countryside is what is known outside the centre, as ranges of days
	// (the Countryside layer's API form).
	Countryside []json.RawMessage `json:"countryside"`
}

// The members of each layer the timeline carries: what the page reads of
// a district and of an interval, declared in the layers' schemas.
var (
	timelineAreaMembers     = []string{"pcode", "name", "name_fa", "area_km2", "label"}
	timelineIntervalMembers = []string{"valid_from", "valid_to", "date_precision", "status", "confidence", "note", "confirmed", "sources"}
)

func (a timelineArea) MarshalJSON() ([]byte, error) {
	type own timelineArea // its fields without this method
	return object(func(buf *bytes.Buffer) error { return Areas.AppendMembers(buf, a.area, timelineAreaMembers...) }, own(a))
}

// placesJSON is data.Places as the page reads it.
type placesJSON struct {
	Provinces []string `json:"provinces"`
	PCodes    []string `json:"pcodes"`
}

func placesOf(p data.Places) placesJSON {
	return placesJSON{Provinces: nonNil(p.Provinces), PCodes: nonNil(p.PCodes)}
}

// phraseJSON is one phrase of a day's headline (data.Phrase).
type phraseJSON struct {
	Kind       data.PhraseKind `json:"kind"`
	Places     placesJSON      `json:"places"`
	From       data.Status     `json:"from,omitempty"`
	To         data.Status     `json:"to,omitempty"`
	Confidence data.Confidence `json:"confidence,omitempty"`
	Party      data.Party      `json:"party,omitempty"`
	Other      data.Party      `json:"other,omitempty"`
	Status     data.Status     `json:"status,omitempty"`
	Revised    *data.Day       `json:"revised,omitempty"` // the day the latest correction of these rows was published
	// capitals: the capitals that fell, then held of of, and the holdouts
	// (data.Phrase), each province with its capital and names.
	Capitals []capitalJSON `json:"capitals,omitempty"`
	Held     int           `json:"held,omitempty"`
	Of       int           `json:"of,omitempty"`
	Unknown  int           `json:"unknown,omitempty"`
	Holdouts []capitalJSON `json:"holdouts,omitempty"`
}

// capitalJSON names a province in a headline: its capital and its names.
type capitalJSON struct {
	PCode   string `json:"pcode"`
	Capital string `json:"capital"`
	Name    string `json:"name"`
	NameFa  string `json:"name_fa"`
}

func capitalsOf(ds *data.Dataset, pcodes []string) []capitalJSON {
	var out []capitalJSON
	for _, pc := range pcodes {
		if p, ok := ds.Province(pc); ok {
			out = append(out, capitalJSON{p.PCode, p.Capital, p.Name, p.NameFa})
		}
	}
	return out
}

// headlines returns the phrases of every day that has any (a change or a
// side's claim), by day: the page writes them in words, as the link
// previews do in English.
func headlines(ds *data.Dataset, days []data.Day) map[string][]phraseJSON {
	out := map[string][]phraseJSON{}
	for _, day := range days {
		var ps []phraseJSON
		for _, p := range ds.Headline(day) {
			ps = append(ps, phraseJSON{Kind: p.Kind, Places: placesOf(p.Places), From: p.From, To: p.To,
				Confidence: p.Confidence, Party: p.Party, Other: p.Other, Status: p.Status, Revised: dayOrNil(p.Revised),
				Capitals: capitalsOf(ds, p.Capitals), Held: p.Held, Of: p.Of, Unknown: p.Unknown, Holdouts: capitalsOf(ds, p.Holdouts)})
		}
		if len(ps) > 0 {
			out[day.String()] = ps
		}
	}
	return out
}

// monthActivity is a month's events by the side that acted (the
// region's parties play the roles: timeline "parties").
type monthActivity struct {
	Month     string `json:"month"` // YYYY-MM
	Insurgent int    `json:"insurgent"`
	Ruling    int    `json:"ruling"`
}

// intervalRevisions are the corrections that made an interval what it is,
// newest first (data.Dataset.IntervalRevisions); the panel reads their
// words from /api/revisions.
type intervalRevisions struct {
	Revisions []intervalRevision `json:"revisions,omitempty"`
}

type intervalRevision struct {
	ID        string   `json:"id"`
	Published data.Day `json:"published"`
}

// Timeline writes /api/timeline as of today.
func (e *Encoder) Timeline(today data.Day) ([]byte, error) {
	ds := e.ds
	t := timeline{DatasetVersion: ds.Version, Updated: dayOrNil(ds.Updated()), EvidenceUpTo: dayOrNil(ds.EvidenceUpTo()),
		Known: dayOrNil(ds.Known), KnownUntil: dayOrNil(ds.KnownUntil), Start: ds.First, End: max(today, ds.LastChange), UTCOffsetMinutes: ds.Region.Zone.Minutes(), LastChange: ds.LastChange,
		ChangeDates: ds.ChangeDays(), ClaimWindow: data.ClaimWindow, ActivityWindow: data.ActivityWindow,
		StaleAfter: data.StaleAfter, Statuses: ds.Region.Statuses(), Activity: []monthActivity{}, ConfidenceOpacity: ConfidenceOpacity,
		Parties: ds.Region.ClaimParties(), Sides: ds.Region.Sides(), Region: RegionOf(ds),
		Sources: e.book.raw, Attribution: ds.Region.Credit, HasPlaces: len(ds.Places) > 0, Claims: []json.RawMessage{}, Events: []json.RawMessage{}}
	ids := e.book.IDs()
	for i := range ds.Areas {
		ta, err := timelineAreaOf(ds, &ds.Areas[i], ids)
		if err != nil {
			return nil, err
		}
		t.Areas = append(t.Areas, ta)
	}
	for _, m := range ds.ActivityByMonth(t.End) {
		t.Activity = append(t.Activity, monthActivity{Month: m.Month.String()[:7], Insurgent: m.Insurgent, Ruling: m.Ruling})
	}
	for i := range ds.Claims {
		c := &ds.Claims[i]
		var buf bytes.Buffer
		if err := Claims.AppendJSONOf(&buf, ClaimRec{Claim: c, Day: c.Date, Book: ids, Dataset: ds}, timelineClaimMembers...); err != nil {
			return nil, err
		}
		t.Claims = append(t.Claims, buf.Bytes())
		t.ClaimDates = appendDay(t.ClaimDates, c.Date)
	}
	for i := range ds.Events {
		var buf bytes.Buffer
		if err := Events.AppendJSON(&buf, EventRec{&ds.Events[i], ids}); err != nil {
			return nil, err
		}
		t.Events = append(t.Events, buf.Bytes())
		t.EventDates = appendDay(t.EventDates, ds.Events[i].Date)
	}
	t.Headlines = headlines(ds, slices.Concat(t.ChangeDates, t.ClaimDates, ds.CapitalDays()))
	return json.Marshal(t)
}

func timelineAreaOf(ds *data.Dataset, a *data.Area, ids *Book) (timelineArea, error) {
	ta := timelineArea{area: a, Intervals: []json.RawMessage{}, Views: map[string][]viewRun{}, Countryside: []json.RawMessage{}}
	for _, r := range ds.CountrysideRanges(a.PCode) {
		var buf bytes.Buffer
		if err := Countryside.AppendJSON(&buf, CountrysideRec{Area: a, Range: r, Book: ids}); err != nil {
			return ta, err
		}
		ta.Countryside = append(ta.Countryside, buf.Bytes())
	}
	for k := range ds.Intervals[a.PCode] {
		iv := &ds.Intervals[a.PCode][k]
		var rv intervalRevisions
		for _, r := range ds.IntervalRevisions(iv) {
			rv.Revisions = append(rv.Revisions, intervalRevision{r.ID, r.Published})
		}
		b, err := object(func(buf *bytes.Buffer) error {
			return Intervals.AppendMembers(buf, IntervalRec{Area: a, Interval: iv, Book: ids}, timelineIntervalMembers...)
		}, rv)
		if err != nil {
			return ta, err
		}
		ta.Intervals = append(ta.Intervals, b)
	}
	for _, v := range append([]data.Party{data.Assessed}, ds.Region.Sides()...) { // the views the page and the pictures offer
		runs := []viewRun{}
		for _, r := range ds.ViewRanges(a.PCode, v) {
			runs = append(runs, viewRun(r))
		}
		ta.Views[string(v)] = runs
	}
	return ta, nil
}

// viewRun is a data.ViewRange as the page reads it, an array
// [from, to, status, marks]: to null when open, marks "d" when disputed
// and "s" when stale (in a party's view: its claim is past the window).
type viewRun data.ViewRange

func (r viewRun) MarshalJSON() ([]byte, error) {
	var to any
	if r.To != 0 {
		to = r.To
	}
	marks := ""
	if r.Disputed {
		marks += "d"
	}
	if r.Stale {
		marks += "s"
	}
	return json.Marshal([]any{r.From, to, r.Status, marks})
}

// appendDay appends d to sorted days unless it is already last.
func appendDay(days []data.Day, d data.Day) []data.Day {
	if n := len(days); n > 0 && days[n-1] == d {
		return days
	}
	return append(days, d)
}

// RegionJSON is the region as the page needs it (region.csv): its name,
// what it maps and the country around it in each language, the first day
// of the data, its languages and calendars, and its parties with their
// roles, names and colours, in legend order. The timeline carries it, and
// the server writes it into the page's shell (<html data-region>), so
// that the page's words and colours are the region's before any document
// arrives.
type RegionJSON struct {
	Name      map[string]string `json:"name"`
	Place     map[string]string `json:"place"`
	Country   map[string]string `json:"country"`
	Start     data.Day          `json:"start"`
	Languages []string          `json:"languages"`
	Calendars map[string]string `json:"calendars"`
	Parties   []partyJSON       `json:"parties"`
	// Colours fill every status, the parties' and the others' (Colours).
	Colours map[data.Status]string `json:"colours"`
}

type partyJSON struct {
	ID      data.Party        `json:"id"`
	Role    data.Role         `json:"role"`
	Name    map[string]string `json:"name"`
	Short   map[string]string `json:"short"`
	Speaker map[string]string `json:"speaker"`
	Colour  string            `json:"colour"`
	Ink     string            `json:"ink"`
}

// RegionOf is ds's region for the page.
func RegionOf(ds *data.Dataset) RegionJSON {
	r := ds.Region
	out := RegionJSON{Name: r.Name, Place: r.Place, Country: map[string]string{}, Start: ds.First, Languages: r.Languages, Calendars: map[string]string{}, Parties: []partyJSON{}, Colours: Colours(r)}
	for _, l := range r.Languages {
		out.Country[l] = r.CountryIn(l)
	}
	for _, l := range r.Languages {
		out.Calendars[l] = r.Calendar(l)
	}
	for _, p := range r.Parties {
		speakers := map[string]string{}
		for _, l := range r.Languages {
			speakers[l] = p.SpeakerIn(l)
		}
		out.Parties = append(out.Parties, partyJSON{p.ID, p.Role, p.Name, p.Short, speakers, p.Colour, p.Ink})
	}
	return out
}
