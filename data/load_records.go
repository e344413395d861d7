package data

import (
	"fmt"
	"io/fs"
	"math"
	"strconv"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func (d *Dataset) loadControl(fsys fs.FS, p *problems) {
	for r := range readTable(fsys, ControlFile, controlColumns, p) {
		pcode := r.get("pcode")
		if !d.knownArea(ControlFile, r.line, pcode, p) {
			continue
		}
		from, ok := d.day(ControlFile, r.line, "from", r.get("from"), p)
		if !ok {
			continue
		}
		iv := Interval{PCode: d.Areas[d.areaIndex[pcode]].PCode, From: from, Status: Status(r.get("status")),
			DatePrecision: Precision(r.get("date_precision")), Confidence: Confidence(r.get("confidence")), Note: r.get("note"), line: r.line}
		if !oneOf(ControlFile, r.line, "date_precision", &iv.DatePrecision, changePrecisions, p) ||
			!oneOf(ControlFile, r.line, "status", &iv.Status, d.Region.Statuses(), p) ||
			!oneOf(ControlFile, r.line, "confidence", &iv.Confidence,
				[]Confidence{ConfidenceHigh, ConfidenceMedium, ConfidenceLow}, p) {
			continue
		}
		if iv.Sources, ok = d.checkSources(ControlFile, r.line, r.get("sources"), p); !ok {
			continue
		}
		prev := d.Intervals[pcode]
		if n := len(prev); n > 0 && prev[n-1].From >= from {
			err := ErrOrder
			if prev[n-1].From == from {
				err = ErrDuplicate
			}
			p.add(ControlFile, r.line, fmt.Errorf("%w: %s change on %s does not come after the one on %s",
				err, pcode, from, prev[n-1].From))
			continue
		}
		if n := len(prev); n > 0 {
			prev[n-1].To = from
		}
		d.Intervals[pcode] = append(prev, iv)
	}
}

// changePrecisions are the precisions an assessed change's date may have.
var changePrecisions = []Precision{PrecisionDay, PrecisionWeek, PrecisionMonth, PrecisionInferred}

func (d *Dataset) loadClaims(fsys fs.FS, p *problems) {
	var last Day
	for r := range readTable(fsys, ClaimsFile, claimColumns, p) {
		date, ok := d.day(ClaimsFile, r.line, "date", r.get("date"), p)
		if !ok {
			continue
		}
		c := Claim{Date: date, PCodes: splitList(r.get("pcodes")), Party: Party(r.get("party")),
			Kind: Kind(r.get("kind")), Status: Status(r.get("status")), Note: r.get("note"), line: r.line}
		if date < last {
			p.add(ClaimsFile, r.line, fmt.Errorf("%w: claim dated %s after one dated %s", ErrOrder, date, last))
			continue
		}
		last = date
		if !d.checkClaimAreas(r.line, c.PCodes, p) ||
			!oneOf(ClaimsFile, r.line, "party", &c.Party, d.Region.ClaimParties(), p) ||
			!oneOf(ClaimsFile, r.line, "kind", &c.Kind, []Kind{KindClaim, KindDenial, KindReport}, p) ||
			!oneOf(ClaimsFile, r.line, "status", &c.Status, d.Region.Statuses(), p) {
			continue
		}
		if c.Sources, ok = d.checkSources(ClaimsFile, r.line, r.get("sources"), p); ok {
			d.Claims = append(d.Claims, c)
		}
	}
}

func (d *Dataset) checkClaimAreas(line int, pcodes []string, p *problems) bool {
	if len(pcodes) == 0 {
		p.add(ClaimsFile, line, fmt.Errorf("%w: pcodes is empty", ErrMissing))
		return false
	}
	for i, pc := range pcodes {
		if !d.knownArea(ClaimsFile, line, pc, p) {
			return false
		}
		pcodes[i] = d.Areas[d.areaIndex[pc]].PCode
	}
	if dup := firstDuplicate(pcodes); dup != "" {
		p.add(ClaimsFile, line, fmt.Errorf("%w: P-code %q listed twice", ErrDuplicate, dup))
		return false
	}
	return true
}

// eventSlack is how far (degrees, about 5 km) an event may lie outside its
// area's bounding box: analyst estimates are given as accurate to 5-10 km.
const eventSlack = 0.05

func (d *Dataset) loadEvents(fsys fs.FS, p *problems) {
	var last Day
	ids := map[string]bool{}
	for r := range readTable(fsys, EventsFile, eventColumns, p) {
		e, ok := d.parseEvent(r, p)
		if !ok {
			continue
		}
		switch {
		case ids[e.ID]:
			p.add(EventsFile, r.line, fmt.Errorf("%w: event_id %q used twice", ErrDuplicate, e.ID))
		case e.Date < last:
			p.add(EventsFile, r.line, fmt.Errorf("%w: event dated %s after one dated %s", ErrOrder, e.Date, last))
		default:
			ids[e.ID], last = true, e.Date
			e.Side = d.Region.SideOf(e.Actor1)
			d.Events = append(d.Events, e)
		}
	}
}

func (d *Dataset) parseEvent(r row, p *problems) (Event, bool) {
	fail := func(err error) (Event, bool) { p.add(EventsFile, r.line, err); return Event{}, false }
	e := Event{ID: r.get("event_id"), Type: r.get("event_type"), SubType: r.get("sub_event_type"),
		Actor1: r.get("actor1"), Actor2: r.get("actor2"), Admin1: r.get("admin1"), Admin2: r.get("admin2"), PCode: r.get("pcode"),
		Location: r.get("location"), Notes: r.get("notes"), line: r.line}
	twoLevels := d.Region.Boundaries.Provinces.PCode != "" // admin1 is a province of the map
	if e.ID == "" || e.Type == "" || e.Actor1 == "" || e.Location == "" || e.Admin1 == "" && twoLevels {
		return fail(fmt.Errorf("%w: event_id, event_type, actor1, location and (in a region of two levels) admin1 are required", ErrMissing))
	}
	if err := checkEventType(e.Type, e.SubType); err != nil {
		return fail(err)
	}
	var ok bool
	if e.Date, ok = d.day(EventsFile, r.line, "event_date", r.get("event_date"), p); !ok {
		return Event{}, false
	}
	var err error
	if e.TimePrecision, err = precision("time_precision", r.get("time_precision")); err != nil {
		return fail(err)
	}
	if e.GeoPrecision, err = precision("geo_precision", r.get("geo_precision")); err != nil {
		return fail(err)
	}
	if f := r.get("fatalities"); f != "" {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return fail(fmt.Errorf("%w: fatalities %q is not a whole number >= 0", ErrBadValue, f))
		}
		e.Fatalities = &n
	}
	if e.PCode != "" && !d.knownArea(EventsFile, r.line, e.PCode, p) || p.failed(AreasFile) {
		return Event{}, false // no areas to place the event in
	}
	if err := d.checkAdmin(e); err != nil {
		return fail(err)
	}
	if e.Point, err = d.eventPoint(e, r.get("latitude"), r.get("longitude")); err != nil {
		return fail(err)
	}
	if e.Sources, ok = d.checkSources(EventsFile, r.line, r.get("sources"), p); !ok {
		return Event{}, false
	}
	return e, true
}

func precision(col, s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 3 {
		return 0, fmt.Errorf("%w: %s %q, want 1, 2 or 3", ErrVocabulary, col, s)
	}
	return n, nil
}

// checkAdmin checks that an event's district and P-code agree: a mapped
// district names its province, and a province-wide event names neither.
func (d *Dataset) checkAdmin(e Event) error {
	if e.PCode == "" {
		// A province-wide event is drawn at its province's point: the
		// province must be one whose districts the map holds.
		for _, a := range d.Areas {
			if a.Province == e.Admin1 {
				return nil
			}
		}
		return fmt.Errorf("%w: admin1 %q is no province of the mapped districts (an event outside them has no place on this map)", ErrBadValue, e.Admin1)
	}
	a, _ := d.Area(e.PCode)
	switch {
	case e.Admin2 == "":
		return fmt.Errorf("%w: an event in %s needs admin2 (the district); a province-wide event has no pcode", ErrMissing, e.PCode)
	case e.Admin1 != a.Province && a.Province != "":
		return fmt.Errorf("%w: admin1 %q, but %s is in %s", ErrBadValue, e.Admin1, e.PCode, a.Province)
	}
	return nil
}

// eventPoint parses the coordinates and checks that the point lies in (or
// within eventSlack of) its area, or near the mapped areas when it has none.
// An event with geo_precision 3 has no point (only its district or province
// is known); every other event has one.
func (d *Dataset) eventPoint(e Event, lat, lon string) (orb.Point, error) {
	if e.GeoPrecision == 3 {
		if lat != "" || lon != "" {
			return orb.Point{}, fmt.Errorf("%w: an event with geo_precision 3 has no latitude or longitude (the outputs place it at its district's or province's point)", ErrBadValue)
		}
		return orb.Point{}, nil
	}
	if lat == "" || lon == "" {
		return orb.Point{}, fmt.Errorf("%w: an event with geo_precision %d needs latitude and longitude", ErrMissing, e.GeoPrecision)
	}
	y, errY := strconv.ParseFloat(lat, 64)
	x, errX := strconv.ParseFloat(lon, 64)
	if errY != nil || errX != nil || math.IsNaN(x) || math.IsNaN(y) || math.Abs(y) > 90 || math.Abs(x) > 180 {
		return orb.Point{}, fmt.Errorf("%w: latitude %q, longitude %q are not decimal degrees", ErrBadValue, lat, lon)
	}
	pt := orb.Point{x, y}
	bound, slack := d.allBounds(), 0.5
	if a, ok := d.Area(e.PCode); ok {
		bound, slack = a.Geometry.Bound(), eventSlack
		if e.GeoPrecision == 1 && !planar.MultiPolygonContains(a.Geometry, pt) {
			return orb.Point{}, fmt.Errorf("%w: exact point %v is not inside %s", ErrOutOfBounds, pt, e.PCode)
		}
	}
	if !bound.Pad(slack).Contains(pt) {
		return orb.Point{}, fmt.Errorf("%w: %v is outside %s's bounds", ErrOutOfBounds, pt, orDefault(e.PCode, "the mapped areas"))
	}
	return pt, nil
}

func (d *Dataset) allBounds() orb.Bound {
	b := d.Areas[0].Geometry.Bound()
	for _, a := range d.Areas[1:] {
		b = b.Union(a.Geometry.Bound())
	}
	return b
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
