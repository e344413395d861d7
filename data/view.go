package data

import "slices"

// A view is what the map draws for a district: the assessed status with
// hindsight (the view "", Assessed), or what one party claims. This file is
// the one rule for it. The page draws the ranges the timeline document
// carries (ViewRanges), the pictures draw State.InView: both come from here.

// Assessed is the assessed view's name in the documents ("" as a Party).
const Assessed = "assessed"

// ViewState is what a view draws for a district on a day.
type ViewState struct {
	Status Status
	// Disputed: the claims current on the day disagree (State.Disputed);
	// the same in every view, since it says the parties disagree.
	Disputed bool
	// Stale: in the assessed view, no independent source has supported the
	// status for over StaleAfter days (State.Stale), never before the first
	// record; in a party's view, the party's latest claim is past the claim
	// window (it has said nothing about the district since).
	Stale bool
}

// InView is what view draws for the area on the state's day: "" for the
// assessed view, or a party.
func (s State) InView(view Party) ViewState {
	if view == "" || view == Assessed {
		return ViewState{Status: s.Status(), Disputed: s.Disputed, Stale: s.Interval != nil && s.Stale}
	}
	v := ViewState{Status: StatusUnknown, Disputed: s.Disputed}
	for _, c := range s.Claims {
		if c.Party == view {
			v.Status, v.Stale = c.Status, !c.CurrentOn(s.Day)
		}
	}
	return v
}

// ViewRange is a run of days [From, To) over which a view draws one
// ViewState; To is zero for the last, open run.
type ViewRange struct {
	From, To Day
	ViewState
}

// ViewRanges lists the runs of what view draws for the area, from its first
// record on (before it every view draws unknown): the days on which
// InView changes, computed once so that the page only looks them up.
func (d *Dataset) ViewRanges(pcode string, view Party) []ViewRange {
	i, ok := d.areaIndex[pcode]
	if !ok {
		return nil
	}
	var out []ViewRange
	for _, day := range d.turningDays(i) {
		v := d.stateOf(i, day).InView(view)
		if n := len(out); n > 0 && out[n-1].ViewState == v {
			continue
		} else if n > 0 {
			out[n-1].To = day
		}
		out = append(out, ViewRange{From: day, ViewState: v})
	}
	if len(out) > 0 && out[0].ViewState == (ViewState{Status: StatusUnknown}) {
		out = out[1:] // nothing drawn before the first record
	}
	return out
}

// turningDays are the days on which any view of area i may change: an
// interval's start, a claim's day, the day after it and the day it leaves
// the claim window, an independent source's day and the day it goes stale.
func (d *Dataset) turningDays(i int) []Day {
	var days []Day
	for k := range d.Intervals[d.Areas[i].PCode] {
		iv := &d.Intervals[d.Areas[i].PCode][k]
		days = append(days, iv.From)
		if iv.To != 0 {
			days = append(days, iv.To)
		}
		for _, s := range iv.confirm {
			days = append(days, s, s.AddDays(StaleAfter+1))
		}
	}
	for _, cs := range d.claimsByArea[i] {
		for _, c := range cs {
			days = append(days, c.Date, c.Date.AddDays(1), c.Date.AddDays(ClaimWindow))
		}
	}
	slices.Sort(days)
	return slices.Compact(days)
}
