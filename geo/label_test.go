package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func TestLabelPoint(t *testing.T) {
	t.Parallel()
	square := orb.MultiPolygon{{{{69, 35}, {69.2, 35}, {69.2, 35.2}, {69, 35.2}, {69, 35}}}}
	// A U shape: its centroid (about 69.1, 35.07) lies in the notch, outside.
	u := orb.MultiPolygon{{{{69, 35}, {69.2, 35}, {69.2, 35.2}, {69.15, 35.2}, {69.15, 35.05},
		{69.05, 35.05}, {69.05, 35.2}, {69, 35.2}, {69, 35}}}}
	// Two parts: the label goes in the larger one.
	two := orb.MultiPolygon{
		{{{70, 35}, {70.01, 35}, {70.01, 35.01}, {70, 35.01}, {70, 35}}},
		square[0],
	}
	tests := []struct {
		name string
		mp   orb.MultiPolygon
		want orb.Point // expected pole, within tol degrees
		tol  float64
	}{
		{"square: the centre", square, orb.Point{69.1, 35.1}, 0.002},
		{"U shape: in a corner of the bar, not the centroid", u, orb.Point{69.17, 35.03}, 0.015},
		{"two parts: the larger", two, orb.Point{69.1, 35.1}, 0.002},
		{"empty", nil, orb.Point{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := LabelPoint(tt.mp, 50)
			if math.Abs(got[0]-tt.want[0]) > tt.tol || math.Abs(got[1]-tt.want[1]) > tt.tol {
				t.Errorf("got %v, want %v ± %v", got, tt.want, tt.tol)
			}
			if tt.mp != nil && !planar.MultiPolygonContains(tt.mp, got) {
				t.Errorf("got %v, which is outside the polygon", got)
			}
		})
	}
}

func TestLabelPointInsideEveryCODDistrict(t *testing.T) {
	t.Parallel()
	for i, mp := range codDistricts(t) {
		if p := LabelPoint(mp, 50); !planar.MultiPolygonContains(mp, p) {
			t.Errorf("%s: label %v is outside the district", codPCodes[i], p)
		}
	}
}

func TestAreaKm2(t *testing.T) {
	t.Parallel()
	// A 1°×1° cell on the equator: R²·Δλ·(sin 1° − sin 0°) on orb's sphere.
	r := 6378137.0
	want := r * r * (math.Pi / 180) * math.Sin(math.Pi/180) / 1e6
	tests := []struct {
		name string
		mp   orb.MultiPolygon
		want float64
	}{
		{"1° cell at the equator", orb.MultiPolygon{{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}}}, want},
		{"with a hole of a quarter", orb.MultiPolygon{{
			{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}},
			{{0, 0}, {0, 0.5}, {0.5, 0.5}, {0.5, 0}, {0, 0}},
		}}, want * 0.75},
		{"empty", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AreaKm2(tt.mp); math.Abs(got-tt.want) > tt.want*0.002 {
				t.Errorf("got %.1f km², want %.1f km²", got, tt.want)
			}
		})
	}
}
