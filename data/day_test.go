package data

import (
	"errors"
	"testing"
	"time"
)

func TestParseDay(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2021-09-06", "2021-09-06", false},
		{"2024-02-29", "2024-02-29", false},
		{"2021-02-29", "", true}, // not a leap year
		{"2021-02-30", "", true},
		{"2021-13-01", "", true},
		{"2021-9-6", "", true},
		{"2021-09-06T", "", true}, // GDAL's form is accepted by the OGC layer, not here
		{"06/09/2021", "", true},
		{"0999-01-01", "", true},
		{"", "", true},
		{"2021-09-06\x00", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDay(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("got error %v, want error: %v", err, tt.wantErr)
			}
			if err != nil && !errors.Is(err, ErrBadDate) {
				t.Errorf("got %v, want it to wrap ErrBadDate", err)
			}
			if got.String() != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// kabul is Afghanistan's zone, UTC+4:30 all year (the dataset's utc_offset).
const kabul Zone = 4*3600 + 1800

func TestToday(t *testing.T) {
	tests := []struct {
		name string
		zone Zone
		utc  string
		want string
	}{
		{"afternoon UTC is the same day", kabul, "2021-09-06T12:00:00Z", "2021-09-06"},
		{"19:29 UTC is still the same day in Kabul", kabul, "2021-09-06T19:29:00Z", "2021-09-06"},
		{"19:30 UTC is midnight in Kabul", kabul, "2021-09-06T19:30:00Z", "2021-09-07"},
		{"04:59 UTC is still the day before at UTC-5", -5 * 3600, "2021-09-07T04:59:00Z", "2021-09-06"},
		{"05:00 UTC is midnight at UTC-5", -5 * 3600, "2021-09-07T05:00:00Z", "2021-09-07"},
		{"UTC", 0, "2021-09-06T23:59:59Z", "2021-09-06"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now, _ := time.Parse(time.RFC3339, tt.utc)
			if got := tt.zone.Today(now).String(); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestParseZone(t *testing.T) {
	for in, want := range map[string]Zone{"+04:30": kabul, "-05:00": -5 * 3600, "Z": 0, "+00:00": 0, "-09:30": -(9*3600 + 1800), "+14:00": 14 * 3600} {
		got, err := ParseZone(in)
		if err != nil || got != want || (in != "Z" && got.String() != in) {
			t.Errorf("%q: got %v (%s), %v; want %v", in, int(got), got, err, int(want))
		}
	}
	for _, in := range []string{"", "4:30", "+4:30", "+04:3", "+0430", "UTC", "+15:00", "+14:30", "+04:60", "Asia/Kabul", "-05:00x"} {
		if _, err := ParseZone(in); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

// TestTodayAgreesWithZone holds Today's arithmetic to the time zone
// conversion it replaced, every 97 minutes from 1965 to 2035 (instants
// before 1970 included) and on each side of midnight, in three zones.
func TestTodayAgreesWithZone(t *testing.T) {
	for _, z := range []Zone{kabul, -5 * 3600, 13*3600 + 45*60} {
		loc := z.Location()
		for now := time.Date(1965, 1, 1, 0, 0, 0, 0, time.UTC); now.Year() < 2035; now = now.Add(97 * time.Minute) {
			midnight := z.Midnight(DayOf(now))
			for _, at := range []time.Time{now, midnight.Add(-time.Second), midnight} {
				if got, want := z.Today(at), DayOf(at.In(loc)); got != want {
					t.Fatalf("%s in %s: got %s, want %s", at, z, got, want)
				}
			}
		}
	}
}

func TestDayZero(t *testing.T) {
	var d Day
	if d.String() != "" {
		t.Errorf("zero Day: got %q, want empty", d.String())
	}
	real, _ := ParseDay("1970-01-01")
	if real == 0 {
		t.Error("1970-01-01 must not be the zero Day")
	}
}

// String is hand-written arithmetic: check it against the time package on
// every day of four centuries.
func TestDayStringMatchesTime(t *testing.T) {
	start, _ := ParseDay("1900-01-01")
	end, _ := ParseDay("2300-12-31")
	for d := start; d <= end; d++ {
		if got, want := d.String(), d.Time().Format(time.DateOnly); got != want {
			t.Fatalf("got %s, want %s", got, want)
		}
	}
}

// parseDayWithTime is ParseDay's rule written with time.Parse, the
// reference the hand-written parser is held to.
func parseDayWithTime(s string) (Day, bool) {
	if len(s) != 10 {
		return 0, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Year() < 1000 {
		return 0, false
	}
	return DayOf(t), true
}

// TestParseDayAgreesWithTime: every day from 1000-01-01 to 9999-12-31, and
// each with one character changed, parses as time.Parse reads it.
func TestParseDayAgreesWithTime(t *testing.T) {
	if testing.Short() {
		t.Skip("3.3 million days: not under -short")
	}
	bad := []byte{'0', '9', '-', '/', ' ', 'a', '+'}
	for d := civilDay(1000, 1, 1); d <= civilDay(9999, 12, 31); d++ {
		s := d.String()
		if got, err := ParseDay(s); err != nil || got != d {
			t.Fatalf("ParseDay(%q) = %v, %v; want %v", s, got, err, d)
		}
		// One position per day, in turn, with one of a few characters.
		b := []byte(s)
		b[int(d)%10] = bad[int(d)%len(bad)]
		want, wantOK := parseDayWithTime(string(b))
		got, err := ParseDay(string(b))
		if (err == nil) != wantOK || got != want {
			t.Fatalf("ParseDay(%q) = %v, %v; time.Parse reads %v, %v", b, got, err, want, wantOK)
		}
	}
}

// A day starts at midnight in Afghanistan: the instant Midnight gives is that
// day, the second before it the day before.
func TestDayStart(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"2021-08-01", "2021-09-06", "1969-12-31", "2024-02-29"} {
		d, err := ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := kabul.Today(kabul.Midnight(d)); got != d {
			t.Errorf("%s: Midnight %v is day %s", s, kabul.Midnight(d), got)
		}
		if got := kabul.Today(kabul.Midnight(d).Add(-time.Second)); got != d-1 {
			t.Errorf("%s: a second before Start is day %s", s, got)
		}
	}
}
