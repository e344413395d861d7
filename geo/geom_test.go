package geo

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/twpayne/go-geom"
)

func TestToGeom(t *testing.T) {
	t.Parallel()
	sq := orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}}
	tests := []struct {
		name  string
		in    orb.Geometry
		flat  int // coordinates (x and y) in the result
		isErr bool
	}{
		{"point", orb.Point{69, 35}, 2, false},
		{"polygon", sq, 10, false},
		{"multipolygon", orb.MultiPolygon{sq, sq}, 20, false},
		{"line", orb.LineString{{0, 0}, {1, 1}}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := ToGeom(tt.in)
			if (err != nil) != tt.isErr {
				t.Fatalf("got error %v", err)
			}
			if err == nil && (len(g.FlatCoords()) != tt.flat || g.Layout() != geom.XY) {
				t.Errorf("got %d coordinates in layout %v, want %d in XY", len(g.FlatCoords()), g.Layout(), tt.flat)
			}
		})
	}
}
