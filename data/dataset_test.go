package data

import (
	"testing"
	"time"
)

// These tests check the real, embedded dataset against the evidence in
// ../shared/research/panjshir-timeline-facts.md.

func loadEmbedded(t testing.TB) *Dataset {
	t.Helper()
	d, err := LoadEmbeddedOrCODAB()
	if err != nil && testing.Short() {
		t.Skipf("no boundary files ('make build' derives them): %v", err)
	}
	if err != nil {
		t.Fatalf("embedded dataset (run 'make build' first): %v", err)
	}
	return d
}

func TestEmbeddedEveryDayAnswered(t *testing.T) {
	d := loadEmbedded(t)
	if len(d.Areas) != 10 {
		t.Fatalf("got %d areas, want 10", len(d.Areas))
	}
	// Every snapshot once (states hold between their first days):
	// the test's cost follows the data, not the calendar.
	for _, dd := range append(d.SnapshotDays(), d.Region.Zone.Today(time.Now())) {
		for _, s := range d.StatesAt(dd) {
			if s.Status() == StatusUnknown {
				t.Fatalf("%s on %s: unknown, want a status from the first record on", s.Area.PCode, dd)
			}
			if len(s.Interval.Sources) == 0 {
				t.Fatalf("%s on %s: no source", s.Area.PCode, dd)
			}
			for _, id := range s.Interval.Sources {
				if src, ok := d.Source(id); !ok || src.URL == "" {
					t.Fatalf("%s on %s: source %s has no URL", s.Area.PCode, dd, id)
				}
			}
		}
	}
}

// TestEmbeddedEventsPlaced: every event is counted for a side, and every
// event whose point the dataset gives lies inside its district.
func TestEmbeddedEventsPlaced(t *testing.T) {
	d := loadEmbedded(t)
	for _, e := range d.Events {
		if e.Side == "" {
			t.Errorf("%s: actor1 %q is on neither side", e.ID, e.Actor1)
		}
		if a, ok := d.Area(e.PCode); ok && e.HasPoint() && !planarContains(a, e.Point) {
			t.Errorf("%s at %v is outside %s", e.ID, e.Point, e.PCode)
		}
	}
}
