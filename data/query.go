package data

import (
	"slices"
	"sort"
)

// ClaimWindow is how many days a claim stays current: on day D a party's
// latest claim counts towards State.Disputed only if it was made within the
// ClaimWindow days ending on D. Without it a single denial from 2021 would mark
// an area disputed for ever; the claim itself is still listed as the party's
// latest.
const ClaimWindow = 30

// State is an area's state on one day.
type State struct {
	Area *Area
	// Interval is the assessed interval holding the day; nil before the
	// area's first record, when the status is StatusUnknown.
	Interval *Interval
	// Claims holds the latest claim of each party on or before the day
	// (in Parties order; a party that has said nothing is left out).
	Claims []*Claim
	// Disputed is true when the current claims (see ClaimWindow) contradict
	// each other or the assessed status.
	Disputed bool
}

// Status returns the assessed status, StatusUnknown before the first record.
func (s State) Status() Status {
	if s.Interval == nil {
		return StatusUnknown
	}
	return s.Interval.Status
}

// snapshot is the state of every area from day from until the next
// snapshot's day.
type snapshot struct {
	from   Day
	states []State
}

// index computes the derived lookups after a successful load: every day on
// which any area's state can change (an assessed change, a claim, a claim
// leaving the window) gets one precomputed snapshot, so that a lookup is a
// binary search whatever the length of the history.
func (d *Dataset) index() {
	var breaks, changes []Day
	for _, ivs := range d.Intervals {
		for _, iv := range ivs {
			changes = append(changes, iv.From)
		}
	}
	breaks = append(breaks, changes...)
	for _, c := range d.Claims {
		breaks = append(breaks, c.Date, c.Date.AddDays(ClaimWindow))
	}
	for _, e := range d.Events {
		breaks = append(breaks, e.Date)
	}
	slices.Sort(breaks)
	breaks = slices.Compact(breaks)
	slices.Sort(changes)
	d.changeDays = slices.Compact(changes)
	if len(breaks) > 0 {
		d.First = breaks[0]
	}
	d.LastChange = d.lastRecord()
	d.snapshots = make([]snapshot, len(breaks))
	for i, day := range breaks {
		d.snapshots[i] = snapshot{from: day, states: d.compute(day)}
	}
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

// SnapshotIndex returns which precomputed snapshot answers for day, or -1
// before the first record. Two days with the same index have the same
// states, so an encoded answer can be cached by index.
func (d *Dataset) SnapshotIndex(day Day) int {
	return sort.Search(len(d.snapshots), func(i int) bool { return d.snapshots[i].from > day }) - 1
}

// StatesAt returns the state of every area on day, in the order of Areas.
// Before the first record every status is StatusUnknown. The result is shared:
// the caller must not modify it.
func (d *Dataset) StatesAt(day Day) []State {
	i := d.SnapshotIndex(day)
	if i < 0 {
		return d.compute(day)
	}
	return d.snapshots[i].states
}

// compute works out the states on day from the records directly.
func (d *Dataset) compute(day Day) []State {
	states := make([]State, len(d.Areas))
	for i := range d.Areas {
		a := &d.Areas[i]
		s := State{Area: a}
		ivs := d.Intervals[a.PCode]
		if j := sort.Search(len(ivs), func(j int) bool { return ivs[j].From > day }) - 1; j >= 0 {
			s.Interval = &ivs[j]
		}
		s.Claims = d.latestClaims(a.PCode, day)
		s.Disputed = disputed(s, day)
		states[i] = s
	}
	return states
}

func (d *Dataset) latestClaims(pcode string, day Day) []*Claim {
	var out []*Claim
	for _, party := range Parties {
		var latest *Claim
		for i := range d.Claims {
			c := &d.Claims[i]
			if c.Date > day {
				break
			}
			if c.Party == party && slices.Contains(c.PCodes, pcode) {
				latest = c
			}
		}
		if latest != nil {
			out = append(out, latest)
		}
	}
	return out
}

func disputed(s State, day Day) bool {
	seen := map[Status]bool{}
	if s.Interval != nil {
		seen[s.Interval.Status] = true
	}
	for _, c := range s.Claims {
		if day-c.Date < ClaimWindow {
			seen[c.Status] = true
		}
	}
	return len(seen) > 1
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

// DisputedRanges returns the day ranges [from, to) over which the area with
// P-code pcode is disputed (see State.Disputed); to is zero for a range that
// stays open. The page draws them without re-implementing the rule.
func (d *Dataset) DisputedRanges(pcode string) [][2]Day {
	i, ok := d.areaIndex[pcode]
	if !ok {
		return nil
	}
	var out [][2]Day
	for _, snap := range d.snapshots {
		n := len(out)
		open := n > 0 && out[n-1][1] == 0
		switch disputed := snap.states[i].Disputed; {
		case disputed && !open:
			out = append(out, [2]Day{snap.from, 0})
		case !disputed && open:
			out[n-1][1] = snap.from
		}
	}
	return out
}
