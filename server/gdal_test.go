package server

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// gdal runs a GDAL command line tool and returns its output.
func gdal(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("GDAL client test: not run under -short")
	}
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s not found: install gdal-bin (make deps)", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

var featureCount = regexp.MustCompile(`Feature Count: (\d+)`)

func count(t *testing.T, out string) int {
	t.Helper()
	m := featureCount.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no feature count in:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestGDALReadsOGCAPI runs GDAL's OAPIF driver against the running server:
// it must list the collections with the right counts and field types, and
// ogr2ogr must copy every page into a GeoPackage of valid geometries.
func TestGDALReadsOGCAPI(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	src := "OAPIF:http://" + startServer(t, s) + "/ogc"
	list := gdal(t, "ogrinfo", "-ro", "-so", src)
	for _, l := range []string{"areas", "control", "events"} {
		if !strings.Contains(list, l+" (") {
			t.Errorf("ogrinfo does not list %s:\n%s", l, list)
		}
	}
	tests := []struct {
		layer  string
		count  int
		fields []string // "name: Type" as ogrinfo prints them
	}{
		{"areas", 10, []string{"pcode: String", "area_km2: Real"}},
		{"control", len(s.ds.History()), []string{"valid_from: Date", "valid_to: Date", "status: String"}},
		{"events", len(s.ds.Events), []string{"event_date: Date", "geo_precision: Integer"}},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.layer, func(t *testing.T) {
			info := gdal(t, "ogrinfo", "-ro", "-so", src, tt.layer)
			if n := count(t, info); n != tt.count {
				t.Errorf("ogrinfo counts %d, want %d", n, tt.count)
			}
			for _, f := range tt.fields {
				if !strings.Contains(info, f) {
					t.Errorf("ogrinfo shows no %q:\n%s", f, info)
				}
			}
			checkOGR2OGRCopy(t, src, filepath.Join(dir, tt.layer+".gpkg"), tt.layer, tt.count)
		})
	}
	// GDAL 3.6 turns a -where on a date field into datetime parameters,
	// which answer "overlaps", not the comparison, unless the server offers
	// CQL text (filter-lang cql-text): then GDAL filters what it cannot send
	// itself. The GeoPackage copy, filtered by SQLite, is the oracle.
	copied := filepath.Join(dir, "control.gpkg")
	for _, where := range []string{
		"valid_from >= '2022-01-01'",
		"valid_to > '2022-06-01'",
		"valid_from < '2021-08-17'",
		"valid_from <= '2022-01-01' AND valid_to > '2022-01-01'",
		"valid_to IS NULL OR valid_to > '2022-01-01'",
		"status = 'taliban' AND valid_from >= '2021-09-06'",
	} {
		want := count(t, gdal(t, "ogrinfo", "-ro", "-so", copied, "control", "-where", where))
		if got := count(t, gdal(t, "ogrinfo", "-ro", "-so", src, "control", "-where", where)); got != want {
			t.Errorf("-where %s: the OGC API gave %d features, SQLite on the copy %d", where, got, want)
		}
	}
}

// checkOGR2OGRCopy copies layer from src into the GeoPackage out with
// ogr2ogr, seven features a page, and checks it arrived whole and valid.
func checkOGR2OGRCopy(t *testing.T, src, out, layer string, want int) {
	t.Helper()
	gdal(t, "ogr2ogr", "-f", "GPKG", out, src, layer, "-oo", "PAGE_SIZE=7") // several pages: next links
	copied := gdal(t, "ogrinfo", "-ro", "-so", out, layer)
	if n := count(t, copied); n != want {
		t.Errorf("ogr2ogr copied %d features, want %d (did it follow the next links?)", n, want)
	}
	invalid := gdal(t, "ogrinfo", "-ro", "-dialect", "sqlite", "-sql",
		"SELECT COUNT(*) AS bad FROM "+layer+" WHERE NOT ST_IsValid(geom)", out)
	if !strings.Contains(invalid, "bad (Integer) = 0") {
		t.Errorf("invalid geometries:\n%s", invalid)
	}
}
