package geo

import (
	"container/heap"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// LabelPoint returns a point inside mp that is as far as possible from its
// border (the pole of inaccessibility, found by the grid-refinement method of
// Mapbox's polylabel), within about precision metres of the best. Unlike a
// centroid it is always inside, even for crescent-shaped districts. The search
// runs on the largest polygon, in coordinates whose longitude is scaled by the
// cosine of the latitude so that distances are isotropic.
func LabelPoint(mp orb.MultiPolygon, precision float64) orb.Point {
	if len(mp) == 0 {
		return orb.Point{}
	}
	poly := mp[0]
	for _, p := range mp[1:] {
		if planar.Area(p) > planar.Area(poly) {
			poly = p
		}
	}
	k := math.Cos(poly.Bound().Center().Lat() * math.Pi / 180)
	scaled := scalePolygon(poly, k)
	best := poleOfInaccessibility(scaled, precision/111320)
	return orb.Point{best[0] / k, best[1]}
}

func scalePolygon(p orb.Polygon, k float64) orb.Polygon {
	out := make(orb.Polygon, len(p))
	for i, r := range p {
		out[i] = make(orb.Ring, len(r))
		for j, pt := range r {
			out[i][j] = orb.Point{pt[0] * k, pt[1]}
		}
	}
	return out
}

// cell is a square of the search grid: centre c, half-size h, signed distance
// d from c to the border (negative outside) and the best distance max that
// any point in the cell could reach.
type cell struct {
	c    orb.Point
	h, d float64
	max  float64
}

func newCell(c orb.Point, h float64, p orb.Polygon) *cell {
	d := planar.DistanceFrom(p, c)
	if !planar.PolygonContains(p, c) {
		d = -d
	}
	return &cell{c: c, h: h, d: d, max: d + h*math.Sqrt2}
}

type cellQueue []*cell

func (q cellQueue) Len() int           { return len(q) }
func (q cellQueue) Less(i, j int) bool { return q[i].max > q[j].max }
func (q cellQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cellQueue) Push(x any)        { *q = append(*q, x.(*cell)) }
func (q *cellQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

func poleOfInaccessibility(p orb.Polygon, precision float64) orb.Point {
	b := p.Bound()
	size := math.Min(b.Right()-b.Left(), b.Top()-b.Bottom())
	if size == 0 {
		return b.Min
	}
	h := size / 2
	q := &cellQueue{}
	for x := b.Left(); x < b.Right(); x += size {
		for y := b.Bottom(); y < b.Top(); y += size {
			heap.Push(q, newCell(orb.Point{x + h, y + h}, h, p))
		}
	}
	c, _ := planar.CentroidArea(p)
	best := newCell(c, 0, p)
	for q.Len() > 0 {
		cur := heap.Pop(q).(*cell)
		if cur.d > best.d {
			best = cur
		}
		if cur.max-best.d <= precision {
			continue
		}
		h := cur.h / 2
		for _, dx := range []float64{-h, h} {
			for _, dy := range []float64{-h, h} {
				heap.Push(q, newCell(orb.Point{cur.c[0] + dx, cur.c[1] + dy}, h, p))
			}
		}
	}
	return best.c
}
