package geo

import (
	"errors"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

func TestSelect(t *testing.T) {
	t.Parallel()
	fc := geojson.NewFeatureCollection()
	add := func(code string, g orb.Geometry) {
		f := geojson.NewFeature(g)
		f.Properties["ADM2_PCODE"] = code
		fc.Append(f)
	}
	cw := orb.Polygon{{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}}} // clockwise: must be re-wound
	add("AF0001", cw)
	add("AF0002", orb.MultiPolygon{cw})
	add("AF0003", orb.Point{1, 1})

	got, err := Select(fc, "ADM2_PCODE", []string{"AF0002", "AF0001"})
	if err != nil {
		t.Fatal(err)
	}
	if got[0].ID != "AF0002" || got[1].ID != "AF0001" {
		t.Errorf("got ids %v, %v, want the requested order AF0002, AF0001", got[0].ID, got[1].ID)
	}
	for _, f := range got {
		if r := f.Geometry.(orb.MultiPolygon)[0][0]; r.Orientation() != orb.CCW {
			t.Errorf("%v: outer ring not counter-clockwise", f.ID)
		}
	}
	if cw[0].Orientation() != orb.CW {
		t.Error("Select modified its input")
	}

	errTests := []struct {
		name  string
		codes []string
		want  error
	}{
		{"missing code", []string{"AF0999"}, ErrMissing},
		{"point geometry", []string{"AF0003"}, ErrNotPolygonal},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Select(fc, "ADM2_PCODE", tt.codes); !errors.Is(err, tt.want) {
				t.Errorf("got error %v, want %v", err, tt.want)
			}
		})
	}
}
