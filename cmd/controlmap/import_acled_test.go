package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportACLED imports an ACLED export (ACLED's columns, both of its date
// forms) into a copy of the fixture: the events in the mapped districts
// come in under ACLED's ids, by point or by admin2 name, each with a source
// that keeps ACLED's source field and timestamp; an event outside the map
// and one incident already in the dataset under another id are left out
// with why; importing again adds nothing.
func TestImportACLED(t *testing.T) {
	dir := copyFixture(t)
	imp := func() string {
		var out bytes.Buffer
		if err := run(context.Background(), []string{"import", "acled", "testdata/acled.csv", "--data", dir, "--boundaries", dir}, &out, &out); err != nil {
			t.Fatal(err, out.String())
		}
		return out.String()
	}
	out := imp()
	for _, want := range []string{"imported 2 events", "left out AFG90003: outside the mapped districts", "left out AFG90004: the day, district, type and sub-type of E1"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q not in:\n%s", want, out)
		}
	}
	events, _ := os.ReadFile(filepath.Join(dir, "events.csv"))
	sources, _ := os.ReadFile(filepath.Join(dir, "sources.csv"))
	for _, want := range []string{
		`AFG90001,2021-09-07,1,Battles,Armed clash,Taliban,NRF: National Resistance Front,Testland,North,AF0001,North town,35.7500,69.2500,1,2,"A clash in North town, fighters killed.",SAFG90001`,
		`AFG90002,2021-09-08,2,Violence against civilians,Abduction/forced disappearance,Taliban,Civilians (Afghanistan),Testland,South,AF0002,South,,,3,0,Two men taken from their homes.,SAFG90002`,
	} {
		if !strings.Contains(string(events), want) {
			t.Errorf("events.csv lacks %s", want)
		}
	}
	if !strings.Contains(string(sources), "SAFG90001,ACLED,ACLED event AFG90001 (sources: Wire A; Local radio),https://acleddata.com/data-export-tool/?event_id_cnty=AFG90001,2021-09-08,day,reference,,independent,description") {
		t.Errorf("sources.csv lacks the ACLED source with its timestamp:\n%s", sources)
	}
	if again := imp(); !strings.Contains(again, "imported 0 events") || !strings.Contains(again, "AFG90001: already in the dataset") {
		t.Errorf("a second import: %s", again)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "events.csv")); !bytes.Equal(after, events) {
		t.Error("a second import changed events.csv")
	}
}
