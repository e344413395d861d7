package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/controlmap/controlmap/data/datatest"
)

// debianPython runs a client script with Debian's /usr/bin/python3, the one
// with GDAL's and QGIS's bindings (the python3 on PATH may be another).
func debianPython(t *testing.T, script string, args ...string) {
	t.Helper()
	if testing.Short() {
		t.Skip("GDAL client test: not run under -short")
	}
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Fatal("no /usr/bin/python3: install python3-gdal (make deps)")
	}
	out, err := exec.Command("/usr/bin/python3", append([]string{script}, args...)...).CombinedOutput()
	if err != nil {
		t.Errorf("%s: %v\n%s", script, err, out)
	}
}

// Issue 14.3: GDAL's validator passes the GeoPackage (Req 75: the R-tree
// triggers), and a feature moved with GDAL is found at its new place.
func TestGPKGWithGDAL(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("GDAL client test: not run under -short")
	}
	b, err := HistoryGPKG(datatest.Embedded(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "history.gpkg")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	debianPython(t, "testdata/clients/gpkg.py", path)
}

// TestGPKGSameDataSameBytes: the GeoPackage depends on the data only (its
// last_change is the dataset's last edit, not the time of writing), so a
// republish of unchanged data leaves the file as it is.
func TestGPKGSameDataSameBytes(t *testing.T) {
	t.Parallel()
	ds := datatest.Embedded(t)
	a, err := HistoryGPKG(ds)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond) // past the millisecond SQLite's 'now' would write
	b, err := HistoryGPKG(ds)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two GeoPackages of the same data differ")
	}
}
