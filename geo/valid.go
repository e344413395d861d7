package geo

import (
	"slices"

	"github.com/paulmach/orb"
)

// Crossings returns the places where the borders of polys meet other than by
// sharing a vertex or an identical edge: edges that cross, a vertex lying on
// another edge, or collinear edges that partly overlap. For a set of
// neighbouring districts an empty result means the coverage is seamless at
// its borders: no ring is self-intersecting and no two polygons overlap along
// their shared borders (each shared border being the very same edges). The
// comparison is exact; it runs a sweep over edges sorted by longitude.
func Crossings(polys []orb.MultiPolygon) []orb.Point {
	type edge struct{ a, b orb.Point }
	seen := map[[2]pointKey]bool{}
	var edges []edge
	forEachRing(polys, func(r orb.Ring) {
		for i := 0; i+1 < len(r); i++ {
			a, b := r[i], r[i+1]
			if comparePoints(b, a) < 0 {
				a, b = b, a
			}
			k := [2]pointKey{key(a), key(b)}
			if !seen[k] && a != b {
				seen[k] = true
				edges = append(edges, edge{a, b})
			}
		}
	})
	slices.SortFunc(edges, func(x, y edge) int { return cmpFloat(x.a[0], y.a[0]) })
	var out []orb.Point
	for i, e := range edges {
		for _, f := range edges[i+1:] {
			if f.a[0] > e.b[0] {
				break
			}
			if p, bad := badContact(e.a, e.b, f.a, f.b); bad {
				out = append(out, p)
			}
		}
	}
	return out
}

// badContact reports whether segments ab and cd touch anywhere other than at
// one shared endpoint, and where.
func badContact(a, b, c, d orb.Point) (orb.Point, bool) {
	o1, o2 := orient(a, b, c), orient(a, b, d)
	o3, o4 := orient(c, d, a), orient(c, d, b)
	shared := a == c || a == d || b == c || b == d
	if o1 == 0 && o2 == 0 { // collinear: overlap longer than a point is bad
		n := 0
		for _, p := range []orb.Point{c, d} {
			if onSegment(a, b, p) && p != a && p != b {
				n++
			}
		}
		for _, p := range []orb.Point{a, b} {
			if onSegment(c, d, p) && p != c && p != d {
				n++
			}
		}
		return c, n > 0
	}
	if shared {
		return a, false
	}
	if o1 != o2 && o3 != o4 {
		return c, true
	}
	for _, t := range []struct {
		s, e, p orb.Point
		o       int
	}{{a, b, c, o1}, {a, b, d, o2}, {c, d, a, o3}, {c, d, b, o4}} {
		if t.o == 0 && onSegment(t.s, t.e, t.p) {
			return t.p, true
		}
	}
	return orb.Point{}, false
}

func orient(a, b, c orb.Point) int {
	v := (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func onSegment(a, b, p orb.Point) bool {
	return min(a[0], b[0]) <= p[0] && p[0] <= max(a[0], b[0]) &&
		min(a[1], b[1]) <= p[1] && p[1] <= max(a[1], b[1])
}
