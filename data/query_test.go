package data

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
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
		{"last day the claims are current", "2021-09-10", "taliban", "2021-09-05", "contested", 2, true, true},
		{"claims out of the window", "2021-09-11", "taliban", "2021-09-05", "contested", 2, false, false},
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

// TestViewRangesOnTheFixture: North is disputed from 4 to 11 September
// in every view; the Taliban's claim about it is drawn as old once it
// leaves the claim window.
func TestViewRangesOnTheFixture(t *testing.T) {
	d := loadFixture(t)
	disputed := func(view Party) (out [][2]Day) {
		for _, r := range d.ViewRanges("AF0001", view) {
			if r.Disputed {
				if n := len(out); n > 0 && out[n-1][1] == r.From {
					out[n-1][1] = r.To
				} else {
					out = append(out, [2]Day{r.From, r.To})
				}
			}
		}
		return out
	}
	want := [][2]Day{{day(t, "2021-09-04"), day(t, "2021-09-11")}}
	for _, v := range []Party{Assessed, PartyTaliban, PartyResistance} {
		if got := disputed(v); !reflect.DeepEqual(got, want) {
			t.Errorf("North in view %q: disputed %v, want %v", v, got, want)
		}
	}
	old := false
	for _, r := range d.ViewRanges("AF0001", PartyTaliban) {
		if r.Stale && r.Status == StatusTaliban && r.From == day(t, "2021-09-04").AddDays(ClaimWindow) {
			old = true
		}
	}
	if !old {
		t.Errorf("the Taliban's claim of 4 September is not drawn as old from %s: %+v", day(t, "2021-09-04").AddDays(ClaimWindow), d.ViewRanges("AF0001", PartyTaliban))
	}
	if d.ViewRanges("AF0899", Assessed) != nil {
		t.Error("unknown P-code: want nil")
	}
}

func TestClaimCurrentOn(t *testing.T) {
	c := &Claim{Date: day(t, "2021-09-06")}
	tests := []struct {
		day  string
		want bool
	}{
		{"2021-09-05", false}, // before it was made
		{"2021-09-06", true},  // the day it was made
		{"2021-09-12", true},  // the sixth day after
		{"2021-09-13", false}, // seven days after
	}
	for _, tt := range tests {
		if got := c.CurrentOn(day(t, tt.day)); got != tt.want {
			t.Errorf("claim of 2021-09-06 on %s: got current %v, want %v", tt.day, got, tt.want)
		}
	}
}

func TestClaimsOnDay(t *testing.T) {
	d := loadFixture(t)
	tests := []struct {
		name         string
		day          string
		north, south int
	}{
		{"day before any claim", "2021-09-03", 0, 0},
		{"day of two claims", "2021-09-04", 2, 1},
		{"day after", "2021-09-05", 0, 0},
		{"day of a report on South", "2021-09-06", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := d.StatesAt(day(t, tt.day))
			if len(s[0].ClaimsOnDay) != tt.north || len(s[1].ClaimsOnDay) != tt.south {
				t.Errorf("claims on the day: got North %d South %d, want %d %d",
					len(s[0].ClaimsOnDay), len(s[1].ClaimsOnDay), tt.north, tt.south)
			}
		})
	}
}

// TestConfirmed checks Confirmed and Stale on the fixture: North's first
// interval rests on S1 (independent, 2021-09-01), its second on S2 (state
// media) and S3 (undated); South's on S1 and S2.
func TestConfirmed(t *testing.T) {
	tests := []struct {
		name      string
		s3        string // S3's published cell ("" undated)
		day       string
		area      int
		confirmed string
		stale     bool
	}{
		{"before the first record", "", "2021-08-31", 0, "", true},
		{"day of the first change, source the same day", "", "2021-09-01", 0, "2021-09-01", false},
		{"day of a change to a row without independent source", "", "2021-09-05", 0, "", true},
		{"contested row confirmed by its own source", "", "2021-09-03", 1, "2021-09-01", false},
		{"day 365 after the source", "", "2022-09-01", 1, "2021-09-01", false},
		{"day 366 after the source", "", "2022-09-02", 1, "2021-09-01", true},
		{"independent source not yet published", "2021-09-07", "2021-09-06", 0, "", true},
		{"independent source published that day", "2021-09-07", "2021-09-07", 0, "2021-09-07", false},
		{"agreeing independent report confirms", "2021-09-07", "2021-09-08", 1, "2021-09-07", false},
		{"month-only source counts from the month's end", "2021-09", "2021-09-29", 0, "", true},
		{"month-only source on the month's last day", "2021-09", "2021-09-30", 0, "2021-09-30", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := fixture(t)
			if tt.s3 != "" {
				prec := map[int]string{7: "month", 10: "day"}[len(tt.s3)]
				src := strings.Replace(string(m["sources.csv"].Data), ",,unknown,", ","+tt.s3+","+prec+",", 1)
				m["sources.csv"] = &fstest.MapFile{Data: []byte(src)}
			}
			d, err := Load(m, m)
			if err != nil {
				t.Fatal(err)
			}
			s := d.StatesAt(day(t, tt.day))[tt.area]
			if s.Confirmed.String() != tt.confirmed || s.Stale != tt.stale {
				t.Errorf("got confirmed %q stale %v, want %q %v", s.Confirmed, s.Stale, tt.confirmed, tt.stale)
			}
		})
	}
}

// The vocabularies are the region's, returned as copies: a caller cannot
// change the loader's tables.
func TestVocabulariesAreCopies(t *testing.T) {
	r, err := ReadRegion(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(r.Statuses(), r.ClaimParties(), r.Sides()); got != "[republic taliban resistance contested] [taliban resistance independent state] [taliban resistance]" {
		t.Errorf("the dataset's vocabularies: %s", got)
	}
	s, p := r.Statuses(), r.ClaimParties()
	s[0], p[0] = "changed", "changed"
	if r.Statuses()[0] != StatusRepublic || r.ClaimParties()[0] != PartyTaliban || r.Parties[0].ID != "republic" {
		t.Error("changing a returned slice changed the vocabulary")
	}
}
