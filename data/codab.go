package data

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing/fstest"

	"github.com/paulmach/orb/geojson"
)

// derivedFromCODAB is BoundariesFromCODAB's answer, made once per process.
var derivedFromCODAB struct {
	sync.Once
	fsys fs.FS
	err  error
}

// BoundariesFromCODAB derives the boundary files in memory from COD-AB, as
// `controlmap boundaries` does on disk (Import), without the GeoNames towns
// (an npm package the build cuts to the map): for the tests of the real
// dataset on a fresh clone, which has no derived files. COD-AB is
// $CONTROLMAP_BOUNDARIES (the adm2 file; the adm1 file beside it is used
// for the background when present), else ../shared/data/cod-ab beside the
// module. It is made once per process.
func BoundariesFromCODAB() (fs.FS, error) {
	derivedFromCODAB.Do(func() { derivedFromCODAB.fsys, derivedFromCODAB.err = deriveFromCODAB() })
	return derivedFromCODAB.fsys, derivedFromCODAB.err
}

// LoadEmbeddedOrCODAB is LoadEmbedded, or, when the build has not derived
// the boundary files, the embedded tables with BoundariesFromCODAB.
func LoadEmbeddedOrCODAB() (*Dataset, error) {
	ds, err := LoadEmbedded()
	if err == nil {
		return ds, nil
	}
	bounds, derr := BoundariesFromCODAB()
	if derr != nil {
		return nil, fmt.Errorf("%w (and no COD-AB to derive them from: %v)", err, derr)
	}
	return Load(Tables(), bounds)
}

func deriveFromCODAB() (fs.FS, error) {
	adm2Path := os.Getenv("CONTROLMAP_BOUNDARIES")
	if adm2Path == "" {
		root, err := ModuleRoot()
		if err != nil {
			return nil, err
		}
		adm2Path = filepath.Join(root, "..", "shared", "data", "cod-ab", "afg_admbnda_adm2_agcho_20180522.geojson")
	}
	adm2, err := ReadFeatureCollection(adm2Path)
	if err != nil {
		return nil, err
	}
	adm1, _ := ReadFeatureCollection(filepath.Join(filepath.Dir(adm2Path), "afg_admbnda_adm1_agcho_20180522.geojson")) // optional
	pcodes, err := ReadPCodes(Tables())
	if err != nil {
		return nil, err
	}
	region, err := ReadRegion(Tables())
	if err != nil {
		return nil, err
	}
	files, err := Import(adm2, adm1, pcodes, region)
	if err != nil {
		return nil, err
	}
	m := fstest.MapFS{}
	for name, b := range files {
		m[name] = &fstest.MapFile{Data: b}
	}
	return m, nil
}

// ReadFeatureCollection reads a GeoJSON FeatureCollection file (COD-AB, or
// a derived boundary file).
func ReadFeatureCollection(path string) (*geojson.FeatureCollection, error) {
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

// ModuleRoot is the folder of go.mod above the working directory (a test
// runs in its package's folder).
func ModuleRoot() (string, error) {
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
			return "", fmt.Errorf("no go.mod above %s", dir)
		}
		dir = parent
	}
}
