package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzParseDay: ParseDay reads any string as time.Parse does, and what it
// accepts prints back as it was written.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2021-09-06", "2021-02-29", "2024-02-29", "0000-00-00", "9999-12-31", "2021-9-6", "", "2021-09-06T", "٢٠٢١-٠٩-٠٦", "+021-09-06", "2021-09-6 ", "0999-12-31", "1000-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDay(s)
		if want, ok := parseDayWithTime(s); (err == nil) != ok || d != want {
			t.Errorf("ParseDay(%q) = %v, %v; time.Parse reads %v, %v", s, d, err, want, ok)
		}
		if err != nil {
			return
		}
		if d.String() != s {
			t.Errorf("ParseDay(%q) = %s: accepted a value it does not print back", s, d)
		}
	})
}

// FuzzLoad feeds whole datasets to the loader: all five tables at once,
// seeded with the fixture and the hostile files of TestLoadRefusesHostile.
// It must never panic, every error names a file, and whatever it accepts
// must be consistent.
func FuzzLoad(f *testing.F) {
	m := fixture(f)
	tables := func(m fstest.MapFS) [5]string {
		var out [5]string
		for i, name := range datasetFiles {
			out[i] = string(m[name].Data)
		}
		return out
	}
	base := tables(m)
	f.Add(base[0], base[1], base[2], base[3], base[4])
	for i, edit := range []string{
		"\ufeff# c\npcode,name,name_fa,province,aliases\n",
		"id,publisher\n\"S1,A\n",
		"pcode,from,status,confidence,sources,note\n\"AF0001,2021-09-01\n",
		"date,pcodes,party,kind,status,sources,note\n,,,,,,\n",
		"\ufeffevent_id\r\n\x00\xff\n",
	} {
		seed := base
		seed[i] = edit
		f.Add(seed[0], seed[1], seed[2], seed[3], seed[4])
	}
	f.Fuzz(func(t *testing.T, areas, sources, control, claims, events string) {
		m := fixture(t)
		for i, s := range []string{areas, sources, control, claims, events} {
			m[datasetFiles[i]] = &fstest.MapFile{Data: []byte(s)}
		}
		d, err := Load(m, m)
		if err != nil {
			checkLoadError(t, d, err)
			return
		}
		checkConsistent(t, d)
	})
}

var datasetFiles = []string{AreasFile, SourcesFile, ControlFile, ClaimsFile, EventsFile}

func checkLoadError(t *testing.T, d *Dataset, err error) {
	if d != nil {
		t.Error("a dataset came back with an error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) > maxErrors {
		t.Errorf("%d errors, over the cap of %d", len(lines), maxErrors)
	}
	for _, l := range lines {
		if !strings.Contains(l, ".csv") && !strings.Contains(l, ".geojson") {
			t.Errorf("error names no file: %q", l)
		}
	}
}

func checkConsistent(t *testing.T, d *Dataset) {
	for pcode, ivs := range d.Intervals {
		for i := 1; i < len(ivs); i++ {
			if ivs[i].From <= ivs[i-1].From || ivs[i-1].To != ivs[i].From {
				t.Errorf("%s: intervals out of order: %+v", pcode, ivs)
			}
		}
	}
	for i := 1; i < len(d.Claims); i++ {
		if d.Claims[i].Date < d.Claims[i-1].Date {
			t.Error("claims out of order")
		}
	}
	_ = d.StatesAt(d.First)
	_ = Lint(d, lintToday)
}
