package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The provinces of the fixture: one follows its mapped district day by
// day, one turns from the Republic to the Taliban on the day its capital
// fell, one has no day and stays unknown.
func TestProvinceRanges(t *testing.T) {
	ds := loadFixture(t)
	if len(ds.Provinces) != 3 {
		t.Fatalf("%d provinces, want 3", len(ds.Provinces))
	}
	day := func(s string) Day { d, _ := ParseDay(s); return d }
	tests := []struct {
		pcode, day string
		want       Status
	}{
		{"AF00", "2021-09-02", StatusResistance}, // North's
		{"AF00", "2021-09-06", StatusTaliban},
		{"AF02", "2021-09-02", StatusRepublic},
		{"AF02", "2021-09-03", StatusTaliban},
		{"AF02", "2024-01-01", StatusTaliban},
		{"AF03", "2021-09-03", StatusUnknown},
	}
	for _, tc := range tests {
		pr, ok := ds.Province(tc.pcode)
		if !ok {
			t.Fatalf("no province %s", tc.pcode)
		}
		if got := ds.ProvinceOn(pr, day(tc.day)).Status; got != tc.want {
			t.Errorf("%s on %s: %s, want %s", tc.pcode, tc.day, got, tc.want)
		}
	}
	// A followed district's claims and staleness do not split the runs:
	// only its status and confidence do.
	mid, _ := ds.Province("AF00")
	if runs := ds.ProvinceRanges(mid); len(runs) != 2 || runs[0].Status != StatusResistance || runs[0].Confidence != ConfidenceHigh ||
		runs[1].Status != StatusTaliban || runs[1].Confidence != ConfidenceMedium || runs[0].To != runs[1].From {
		t.Errorf("Middleland's runs: %+v", runs)
	}
	if p := ds.Provinces[0]; p.Name != "Middleland" || p.NameFa != "میانه" || p.Geometry == nil || p.AreaKm2 != 5000 {
		t.Errorf("the outline's names, area and geometry are not joined: %+v", p)
	}
}

// A broken provinces table fails with its file and line, and names what is
// wrong.
func TestProvincesRejected(t *testing.T) {
	base := fixture(t)
	header := "pcode,capital,fell,follows,confidence,sources,note\n"
	tests := []struct{ name, row, want string }{
		{"bad pcode", "AF0001,X,2021-09-03,,medium,S1,n", "not a province's P-code"},
		{"no capital", "AF02,,2021-09-03,,medium,S1,n", "capital"},
		{"bad day", "AF02,X,2021-13-03,,medium,S1,n", "fell"},
		{"unknown district", "AF02,X,,AF0099,,,n", "follows"},
		{"follows and fell", "AF00,X,2021-09-03,AF0001,,,n", "follows AF0001"},
		{"no day, no note", "AF03,X,,,,,", "note"},
		{"confidence without a day", "AF03,X,,,low,,n", "no confidence"},
		{"follows outside the province", "AF02,X,,AF0001,,,n", "not a district of province AF02"},
		{"day without source", "AF02,X,2021-09-03,,medium,,n", "needs a source"},
		{"unknown source", "AF02,X,2021-09-03,,medium,S99,n", "S99"},
		{"bad confidence", "AF02,X,2021-09-03,,sure,S1,n", "confidence"},
		{"no outline", "AF09,X,2021-09-03,,medium,S1,n", "no boundary"},
		{"twice", "AF02,X,2021-09-03,,medium,S1,n\nAF02,X,2021-09-03,,medium,S1,n", "duplicate"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			fsys[ProvincesFile] = &fstest.MapFile{Data: []byte(header + tc.row + "\n")}
			_, err := Load(fsys, fsys)
			if err == nil {
				t.Fatal("loaded")
			}
			if !strings.Contains(err.Error(), ProvincesFile+":2:") && !strings.Contains(err.Error(), ProvincesFile+":3:") {
				t.Errorf("no file and line: %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%v, want it to say %q", err, tc.want)
			}
		})
	}
}

// Confidence follows the sources: high with one independent source warns.
func TestProvinceLint(t *testing.T) {
	ds := loadFixture(t)
	ds.Provinces[1].Confidence = ConfidenceHigh
	var found bool
	for _, w := range Lint(ds, ds.LastChange) {
		found = found || (w.File == ProvincesFile && w.Check == CheckWeakEvidence && strings.Contains(w.Msg, "AF02"))
	}
	if !found {
		t.Error("a high province resting on one independent source is not warned about")
	}
}

// The country's area by who held each capital, on each day a province's
// status changes: Eastland's fall moves its 5,000 km² from the Republic to
// the Taliban; the days are in order and each sums to the whole country.
func TestCountryStats(t *testing.T) {
	ds := loadFixture(t)
	stats := ds.CountryStats()
	var days []string
	for i, s := range stats {
		days = append(days, s.Day.String())
		sum := 0.0
		for _, km2 := range s.Assessed {
			sum += km2
		}
		if sum != ds.CountryKm2() || (i > 0 && s.Day <= stats[i-1].Day) {
			t.Errorf("%s: %v km² of %v, or out of order", s.Day, sum, ds.CountryKm2())
		}
	}
	joined := strings.Join(days, " ")
	if !strings.HasPrefix(joined, "2021-09-01 2021-09-03 ") || !strings.Contains(joined, "2021-09-05") || strings.Contains(joined, "2021-09-02") {
		t.Errorf("days %v: want the first day, Eastland's fall and North's, and no day without a change", days)
	}
	if got := stats[1].Assessed; got[StatusTaliban] != 5000 || got[StatusRepublic] != 0 || got[StatusResistance] != 5000 || got[StatusUnknown] != 5000 {
		t.Errorf("3 September: %v", got)
	}
}

// The map as known at the time carries the provinces, each day resting on
// the sources known then: before its source was published, Eastland's
// fall is no day yet.
func TestProvincesKnownAt(t *testing.T) {
	ds := loadFixture(t)
	day := func(s string) Day { d, _ := ParseDay(s); return d }
	before, after := ds.KnownAt(day("2021-08-31")), ds.KnownAt(day("2021-09-10"))
	east := func(d *Dataset) *Province { p, _ := d.Province("AF02"); return p }
	if p := east(before); p == nil || p.Fell != 0 || len(p.Sources) != 0 || before.ProvinceOn(p, day("2021-09-04")).Status != StatusUnknown {
		t.Errorf("known on 31 August: %+v", p)
	}
	if p := east(after); p == nil || p.Fell != day("2021-09-03") || after.ProvinceOn(p, day("2021-09-04")).Status != StatusTaliban {
		t.Errorf("known on 10 September: %+v", p)
	}
}
