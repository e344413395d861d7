package data

import (
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

// The example: from 10 August to 20 September 2021 all seven
// Panjshir districts go from republic to taliban, and the km² add up.
func TestCompareEmbedded(t *testing.T) {
	d := loadEmbedded(t)
	diff := d.Compare(day(t, "2021-08-10"), day(t, "2021-09-20"))
	var panjshirKm2 float64
	changed := map[string]bool{}
	for _, a := range diff.Areas {
		changed[a.Area.PCode] = true
		if a.Area.Province == "Panjshir" {
			if a.From != StatusRepublic || a.To != StatusTaliban {
				t.Errorf("%s: %s → %s, want republic → taliban", a.Area.Name, a.From, a.To)
			}
			panjshirKm2 += a.Area.AreaKm2
		}
	}
	for _, pc := range panjshir {
		if !changed[pc] {
			t.Errorf("%s did not change", pc)
		}
	}
	if panjshirKm2 < 3000 {
		t.Errorf("Panjshir's changed districts add up to %.1f km²", panjshirKm2)
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
	if first := stats[0]; first.Day.String() != "2021-08-01" || math.Abs(first.Assessed[StatusRepublic]-total) > 1e-6 {
		t.Errorf("first day %s: %v", first.Day, first.Assessed)
	}
}
