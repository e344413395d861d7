package server

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// download fetches url into dir/name.
func download(t *testing.T, url, dir, name string) (string, *http.Response) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("%s: %d %v %.200s", url, resp.StatusCode, err, b)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, resp
}

// TestGDALReadsExports downloads each export from the running server and
// opens it with GDAL: the same counts as the dataset, valid geometries,
// dates typed as dates.
func TestGDALReadsExports(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	base := "http://" + startServer(t, s)
	dir := t.TempDir()
	countryside := 0
	for _, a := range s.ds.Areas {
		countryside += len(s.ds.CountrysideRanges(a.PCode))
	}
	counts := map[string]int{"areas": len(s.ds.Areas), "control": len(s.ds.History()), "events": len(s.ds.Events), "countryside": countryside,
		"provinces": len(s.ds.Provinces)}

	checkGPKGExport(t, base, dir, counts)
	kmlPath, _ := download(t, base+"/api/export/history.kml", dir, "h.kml")
	for layer, want := range map[string]int{"Assessed control": counts["control"], "Events": counts["events"]} {
		if n := count(t, gdal(t, "ogrinfo", "-ro", "-so", kmlPath, layer)); n != want {
			t.Errorf("kml %s: %d features, want %d", layer, n, want)
		}
	}
	spans, stamps := kmlTimes(t, kmlPath)
	provinceRuns := 0
	for i := range s.ds.Provinces {
		provinceRuns += len(s.ds.ProvinceRanges(&s.ds.Provinces[i]))
	}
	if spans != counts["control"]+provinceRuns || stamps != counts["events"] {
		t.Errorf("kml: %d TimeSpans and %d TimeStamps, want %d (intervals and province runs) and %d", spans, stamps, counts["control"]+provinceRuns, counts["events"])
	}

	checkCSVExports(t, base, dir, counts["control"])
	checkCountrysideExports(t, base, dir, counts["events"])
	checkProvinceExports(t, base, dir, kmlPath, s.ds)
}

// checkProvinceExports (issue 26): the KML's provinces folder has a
// placemark per province and run of its status (Google Earth plays them on
// its time slider), and GDAL reads the provinces CSV with a valid polygon
// for each and the day its capital fell typed as a date.
func checkProvinceExports(t *testing.T, base, dir, kmlPath string, ds *data.Dataset) {
	runs := 0
	for i := range ds.Provinces {
		runs += len(ds.ProvinceRanges(&ds.Provinces[i]))
	}
	if n := count(t, gdal(t, "ogrinfo", "-ro", "-so", kmlPath, "Provinces: who held the capital")); n != runs || runs <= len(ds.Provinces) {
		t.Errorf("kml provinces: %d placemarks, want %d (one per run)", n, runs)
	}
	path, _ := download(t, base+"/api/export/provinces.csv", dir, "provinces.csv")
	info := gdal(t, "ogrinfo", "-ro", "-so", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "AUTODETECT_TYPE=YES", path, "provinces")
	if n := count(t, info); n != len(ds.Provinces) || !strings.Contains(info, "fell: Date") {
		t.Errorf("provinces.csv: %d rows, want %d, with fell a date:\n%s", n, len(ds.Provinces), info)
	}
	bad := gdal(t, "ogrinfo", "-ro", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-dialect", "sqlite", "-sql",
		"SELECT COUNT(*) AS bad FROM provinces WHERE geometry IS NULL OR NOT ST_IsValid(geometry)", path)
	if !strings.Contains(bad, "bad (Integer) = 0") {
		t.Errorf("provinces.csv: rows without a valid outline\n%s", bad)
	}
}

// checkCountrysideExports (issue 21): GDAL reads the events CSV with a point
// for every event and a side for each, and the day CSV's countryside columns
// say what /api/control says (Dara's resistance activity on 1 June 2022).
func checkCountrysideExports(t *testing.T, base, dir string, events int) {
	evPath, _ := download(t, base+"/api/export/events.csv", dir, "ev.csv")
	info := gdal(t, "ogrinfo", "-ro", "-so", "-oo", "GEOM_POSSIBLE_NAMES=wkt", evPath, "ev")
	if n := count(t, info); n != events {
		t.Errorf("events.csv: %d rows, want %d:\n%s", n, events, info)
	}
	if none := gdal(t, "ogrinfo", "-ro", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-dialect", "sqlite", "-sql",
		"SELECT COUNT(*) AS bad FROM ev WHERE geometry IS NULL OR GeometryType(geometry) <> 'POINT' OR side NOT IN ('resistance', 'taliban')", evPath); !strings.Contains(none, "bad (Integer) = 0") {
		t.Errorf("events.csv: events without a point or a side\n%s", none)
	}
	dayPath, _ := download(t, base+"/api/control.csv?date=2022-06-01", dir, "june.csv")
	got := gdal(t, "ogrinfo", "-ro", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "AUTODETECT_TYPE=YES", "-sql",
		"SELECT insurgent_events, independent_reporting FROM june WHERE pcode = 'AF0803'", dayPath)
	var api struct {
		Features []struct {
			ID         string
			Properties struct {
				Countryside struct{ Insurgent struct{ Count int } }
			}
		}
	}
	getJSONInto(t, base+"/api/control?date=2022-06-01", &api)
	for _, f := range api.Features {
		if want := fmt.Sprintf("insurgent_events (Integer) = %d", f.Properties.Countryside.Insurgent.Count); f.ID == "AF0803" && !strings.Contains(got, want) {
			t.Errorf("control.csv on 2022-06-01, Dara: want %q\n%s", want, got)
		}
	}
}

// checkGPKGExport: the GeoPackage holds every layer whole, with valid
// geometries, spatial indexes and the control layer's dates typed DATE.
func checkGPKGExport(t *testing.T, base, dir string, counts map[string]int) {
	gpkg, resp := download(t, base+"/api/export/history.gpkg", dir, "h.gpkg")
	if resp.Header.Get("Content-Type") != wire.TypeGPKG {
		t.Errorf("GeoPackage served as %q", resp.Header.Get("Content-Type"))
	}
	for layer, want := range counts {
		info := gdal(t, "ogrinfo", "-ro", "-so", gpkg, layer)
		if n := count(t, info); n != want || strings.Contains(info, "Warning") {
			t.Errorf("gpkg %s: %d features, want %d\n%s", layer, n, want, info)
		}
		invalid := gdal(t, "ogrinfo", "-ro", "-dialect", "sqlite", "-sql", "SELECT COUNT(*) AS bad FROM "+layer+" WHERE NOT ST_IsValid(geom)", gpkg)
		if !strings.Contains(invalid, "bad (Integer) = 0") {
			t.Errorf("gpkg %s: invalid geometries\n%s", layer, invalid)
		}
		idx := gdal(t, "ogrinfo", "-ro", "-sql", "SELECT HasSpatialIndex('"+layer+"','geom')", gpkg)
		if !strings.Contains(idx, "HasSpatialIndex (Integer) = 1") {
			t.Errorf("gpkg %s: no spatial index\n%s", layer, idx)
		}
	}
	if info := gdal(t, "ogrinfo", "-ro", "-so", gpkg, "control"); !strings.Contains(info, "valid_from: Date") || !strings.Contains(info, "valid_to: Date") {
		t.Errorf("gpkg control: dates not typed DATE\n%s", info)
	}
}

// checkCSVExports: the history's CSV and a day's CSV read as tables with
// valid WKT geometries and typed dates.
func checkCSVExports(t *testing.T, base, dir string, control int) {
	csvPath, _ := download(t, base+"/api/export/history.csv", dir, "h.csv")
	csvInfo := gdal(t, "ogrinfo", "-ro", "-so", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "AUTODETECT_TYPE=YES", csvPath, "h")
	if n := count(t, csvInfo); n != control || !strings.Contains(csvInfo, "valid_from: Date") {
		t.Errorf("history.csv: %d rows, want %d, dates typed:\n%s", n, control, csvInfo)
	}
	invalid := gdal(t, "ogrinfo", "-ro", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-dialect", "sqlite", "-sql",
		"SELECT COUNT(*) AS bad FROM h WHERE NOT ST_IsValid(geometry)", csvPath)
	if !strings.Contains(invalid, "bad (Integer) = 0") {
		t.Errorf("history.csv: invalid geometries\n%s", invalid)
	}
	dayPath, _ := download(t, base+"/api/control.csv?date=2021-09-06", dir, "day.csv")
	day := gdal(t, "ogrinfo", "-ro", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-sql", "SELECT status FROM day WHERE pcode = 'AF0805'", dayPath)
	if n := count(t, gdal(t, "ogrinfo", "-ro", "-so", "-oo", "GEOM_POSSIBLE_NAMES=wkt", dayPath, "day")); n != 10 || !strings.Contains(day, "status (String) = taliban") {
		t.Errorf("control.csv on 2021-09-06: %d rows, Anawa %s", n, day)
	}
}

func kmlTimes(t *testing.T, path string) (spans, stamps int) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return spans, stamps
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "TimeSpan":
				spans++
			case "TimeStamp":
				stamps++
			}
		}
	}
}

func TestServedQLR(t *testing.T) {
	t.Parallel()
	rec := get(t, newFixtureServer(t).Handler(), http.MethodGet, "/api/export/controlmap.qlr")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "url='http://example.com/ogc'") {
		t.Errorf("served qlr: %d, %.300s", rec.Code, rec.Body)
	}
	if rec := get(t, newFixtureServer(t).Handler(), http.MethodGet, "/api/export/secrets.txt"); rec.Code != 404 {
		t.Errorf("unknown export: %d", rec.Code)
	}
}

// getJSONInto decodes the JSON at url into v.
func getJSONInto(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}
