package data

import (
	"cmp"
	"reflect"
	"slices"
	"testing"
)

// naiveStates is the specification of StatesAt written as plainly as
// possible: linear scans over every record.
func naiveStates(d *Dataset, day Day) []State {
	out := make([]State, len(d.Areas))
	for i := range d.Areas {
		out[i] = naiveState(d, &d.Areas[i], day)
	}
	return out
}

func naiveState(d *Dataset, a *Area, day Day) State {
	s := State{Area: a, Day: day}
	for j, iv := range d.Intervals[a.PCode] {
		if day >= iv.From && (iv.To == 0 || day < iv.To) {
			s.Interval = &d.Intervals[a.PCode][j]
		}
	}
	for _, party := range d.Region.ClaimParties() {
		var latest *Claim
		for j := range d.Claims {
			c := &d.Claims[j]
			if c.Date <= day && c.Party == party && slices.Contains(c.PCodes, a.PCode) {
				latest = c
			}
		}
		if latest != nil {
			s.Claims = append(s.Claims, latest)
		}
	}
	seen := map[Status]bool{}
	if s.Interval != nil {
		seen[s.Interval.Status] = true
	}
	for j := range d.Claims {
		c := &d.Claims[j]
		if !slices.Contains(c.PCodes, a.PCode) {
			continue
		}
		if day >= c.Date && day-c.Date < 7 {
			seen[c.Status] = true
		}
		if c.Date == day {
			s.ClaimsOnDay = append(s.ClaimsOnDay, c)
		}
	}
	s.Disputed = len(seen) > 1
	if s.Interval != nil {
		s.Confirmed = naiveConfirmed(d, s.Interval, a, day)
	}
	s.Stale = s.Confirmed == 0 || int(day-s.Confirmed) > 365
	s.Countryside.Countryside = naiveCountryside(d, a, day)
	return s
}

// naiveCountryside is the specification of the countryside: the events of
// the area in the 30 days up to day by side, the presence rows covering
// day, and whether some row about the area dated in those days, or a
// confirmation published in them, rests on an independent source.
func naiveCountryside(d *Dataset, a *Area, day Day) Countryside {
	var c Countryside
	inWindow := func(x Day) bool { return x <= day && day-x < 30 }
	independent := func(ids []string) bool {
		return slices.ContainsFunc(ids, func(id string) bool { s, _ := d.Source(id); return s.Independent() })
	}
	for i := range d.Events {
		e := &d.Events[i]
		if e.PCode != a.PCode || !inWindow(e.Date) {
			continue
		}
		c.Reported = c.Reported || independent(e.Sources)
		if e.Side == PartyResistance {
			c.Insurgent.Events = append(c.Insurgent.Events, e)
		} else if e.Side == PartyTaliban {
			c.Ruling.Events = append(c.Ruling.Events, e)
		}
	}
	c.Insurgent.Confidence = naiveActivityConfidence(d, c.Insurgent.Events)
	c.Ruling.Confidence = naiveActivityConfidence(d, c.Ruling.Events)
	for _, side := range []Party{PartyResistance, PartyTaliban} {
		for i := range d.Presence {
			if pr := &d.Presence[i]; pr.PCode == a.PCode && pr.Side == side && pr.From <= day && day <= pr.To {
				c.Presence = append(c.Presence, pr)
			}
		}
	}
	for _, cl := range d.Claims {
		c.Reported = c.Reported || slices.Contains(cl.PCodes, a.PCode) && inWindow(cl.Date) && independent(cl.Sources)
	}
	for _, iv := range d.Intervals[a.PCode] {
		c.Reported = c.Reported || inWindow(iv.From) && independent(iv.Sources)
		for _, s := range iv.SupportDays() {
			c.Reported = c.Reported || inWindow(s)
		}
	}
	return c
}

// naiveActivityConfidence: the method's rule read plainly: count the
// different independent stories behind the events (a copy is its primary's
// story); two or more high, one medium, none low.
func naiveActivityConfidence(d *Dataset, events []*Event) Confidence {
	var stories []string
	for _, e := range events {
		for _, id := range e.Sources {
			s, _ := d.Source(id)
			story := cmp.Or(s.CopyOf, s.ID)
			if s.Independent() && !slices.Contains(stories, story) {
				stories = append(stories, story)
			}
		}
	}
	switch {
	case len(events) == 0:
		return ""
	case len(stories) > 1:
		return ConfidenceHigh
	case len(stories) == 1:
		return ConfidenceMedium
	default:
		return ConfidenceLow
	}
}

// sameStates compares two days' states: everything, and the countryside by
// what it says (the specification does not know its range of days).
// undated is states without their day, to compare two days' states.
func undated(states []State) []State {
	out := slices.Clone(states)
	for i := range out {
		out[i].Day = 0
	}
	return out
}

func sameStates(got, want []State) bool {
	for i := range got {
		if !got[i].Countryside.Equal(want[i].Countryside.Countryside) {
			return false
		}
		g, w := got[i], want[i]
		g.Countryside, w.Countryside = CountrysideRange{}, CountrysideRange{}
		if !reflect.DeepEqual(g, w) {
			return false
		}
	}
	return len(got) == len(want)
}

// naiveConfirmed is the latest publication day, by day, of an independent
// source behind iv: its own sources, or an independent report in it.
func naiveConfirmed(d *Dataset, iv *Interval, a *Area, day Day) Day {
	var best Day
	for _, id := range iv.Sources {
		best = naiveSupport(d, id, day, best)
	}
	for _, c := range d.Claims {
		if c.Party == PartyIndependent && c.Kind == KindReport && c.Status == iv.Status &&
			iv.Contains(c.Date) && slices.Contains(c.PCodes, a.PCode) {
			for _, id := range c.Sources {
				best = naiveSupport(d, id, day, best)
			}
		}
	}
	return best
}

// naiveSupport returns the later of best and the publication day of source
// id, when id is independent and published by day.
func naiveSupport(d *Dataset, id string, day, best Day) Day {
	src, _ := d.Source(id)
	by, ok := src.PublishedBy()
	if src.Independent() && ok && by <= day && by > best {
		return by
	}
	return best
}

// StatesAt must answer exactly as the naive specification on every day, and
// days with the same SnapshotIndex must have the same states.
func TestStatesAtMatchesSpecification(t *testing.T) {
	for name, d := range map[string]*Dataset{"fixture": loadFixture(t), "countryside fixture": countrysideFixture(t), "embedded": loadEmbedded(t)} {
		prevIndex, prev := -2, []State(nil)
		for dd := d.First.AddDays(-3); dd <= d.LastChange.AddDays(40); dd++ {
			got := d.StatesAt(dd)
			if want := naiveStates(d, dd); !sameStates(got, want) {
				t.Fatalf("%s on %s: StatesAt differs from the specification", name, dd)
			}
			if idx := d.SnapshotIndex(dd); idx == prevIndex && !reflect.DeepEqual(undated(got), undated(prev)) {
				t.Fatalf("%s on %s: same snapshot index %d as the day before, different states", name, dd, idx)
			} else {
				prevIndex, prev = idx, got
			}
		}
	}
}
