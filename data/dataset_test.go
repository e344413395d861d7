package data

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"
)

// These tests check the real, embedded dataset against the evidence in
// ../shared/research/panjshir-timeline-facts.md.

func loadEmbedded(t testing.TB) *Dataset {
	t.Helper()
	d, err := LoadEmbeddedOrCODAB()
	if err != nil && testing.Short() {
		t.Skipf("no boundary files ('make build' derives them): %v", err)
	}
	if err != nil {
		t.Fatalf("embedded dataset (run 'make build' first): %v", err)
	}
	return d
}

func TestEmbeddedEveryDayAnswered(t *testing.T) {
	d := loadEmbedded(t)
	if len(d.Areas) != 10 {
		t.Fatalf("got %d areas, want 10", len(d.Areas))
	}
	// Every snapshot period once (states hold between their first days):
	// the test's cost follows the data, not the calendar.
	for _, dd := range append(d.SnapshotDays(), Today(time.Now())) {
		for _, s := range d.StatesAt(dd) {
			if s.Status() == StatusUnknown {
				t.Fatalf("%s on %s: unknown, want a status from the first record on", s.Area.PCode, dd)
			}
			if len(s.Interval.Sources) == 0 {
				t.Fatalf("%s on %s: no source", s.Area.PCode, dd)
			}
			for _, id := range s.Interval.Sources {
				if src, ok := d.Source(id); !ok || src.URL == "" {
					t.Fatalf("%s on %s: source %s has no URL", s.Area.PCode, dd, id)
				}
			}
		}
	}
}

// TestEmbeddedFollowsEvidence checks the statuses an editor expects of the
// real dataset, each with why (data/testdata/expectations.json, updated in
// the same commit as a correction that changes one).
func TestEmbeddedFollowsEvidence(t *testing.T) {
	d := loadEmbedded(t)
	exp := loadExpectations(t)
	if len(exp.Statuses) == 0 {
		t.Fatal("no statuses in testdata/expectations.json")
	}
	for _, tt := range exp.Statuses {
		t.Run(tt.Day+" "+tt.Why, func(t *testing.T) {
			states := d.StatesAt(day(t, tt.Day))
			for _, pc := range tt.PCodes {
				i, ok := d.areaIndex[pc]
				if !ok {
					t.Fatalf("%s is not a mapped district", pc)
				}
				if s := states[i]; s.Status() != tt.Status {
					t.Errorf("%s (%s): got %s, want %s (%s)", pc, s.Area.Name, s.Status(), tt.Status, tt.Why)
				}
			}
		})
	}
}

// expectations is data/testdata/expectations.json: the facts an editor
// expects of the real dataset, each with why.
type expectations struct {
	Statuses []struct {
		Day    string   `json:"day"`
		PCodes []string `json:"pcodes"`
		Status Status   `json:"status"`
		Why    string   `json:"why"`
	} `json:"statuses"`
	Disputed []struct {
		Day, Province, Why string
	} `json:"disputed"`
	Countryside []struct {
		Day             string           `json:"day"`
		Active          []string         `json:"active"`
		Presence        map[string]Party `json:"presence"`
		QuietEverywhere bool             `json:"quiet_everywhere"`
		Why             string           `json:"why"`
	} `json:"countryside"`
}

// statusesOn returns the statuses the expectations give for day, by P-code.
func (e expectations) statusesOn(day string) map[string]Status {
	out := map[string]Status{}
	for _, s := range e.Statuses {
		if s.Day == day {
			for _, pc := range s.PCodes {
				out[pc] = s.Status
			}
		}
	}
	return out
}

func loadExpectations(t *testing.T) expectations {
	t.Helper()
	b, err := os.ReadFile("testdata/expectations.json")
	if err != nil {
		t.Fatal(err)
	}
	var exp expectations
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatal(err)
	}
	return exp
}

// TestEmbeddedDisputed: on the days of the expectations, every district of
// the province has a Taliban and a resistance claim that differ, and is
// disputed.
func TestEmbeddedDisputed(t *testing.T) {
	d := loadEmbedded(t)
	exp := loadExpectations(t)
	if len(exp.Disputed) == 0 {
		t.Fatal("no disputed days in testdata/expectations.json")
	}
	for _, x := range exp.Disputed {
		for _, s := range d.StatesAt(day(t, x.Day)) {
			if s.Area.Province != x.Province {
				continue
			}
			var taliban, resistance *Claim
			for _, c := range s.Claims {
				switch c.Party {
				case PartyTaliban:
					taliban = c
				case PartyResistance:
					resistance = c
				}
			}
			if taliban == nil || resistance == nil || taliban.Status == resistance.Status {
				t.Errorf("%s on %s: want Taliban and resistance claims that differ, got %v / %v (%s)", s.Area.Name, x.Day, taliban, resistance, x.Why)
			}
			if !s.Disputed {
				t.Errorf("%s on %s: not disputed (%s)", s.Area.Name, x.Day, x.Why)
			}
		}
	}
}

// TestEmbeddedCountryside holds the real dataset to what issue 21 asks the
// map to show: on 1 June 2022 the side-valley war is visible (activity in
// Dara, Khenj and Rukha, the NRF's assessed presence in Dara), on 10 August
// 2021 no district has any, every event is counted or drawn, and every
// event whose point the dataset gives lies inside its district.
func TestEmbeddedCountryside(t *testing.T) {
	d := loadEmbedded(t)
	for _, x := range loadExpectations(t).Countryside {
		states := d.StatesAt(day(t, x.Day))
		for _, pcode := range x.Active {
			if c := states[d.AreaIndex(pcode)].Countryside; c.Resistance.Count()+c.Taliban.Count() == 0 {
				t.Errorf("%s, %s: no activity (%s)", x.Day, pcode, x.Why)
			}
		}
		for pcode, side := range x.Presence {
			if c := states[d.AreaIndex(pcode)].Countryside; !slices.ContainsFunc(c.Presence, func(p *Presence) bool { return p.Side == side }) {
				t.Errorf("%s, %s: no %s presence assessed (%s)", x.Day, pcode, side, x.Why)
			}
		}
		if x.QuietEverywhere {
			for _, s := range states {
				if c := s.Countryside; c.Resistance.Count()+c.Taliban.Count()+len(c.Presence) > 0 {
					t.Errorf("%s, %s: countryside %+v (%s)", x.Day, s.Area.PCode, s.Countryside, x.Why)
				}
			}
		}
	}
	for _, e := range d.Events {
		if e.Side() == "" {
			t.Errorf("%s: actor1 %q is on neither side", e.ID, e.Actor1)
		}
		if a, ok := d.Area(e.PCode); ok && e.HasPoint() && !planarContains(a, e.Point) {
			t.Errorf("%s at %v is outside %s", e.ID, e.Point, e.PCode)
		}
	}
}
