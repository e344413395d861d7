package data

import (
	"cmp"
	"slices"
	"sort"

	"github.com/paulmach/orb"
)

// ActivityWindow is how many days an event counts as activity in its
// district (docs/methodology.md, "Outside the centre"): an event dated E
// counts on the days [E, E+ActivityWindow), the day itself and the 29 after.
// The same window decides whether independent reporting covers a district.
const ActivityWindow = 30

// Activity is one side's reported activity in one district within the
// ActivityWindow up to a day.
type Activity struct {
	Events []*Event // in date order
	// Confidence follows the method: high with two independent stories
	// among the events' sources, medium with one, low with none (only the
	// parties' own words, copies or state media).
	Confidence Confidence
}

// Count is the number of events.
func (a Activity) Count() int { return len(a.Events) }

// Latest is the day of the newest event; zero without one.
func (a Activity) Latest() Day {
	if len(a.Events) == 0 {
		return 0
	}
	return a.Events[len(a.Events)-1].Date
}

// Sources returns the ids cited by the events, each once, in first-cited
// order.
func (a Activity) Sources() []string {
	var out []string
	for _, e := range a.Events {
		for _, id := range e.Sources {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// Countryside is what is known of a district outside its centre on one day:
// a second dimension beside the assessed status, which is about the centre
// and the main road only.
type Countryside struct {
	Insurgent Activity // the insurgent side's activity reported: attacks, clashes, positions
	Ruling    Activity // the ruling side's operations: raids, arrests, evictions, clearance operations
	// Presence holds the presence rows covering the day (PresenceFile),
	// resistance first.
	Presence []*Presence
	// Reported is true when some row about the district dated within the
	// window (an event, a claim, an assessed change, or a confirmation)
	// cites an independent source. When false the map says "no independent
	// reporting", never "quiet".
	Reported bool
}

// Equal reports whether c and o say the same (the same events, presence and
// reporting), so that a range of days can carry one value.
func (c Countryside) Equal(o Countryside) bool {
	return c.Reported == o.Reported && slices.Equal(c.Presence, o.Presence) &&
		slices.Equal(c.Insurgent.Events, o.Insurgent.Events) && slices.Equal(c.Ruling.Events, o.Ruling.Events)
}

// areaCountryside is one area's evidence outside the centre, indexed once.
type areaCountryside struct {
	events  []*Event // the area's events (not province-wide ones), date order
	reports []Day    // days of rows about the area that cite an independent source, sorted
	ranges  []CountrysideRange
}

// indexCountryside builds the per-area lookups and returns the days on
// which some area's countryside can change: an event's day and the day it
// leaves the window, the same for independent reporting, and presence's
// first day and the day after its last.
func (d *Dataset) indexCountryside() []Day {
	d.countryside = make([]areaCountryside, len(d.Areas))
	provinces := d.provincePoints()
	for i := range d.Events {
		e := &d.Events[i]
		e.Where = e.Point
		if !e.HasPoint() {
			if a, ok := d.Area(e.PCode); ok {
				e.Where = a.Label
			} else {
				e.Where = provinces[e.Admin1]
			}
		}
		if a, ok := d.areaIndex[e.PCode]; ok {
			d.countryside[a].events = append(d.countryside[a].events, e)
			d.addReport(a, e.Date, e.Sources)
		}
	}
	for i := range d.Claims {
		for _, pc := range d.Claims[i].PCodes {
			d.addReport(d.areaIndex[pc], d.Claims[i].Date, d.Claims[i].Sources)
		}
	}
	for pcode, ivs := range d.Intervals {
		a := d.areaIndex[pcode]
		for k := range ivs {
			d.addReport(a, ivs[k].From, ivs[k].Sources)
			d.countryside[a].reports = append(d.countryside[a].reports, ivs[k].confirm...)
		}
	}
	var breaks []Day
	for a := range d.countryside {
		c := &d.countryside[a]
		slices.Sort(c.reports)
		c.reports = slices.Compact(c.reports)
		for _, day := range c.reports {
			breaks = append(breaks, day, day.AddDays(ActivityWindow))
		}
		for _, e := range c.events {
			breaks = append(breaks, e.Date, e.Date.AddDays(ActivityWindow))
		}
	}
	for _, pr := range d.Presence {
		breaks = append(breaks, pr.From, pr.To.AddDays(1))
	}
	return breaks
}

// addReport records day as a day of independent reporting about area a
// when ids cite an independent source.
func (d *Dataset) addReport(a int, day Day, ids []string) {
	for _, id := range ids {
		if s, _ := d.Source(id); s.Independent() {
			d.countryside[a].reports = append(d.countryside[a].reports, day)
			return
		}
	}
}

// CountrysideOf returns the countryside of the area at index i on day, with
// the range of days over which it holds; the zero range (nothing known,
// no reporting) before the first record.
func (d *Dataset) CountrysideOf(i int, day Day) CountrysideRange {
	if d.countryside == nil {
		return CountrysideRange{}
	}
	rs := d.countryside[i].ranges
	j := sort.Search(len(rs), func(j int) bool { return rs[j].From > day }) - 1
	if j < 0 {
		return CountrysideRange{}
	}
	return rs[j]
}

// countrysideOn evaluates the rule for the area at index i on day.
func (d *Dataset) countrysideOn(i int, day Day) Countryside {
	var out Countryside
	c := &d.countryside[i]
	insurgent, ruling := d.Region.As(RoleInsurgent), d.Region.As(RoleRuling)
	from := day.AddDays(1 - ActivityWindow)
	lo := sort.Search(len(c.events), func(j int) bool { return c.events[j].Date >= from })
	for _, e := range c.events[lo:] {
		if e.Date > day {
			break
		}
		switch e.Side {
		case insurgent:
			out.Insurgent.Events = append(out.Insurgent.Events, e)
		case ruling:
			out.Ruling.Events = append(out.Ruling.Events, e)
		}
	}
	out.Insurgent.Confidence = d.activityConfidence(out.Insurgent.Events)
	out.Ruling.Confidence = d.activityConfidence(out.Ruling.Events)
	for k := range d.Presence {
		if pr := &d.Presence[k]; pr.PCode == d.Areas[i].PCode && pr.Covers(day) {
			out.Presence = append(out.Presence, pr)
		}
	}
	order := []Party{insurgent, ruling} // as the map marks them
	slices.SortStableFunc(out.Presence, func(a, b *Presence) int {
		return cmp.Compare(slices.Index(order, a.Side), slices.Index(order, b.Side))
	})
	j := sort.Search(len(c.reports), func(j int) bool { return c.reports[j] > day }) - 1
	out.Reported = j >= 0 && c.reports[j] >= from
	return out
}

// activityConfidence applies the method's confidence rule to the sources of
// events: two independent stories high, one medium, none low. A copy and
// its primary are one story.
func (d *Dataset) activityConfidence(events []*Event) Confidence {
	if len(events) == 0 {
		return ""
	}
	stories := map[string]bool{}
	for _, e := range events {
		for _, id := range e.Sources {
			if s, _ := d.Source(id); s.Independent() {
				stories[cmp.Or(s.CopyOf, s.ID)] = true
			}
		}
	}
	switch {
	case len(stories) >= 2:
		return ConfidenceHigh
	case len(stories) == 1:
		return ConfidenceMedium
	}
	return ConfidenceLow
}

// CountrysideRange is a countryside that holds over the days [From, To); To
// is zero for the last range, which stays open.
type CountrysideRange struct {
	From, To Day
	Countryside
}

// CountrysideRanges returns the area with P-code pcode's countryside as
// ranges of days over which it does not change, from the first record on:
// the page draws any day from them without re-implementing the rule. The
// caller must not modify the slice.
func (d *Dataset) CountrysideRanges(pcode string) []CountrysideRange {
	i, ok := d.areaIndex[pcode]
	if !ok || d.countryside == nil {
		return nil
	}
	return d.countryside[i].ranges
}

// countrysideRanges evaluates the rule on every day on which the area at
// index i can change and merges the days that say the same.
func (d *Dataset) countrysideRanges(i int) []CountrysideRange {
	c := &d.countryside[i]
	pcode := d.Areas[i].PCode
	days := []Day{d.First}
	for _, day := range c.reports {
		days = append(days, day, day.AddDays(ActivityWindow))
	}
	for _, e := range c.events {
		days = append(days, e.Date, e.Date.AddDays(ActivityWindow))
	}
	for _, pr := range d.Presence {
		if pr.PCode == pcode {
			days = append(days, pr.From, pr.To.AddDays(1))
		}
	}
	slices.Sort(days)
	var out []CountrysideRange
	for _, day := range slices.Compact(days) {
		if day < d.First {
			continue
		}
		cs := d.countrysideOn(i, day)
		if n := len(out); n > 0 && out[n-1].Countryside.Equal(cs) {
			continue
		}
		if n := len(out); n > 0 {
			out[n-1].To = day
		}
		out = append(out, CountrysideRange{From: day, Countryside: cs})
	}
	return out
}

// MonthActivity counts the events of one calendar month by side, over all
// the mapped districts and the province-wide events.
type MonthActivity struct {
	Month     Day // the month's first day
	Insurgent int
	Ruling    int
}

// ActivityByMonth returns the events per month by side, from the month of
// the first record to the month of end (the timeline's end, today), with a
// zero row for every month without events: the area chart's band of
// activity, which must show the months after the last event as empty.
func (d *Dataset) ActivityByMonth(end Day) []MonthActivity {
	if len(d.Events) == 0 {
		return nil
	}
	var out []MonthActivity
	for m := monthOf(d.First); m <= end; m = nextMonth(m) {
		out = append(out, MonthActivity{Month: m})
	}
	for i := range d.Events {
		e := &d.Events[i]
		k := sort.Search(len(out), func(j int) bool { return out[j].Month > e.Date }) - 1
		if k < 0 {
			continue
		}
		switch e.Side {
		case d.Region.As(RoleInsurgent):
			out[k].Insurgent++
		case d.Region.As(RoleRuling):
			out[k].Ruling++
		}
	}
	return out
}

func monthOf(day Day) Day {
	y, m, _ := day.Time().Date()
	return civilDay(y, int(m), 1)
}

func nextMonth(day Day) Day {
	y, m, _ := day.Time().Date()
	if m == 12 {
		return civilDay(y+1, 1, 1)
	}
	return civilDay(y, int(m)+1, 1)
}

// provincePoints returns, per province name, the mean of its mapped
// districts' label points: where an event known only to its province is
// drawn (ACLED's geo_precision 3). Like any point of a province it lies in
// one of its districts, so the outputs say "province" through an empty
// pcode and geo_precision 3, and the page draws it hollow and dashed; it
// is never one district's centre, and never counts in a district. The
// loader makes sure every province-wide event's province has one.
func (d *Dataset) provincePoints() map[string]orb.Point {
	sum, n := map[string]orb.Point{}, map[string]float64{}
	for _, a := range d.Areas {
		p := sum[a.Province]
		sum[a.Province] = orb.Point{p[0] + a.Label[0], p[1] + a.Label[1]}
		n[a.Province]++
	}
	for k, p := range sum {
		sum[k] = orb.Point{p[0] / n[k], p[1] / n[k]}
	}
	return sum
}
