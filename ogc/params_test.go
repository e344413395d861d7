package ogc

import (
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
)

func TestParseDatetime(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       string
		from, to string // "" for an open end
		wantErr  bool
	}{
		{"2021-09-06", "2021-09-06", "2021-09-06", false},
		{"2021-09-06T", "2021-09-06", "2021-09-06", false}, // GDAL 3.6's date-only form
		{"2021-09-06T12:00:00Z", "2021-09-06", "2021-09-06", false},
		{"2021-09-06T20:00:00Z", "2021-09-07", "2021-09-07", false}, // past midnight in Kabul
		{"2021-09-06T23:30:00+04:30", "2021-09-06", "2021-09-06", false},
		{"2021-09-01/2021-09-06", "2021-09-01", "2021-09-06", false},
		{"2021-09-01/..", "2021-09-01", "", false},
		{"../2021-09-06", "", "2021-09-06", false},
		{"2021-09-01/", "2021-09-01", "", false},
		{"/2021-09-06", "", "2021-09-06", false},
		{"2021-09-06/2021-09-06", "2021-09-06", "2021-09-06", false},
		{"2021-09-07/2021-09-06", "", "", true}, // reversed
		{"../..", "", "", true},
		{"/", "", "", true},
		{"", "", "", true},
		{"2021-02-30", "", "", true},
		{"yesterday", "", "", true},
		{"2021-09-06/2021-09-07/2021-09-08", "", "", true},
		{"2021-09-06T25:00:00Z", "", "", true},
		{"0000-01-01", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			iv, err := ParseDatetime(tt.in, kabulZone)
			if (err != nil) != tt.wantErr {
				t.Fatalf("got error %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if iv.From.String() != tt.from || iv.To.String() != tt.to {
				t.Errorf("got [%s, %s], want [%s, %s]", iv.From, iv.To, tt.from, tt.to)
			}
		})
	}
}

// A feature valid over [2021-09-01, 2021-09-06): which datetime values
// select it.
func TestPeriodIntersects(t *testing.T) {
	t.Parallel()
	from, to := datatest.Day(t, "2021-09-01"), datatest.Day(t, "2021-09-06")
	tests := []struct {
		datetime string
		want     bool
	}{
		{"2021-09-01", true},  // first day
		{"2021-09-05", true},  // last day
		{"2021-09-06", false}, // the day the next interval starts
		{"2021-08-31", false}, // the day before
		{"2021-08-01/2021-09-01", true},
		{"2021-08-01/2021-08-31", false},
		{"2021-09-06/2021-12-31", false},
		{"2021-09-05/..", true},
		{"../2021-09-01", true},
		{"../2021-08-31", false},
		{"2021-09-06/", false},
		{"2021-08-15/2021-09-20", true}, // covers it
	}
	for _, tt := range tests {
		iv, err := ParseDatetime(tt.datetime, kabulZone)
		if err != nil {
			t.Fatal(err)
		}
		if got := iv.Intersects(from, to); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.datetime, got, tt.want)
		}
	}
	open, _ := ParseDatetime("2030-01-01", kabulZone)
	if !open.Intersects(from, 0) {
		t.Error("an ongoing interval must match a future day")
	}
	if !open.Intersects(0, 0) {
		t.Error("an undated feature must match everything")
	}
}

func TestParseBBox(t *testing.T) {
	t.Parallel()
	bboxes := []struct {
		in string
		ok bool
	}{
		{"69,35,70,36", true}, {"69.1, 35.2 ,69.5,35.9", true}, {"-180,-90,180,90", true},
		{"69,35,70", false}, {"69,35,70,36,0,1", false}, {"170,35,-170,36", true}, {"69,36,70,35", false},
		{"181,35,-170,36", false},
		{"69,35,70,NaN", false}, {"69,35,70,Inf", false}, {"a,b,c,d", false}, {"-181,0,0,1", false}, {"", false},
	}
	for _, b := range bboxes {
		if _, err := ParseBBox(b.in); (err == nil) != b.ok {
			t.Errorf("bbox %q: got error %v, want ok %v", b.in, err, b.ok)
		}
	}
}

// A box across the antimeridian is the two boxes either side of it.
func TestBBoxAcrossTheAntimeridian(t *testing.T) {
	t.Parallel()
	b, err := ParseBBox("170,35,-170,36")
	if err != nil {
		t.Fatal(err)
	}
	parts := b.Parts()
	if len(parts) != 2 || parts[0].Min[0] != 170 || parts[0].Max[0] != 180 || parts[1].Min[0] != -180 || parts[1].Max[0] != -170 {
		t.Errorf("parts %v, want [170,180] and [-180,-170]", parts)
	}
	if s := b.String(); s != "170,35,-170,36" {
		t.Errorf("String %q", s)
	}
}

// A datetime prints as the datetime parameter that parses back to it.
func TestDatetimeString(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"2021-09-06", "2021-09-01/..", "../2021-09-06", "2021-09-01/2021-09-06"} {
		p, err := ParseDatetime(in, kabulZone)
		if err != nil {
			t.Fatal(err)
		}
		if p.String() != in {
			t.Errorf("%q prints as %q", in, p.String())
		}
	}
	if p, _ := ParseDatetime("2021-09-06T/", kabulZone); p.String() != "2021-09-06/.." {
		t.Errorf("GDAL's form prints as %q", p.String())
	}
}

func FuzzDatetime(f *testing.F) {
	for _, s := range []string{"2021-09-06", "2021-09-06T", "2021-09-01/..", "../2021-09-06", "/", "2021-09-06T12:00:00+04:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iv, err := ParseDatetime(s, kabulZone)
		if err == nil && iv.From != 0 && iv.To != 0 && iv.From > iv.To {
			t.Errorf("%q: accepted a reversed interval", s)
		}
	})
}

func FuzzBBox(f *testing.F) {
	for _, s := range []string{"69,35,70,36", "1,2,3", "NaN,0,1,1", "1e400,0,1,1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBBox(s)
		if err != nil {
			return
		}
		for _, p := range b.Parts() {
			if p.Min[0] > p.Max[0] || p.Min[1] > p.Max[1] || p.Min[0] < -180 || p.Max[0] > 180 {
				t.Errorf("%q: a part %v is inverted or off the globe", s, p)
			}
		}
		if again, err := ParseBBox(b.String()); err != nil || again != b {
			t.Errorf("%q: String %q parses to %v, %v", s, b.String(), again, err)
		}
	})
}

// The advertised extent is rounded outwards, so that bbox=<extent> finds
// a feature whose coordinate has more decimals than the extent (issue 14.5).
func TestExtentRoundsOutwards(t *testing.T) {
	t.Parallel()
	for _, v := range []float64{69.1234567, -0.0000001, 35.5, 69.9999999} {
		if lo, hi := roundDown(v), roundUp(v); lo > v || hi < v || hi-lo > 1.0001e-6 {
			t.Errorf("%v: rounded to [%v, %v]", v, lo, hi)
		}
	}
}

// kabulZone is the Panjshir map's zone (region.csv utc_offset +04:30).
const kabulZone data.Zone = 4*3600 + 1800

// A date-time is a day of the region's zone: the same instant is another
// day at UTC-5 than in Kabul.
func TestParseDatetimeInTheRegionsZone(t *testing.T) {
	for zone, want := range map[data.Zone]string{kabulZone: "2021-09-07", -5 * 3600: "2021-09-06", 0: "2021-09-07"} {
		iv, err := ParseDatetime("2021-09-07T03:00:00Z", zone)
		if err != nil || iv.From.String() != want {
			t.Errorf("at %s: %v, %v; want %s", zone, iv, err, want)
		}
	}
}
