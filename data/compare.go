package data

// AreaChange is a district whose assessed status differs between two days.
type AreaChange struct {
	Area     *Area
	From, To Status    // the status on each day (StatusUnknown before a first record)
	Interval *Interval // the interval holding the later day: its sources explain the change
}

// Change is one assessed change: the interval that opens on a day.
type Change struct {
	Area     *Area
	Previous Status // StatusUnknown for a district's first record
	Interval *Interval
}

// Diff compares the assessed statuses of two days.
type Diff struct {
	From, To Day
	Areas    []AreaChange // districts whose status differs, in the order of Areas
	Changes  []Change     // every change dated in (From, To], in date order
}

// Compare returns how the assessed map of day to differs from that of day
// from. from must not be after to.
func (d *Dataset) Compare(from, to Day) Diff {
	diff := Diff{From: from, To: to}
	before, after := d.StatesAt(from), d.StatesAt(to)
	for i := range d.Areas {
		a, b := before[i].Status(), after[i].Status()
		if a == b {
			continue
		}
		diff.Areas = append(diff.Areas, AreaChange{Area: &d.Areas[i], From: a, To: b, Interval: after[i].Interval})
	}
	for i := range d.Areas {
		ivs := d.Intervals[d.Areas[i].PCode]
		for j := range ivs {
			if ivs[j].From > from && ivs[j].From <= to {
				prev := StatusUnknown
				if j > 0 {
					prev = ivs[j-1].Status
				}
				diff.Changes = append(diff.Changes, Change{Area: &d.Areas[i], Previous: prev, Interval: &ivs[j]})
			}
		}
	}
	sortChanges(diff.Changes)
	return diff
}

func sortChanges(cs []Change) {
	for i := 1; i < len(cs); i++ { // insertion sort: stable, and the lists are short
		for j := i; j > 0 && cs[j].Interval.From < cs[j-1].Interval.From; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// StatusArea is the km² under each status on one day.
type StatusArea map[Status]float64

// DayStats is the km² under each status on a day, assessed and as each
// party's latest claims have it (a district a party has made no claim about
// counts as unknown in its view).
type DayStats struct {
	Day      Day
	Assessed StatusArea
	Claimed  map[Party]StatusArea
}

// Stats returns the area statistics on every day on which the assessed
// status or a party's latest claim changes, in date order.
func (d *Dataset) Stats() []DayStats {
	days := map[Day]bool{}
	for _, ivs := range d.Intervals {
		for _, iv := range ivs {
			days[iv.From] = true
		}
	}
	for _, c := range d.Claims {
		days[c.Date] = true
	}
	var out []DayStats
	sides := d.Region.Sides()
	for day := range days {
		s := DayStats{Day: day, Assessed: StatusArea{}, Claimed: map[Party]StatusArea{}}
		for _, p := range sides {
			s.Claimed[p] = StatusArea{}
		}
		for _, st := range d.StatesAt(day) {
			s.Assessed[st.Status()] += st.Area.AreaKm2
			for _, p := range sides {
				status := StatusUnknown
				for _, c := range st.Claims {
					if c.Party == p {
						status = c.Status
					}
				}
				s.Claimed[p][status] += st.Area.AreaKm2
			}
		}
		out = append(out, s)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Day < out[j-1].Day; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// TotalKm2 is the area of all the mapped districts.
func (d *Dataset) TotalKm2() float64 {
	var t float64
	for _, a := range d.Areas {
		t += a.AreaKm2
	}
	return t
}
