package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

// lintFixture is the fixture with S3 dated, North's second row low and its
// first row's one story said to be on the ground, so that it has no
// warnings; each case of TestLint then breaks one thing.
func lintFixture(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fixture(t)
	edit(t, m, "sources.csv", ",,unknown,", ",2021-09-06,day,")
	edit(t, m, "control.csv", "taliban,medium", "taliban,low")
	edit(t, m, "control.csv", "North held by the resistance.", "North held by the resistance (a reporter on the ground).")
	return m
}

// lintToday is the day the checks run as of: the fixture's dates are all
// before it.
var lintToday = civilDay(2026, 12, 7)

func edit(t testing.TB, m fstest.MapFS, file, old, new string) {
	t.Helper()
	before := string(m[file].Data)
	after := strings.Replace(before, old, new, 1)
	if after == before {
		t.Fatalf("test setup: %q not found in %s", old, file)
	}
	m[file] = &fstest.MapFile{Data: []byte(after)}
}

func TestLint(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		old, new string
		want     Check
		where    string // "file:line"
	}{
		{"clean", "", "", "", "", ""},
		{"medium row on state media only", "control.csv", "taliban,low,S2;S3", "taliban,medium,S2", CheckWeakEvidence, "control.csv:3"},
		{"high row on a copy only", "sources.csv", "day,wire,,independent", "day,copy,S3,independent", CheckWeakEvidence, "control.csv:2"},
		{"low row on state media is fine", "control.csv", "taliban,low,S2;S3", "taliban,low,S2", "", ""},
		{"every source much later", "control.csv", "2021-09-01,day,resistance,high,S1", "2021-07-01,day,resistance,high,S1", CheckLateSources, "control.csv:2"},
		{"later sources but the date is inferred", "control.csv", "2021-09-01,day,resistance,high,S1", "2021-07-01,inferred,resistance,high,S1", "", ""},
		{"sources 30 days later is not late", "control.csv", "2021-09-01,day,resistance,high,S1", "2021-08-02,day,resistance,high,S1", "", ""},
		{"undated source", "sources.csv", ",2021-09-06,day,", ",,unknown,", CheckUndated, "sources.csv:4"},
		{"two sources with one URL", "sources.csv", "https://example.org/c", "https://www.example.org/a/", CheckDuplicate, "sources.csv:4"},
		{"a copy and its primary in one row", "sources.csv", "2021-09-06,day,primary,,", "2021-09-06,day,copy,S2,", CheckDuplicate, "control.csv:3"},
		{"copy without its primary", "sources.csv", "2021-09-06,day,primary,,", "2021-09-06,day,copy,,", CheckCopyOf, "sources.csv:4"},
		{"state media filed as an independent report", "claims.csv", "independent,report,contested,S3", "independent,report,contested,S2", CheckStateAsIndependent, "claims.csv:4"},
		{"state media filed as state", "claims.csv", "independent,report,contested,S3", "state,report,contested,S2", "", ""},
		{"an event at a point that is no place", "events.csv", "North town,35.75,69.25,1", "North town,35.7,69.2,1", CheckUnsourcedPoint, "events.csv:2"},
		{"an event by neither side", "events.csv", "Armed clash,NRF,Taliban", "Armed clash,Unidentified armed group,Taliban", CheckEventSide, "events.csv:3"},
		{"a change after today", "control.csv", "AF0002,2021-09-03", "AF0002,2027-03-01", CheckFuture, "control.csv:4"},
		{"a year typo in a change", "control.csv", "AF0002,2021-09-03", "AF0002,1021-09-03", CheckImplausibleDate, "control.csv:4"},
		{"a year typo in a source", "sources.csv", "2021-09-01,day,wire", "1021-09-01,day,wire", CheckImplausibleDate, "sources.csv:2"},
		{"a source published after today", "sources.csv", "2021-09-01,day,wire", "2027-03-01,day,wire", CheckFuture, "sources.csv:2"},
		{"a source no row cites", "sources.csv", "S3,Local radio", "S4,Extra,Unused,https://example.org/d,2021-09-06,day,primary,,independent,headline\nS3,Local radio", CheckUncited, "sources.csv:4"},
		{"one incident entered twice", "events.csv", "E2,2021-09-06", "E3,2021-09-05,1,Battles,Non-state actor overtakes territory,Taliban,NRF,Testland,North,AF0001,North town,35.75,69.25,1,3,Again.,S2\nE2,2021-09-06", CheckDuplicateIncident, "events.csv:3"},
		{"an event in a district the map does not show", "events.csv", "Testland,South,AF0002,South,,,3", "Testland,Elsewhere,,Elsewhere,,,3", CheckOutsideMap, "events.csv:3"},
		{"high on one story", "control.csv", " (a reporter on the ground).", ".", CheckOneStory, "control.csv:2"},
		{"a new row of the same status without its support", "control.csv", "AF0001,2021-09-05,day,taliban,low,S2;S3", "AF0001,2021-09-05,day,resistance,low,S2", CheckDropsConfirmation, "control.csv:3"},
		{"a new row of the same status confirmed at once", "control.csv", "AF0001,2021-09-05,day,taliban,low,S2;S3", "AF0001,2021-09-05,day,resistance,low,S1;S2", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := lintFixture(t)
			if tt.file != "" {
				edit(t, m, tt.file, tt.old, tt.new)
			}
			d, err := Load(m, m)
			if err != nil {
				t.Fatal(err)
			}
			ws := Lint(d, lintToday)
			if tt.want == "" {
				if len(ws) != 0 {
					t.Errorf("got %v, want no warnings", ws)
				}
				return
			}
			for _, w := range ws {
				if w.Check == tt.want && strings.HasPrefix(w.String(), tt.where+":") {
					return
				}
			}
			t.Errorf("got %v, want a %s warning at %s", ws, tt.want, tt.where)
		})
	}
}

// The published dataset follows its own method.
func TestEmbeddedLintClean(t *testing.T) {
	if ws := Lint(loadEmbedded(t), lintToday); len(ws) != 0 {
		t.Errorf("embedded dataset: %d warnings, first %s", len(ws), ws[0])
	}
}

// A presence row is held to the same evidence checks as the other rows:
// one story cited twice is a warning with the row's line.
func TestLintPresence(t *testing.T) {
	m := lintFixture(t)
	edit(t, m, "sources.csv", "2021-09-06,day,primary,,", "2021-09-06,day,copy,S2,")
	m["presence.csv"] = &fstest.MapFile{Data: []byte("pcode,side,from,to,confidence,sources,note\nAF0002,resistance,2021-10-15,2021-11-30,low,S2;S3,Positions.\n")}
	d, err := Load(m, m)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range Lint(d, lintToday) {
		if w.Check == CheckDuplicate && strings.HasPrefix(w.String(), "presence.csv:2:") {
			return
		}
	}
	t.Errorf("got %v, want a duplicate-story warning at presence.csv:2", Lint(d, lintToday))
}
