package geo

import (
	"fmt"

	"github.com/paulmach/orb"
	"github.com/twpayne/go-geom"
)

// ToGeom converts an orb Point, Polygon or MultiPolygon to go-geom, the one
// place the project meets go-geom: its KML encoder is what orb lacks.
func ToGeom(g orb.Geometry) (geom.T, error) {
	switch v := g.(type) {
	case orb.Point:
		return geom.NewPoint(geom.XY).MustSetCoords(geom.Coord{v[0], v[1]}), nil
	case orb.Polygon:
		return geom.NewPolygon(geom.XY).SetCoords(polygonCoords(v))
	case orb.MultiPolygon:
		coords := make([][][]geom.Coord, len(v))
		for i, p := range v {
			coords[i] = polygonCoords(p)
		}
		return geom.NewMultiPolygon(geom.XY).SetCoords(coords)
	}
	return nil, fmt.Errorf("geo: cannot convert %T", g)
}

func polygonCoords(p orb.Polygon) [][]geom.Coord {
	out := make([][]geom.Coord, len(p))
	for i, r := range p {
		out[i] = make([]geom.Coord, len(r))
		for j, pt := range r {
			out[i][j] = geom.Coord{pt[0], pt[1]}
		}
	}
	return out
}
