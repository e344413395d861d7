package data

import (
	"iter"
	"slices"
	"sort"
)

// ClaimWindow is how many days a claim stays current (docs/methodology.md):
// a claim dated D is current on the days [D, D+ClaimWindow), that is on the
// day it was made and the six days after. Only current claims count towards
// State.Disputed; a party's older claim is still listed as its latest.
const ClaimWindow = 7

// StaleAfter is how many days an assessment stays confirmed: on day D a
// status whose latest supporting independent source is more than StaleAfter
// days old (D - Confirmed > StaleAfter) is stale.
const StaleAfter = 365

// CurrentOn reports whether c is current on day: made on day or within the
// ClaimWindow-1 days before it. This is the one definition of "current";
// encoders use it rather than recompute it.
func (c *Claim) CurrentOn(day Day) bool { return day >= c.Date && day < c.Date.AddDays(ClaimWindow) }

// State is an area's state on one day.
type State struct {
	Area *Area
	Day  Day // the day the state is of
	// Interval is the assessed interval holding the day; nil before the
	// area's first record, when the status is StatusUnknown.
	Interval *Interval
	// Claims holds the latest claim of each party on or before the day
	// (in Parties order; a party that has said nothing is left out).
	Claims []*Claim
	// ClaimsOnDay holds every claim about the area made on the day itself,
	// in file order; nil on a day without one.
	ClaimsOnDay []*Claim
	// Disputed is true when the claims current on the day (see
	// Claim.CurrentOn), of any party, disagree with each other or with the
	// assessed status.
	Disputed bool
	// Confirmed is the publication day of the latest independent source
	// (Source.Independent) published on or before the day that supports the
	// assessed status: cited by Interval, or by an independent report
	// dated within Interval that states the same status. A source known
	// only to the month counts from the month's last day. Zero when there
	// is none.
	Confirmed Day
	// Stale is true when Confirmed is zero or more than StaleAfter days
	// before the day: no independent source has supported the status for
	// over a year.
	Stale bool
	// Countryside is what is known outside the centre on the day: activity
	// by side, presence, and whether independent reporting covers it.
	Countryside CountrysideRange
}

// Status returns the assessed status, StatusUnknown before the first record.
func (s State) Status() Status {
	if s.Interval == nil {
		return StatusUnknown
	}
	return s.Interval.Status
}

// areaClaims holds one area's claims split by party, each in date order, so
// that "the latest claim of a party on day D" is a binary search.
type areaClaims [][]*Claim // by index in Parties

// index computes the derived lookups after a successful load. Nothing is
// precomputed per day: a day's state is O(areas × log records), so the cost
// of a lookup does not grow with the length of the history.
func (d *Dataset) index() {
	var breaks, changes []Day
	for _, ivs := range d.Intervals {
		for _, iv := range ivs {
			changes = append(changes, iv.From)
		}
	}
	breaks = append(breaks, changes...)
	d.claimParties = d.Region.ClaimParties()
	d.claimsByArea = make([]areaClaims, len(d.Areas))
	for i := range d.claimsByArea {
		d.claimsByArea[i] = make(areaClaims, len(d.claimParties))
	}
	for i := range d.Claims {
		c := &d.Claims[i]
		breaks = append(breaks, c.Date, c.Date.AddDays(1), c.Date.AddDays(ClaimWindow))
		p := slices.Index(d.claimParties, c.Party)
		for _, pc := range c.PCodes {
			a := d.areaIndex[pc]
			d.claimsByArea[a][p] = append(d.claimsByArea[a][p], c)
		}
	}
	for _, e := range d.Events {
		breaks = append(breaks, e.Date)
	}
	breaks = append(breaks, d.indexConfirmations()...)
	breaks = append(breaks, d.indexCountryside()...)
	slices.Sort(breaks)
	d.breaks = slices.Compact(breaks)
	slices.Sort(changes)
	d.changeDays = slices.Compact(changes)
	if len(d.breaks) > 0 {
		d.First = d.breaks[0]
	}
	for a := range d.countryside {
		d.countryside[a].ranges = d.countrysideRanges(a)
	}
	d.LastChange = d.lastRecord()
	d.indexKnowledge()
	d.indexEvidence()
}

// lastRecord is the latest day any row is dated (claim expiries excluded).
func (d *Dataset) lastRecord() Day {
	var last Day
	for _, ivs := range d.Intervals {
		last = max(last, ivs[len(ivs)-1].From)
	}
	if n := len(d.Claims); n > 0 {
		last = max(last, d.Claims[n-1].Date)
	}
	if n := len(d.Events); n > 0 {
		last = max(last, d.Events[n-1].Date)
	}
	return last
}

// ChangeDays returns the days on which some area's assessed status changes,
// in order. The caller must not modify the slice.
func (d *Dataset) ChangeDays() []Day { return d.changeDays }

// SnapshotIndex returns the number of the period holding day: periods start
// on every day on which any area's state can change (an assessed change, a
// claim, a claim leaving the window, an event, an event or a day of
// independent reporting leaving the activity window, a presence row's first
// day and the day after its last), and -1 is the time before the
// first record. Two days with the same index have the same states, so an
// encoded answer can be cached by index.
func (d *Dataset) SnapshotIndex(day Day) int {
	return sort.Search(len(d.breaks), func(i int) bool { return d.breaks[i] > day }) - 1
}

// SnapshotDays returns the first day of every snapshot (see
// SnapshotIndex), in order: a check of every state need look at these days
// only, so its cost follows the data, not the calendar. The caller must not
// modify the slice.
func (d *Dataset) SnapshotDays() []Day { return d.breaks }

// StatesAt returns the state of every area on day, in the order of Areas.
// Before an area's first record its status is StatusUnknown.
func (d *Dataset) StatesAt(day Day) []State {
	states := make([]State, len(d.Areas))
	for i := range d.Areas {
		states[i] = d.stateOf(i, day)
	}
	return states
}

func (d *Dataset) stateOf(i int, day Day) State {
	a := &d.Areas[i]
	s := State{Area: a, Day: day}
	ivs := d.Intervals[a.PCode]
	if j := sort.Search(len(ivs), func(j int) bool { return ivs[j].From > day }) - 1; j >= 0 {
		s.Interval = &ivs[j]
	}
	var first Status
	if s.Interval != nil {
		first = s.Interval.Status
	}
	if d.claimsByArea != nil {
		for _, cs := range d.claimsByArea[i] {
			j := sort.Search(len(cs), func(j int) bool { return cs[j].Date > day }) - 1
			if j < 0 {
				continue
			}
			s.Claims = append(s.Claims, cs[j])
			for ; j >= 0 && cs[j].CurrentOn(day); j-- {
				if first == "" {
					first = cs[j].Status
				} else if cs[j].Status != first {
					s.Disputed = true
				}
			}
		}
		s.ClaimsOnDay = d.claimsOn(i, day)
	}
	s.Confirmed = s.Interval.confirmedOn(day)
	s.Stale = s.Confirmed == 0 || day-s.Confirmed > StaleAfter
	s.Countryside = d.CountrysideOf(i, day)
	return s
}

// claimsOn returns the claims about area i dated day, in file order.
func (d *Dataset) claimsOn(i int, day Day) []*Claim {
	lo := sort.Search(len(d.Claims), func(j int) bool { return d.Claims[j].Date >= day })
	var out []*Claim
	for j := lo; j < len(d.Claims) && d.Claims[j].Date == day; j++ {
		if slices.Contains(d.Claims[j].PCodes, d.Areas[i].PCode) {
			out = append(out, &d.Claims[j])
		}
	}
	return out
}

// History returns every assessed interval, area by area in the order of
// Areas, each area's intervals in date order.
func (d *Dataset) History() []Interval {
	var out []Interval
	for _, a := range d.Areas {
		out = append(out, d.Intervals[a.PCode]...)
	}
	return out
}

// AllIntervals yields every assessed interval with its area, in the order
// of History, without copying them: the exports of a long history stream
// from it.
func (d *Dataset) AllIntervals() iter.Seq2[*Area, *Interval] {
	return func(yield func(*Area, *Interval) bool) {
		for i := range d.Areas {
			a := &d.Areas[i]
			ivs := d.Intervals[a.PCode]
			for j := range ivs {
				if !yield(a, &ivs[j]) {
					return
				}
			}
		}
	}
}

// IntervalCount is the number of assessed intervals.
func (d *Dataset) IntervalCount() int {
	n := 0
	for _, ivs := range d.Intervals {
		n += len(ivs)
	}
	return n
}

// EventsBetween returns the events dated within [from, to], both inclusive;
// a zero from or to leaves that end open.
func (d *Dataset) EventsBetween(from, to Day) []Event {
	lo := sort.Search(len(d.Events), func(i int) bool { return d.Events[i].Date >= from })
	hi := len(d.Events)
	if to != 0 {
		hi = sort.Search(len(d.Events), func(i int) bool { return d.Events[i].Date > to })
	}
	if lo >= hi {
		return nil
	}
	return d.Events[lo:hi]
}
