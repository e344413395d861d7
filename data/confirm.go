package data

import (
	"slices"
	"sort"
)

// indexConfirmations records, for every assessed interval, the publication
// days of the independent sources that support it (see State.Confirmed),
// and returns the days on which some area's Confirmed or Stale can change.
func (d *Dataset) indexConfirmations() []Day {
	var breaks []Day
	for pcode, ivs := range d.Intervals {
		for k := range ivs {
			iv := &ivs[k]
			iv.confirm = d.supportDays(pcode, iv)
			for _, day := range iv.confirm {
				breaks = append(breaks, day, day.AddDays(StaleAfter+1))
			}
		}
	}
	return breaks
}

// supportDays returns, sorted, the last possible publication days of the
// independent sources that support iv: its own, and those of independent
// reports about pcode dated within iv that state iv's status.
func (d *Dataset) supportDays(pcode string, iv *Interval) []Day {
	var days []Day
	add := func(ids []string) {
		for _, id := range ids {
			if s, _ := d.Source(id); s.Independent() && s.last != 0 {
				days = append(days, s.last)
			}
		}
	}
	add(iv.Sources)
	// The area's independent claims, in date order (index built them):
	// only those within iv are looked at, so a long history costs
	// O(intervals × log claims), not O(intervals × claims).
	claims := d.claimsByArea[d.areaIndex[pcode]][slices.Index(d.claimParties, PartyIndependent)]
	from := sort.Search(len(claims), func(i int) bool { return claims[i].Date >= iv.From })
	for _, c := range claims[from:] {
		if !iv.Contains(c.Date) {
			break
		}
		if c.Kind == KindReport && c.Status == iv.Status {
			add(c.Sources)
		}
	}
	slices.Sort(days)
	return slices.Compact(days)
}

// confirmedOn returns the latest support day on or before day; zero for a
// nil interval or when there is none.
func (iv *Interval) confirmedOn(day Day) Day {
	if iv == nil {
		return 0
	}
	j := sort.Search(len(iv.confirm), func(j int) bool { return iv.confirm[j] > day }) - 1
	if j < 0 {
		return 0
	}
	return iv.confirm[j]
}

// SupportDays returns the last possible publication days of the independent
// sources that support iv, sorted (see State.Confirmed): on a day D within
// iv the status is confirmed by the latest of them on or before D. The
// caller must not modify the slice.
func (iv *Interval) SupportDays() []Day { return iv.confirm }
