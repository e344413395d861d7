package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2021-09-06", "2021-02-29", "2024-02-29", "0000-00-00", "9999-12-31", "2021-9-6", "", "2021-09-06T", "٢٠٢١-٠٩-٠٦"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDay(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Errorf("ParseDay(%q) = %s: accepted a value it does not print back", s, d)
		}
	})
}

// FuzzLoad feeds arbitrary control and claims tables to the loader: it must
// never panic, and whatever it accepts must be consistent.
func FuzzLoad(f *testing.F) {
	m := fixture(f)
	f.Add(string(m["control.csv"].Data), string(m["claims.csv"].Data))
	f.Add("pcode,from,status,confidence,sources,note\nAF0001,2021-09-01,taliban,high,S1;S1,x\n", "")
	f.Add("pcode,from,status,confidence,sources,note\n\"AF0001,2021-09-01\n", "date,pcodes,party,kind,status,sources,note\n,,,,,,\n")
	f.Add("\ufeffpcode,from,status,confidence,sources,note\r\nAF0002,2021-09-03,contested,low,S2,\r\n", "# only a comment\n")
	f.Fuzz(func(t *testing.T, control, claims string) {
		m := fixture(t)
		m["control.csv"] = &fstest.MapFile{Data: []byte(control)}
		m["claims.csv"] = &fstest.MapFile{Data: []byte(claims)}
		d, err := Load(m, m)
		if err != nil {
			if d != nil {
				t.Error("a dataset came back with an error")
			}
			if !strings.Contains(err.Error(), ".csv") {
				t.Errorf("error names no file: %v", err)
			}
			return
		}
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
	})
}
