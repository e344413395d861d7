package data

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/paulmach/orb"
)

const (
	periodHeader = "id,title,title_fa,from,to,summary,sources\n"
	placeHeader  = "name,name_fa,kind,latitude,longitude,minzoom,aliases,source\n"
)

// loadOne loads one optional table into a dataset that knows source S01 and
// returns the dataset and the problems found.
func loadOne(file, body string) (*Dataset, error) {
	d := &Dataset{sourceIndex: map[string]int{"S01": 0}}
	p := &problems{}
	fsys := fstest.MapFS{file: {Data: []byte(body)}}
	if file == PeriodsFile {
		d.loadPeriods(fsys, p)
	} else {
		d.loadPlaces(fsys, p)
	}
	return d, p.err()
}

func TestLoadPeriodsAndPlaces(t *testing.T) {
	tests := []struct {
		name, file, body string
		want             error  // nil: loads
		wantAt           string // the file:line the error names
	}{
		{"period", PeriodsFile, periodHeader + "a,A,الف,2021-08-15,2021-08-29,S,S01\n", nil, ""},
		{"one-day period", PeriodsFile, periodHeader + "a,A,الف,2021-08-15,2021-08-15,S,S01\n", nil, ""},
		{"period ends before it starts", PeriodsFile, periodHeader + "a,A,الف,2021-08-15,2021-08-14,S,S01\n", ErrOrder, "periods.csv:2"},
		{"unknown source", PeriodsFile, periodHeader + "a,A,الف,2021-08-15,2021-08-29,S,S99\n", ErrUnknownSrc, "periods.csv:2"},
		{"no source", PeriodsFile, periodHeader + "a,A,الف,2021-08-15,2021-08-29,S,\n", ErrNoSource, "periods.csv:2"},
		{"no Dari title", PeriodsFile, periodHeader + "a,A,,2021-08-15,2021-08-29,S,S01\n", ErrMissing, "periods.csv:2"},
		{"bad day", PeriodsFile, periodHeader + "a,A,الف,2021-02-30,2021-08-29,S,S01\n", ErrBadValue, "periods.csv:2"},
		{"duplicate id", PeriodsFile, periodHeader + "a,A,الف,2021-08-15,2021-08-29,S,S01\na,B,ب,2021-08-15,2021-08-29,S,S01\n", ErrDuplicate, "periods.csv:3"},
		{"wrong header", PeriodsFile, "id,title\na,A\n", ErrColumns, "periods.csv:1"},
		{"place", PlacesFile, placeHeader + "Khawak Pass,کوتل خاواک,pass,35.66,69.78,8,Khawak,https://example.org/k\n", nil, ""},
		{"swapped axes", PlacesFile, placeHeader + "K,ک,pass,69.78,35.66,8,,https://example.org/k\n", ErrOutOfBounds, "places.csv:2"},
		{"no cited page", PlacesFile, placeHeader + "K,ک,pass,35.66,69.78,8,,GeoNames\n", ErrNoSource, "places.csv:2"},
		{"unknown kind", PlacesFile, placeHeader + "K,ک,peak,35.66,69.78,8,,https://example.org/k\n", ErrVocabulary, "places.csv:2"},
		{"bad number", PlacesFile, placeHeader + "K,ک,pass,35.66,x,8,,https://example.org/k\n", ErrBadValue, "places.csv:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadOne(tt.file, tt.body)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if err != nil && !strings.Contains(err.Error(), tt.wantAt+":") {
				t.Errorf("got %q, want it to name %s", err, tt.wantAt)
			}
		})
	}
}

func TestOptionalTablesMayBeAbsent(t *testing.T) {
	d := &Dataset{}
	p := &problems{}
	d.loadPeriods(fstest.MapFS{}, p)
	d.loadPlaces(fstest.MapFS{}, p)
	if err := p.err(); err != nil || len(d.Periods)+len(d.Places) != 0 {
		t.Errorf("got %v and %d rows, want no error and nothing", err, len(d.Periods)+len(d.Places))
	}
}

func TestCutGeoNames(t *testing.T) {
	in := `[{"name":"Bāzārak","lat":"35.31292","lng":"69.51519","country":"AF"},
		{"name":"Kabul","lat":"34.52813","lng":"69.17233","country":"AF"},
		{"name":"Elsewhere","lat":"35.3","lng":"69.5","country":"TJ"}]`
	out, err := CutGeoNames(strings.NewReader(in), orb.Bound{Min: orb.Point{69, 35}, Max: orb.Point{70, 36}})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out); !strings.Contains(got, "Bāzārak") || strings.Contains(got, "Kabul") || strings.Contains(got, "Elsewhere") {
		t.Errorf("got %s, want only Bāzārak (inside the extent, in Afghanistan)", got)
	}
	if _, err := CutGeoNames(strings.NewReader("{"), orb.Bound{}); err == nil {
		t.Error("got no error for broken JSON")
	}
}

func TestEmbeddedPlacesAndPeriods(t *testing.T) {
	d, err := LoadEmbedded()
	if err != nil {
		t.Skipf("embedded dataset (run 'make build' first): %v", err)
	}
	if len(d.Periods) < 4 {
		t.Errorf("got %d periods, want the four chapters at least", len(d.Periods))
	}
	for _, pl := range d.Places {
		if pl.Source == "" {
			t.Errorf("place %s has no source", pl.Name)
		}
	}
}

// A chapter opens on its first day with a headline or an event, else its
// first day.
func TestKeyDay(t *testing.T) {
	d := loadFixture(t)
	for _, tt := range []struct{ from, to, want string }{
		{"2021-08-20", "2021-09-20", "2021-09-01"}, // the first change
		{"2021-09-02", "2021-09-02", "2021-09-02"}, // nothing: its first day
		{"2021-09-06", "2021-09-20", "2021-09-06"}, // no headline after the 5th: the event of the 6th
		{"2021-09-07", "2021-09-30", "2021-09-07"},
	} {
		p := Period{From: day(t, tt.from), To: day(t, tt.to)}
		if got := d.KeyDay(p); got != day(t, tt.want) {
			t.Errorf("%s..%s: key day %s, want %s", tt.from, tt.to, got, tt.want)
		}
	}
}
