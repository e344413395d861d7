package geo

import (
	"testing"

	"github.com/paulmach/orb"
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
	t.Parallel()
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
	t.Parallel()
	polys := twoSquares(0.0002)
	got := SimplifySharedEach(polys, []float64{0, 1000})
	// The shared border takes the smaller tolerance (0): all its vertices stay.
	if n := len(got[1][0][0]); n != 24 {
		t.Errorf("coarse neighbour: got %d vertices, want 24 (shared border kept at the finer tolerance)", n)
	}
}

func TestSimplifySharedIsland(t *testing.T) {
	t.Parallel()
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
