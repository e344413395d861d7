// Package datatest holds the helpers the other packages' tests share for
// the dataset: the embedded dataset (on a fresh clone, with the boundary
// files derived in memory from COD-AB: data.LoadEmbeddedOrCODAB) and days
// written as text. It is imported by tests only.
package datatest

import (
	"testing"

	"github.com/controlmap/controlmap/data"
)

// Embedded loads the real, embedded dataset: with the boundary files 'make
// build' derives, or else derived in memory from COD-AB beside the
// repository. Without either it fails, or under -short skips and says why.
func Embedded(t testing.TB) *data.Dataset {
	t.Helper()
	ds, err := data.LoadEmbeddedOrCODAB()
	if err != nil {
		if testing.Short() {
			t.Skipf("no boundary files ('make build' derives them): %v", err)
		}
		t.Fatalf("embedded dataset (run 'make build' first): %v", err)
	}
	return ds
}

// Day parses a YYYY-MM-DD day or fails the test.
func Day(t testing.TB, s string) data.Day {
	t.Helper()
	day, err := data.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return day
}
