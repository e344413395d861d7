package web_test

import (
	"testing"

	"github.com/controlmap/controlmap/data"
)

// Expectations derived from the real dataset, so that the page tests follow
// the evidence rather than copy it.

// changeAfter returns the first change day after d (dir +1) or the last
// before it (dir -1), as YYYY-MM-DD.
func changeAfter(t *testing.T, changes []data.Day, d string, dir int) string {
	t.Helper()
	day, err := data.ParseDay(d)
	if err != nil {
		t.Fatal(err)
	}
	if dir > 0 {
		for _, c := range changes {
			if c > day {
				return c.String()
			}
		}
	} else {
		for i := len(changes) - 1; i >= 0; i-- {
			if changes[i] < day {
				return changes[i].String()
			}
		}
	}
	t.Fatalf("no change %+d from %s", dir, d)
	return ""
}
