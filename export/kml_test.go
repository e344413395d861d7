package export

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data/datatest"
	"github.com/paulmach/orb"
)

// outerPoints counts the points of a geometry's outer rings.
func outerPoints(g orb.Geometry) int {
	switch g := g.(type) {
	case orb.Polygon:
		return len(g[0])
	case orb.MultiPolygon:
		n := 0
		for _, p := range g {
			n += len(p[0])
		}
		return n
	}
	return 0
}

// kmlDoc is what the KML tests read: each placemark's times and the number
// of coordinates of its geometry.
type kmlDoc struct {
	Placemarks []struct {
		Begin  string   `xml:"TimeSpan>begin"`
		End    string   `xml:"TimeSpan>end"`
		When   string   `xml:"TimeStamp>when"`
		Coords []string `xml:"MultiGeometry>Polygon>outerBoundaryIs>LinearRing>coordinates"`
		Single []string `xml:"Polygon>outerBoundaryIs>LinearRing>coordinates"`
	} `xml:"Document>Folder>Placemark"`
}

// Issue 14.6: the KML keeps the full geometry and its days are Afghan days
// (the provinces theirs, simplified for a national map: issue 26).
func TestKMLFullGeometryAfghanDays(t *testing.T) {
	t.Parallel()
	ds := datatest.Embedded(t)
	b, err := HistoryKML(ds)
	if err != nil {
		t.Fatal(err)
	}
	var doc kmlDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	want, display, got := 0, 0, 0
	for _, a := range ds.Areas {
		n := len(ds.Intervals[a.PCode])
		want += n * outerPoints(a.Geometry)
		display += n * outerPoints(a.Display)
	}
	for i := range ds.Provinces { // a placemark per run, in the national outline
		want += len(ds.ProvinceRanges(&ds.Provinces[i])) * outerPoints(ds.Provinces[i].Geometry)
	}
	for _, p := range doc.Placemarks {
		for _, c := range append(p.Coords, p.Single...) {
			got += len(strings.Fields(c))
		}
	}
	if got != want {
		t.Errorf("the KML's polygons have %d outer-ring points, want the full geometry's %d (the display geometry has %d)", got, want, display)
	}
	for _, p := range doc.Placemarks {
		for _, ts := range []string{p.Begin, p.End, p.When} {
			if ts != "" && !strings.HasSuffix(ts, "T00:00:00+04:30") {
				t.Fatalf("time %q: want midnight in Afghanistan (+04:30)", ts)
			}
		}
	}
}

// The KML validates against the OGC KML 2.2 schema (xmllint, from
// libxml2-utils; the schema is in ../shared beside the clone).
func TestKMLSchema(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("xmllint client test: not run under -short")
	}
	xsd, err := filepath.Abs("../../shared/schemas/kml22/ogckml22.xsd")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(xsd); err != nil {
		t.Fatalf("the KML 2.2 schema (../shared beside the clone): %v", err)
	}
	b, err := HistoryKML(datatest.Embedded(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "history.kml")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("xmllint", "--noout", "--schema", xsd, path).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}
