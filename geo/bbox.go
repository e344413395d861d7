package geo

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Intersects reports whether geometry g (a Point or polygons) shares any
// point with the rectangle b, exactly: a vertex of g inside b, a corner of b
// inside g, or an edge of g crossing an edge of b. Bounds alone would also
// pick districts whose bounding box merely overlaps b.
func Intersects(g orb.Geometry, b orb.Bound) bool {
	if !g.Bound().Intersects(b) {
		return false
	}
	switch v := g.(type) {
	case orb.Point:
		return b.Contains(v)
	case orb.Polygon:
		return polygonIntersects(orb.MultiPolygon{v}, b)
	case orb.MultiPolygon:
		return polygonIntersects(v, b)
	}
	return true // other kinds: bounds are all we check
}

func polygonIntersects(mp orb.MultiPolygon, b orb.Bound) bool {
	corners := []orb.Point{b.Min, {b.Max[0], b.Min[1]}, b.Max, {b.Min[0], b.Max[1]}}
	for _, c := range corners {
		if planar.MultiPolygonContains(mp, c) {
			return true
		}
	}
	hit := false
	forEachRing([]orb.MultiPolygon{mp}, func(r orb.Ring) {
		for i := 0; !hit && i+1 < len(r); i++ {
			if b.Contains(r[i]) {
				hit = true
				return
			}
			for j := range corners {
				if segmentsTouch(r[i], r[i+1], corners[j], corners[(j+1)%4]) {
					hit = true
					return
				}
			}
		}
	})
	return hit
}

func segmentsTouch(a, b, c, d orb.Point) bool {
	o1, o2, o3, o4 := orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
	if o1 != o2 && o3 != o4 {
		return true
	}
	return (o1 == 0 && onSegment(a, b, c)) || (o2 == 0 && onSegment(a, b, d)) ||
		(o3 == 0 && onSegment(c, d, a)) || (o4 == 0 && onSegment(c, d, b))
}
