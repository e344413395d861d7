package data_test

import (
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
)

// lookup finds day in a view's ranges, as the page does (timelineindex.js):
// nothing drawn before the first range.
func lookup(rs []data.ViewRange, day data.Day) data.ViewState {
	for _, r := range rs {
		if r.From <= day && (r.To == 0 || day < r.To) {
			return r.ViewState
		}
	}
	return data.ViewState{Status: data.StatusUnknown}
}

// TestViewRangesHoldTheRule: on every day of the data and a year past it,
// in every view, the ranges the page draws from give what State.InView
// (the pictures' rule) gives: the view's rule is written once.
func TestViewRangesHoldTheRule(t *testing.T) {
	t.Parallel()
	d := datatest.Embedded(t)
	views := append([]data.Party{data.Assessed}, d.Region.ClaimParties()...)
	ranges := map[string][][]data.ViewRange{}
	for _, a := range d.Areas {
		for _, v := range views {
			ranges[a.PCode] = append(ranges[a.PCode], d.ViewRanges(a.PCode, v))
		}
	}
	days, stale, old := 0, 0, 0
	for day := d.First.AddDays(-3); day <= d.LastChange.AddDays(data.StaleAfter+30); day++ {
		for _, st := range d.StatesAt(day) {
			for k, v := range views {
				want := st.InView(v)
				if got := lookup(ranges[st.Area.PCode][k], day); got != want {
					t.Fatalf("%s %s in view %s: the ranges give %+v, the rule %+v", day, st.Area.PCode, v, got, want)
				}
				switch {
				case want.Stale && k == 0:
					stale++
				case want.Stale:
					old++
				}
			}
		}
		days++
	}
	if stale == 0 || old == 0 {
		t.Errorf("over %d days: %d stale assessed days, %d days of an old claim: the test saw no case of one", days, stale, old)
	}
}
