package geo

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/project"
	"github.com/paulmach/orb/simplify"
)

// Tests of the shared-border simplification on the real COD-AB districts.

var codPCodes = []string{"AF0801", "AF0802", "AF0803", "AF0804", "AF0805", "AF0806", "AF0807", "AF0907", "AF0908", "AF0912"}

// codDistricts reads the real COD-AB districts from ../shared (or from
// $CONTROLMAP_BOUNDARIES). CI has ../shared beside the clone, so a missing
// file is a failure, not a skip.
func codDistricts(t testing.TB) []orb.MultiPolygon {
	t.Helper()
	path := os.Getenv("CONTROLMAP_BOUNDARIES")
	if path == "" {
		path = "../../shared/data/cod-ab/afg_admbnda_adm2_agcho_20180522.geojson"
	}
	b, err := os.ReadFile(path)
	if err != nil && testing.Short() {
		t.Skipf("COD-AB boundaries not beside the clone (-short): %v", err)
	}
	if err != nil {
		t.Fatalf("COD-AB boundaries: %v (set CONTROLMAP_BOUNDARIES)", err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		t.Fatal(err)
	}
	feats, err := Select(fc, "ADM2_PCODE", codPCodes)
	if err != nil {
		t.Fatal(err)
	}
	var out []orb.MultiPolygon
	for _, f := range feats {
		out = append(out, f.Geometry.(orb.MultiPolygon))
	}
	return out
}

func TestSimplifySharedOnCODAB(t *testing.T) {
	t.Parallel()
	orig := codDistricts(t)
	simple := SimplifyShared(orig, 100)
	for i := range simple {
		simple[i] = orb.Round(simple[i], 1e5).(orb.MultiPolygon)
	}
	if bad := Crossings(orig); len(bad) != 0 {
		t.Fatalf("source data: got %d crossings, want 0", len(bad))
	}
	if bad := Crossings(simple); len(bad) != 0 {
		t.Errorf("simplified: got %d crossings (first %v), want 0", len(bad), bad[0])
	}
	rounded := make([]orb.MultiPolygon, len(orig))
	for i := range orig {
		rounded[i] = orb.Round(orig[i].Clone(), 1e5).(orb.MultiPolygon)
	}
	if n := unmatchedEdges(rounded, simple); n != 0 {
		t.Errorf("simplified: %d edges used by one side of a shared border only, want 0 (gap or overlap)", n)
	}
	b, _ := json.Marshal(simple)
	if len(b) > 60_000 {
		t.Errorf("display geometry is %d bytes, want at most 60 KB", len(b))
	}
	for i := range orig {
		if d := maxDeviation(orig[i], simple[i]); d > 105 {
			t.Errorf("%s: a source vertex lies %.0f m from the simplified border, want <= ~100 m", codPCodes[i], d)
		}
		if rel := math.Abs(AreaKm2(simple[i])/AreaKm2(orig[i]) - 1); rel > 0.01 {
			t.Errorf("%s: area changed by %.2f%%, want < 1%%", codPCodes[i], rel*100)
		}
	}
	// Points well inside the union are covered exactly once: no gap, no overlap.
	if holes, doubles := coverage(orig, simple); holes+doubles > 0 {
		t.Errorf("sampled coverage: %d points in no district, %d in two, want 0", holes, doubles)
	}
}

// The check above must be able to fail: per-polygon simplification of the
// same data leaves borders that cross (the slivers of overlap and gap).
func TestPlainSimplificationIsNotSeamless(t *testing.T) {
	t.Parallel()
	orig := codDistricts(t)
	var naive []orb.MultiPolygon
	for _, mp := range orig {
		naive = append(naive, simplify.DouglasPeucker(100.0/111_000).MultiPolygon(mp.Clone()))
	}
	if bad := Crossings(naive); len(bad) == 0 {
		t.Errorf("per-polygon simplification: got no crossings; the seamlessness check cannot tell")
	}
	if n := unmatchedEdges(orig, naive); n == 0 {
		t.Errorf("per-polygon simplification: got no unmatched edges; the seamlessness check cannot tell")
	}
}

// maxDeviation returns the largest distance in metres from a vertex of orig
// to the border of simple (measured in Web Mercator, scaled to the ground).
func maxDeviation(orig, simple orb.MultiPolygon) float64 {
	m := project.MultiPolygon(simple.Clone(), project.WGS84.ToMercator)
	var worst float64
	forEachRing([]orb.MultiPolygon{orig}, func(r orb.Ring) {
		for _, p := range r {
			d := planar.DistanceFrom(orb.MultiLineString(ringsOf(m)), project.Point(p, project.WGS84.ToMercator))
			worst = math.Max(worst, d*math.Cos(p.Lat()*math.Pi/180))
		}
	})
	return worst
}

func ringsOf(mp orb.MultiPolygon) []orb.LineString {
	var out []orb.LineString
	for _, p := range mp {
		for _, r := range p {
			out = append(out, orb.LineString(r))
		}
	}
	return out
}

// coverage samples a grid over the districts and counts points that lie in
// exactly one source district and more than 150 m from any source border but
// are in no simplified district (holes) or in two (doubles).
func coverage(orig, simple []orb.MultiPolygon) (holes, doubles int) {
	b := orig[0].Bound()
	for _, mp := range orig[1:] {
		b = b.Union(mp.Bound())
	}
	bounds := make([]orb.Bound, len(orig))
	for i, mp := range orig {
		bounds[i] = mp.Bound()
	}
	const step = 0.005 // about 500 m
	for x := b.Min[0]; x < b.Max[0]; x += step {
		for y := b.Min[1]; y < b.Max[1]; y += step {
			p := orb.Point{x, y}
			in := 0
			var host orb.MultiPolygon
			for i, mp := range orig {
				if bounds[i].Contains(p) && planar.MultiPolygonContains(mp, p) {
					in++
					host = mp
				}
			}
			if in != 1 || nearBorder(host, p, 150) {
				continue
			}
			n := 0
			for i, mp := range simple {
				if bounds[i].Pad(0.01).Contains(p) && planar.MultiPolygonContains(mp, p) {
					n++
				}
			}
			switch {
			case n == 0:
				holes++
			case n > 1:
				doubles++
			}
		}
	}
	return holes, doubles
}

func nearBorder(mp orb.MultiPolygon, p orb.Point, metres float64) bool {
	for _, poly := range mp {
		for _, r := range poly {
			for i := 0; i+1 < len(r); i++ {
				if q := closestOnSegment(r[i], r[i+1], p); math.Abs(q[1]-p[1]) < 0.01 && geo.Distance(p, q) < metres {
					return true
				}
			}
		}
	}
	return false
}

func closestOnSegment(a, b, p orb.Point) orb.Point {
	dx, dy := b[0]-a[0], b[1]-a[1]
	if dx == 0 && dy == 0 {
		return a
	}
	t := ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return orb.Point{a[0] + t*dx, a[1] + t*dy}
}
