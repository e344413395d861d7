// Package datatest holds the helpers the other packages' tests share for
// the dataset: the embedded dataset (on a fresh clone, with the boundary
// files derived in memory from the COD-AB files beside the repository) and
// days written as text. It is imported by tests only.
package datatest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/paulmach/orb/geojson"

	"github.com/controlmap/controlmap/data"
)

// Embedded loads the real, embedded dataset. When the build has not
// derived the boundary files ('make build' does), they are derived in
// memory, once per test process, from COD-AB (../shared/data/cod-ab beside
// the repository, or $CONTROLMAP_BOUNDARIES): a fresh clone runs the tests
// of the real dataset without a build. Without COD-AB either, it fails, or
// under -short skips and says why.
func Embedded(t testing.TB) *data.Dataset {
	t.Helper()
	ds, err := data.LoadEmbedded()
	if err != nil {
		var bounds fs.FS
		if bounds, err = derived(); err == nil {
			ds, err = data.Load(data.Tables(), bounds)
		}
	}
	if err != nil {
		if testing.Short() {
			t.Skipf("no derived boundaries ('make build' makes them) and no COD-AB to derive them from: %v", err)
		}
		t.Fatalf("embedded dataset (run 'make build' first): %v", err)
	}
	return ds
}

var derivedOnce struct {
	sync.Once
	fsys fs.FS
	err  error
}

// derived returns the boundary files derived from COD-AB, as 'make build'
// derives them (data.Import), without the GeoNames towns (an npm package
// the build cuts to the map).
func derived() (fs.FS, error) {
	derivedOnce.Do(func() {
		derivedOnce.fsys, derivedOnce.err = derive()
	})
	return derivedOnce.fsys, derivedOnce.err
}

func derive() (fs.FS, error) {
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	adm2Path := os.Getenv("CONTROLMAP_BOUNDARIES")
	if adm2Path == "" {
		adm2Path = filepath.Join(root, "..", "shared", "data", "cod-ab", "afg_admbnda_adm2_agcho_20180522.geojson")
	}
	adm2, err := readFC(adm2Path)
	if err != nil {
		return nil, err
	}
	adm1, _ := readFC(filepath.Join(filepath.Dir(adm2Path), "afg_admbnda_adm1_agcho_20180522.geojson")) // optional: the background
	pcodes, err := data.ReadPCodes(data.Tables())
	if err != nil {
		return nil, err
	}
	files, err := data.Import(adm2, adm1, pcodes)
	if err != nil {
		return nil, err
	}
	m := fstest.MapFS{}
	for name, b := range files {
		m[name] = &fstest.MapFile{Data: b}
	}
	return m, nil
}

func readFC(path string) (*geojson.FeatureCollection, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return fc, nil
}

// repoRoot is the folder of go.mod above the working directory (a test
// runs in its package's folder).
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
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
