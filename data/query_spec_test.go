package data

import (
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
	s := State{Area: a}
	for j, iv := range d.Intervals[a.PCode] {
		if day >= iv.From && (iv.To == 0 || day < iv.To) {
			s.Interval = &d.Intervals[a.PCode][j]
		}
	}
	for _, party := range parties {
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
	return s
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
	for name, d := range map[string]*Dataset{"fixture": loadFixture(t), "embedded": loadEmbedded(t)} {
		prevIndex, prev := -2, []State(nil)
		for dd := d.First.AddDays(-3); dd <= d.LastChange.AddDays(40); dd++ {
			got := d.StatesAt(dd)
			if want := naiveStates(d, dd); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %s: StatesAt differs from the specification", name, dd)
			}
			if idx := d.SnapshotIndex(dd); idx == prevIndex && !reflect.DeepEqual(got, prev) {
				t.Fatalf("%s on %s: same snapshot index %d as the day before, different states", name, dd, idx)
			} else {
				prevIndex, prev = idx, got
			}
		}
	}
}
