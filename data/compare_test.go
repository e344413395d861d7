package data

import (
	"maps"
	"math"
	"testing"
)

func TestCompareFixture(t *testing.T) {
	d := loadFixture(t)
	diff := d.Compare(day(t, "2021-09-02"), day(t, "2021-09-05"))
	if len(diff.Areas) != 2 {
		t.Fatalf("got %d changed areas, want North (resistance→taliban) and South (unknown→contested)", len(diff.Areas))
	}
	if a := diff.Areas[0]; a.Area.PCode != "AF0001" || a.From != StatusResistance || a.To != StatusTaliban || a.Interval.Sources[0] != "S2" {
		t.Errorf("North: %+v", a)
	}
	if len(diff.Changes) != 2 || diff.Changes[0].Interval.From.String() != "2021-09-03" {
		t.Errorf("changes: %+v", diff.Changes)
	}
	if same := d.Compare(day(t, "2021-09-05"), day(t, "2021-09-05")); len(same.Areas) != 0 || len(same.Changes) != 0 {
		t.Errorf("a day compared with itself: %+v", same)
	}
}

func TestStats(t *testing.T) {
	d := loadEmbedded(t)
	total := d.TotalKm2()
	stats := d.Stats()
	for i, s := range stats {
		if i > 0 && s.Day <= stats[i-1].Day {
			t.Fatal("days out of order")
		}
		for name, sa := range map[string]StatusArea{"assessed": s.Assessed, "taliban": s.Claimed[PartyTaliban], "resistance": s.Claimed[PartyResistance]} {
			var sum float64
			for _, v := range sa {
				sum += v
			}
			if math.Abs(sum-total) > 1e-6 {
				t.Errorf("%s %s: %.1f km² in all, want the total %.1f", s.Day, name, sum, total)
			}
		}
	}
	// The first day's km² are those of the states on the dataset's first
	// day, whatever they are.
	want := StatusArea{}
	for _, s := range d.StatesAt(d.First) {
		want[s.Status()] += s.Area.AreaKm2
	}
	if first := stats[0]; first.Day != d.First || !maps.EqualFunc(first.Assessed, want, func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }) {
		t.Errorf("first day %s: %v, want %s: %v", first.Day, first.Assessed, d.First, want)
	}
}
