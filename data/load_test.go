package data

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// fixture returns the hand-drawn test dataset as a writable in-memory copy.
func fixture(t testing.TB) fstest.MapFS { return mapFS(t, "testdata/fixture") }

// mapFS returns the dataset in dir as a writable in-memory copy.
func mapFS(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(dir + "/" + path)
		m[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func loadFixture(t testing.TB) *Dataset {
	t.Helper()
	m := fixture(t)
	d, err := Load(m, m)
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	return d
}

func TestLoadFixture(t *testing.T) {
	d := loadFixture(t)
	if len(d.Areas) != 2 || len(d.Claims) != 3 || len(d.Events) != 2 || len(d.Sources) != 3 {
		t.Fatalf("got %d areas, %d claims, %d events, %d sources; want 2, 3, 2, 3",
			len(d.Areas), len(d.Claims), len(d.Events), len(d.Sources))
	}
	north, _ := d.Area("AF0001")
	if north.AreaKm2 != 2511.2 || north.Label.Lat() != 35.75 || len(north.Display[0][0]) != 5 {
		t.Errorf("boundaries not attached: %+v", north)
	}
	if e2 := d.Events[1]; e2.HasPoint() || e2.Point != [2]float64{} || e2.ProvinceWide() {
		t.Errorf("geo_precision 3 event: got point %v (HasPoint %v, ProvinceWide %v), want none, in South", e2.Point, e2.HasPoint(), e2.ProvinceWide())
	}
	if s2, _ := d.Source("S2"); s2.Tier != TierPrimary || s2.Affiliation != "state:RU" || s2.Independent() {
		t.Errorf("S2: got tier %s, affiliation %s, independent %v; want primary, state:RU, false", s2.Tier, s2.Affiliation, s2.Independent())
	}
	if by, _ := d.Source("S2"); by.last.String() != "2021-09-30" || by.first.String() != "2021-09-01" {
		t.Errorf("S2 published 2021-09: got bounds %s to %s, want 2021-09-01 to 2021-09-30", by.first, by.last)
	}
	if got := d.Intervals["AF0001"][1].DatePrecision; got != PrecisionDay {
		t.Errorf("date_precision: got %q, want day", got)
	}
	if got := d.Intervals["AF0001"][0].To.String(); got != "2021-09-05" {
		t.Errorf("first interval ends %s, want 2021-09-05 (the next change)", got)
	}
}

// loadRejects are the damaged fixtures TestLoadRejects loads: each replaces old
// by new in one file and wants the error it wraps and the file:line it names.
var loadRejects = []struct {
	name     string
	file     string
	old, new string // replace old by new in file
	want     error
	where    string // "file:line" in the message
}{
	{"wrong column count", "control.csv", "S1,North held", "S1,extra,North held", ErrColumns, "control.csv:2"},
	{"wrong header", "claims.csv", "date,pcodes", "day,pcodes", ErrColumns, "claims.csv:1"},
	{"bad date", "control.csv", "2021-09-05,day,taliban", "2021-09-31,day,taliban", ErrBadDate, "control.csv:3"},
	{"malformed date", "claims.csv", "2021-09-06,AF0002", "6 Sept 2021,AF0002", ErrBadDate, "claims.csv:4"},
	{"unknown P-code in control", "control.csv", "AF0002,2021-09-03", "AF0899,2021-09-03", ErrUnknownPCode, "control.csv:4"},
	{"unknown P-code in claims", "claims.csv", "AF0001;AF0002", "AF0001;AF0899", ErrUnknownPCode, "claims.csv:3"},
	{"unknown P-code in events", "events.csv", ",AF0002,South", ",AF0899,South", ErrUnknownPCode, "events.csv:3"},
	{"unknown source id", "control.csv", "S2;S3,North taken", "S2;S9,North taken", ErrUnknownSrc, "control.csv:3"},
	{"no source", "claims.csv", "resistance,S1,Resistance", "resistance,,Resistance", ErrNoSource, "claims.csv:3"},
	{"duplicate change", "control.csv", "2021-09-05,day,taliban", "2021-09-01,day,taliban", ErrDuplicate, "control.csv:3"},
	{"out-of-order change", "control.csv", "2021-09-05,day,taliban", "2021-08-20,day,taliban", ErrOrder, "control.csv:3"},
	{"out-of-order claim", "claims.csv", "2021-09-06,AF0002", "2021-09-01,AF0002", ErrOrder, "claims.csv:4"},
	{"status outside the vocabulary", "control.csv", "day,contested", "day,nrf", ErrVocabulary, "control.csv:4"},
	{"unknown is not a dataset status", "control.csv", "day,contested", "day,unknown", ErrVocabulary, "control.csv:4"},
	{"confidence outside the vocabulary", "control.csv", "contested,low", "contested,certain", ErrVocabulary, "control.csv:4"},
	{"party outside the vocabulary", "claims.csv", "AF0001,taliban,claim", "AF0001,nrf,claim", ErrVocabulary, "claims.csv:2"},
	{"kind outside the vocabulary", "claims.csv", "taliban,claim,taliban", "taliban,rumour,taliban", ErrVocabulary, "claims.csv:2"},
	{"source without URL", "sources.csv", "https://example.org/c", "", ErrMissing, "sources.csv:4"},
	{"source with a relative URL", "sources.csv", "https://example.org/c", "example.org/c", ErrBadValue, "sources.csv:4"},
	{"duplicate source id", "sources.csv", "S3,Local", "S2,Local", ErrDuplicate, "sources.csv:4"},
	{"bad published date", "sources.csv", "2021-09,month", "2021-13,month", ErrBadDate, "sources.csv:3"},
	{"duplicate P-code", "areas.csv", "AF0002,South", "AF0001,South", ErrDuplicate, "areas.csv:4"},
	{"coordinates outside the area", "events.csv", "35.75,69.25", "34.00,69.25", ErrOutOfBounds, "events.csv:2"},
	{"exact point outside the polygon", "events.csv", "35.75,69.25", "35.45,69.25", ErrOutOfBounds, "events.csv:2"},
	{"latitude not a number", "events.csv", "35.75,69.25", "35.75N,69.25", ErrBadValue, "events.csv:2"},
	{"event in a district without admin2", "events.csv", ",South,AF0002,", ",,AF0002,", ErrMissing, "events.csv:3"},
	{"admin1 not the district's province", "events.csv", "Testland,North", "Elsewhere,North", ErrBadValue, "events.csv:2"},
	{"event without admin1", "events.csv", "Testland,North", ",North", ErrMissing, "events.csv:2"},
	{"geo_precision 3 with a point", "events.csv", "AF0002,South,,,3", "AF0002,South,35.25,69.25,3", ErrBadValue, "events.csv:3"},
	{"geo_precision 2 without a point", "events.csv", "AF0002,South,,,3", "AF0002,South,,,2", ErrMissing, "events.csv:3"},
	{"event type outside ACLED's", "events.csv", "2,Battles,Armed clash", "2,Fighting,Armed clash", ErrVocabulary, "events.csv:3"},
	{"sub-event type outside ACLED's", "events.csv", "2,Battles,Armed clash", "2,Battles,Skirmish", ErrVocabulary, "events.csv:3"},
	{"date_precision outside the vocabulary", "control.csv", "2021-09-03,day", "2021-09-03,year", ErrVocabulary, "control.csv:4"},
	{"tier outside the vocabulary", "sources.csv", "day,wire,", "day,blog,", ErrVocabulary, "sources.csv:2"},
	{"copy_of on a primary", "sources.csv", "month,primary,,", "month,primary,S1,", ErrBadValue, "sources.csv:3"},
	{"copy_of an unknown source", "sources.csv", "month,primary,,", "month,copy,S9,", ErrUnknownSrc, "sources.csv:3"},
	{"affiliation outside the vocabulary", "sources.csv", ",state:RU,", ",state:Russia,", ErrVocabulary, "sources.csv:3"},
	{"affiliation other", "sources.csv", ",independent,description", ",other,description", ErrVocabulary, "sources.csv:4"},
	{"published_precision disagrees", "sources.csv", "2021-09,month", "2021-09,day", ErrVocabulary, "sources.csv:3"},
	{"undated source said to be dated", "sources.csv", ",unknown,", ",day,", ErrVocabulary, "sources.csv:4"},
	{"title_kind outside the vocabulary", "sources.csv", ",independent,headline", ",independent,paraphrase", ErrVocabulary, "sources.csv:2"},
	{"negative fatalities", "events.csv", ",1,3,North", ",1,-3,North", ErrBadValue, "events.csv:2"},
	{"geo_precision outside 1-3", "events.csv", "69.25,1,3", "69.25,4,3", ErrVocabulary, "events.csv:2"},
	{"duplicate event id", "events.csv", "E2,2021-09-06", "E1,2021-09-06", ErrDuplicate, "events.csv:3"},
	{"unclosed quote", "claims.csv", "Reporter sees", "\"Reporter sees", ErrColumns, "claims.csv:4"},
}

// TestLoadRejects changes one line of the fixture per case and checks that
// the load fails with the right kind of error, naming file and line.
func TestLoadRejects(t *testing.T) {
	for _, tt := range loadRejects {
		t.Run(tt.name, func(t *testing.T) {
			m := fixture(t)
			before := string(m[tt.file].Data)
			after := strings.Replace(before, tt.old, tt.new, 1)
			if after == before {
				t.Fatalf("test setup: %q not found in %s", tt.old, tt.file)
			}
			m[tt.file] = &fstest.MapFile{Data: []byte(after)}
			d, err := Load(m, m)
			if err == nil {
				t.Fatalf("got no error, want %v", tt.want)
			}
			if d != nil {
				t.Error("got a dataset as well as an error; a failed load must return none")
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want it to wrap %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.where+":") {
				t.Errorf("got %q, want it to name %s", err, tt.where)
			}
		})
	}
}

func TestLoadMissingBoundary(t *testing.T) {
	m := fixture(t)
	m["areas.csv"] = &fstest.MapFile{Data: append(m["areas.csv"].Data, "AF0003,East,شرق,Testland,\n"...)}
	_, err := Load(m, m)
	if !errors.Is(err, ErrNoBoundary) || !strings.Contains(err.Error(), "AF0003") {
		t.Errorf("got %v, want ErrNoBoundary naming AF0003", err)
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	m := fixture(t)
	m["control.csv"] = &fstest.MapFile{Data: []byte("pcode,from,date_precision,status,confidence,sources,note\n" +
		"AF0001,2021-09-01,day,bogus,high,S1,\nAF0002,2021-09-01,day,taliban,high,S9,\n")}
	_, err := Load(m, m)
	for _, want := range []string{"control.csv:2", "control.csv:3"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want a problem at %s", err, want)
		}
	}
}

// The version follows the content: equal for equal files, different when
// any file changes, the boundaries included.
func TestVersion(t *testing.T) {
	a, b := loadFixture(t), loadFixture(t)
	if a.Version == "" || a.Version != b.Version {
		t.Fatalf("versions %q and %q of the same files", a.Version, b.Version)
	}
	for _, file := range []string{"claims.csv", "areas-display.geojson"} {
		m := fixture(t)
		m[file] = &fstest.MapFile{Data: append(m[file].Data, '\n')}
		d, err := Load(m, m)
		if err != nil {
			t.Fatal(err)
		}
		if d.Version == a.Version {
			t.Errorf("changing %s left the version at %s", file, d.Version)
		}
	}
}

// TestLoadNamesCellCountProblems: a row with a comma outside quotes and a
// row with a cell left out are named as such, with where, and both are
// reported in one run.
func TestLoadNamesCellCountProblems(t *testing.T) {
	m := fixture(t)
	m["control.csv"] = &fstest.MapFile{Data: []byte("pcode,from,date_precision,status,confidence,sources,note\n" +
		"AF0001,2021-09-01,day,resistance,high,S1,Held, by the resistance.\n" +
		"AF0002,2021-09-03,day,contested,low,S1\n")}
	_, err := Load(m, m)
	for _, want := range []string{
		`control.csv:2: data: wrong columns: 8 cells where the header names 7: an unquoted comma? The cells after column "note" start at line 2, column`,
		`control.csv:3: data: wrong columns: 6 cells where the header names 7: column "note" and those after it are missing`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %q", err, want)
		}
	}
}
