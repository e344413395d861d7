package geo

import (
	"testing"

	"github.com/paulmach/orb"
)

func TestCrossings(t *testing.T) {
	t.Parallel()
	sq := func(x, y, s float64) orb.MultiPolygon {
		return orb.MultiPolygon{{{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}}}
	}
	tests := []struct {
		name  string
		polys []orb.MultiPolygon
		want  bool // true: some contact is reported
	}{
		{"neighbours sharing an edge", []orb.MultiPolygon{sq(0, 0, 1), sq(1, 0, 1)}, false},
		{"neighbours touching at a corner", []orb.MultiPolygon{sq(0, 0, 1), sq(1, 1, 1)}, false},
		{"overlapping squares", []orb.MultiPolygon{sq(0, 0, 1), sq(0.5, 0.5, 1)}, true},
		{"edge partly shared (T-junction)", []orb.MultiPolygon{sq(0, 0, 1), sq(1, 0.5, 1)}, true},
		{"self-intersecting bow tie", []orb.MultiPolygon{{{{{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}}}}}, true},
		{"empty", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Crossings(tt.polys); (len(got) > 0) != tt.want {
				t.Errorf("got crossings %v, want some: %v", got, tt.want)
			}
		})
	}
}
