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

// wiggle returns n points from a to b that zig-zag by amp degrees, so that a
// simplifier has something to remove.
func wiggle(a, b orb.Point, n int, amp float64) []orb.Point {
	var out []orb.Point
	for i := 0; i < n; i++ {
		t := float64(i) / float64(n)
		off := amp
		if i%2 == 0 {
			off = -amp
		}
		if i == 0 {
			off = 0
		}
		out = append(out, orb.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1]) + off})
	}
	return out
}

// twoSquares is two 0.1° squares side by side whose shared border (x = 69.1)
// wiggles by amp degrees in x; each ring lists the border's vertices.
func twoSquares(amp float64) []orb.MultiPolygon {
	var border []orb.Point // from (69.1, 35.0) up to (69.1, 35.1)
	for i := 0; i <= 20; i++ {
		off := 0.0
		if i%2 == 1 {
			off = amp
		}
		border = append(border, orb.Point{69.1 + off, 35 + float64(i)*0.005})
	}
	left := orb.Ring{{69, 35}}
	left = append(left, border...)
	left = append(left, orb.Point{69, 35.1}, orb.Point{69, 35})
	right := orb.Ring{{69.2, 35.1}}
	for i := len(border) - 1; i >= 0; i-- {
		right = append(right, border[i])
	}
	right = append(right, orb.Point{69.2, 35}, orb.Point{69.2, 35.1})
	return []orb.MultiPolygon{Orient(orb.MultiPolygon{{left}}), Orient(orb.MultiPolygon{{right}})}
}

func TestSimplifySharedKeepsBordersShared(t *testing.T) {
	tests := []struct {
		name      string
		amp       float64 // wiggle of the shared border, degrees
		tolerance float64 // metres
		wantLeft  int     // vertices left in each ring
	}{
		{"wiggle below tolerance is removed", 0.0002, 100, 5},
		{"wiggle above tolerance is kept", 0.005, 100, 24},
		{"zero tolerance keeps everything", 0.0002, 0, 24},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SimplifyShared(twoSquares(tt.amp), tt.tolerance)
			for i, mp := range got {
				if n := len(mp[0][0]); n != tt.wantLeft {
					t.Errorf("polygon %d: got %d vertices, want %d", i, n, tt.wantLeft)
				}
				if mp[0][0].Orientation() != orb.CCW {
					t.Errorf("polygon %d: outer ring not counter-clockwise", i)
				}
			}
			if bad := Crossings(got); len(bad) > 0 {
				t.Errorf("got crossings at %v, want none", bad)
			}
			if gaps := unmatchedEdges(twoSquares(tt.amp), got); gaps != 0 {
				t.Errorf("got %d border edges used by one side only, want 0", gaps)
			}
		})
	}
}

func TestSimplifySharedEachUsesFinestTolerance(t *testing.T) {
	polys := twoSquares(0.0002)
	got := SimplifySharedEach(polys, []float64{0, 1000})
	// The shared border takes the smaller tolerance (0): all its vertices stay.
	if n := len(got[1][0][0]); n != 24 {
		t.Errorf("coarse neighbour: got %d vertices, want 24 (shared border kept at the finer tolerance)", n)
	}
}

func TestSimplifySharedIsland(t *testing.T) {
	// A ring with no neighbour has no junction; it must still simplify and
	// stay a valid ring.
	ring := orb.Ring(append(wiggle(orb.Point{69, 35}, orb.Point{69.1, 35}, 30, 0.00001),
		orb.Point{69.1, 35}, orb.Point{69.1, 35.1}, orb.Point{69, 35.1}, orb.Point{69, 35}))
	got := SimplifyShared([]orb.MultiPolygon{{{ring}}}, 100)
	if n := len(got[0][0][0]); n < 4 || n > 6 {
		t.Errorf("got %d vertices, want 4 to 6", n)
	}
}

// unmatchedEdges counts edges of the simplified coverage that are used by
// only one ring although their endpoints were not both on the original
// coverage's outline: an edge of one side of a shared border that the other
// side does not share means a gap or an overlap.
func unmatchedEdges(orig, simple []orb.MultiPolygon) int {
	outline := map[pointKey]bool{}
	for k, n := range edgeUses(orig) {
		if n == 1 {
			outline[k[0]], outline[k[1]] = true, true
		}
	}
	bad := 0
	for k, n := range edgeUses(simple) {
		if n == 1 && !(outline[k[0]] && outline[k[1]]) {
			bad++
		}
		if n > 2 {
			bad++
		}
	}
	return bad
}

func edgeUses(polys []orb.MultiPolygon) map[[2]pointKey]int {
	uses := map[[2]pointKey]int{}
	forEachRing(polys, func(r orb.Ring) {
		for i := 0; i+1 < len(r); i++ {
			a, b := key(r[i]), key(r[i+1])
			if b[0] < a[0] || (b[0] == a[0] && b[1] < a[1]) {
				a, b = b, a
			}
			uses[[2]pointKey{a, b}]++
		}
	})
	return uses
}

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
