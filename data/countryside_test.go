package data

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// countrysideFixture is the fixture with more events, a presence row and a
// state-media source, so that every part of the countryside rule is hit.
func countrysideFixture(t *testing.T) *Dataset {
	t.Helper()
	m := fixture(t)
	m["events.csv"].Data = append(m["events.csv"].Data, []byte(strings.Join([]string{
		"E3,2021-10-01,1,Strategic developments,Arrests,Taliban,Civilians (Testland),Testland,South,AF0002,South village,,,3,,Arrests.,S2",
		"E4,2021-10-20,3,Battles,Armed clash,NRF: National Resistance Front,Taliban,Testland,South,AF0002,South valley,,,3,,Clash.,S1",
		"E5,2021-10-25,1,Battles,Armed clash,Taliban,NRF,Testland,,,Testland (province),,,3,,Province-wide.,S1",
		"",
	}, "\n"))...)
	m["presence.csv"] = &fstest.MapFile{Data: []byte("pcode,side,from,to,confidence,sources,note\n" +
		"AF0002,resistance,2021-10-15,2021-11-30,low,S2,Positions in the South valley (party claim).\n")}
	d, err := Load(m, m)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCountryside(t *testing.T) {
	d := countrysideFixture(t)
	south := d.AreaIndex("AF0002")
	tests := []struct {
		day                   string
		resistance, taliban   int
		resistanceConfidence  Confidence
		talibanConfidence     Confidence
		presence              int
		reported              bool
		wantRangeFrom, wantTo string // the range holding the day; "" for open
	}{
		// E2 (NRF, S3 undated but independent) counts from the 6th for 30 days.
		{"2021-09-06", 1, 0, ConfidenceMedium, "", 0, true, "2021-09-06", "2021-10-01"},
		{"2021-10-05", 1, 1, ConfidenceMedium, ConfidenceLow, 0, true, "2021-10-01", "2021-10-06"},
		// 2021-10-06 is 30 days after E2: it has left the window (and so has its reporting).
		{"2021-10-06", 0, 1, "", ConfidenceLow, 0, false, "2021-10-06", "2021-10-15"},
		{"2021-10-20", 1, 1, ConfidenceMedium, ConfidenceLow, 1, true, "2021-10-20", "2021-10-31"},
		{"2021-11-30", 0, 0, "", "", 1, false, "2021-11-19", "2021-12-01"},
		{"2021-12-01", 0, 0, "", "", 0, false, "2021-12-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			dd := day(t, tt.day)
			r := d.CountrysideOf(south, dd)
			c := r.Countryside
			if c.Insurgent.Count() != tt.resistance || c.Ruling.Count() != tt.taliban ||
				c.Insurgent.Confidence != tt.resistanceConfidence || c.Ruling.Confidence != tt.talibanConfidence ||
				len(c.Presence) != tt.presence || c.Reported != tt.reported {
				t.Errorf("got resistance %d (%s), taliban %d (%s), presence %d, reported %v",
					c.Insurgent.Count(), c.Insurgent.Confidence, c.Ruling.Count(), c.Ruling.Confidence, len(c.Presence), c.Reported)
			}
			if r.From.String() != tt.wantRangeFrom || (tt.wantTo == "" && r.To != 0) || (tt.wantTo != "" && r.To.String() != tt.wantTo) {
				t.Errorf("range [%s, %s), want [%s, %s)", r.From, r.To, tt.wantRangeFrom, tt.wantTo)
			}
			if got := d.StatesAt(dd)[south].Countryside; !got.Equal(c) {
				t.Errorf("StatesAt disagrees with CountrysideOf")
			}
		})
	}
}

// TestCountrysideRangesMatchEveryDay holds the precomputed ranges to the
// rule evaluated day by day over the fixture's whole span.
func TestCountrysideRangesMatchEveryDay(t *testing.T) {
	d := countrysideFixture(t)
	for i := range d.Areas {
		for end, day := day(t, "2022-01-31"), d.First; day <= end; day++ {
			if got, want := d.CountrysideOf(i, day).Countryside, d.countrysideOn(i, day); !got.Equal(want) {
				t.Fatalf("%s on %s: range %+v, rule %+v", d.Areas[i].PCode, day, got, want)
			}
		}
	}
}

func TestCountrysideSnapshotBreaks(t *testing.T) {
	d := countrysideFixture(t)
	// The day an event leaves the window must start a snapshot, or
	// a cached answer would keep counting it.
	leaves := day(t, "2021-10-31") // E3 (1 Oct) + 30
	if d.SnapshotIndex(leaves) == d.SnapshotIndex(leaves-1) {
		t.Errorf("no snapshot break on %s, when E3 leaves the activity window", leaves)
	}
}

func TestEventSide(t *testing.T) {
	region, err := ReadRegion(os.DirFS(".")) // the dataset's actor rows
	if err != nil {
		t.Fatal(err)
	}
	for actor, want := range map[string]Party{
		"Taliban": PartyTaliban, "NRF: National Resistance Front": PartyResistance,
		"Afghanistan Freedom Front": PartyResistance, "Andarab local uprising (anti-Taliban)": PartyResistance,
		"Civilians (Afghanistan)": "",
	} {
		if got := region.SideOf(actor); got != want {
			t.Errorf("%q: side %q, want %q", actor, got, want)
		}
	}
}

func TestActivityByMonth(t *testing.T) {
	d := countrysideFixture(t)
	months := d.ActivityByMonth(day(t, "2021-11-15"))
	if len(months) != 3 || months[0].Month.String() != "2021-09-01" || months[1].Month.String() != "2021-10-01" ||
		months[2] != (MonthActivity{Month: day(t, "2021-11-01")}) {
		t.Fatalf("months %+v", months)
	}
	// September: E1 (Taliban), E2 (NRF); October: E3, E5 (Taliban), E4 (NRF).
	if months[0].Ruling != 1 || months[0].Insurgent != 1 || months[1].Ruling != 2 || months[1].Insurgent != 1 {
		t.Errorf("counts %+v", months)
	}
}

// TestProvinceWideNeedsAMappedProvince: a province-wide event is drawn at
// its province's point, which exists only for a province the map holds.
func TestProvinceWideNeedsAMappedProvince(t *testing.T) {
	m := fixture(t)
	m["events.csv"].Data = append(m["events.csv"].Data, []byte("E9,2021-10-25,1,Battles,Armed clash,Taliban,NRF,Kabul,,,Kabul (province),,,3,,Elsewhere.,S1\n")...)
	if _, err := Load(m, m); err == nil || !strings.Contains(err.Error(), "events.csv:4") {
		t.Fatalf("got %v, want an error naming events.csv:4", err)
	}
	d := countrysideFixture(t)
	for _, e := range d.Events {
		if e.Where == (orb.Point{}) {
			t.Errorf("%s has no point to be drawn at", e.ID)
		}
	}
}

func TestPresenceRejects(t *testing.T) {
	for name, row := range map[string]string{
		"overlap":  "AF0002,resistance,2021-10-15,2021-11-30,low,S2,A.\nAF0002,resistance,2021-11-01,2021-12-30,low,S2,B.",
		"reversed": "AF0002,resistance,2021-10-15,2021-10-01,low,S2,A.",
		"side":     "AF0002,republic,2021-10-15,2021-10-20,low,S2,A.",
		"no note":  "AF0002,taliban,2021-10-15,2021-10-20,low,S2,",
		"source":   "AF0002,taliban,2021-10-15,2021-10-20,low,S9,A.",
	} {
		t.Run(name, func(t *testing.T) {
			m := fixture(t)
			m["presence.csv"] = &fstest.MapFile{Data: []byte("pcode,side,from,to,confidence,sources,note\n" + row + "\n")}
			_, err := Load(m, m)
			if err == nil || !strings.Contains(err.Error(), "presence.csv:") {
				t.Fatalf("got %v, want an error naming presence.csv and its line", err)
			}
		})
	}
}

func planarContains(a *Area, p orb.Point) bool { return planar.MultiPolygonContains(a.Geometry, p) }
