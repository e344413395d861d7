package geo

import (
	"testing"

	"github.com/paulmach/orb"
)

func TestIntersects(t *testing.T) {
	t.Parallel()
	// A thin L: its bounding box covers [0,2]×[0,2] but the notch (1,2]×(0.2,2] is empty.
	l := orb.MultiPolygon{{{{0, 0}, {2, 0}, {2, 0.2}, {0.2, 0.2}, {0.2, 2}, {0, 2}, {0, 0}}}}
	tests := []struct {
		name string
		g    orb.Geometry
		b    orb.Bound
		want bool
	}{
		{"box in the notch: bounds overlap, shapes do not", l, orb.Bound{Min: orb.Point{1, 1}, Max: orb.Point{1.5, 1.5}}, false},
		{"box over an arm", l, orb.Bound{Min: orb.Point{1, 0.1}, Max: orb.Point{1.5, 1}}, true},
		{"box inside the polygon", l, orb.Bound{Min: orb.Point{0.05, 0.05}, Max: orb.Point{0.1, 0.1}}, true},
		{"polygon inside the box", l, orb.Bound{Min: orb.Point{-1, -1}, Max: orb.Point{3, 3}}, true},
		{"box crossing an arm, no vertex inside either", l, orb.Bound{Min: orb.Point{-1, 1}, Max: orb.Point{1, 1.1}}, true},
		{"touching the edge", l, orb.Bound{Min: orb.Point{2, -1}, Max: orb.Point{3, 3}}, true},
		{"far away", l, orb.Bound{Min: orb.Point{5, 5}, Max: orb.Point{6, 6}}, false},
		{"point inside", orb.Point{1, 1}, orb.Bound{Min: orb.Point{0, 0}, Max: orb.Point{2, 2}}, true},
		{"point outside", orb.Point{3, 1}, orb.Bound{Min: orb.Point{0, 0}, Max: orb.Point{2, 2}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Intersects(tt.g, tt.b); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
