package data

import (
	"reflect"
	"testing"
)

func day(t testing.TB, s string) Day {
	t.Helper()
	d, err := ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestStatesAt(t *testing.T) {
	d := loadFixture(t)
	tests := []struct {
		name                    string
		day                     string
		north, since, south     string
		northClaims             int
		northDisp, southDispute bool
	}{
		{"before the first record", "2021-08-31", "unknown", "", "unknown", 0, false, false},
		{"day of the first change", "2021-09-01", "resistance", "2021-09-01", "unknown", 0, false, false},
		{"day after the first change", "2021-09-02", "resistance", "2021-09-01", "unknown", 0, false, false},
		{"day of South's first change", "2021-09-03", "resistance", "2021-09-01", "contested", 0, false, false},
		{"claims contradict each other", "2021-09-04", "resistance", "2021-09-01", "contested", 2, true, true},
		{"day of a change", "2021-09-05", "taliban", "2021-09-05", "contested", 2, true, true},
		{"last day the claims are current", "2021-10-03", "taliban", "2021-09-05", "contested", 2, true, true},
		{"claims out of the window", "2021-10-04", "taliban", "2021-09-05", "contested", 2, false, false},
		{"far future", "2100-01-01", "taliban", "2021-09-05", "contested", 2, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := d.StatesAt(day(t, tt.day))
			if got := s[0].Status(); string(got) != tt.north {
				t.Errorf("North: got %s, want %s", got, tt.north)
			}
			if s[0].Interval != nil && s[0].Interval.From.String() != tt.since {
				t.Errorf("North since: got %s, want %s", s[0].Interval.From, tt.since)
			}
			if got := s[1].Status(); string(got) != tt.south {
				t.Errorf("South: got %s, want %s", got, tt.south)
			}
			if len(s[0].Claims) != tt.northClaims {
				t.Errorf("North claims: got %d, want %d", len(s[0].Claims), tt.northClaims)
			}
			if s[0].Disputed != tt.northDisp || s[1].Disputed != tt.southDispute {
				t.Errorf("disputed: got North %v South %v, want %v %v", s[0].Disputed, s[1].Disputed, tt.northDisp, tt.southDispute)
			}
		})
	}
}

func TestLatestClaimPerParty(t *testing.T) {
	d := loadFixture(t)
	s := d.StatesAt(day(t, "2021-09-10"))
	var parties []Party
	for _, c := range s[1].Claims {
		parties = append(parties, c.Party)
	}
	if want := []Party{PartyResistance, PartyIndependent}; !reflect.DeepEqual(parties, want) {
		t.Errorf("South's claims: got parties %v, want %v in that order", parties, want)
	}
}

// The precomputed snapshots must answer exactly as the direct computation,
// on every day: they are only a cache.
func TestSnapshotsMatchDirectComputation(t *testing.T) {
	for name, d := range map[string]*Dataset{"fixture": loadFixture(t), "embedded": loadEmbedded(t)} {
		for dd := d.First.AddDays(-3); dd <= d.LastChange.AddDays(40); dd++ {
			if got, want := d.StatesAt(dd), d.compute(dd); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %s: snapshot differs from direct computation", name, dd)
			}
		}
	}
}

func TestEventsBetween(t *testing.T) {
	d := loadFixture(t)
	tests := []struct {
		from, to string
		want     int
	}{
		{"", "", 2},
		{"2021-09-05", "2021-09-05", 1}, // both ends inclusive
		{"2021-09-06", "", 1},
		{"", "2021-09-04", 0},
		{"2021-09-07", "2021-09-30", 0},
	}
	for _, tt := range tests {
		var from, to Day
		if tt.from != "" {
			from = day(t, tt.from)
		}
		if tt.to != "" {
			to = day(t, tt.to)
		}
		if got := d.EventsBetween(from, to); len(got) != tt.want {
			t.Errorf("[%s, %s]: got %d events, want %d", tt.from, tt.to, len(got), tt.want)
		}
	}
}

func TestDisputedRanges(t *testing.T) {
	d := loadFixture(t)
	got := d.DisputedRanges("AF0001")
	want := [][2]Day{{day(t, "2021-09-04"), day(t, "2021-10-04")}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("North: got %v, want %v", got, want)
	}
	// Every day inside a range is disputed, and the day after is not.
	for _, r := range d.DisputedRanges("AF0002") {
		for dd := r[0]; dd < r[1]; dd++ {
			if !d.StatesAt(dd)[1].Disputed {
				t.Errorf("South on %s: in a disputed range but not disputed", dd)
			}
		}
		if d.StatesAt(r[1])[1].Disputed {
			t.Errorf("South on %s: after the range but still disputed", r[1])
		}
	}
	if d.DisputedRanges("AF0899") != nil {
		t.Error("unknown P-code: want nil")
	}
}
