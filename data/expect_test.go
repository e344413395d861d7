package data_test

import (
	"slices"
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
)

// The real dataset against data/testdata/expectations.json: what an editor
// expects it to show, each with why, updated in the same commit as a
// correction that changes it.

func TestEmbeddedFollowsEvidence(t *testing.T) {
	d, exp := datatest.Embedded(t), datatest.LoadExpectations(t)
	if len(exp.Statuses) == 0 {
		t.Fatal("no statuses in testdata/expectations.json")
	}
	for _, tt := range exp.Statuses {
		t.Run(tt.Day+" "+tt.Why, func(t *testing.T) {
			states := d.StatesAt(datatest.Day(t, tt.Day))
			for _, pc := range tt.PCodes {
				i := d.AreaIndex(pc)
				if i < 0 {
					t.Fatalf("%s is not a mapped district", pc)
				}
				if s := states[i]; s.Status() != tt.Status {
					t.Errorf("%s (%s): got %s, want %s (%s)", pc, s.Area.Name, s.Status(), tt.Status, tt.Why)
				}
			}
		})
	}
}

// TestEmbeddedDisputed: on the days of the expectations, every district of
// the province has a Taliban and a resistance claim that differ, and is
// disputed.
func TestEmbeddedDisputed(t *testing.T) {
	d, exp := datatest.Embedded(t), datatest.LoadExpectations(t)
	if len(exp.Disputed) == 0 {
		t.Fatal("no disputed days in testdata/expectations.json")
	}
	for _, x := range exp.Disputed {
		for _, s := range d.StatesAt(datatest.Day(t, x.Day)) {
			if s.Area.Province != x.Province {
				continue
			}
			var taliban, resistance *data.Claim
			for _, c := range s.Claims {
				switch c.Party {
				case data.Party("taliban"):
					taliban = c
				case data.Party("resistance"):
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

// TestEmbeddedCountryside: the side-valley war the expectations name is
// visible (activity, assessed presence), and a day they call quiet is.
func TestEmbeddedCountryside(t *testing.T) {
	d := datatest.Embedded(t)
	for _, x := range datatest.LoadExpectations(t).Countryside {
		states := d.StatesAt(datatest.Day(t, x.Day))
		for _, pcode := range x.Active {
			if c := states[d.AreaIndex(pcode)].Countryside; c.Insurgent.Count()+c.Ruling.Count() == 0 {
				t.Errorf("%s, %s: no activity (%s)", x.Day, pcode, x.Why)
			}
		}
		for pcode, side := range x.Presence {
			if c := states[d.AreaIndex(pcode)].Countryside; !slices.ContainsFunc(c.Presence, func(p *data.Presence) bool { return p.Side == side }) {
				t.Errorf("%s, %s: no %s presence assessed (%s)", x.Day, pcode, side, x.Why)
			}
		}
		if x.QuietEverywhere {
			for _, s := range states {
				if c := s.Countryside; c.Insurgent.Count()+c.Ruling.Count()+len(c.Presence) > 0 {
					t.Errorf("%s, %s: countryside %+v (%s)", x.Day, s.Area.PCode, s.Countryside, x.Why)
				}
			}
		}
	}
}

// TestCompareEmbedded compares two days of the expectations file: every
// district it expects to have changed between them is in the diff, from
// and to the expected statuses.
func TestCompareEmbedded(t *testing.T) {
	d, exp := datatest.Embedded(t), datatest.LoadExpectations(t)
	const from, to = "2021-08-10", "2021-09-20"
	before, after := exp.StatusesOn(from), exp.StatusesOn(to)
	diff := d.Compare(datatest.Day(t, from), datatest.Day(t, to))
	got := map[string][2]data.Status{}
	for _, a := range diff.Areas {
		got[a.Area.PCode] = [2]data.Status{a.From, a.To}
	}
	n := 0
	for pc, b := range before {
		a, ok := after[pc]
		if !ok || a == b {
			continue
		}
		n++
		if got[pc] != [2]data.Status{b, a} {
			t.Errorf("%s: %v, want %s → %s", pc, got[pc], b, a)
		}
	}
	if n == 0 {
		t.Fatalf("the expectations file has no district that changes between %s and %s", from, to)
	}
}

// TestEmbeddedProvinces: the country falls around the valley as the
// expectations say, capital by capital, and on the day Kabul fell the
// valley's province is the one whose capital the Taliban do not hold.
func TestEmbeddedProvinces(t *testing.T) {
	d, exp := datatest.Embedded(t), datatest.LoadExpectations(t)
	if len(exp.Provinces) == 0 || len(d.Provinces) != 34 {
		t.Fatalf("%d province expectations, %d provinces (want 34)", len(exp.Provinces), len(d.Provinces))
	}
	for _, x := range exp.Provinces {
		var taliban, holdouts []string
		for i := range d.Provinces {
			switch d.ProvinceOn(&d.Provinces[i], datatest.Day(t, x.Day)).Status {
			case data.Status("taliban"):
				taliban = append(taliban, d.Provinces[i].PCode)
			case data.StatusUnknown:
			default:
				holdouts = append(holdouts, d.Provinces[i].PCode)
			}
		}
		if !slices.Equal(taliban, x.Taliban) {
			t.Errorf("%s: Taliban capitals %v, want %v (%s)", x.Day, taliban, x.Taliban, x.Why)
		}
		if x.Holdouts != nil && !slices.Equal(holdouts, x.Holdouts) {
			t.Errorf("%s: held by others %v, want %v (%s)", x.Day, holdouts, x.Holdouts, x.Why)
		}
	}
}
