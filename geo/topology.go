package geo

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
	"github.com/paulmach/orb/simplify"
)

// SimplifyShared simplifies a set of polygons that tile the plane (neighbours
// share their border vertices exactly, as COD-AB districts do) so that every
// border is simplified once and used by both neighbours. Plain per-polygon
// simplification moves each side of a shared border independently and leaves
// slivers of overlap and gap between neighbours; cutting the rings into arcs
// at the junctions where the set of neighbours changes, and simplifying each
// distinct arc once, keeps the simplified polygons seamless.
//
// tolerance is the Douglas-Peucker distance in metres: no kept vertex moves,
// and no dropped vertex lies further than about tolerance from the simplified
// border. The result has one MultiPolygon per input, in the same order, with
// RFC 7946 winding (outer rings counter-clockwise). A ring that would collapse
// below four points keeps its original vertices.
func SimplifyShared(polys []orb.MultiPolygon, tolerance float64) []orb.MultiPolygon {
	tols := make([]float64, len(polys))
	for i := range tols {
		tols[i] = tolerance
	}
	return SimplifySharedEach(polys, tols)
}

// SimplifySharedEach is SimplifyShared with a tolerance per polygon: a border
// is simplified with the smallest tolerance of the polygons that share it, so
// a coarse background can surround finely drawn districts without a seam.
func SimplifySharedEach(polys []orb.MultiPolygon, tolerances []float64) []orb.MultiPolygon {
	t := arcTable{junctions: findJunctions(polys), done: map[string]orb.LineString{}, tol: map[string]float64{}}
	for i, mp := range polys { // first pass: the tolerance of every arc
		forEachRing([]orb.MultiPolygon{mp}, func(r orb.Ring) {
			t.walk(r, func(ls orb.LineString) {
				k, _ := canonicalKey(ls)
				if old, ok := t.tol[k]; !ok || tolerances[i] < old {
					t.tol[k] = tolerances[i]
				}
			})
		})
	}
	out := make([]orb.MultiPolygon, len(polys))
	for i, mp := range polys {
		for _, poly := range mp {
			var np orb.Polygon
			for _, r := range poly {
				np = append(np, t.simplifyRing(r))
			}
			out[i] = append(out[i], np)
		}
		out[i] = Orient(out[i])
	}
	return out
}

// pointKey is a map key for an exact coordinate.
type pointKey [2]float64

func key(p orb.Point) pointKey { return pointKey{p[0], p[1]} }

// openRing returns r without its closing point.
func openRing(r orb.Ring) []orb.Point {
	if len(r) > 1 && r[0] == r[len(r)-1] {
		return r[:len(r)-1]
	}
	return r
}

// findJunctions returns the vertices at which an arc must start or end: those
// whose pair of neighbouring vertices differs between the rings that use
// them. A ring without any such vertex (an island, or an enclave bordered by
// one neighbour only) gets its smallest vertex as a junction, so that every
// ring using it cuts it at the same place.
func findJunctions(polys []orb.MultiPolygon) map[pointKey]bool {
	neighbours := map[pointKey][2]pointKey{}
	junctions := map[pointKey]bool{}
	forEachRing(polys, func(r orb.Ring) {
		pts := openRing(r)
		n := len(pts)
		for i, p := range pts {
			a, b := key(pts[(i+n-1)%n]), key(pts[(i+1)%n])
			if b[0] < a[0] || (b[0] == a[0] && b[1] < a[1]) {
				a, b = b, a
			}
			k := key(p)
			if prev, seen := neighbours[k]; !seen {
				neighbours[k] = [2]pointKey{a, b}
			} else if prev != [2]pointKey{a, b} {
				junctions[k] = true
			}
		}
	})
	forEachRing(polys, func(r orb.Ring) {
		pts := openRing(r)
		if slices.ContainsFunc(pts, func(p orb.Point) bool { return junctions[key(p)] }) || len(pts) == 0 {
			return
		}
		junctions[key(slices.MinFunc(pts, comparePoints))] = true
	})
	return junctions
}

func forEachRing(polys []orb.MultiPolygon, fn func(orb.Ring)) {
	for _, mp := range polys {
		for _, poly := range mp {
			for _, r := range poly {
				fn(r)
			}
		}
	}
}

func comparePoints(a, b orb.Point) int {
	if c := cmpFloat(a[0], b[0]); c != 0 {
		return c
	}
	return cmpFloat(a[1], b[1])
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// arcTable simplifies each distinct arc once and remembers the result under a
// key that is the same for an arc and its reverse.
type arcTable struct {
	junctions map[pointKey]bool
	done      map[string]orb.LineString
	tol       map[string]float64 // tolerance per arc key, metres
}

// walk cuts ring r into arcs at its junctions, starting from the first
// junction, and calls fn with each arc in ring order. A ring without a
// junction (too short to matter) is not walked.
func (t *arcTable) walk(r orb.Ring, fn func(orb.LineString)) bool {
	pts := openRing(r)
	start := slices.IndexFunc(pts, func(p orb.Point) bool { return t.junctions[key(p)] })
	if start < 0 || len(pts) < 3 {
		return false
	}
	rot := append(append([]orb.Point{}, pts[start:]...), pts[:start]...)
	rot = append(rot, rot[0])
	from := 0
	for i := 1; i < len(rot); i++ {
		if i == len(rot)-1 || t.junctions[key(rot[i])] {
			fn(orb.LineString(rot[from : i+1]))
			from = i
		}
	}
	return true
}

func (t *arcTable) simplifyRing(r orb.Ring) orb.Ring {
	var out orb.Ring
	walked := t.walk(r, func(ls orb.LineString) {
		arc := t.arc(ls)
		if len(out) == 0 {
			out = append(out, arc[0])
		}
		out = append(out, arc[1:]...)
	})
	if !walked || len(out) < 4 {
		return r
	}
	return out
}

// canonicalKey returns the key shared by an arc and its reverse, and whether
// ls is the reversed form.
func canonicalKey(ls orb.LineString) (string, bool) {
	fwd, rev := arcKey(ls, false), arcKey(ls, true)
	if rev < fwd {
		return rev, true
	}
	return fwd, false
}

func (t *arcTable) arc(ls orb.LineString) orb.LineString {
	k, reversed := canonicalKey(ls)
	s, ok := t.done[k]
	if !ok {
		canon := slices.Clone(ls)
		if reversed {
			slices.Reverse(canon)
		}
		s = simplifyMeters(canon, t.tol[k])
		t.done[k] = s
	}
	if reversed {
		s = slices.Clone(s)
		slices.Reverse(s)
	}
	return s
}

func arcKey(ls orb.LineString, reverse bool) string {
	var b strings.Builder
	for i := range ls {
		p := ls[i]
		if reverse {
			p = ls[len(ls)-1-i]
		}
		b.WriteString(strconv.FormatFloat(p[0], 'g', -1, 64))
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(p[1], 'g', -1, 64))
		b.WriteByte(';')
	}
	return b.String()
}

// simplifyMeters runs Douglas-Peucker in Web Mercator, where a distance of d
// metres on the ground at latitude φ measures d/cos(φ); the tolerance is
// scaled by the arc's mean latitude so that it stays in ground metres. The
// kept vertices are returned as the original coordinates (not re-projected),
// so a vertex shared with another arc stays bit-identical.
func simplifyMeters(ls orb.LineString, tolerance float64) orb.LineString {
	if len(ls) < 3 {
		return ls
	}
	lat := ls.Bound().Center().Lat()
	merc := project.LineString(slices.Clone(ls), project.WGS84.ToMercator)
	kept := simplify.DouglasPeucker(tolerance / math.Cos(lat*math.Pi/180)).LineString(slices.Clone(merc))
	out := make(orb.LineString, 0, len(kept))
	i := 0
	for _, p := range kept {
		for merc[i] != p {
			i++
		}
		out = append(out, ls[i])
		i++
	}
	return out
}

// Orient returns mp with RFC 7946 winding: outer rings counter-clockwise,
// holes clockwise. It reverses rings in place.
func Orient(mp orb.MultiPolygon) orb.MultiPolygon {
	for _, poly := range mp {
		for i, r := range poly {
			want := orb.CCW
			if i > 0 {
				want = orb.CW
			}
			if r.Orientation() != want {
				r.Reverse()
			}
		}
	}
	return mp
}
