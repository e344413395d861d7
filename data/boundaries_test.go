package data

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// TestImportCountsProvinceDistricts: each derived area carries how many
// districts its province has in the source, mapped or not, so that the page
// says "all of P" only of a whole province. Province A has three districts
// (two mapped), B one (mapped).
func TestImportCountsProvinceDistricts(t *testing.T) {
	adm2 := geojson.NewFeatureCollection()
	square := func(x, y float64) orb.MultiPolygon {
		return orb.MultiPolygon{{{{x, y}, {x + 0.1, y}, {x + 0.1, y + 0.1}, {x, y + 0.1}, {x, y}}}}
	}
	for i, d := range []struct{ pcode, province string }{{"AF0101", "A"}, {"AF0102", "A"}, {"AF0103", "A"}, {"AF0201", "B"}} {
		f := geojson.NewFeature(square(69+0.1*float64(i), 35))
		// Fields of another region's boundary files, named by its region.csv.
		f.Properties = geojson.Properties{"code": d.pcode, "label": d.pcode, "in": d.province}
		adm2.Append(f)
	}
	region := Region{Credit: "Boundaries: test", Boundaries: RegionBoundaries{Districts: AdminFields{PCode: "code", Name: "label", Parent: "in"},
		ContextPaddingDegrees: 0.3}}
	files, err := Import(adm2, nil, []string{"AF0101", "AF0102", "AF0201"}, region)
	if err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(files[FullBoundsFile])
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"AF0101": 3, "AF0102": 3, "AF0201": 1}
	for _, f := range fc.Features {
		if got := f.Properties.MustFloat64("province_districts", -1); got != want[f.ID.(string)] {
			t.Errorf("%v: province_districts %v, want %v", f.ID, got, want[f.ID.(string)])
		}
	}
	if len(fc.Features) != len(want) {
		t.Errorf("%d areas, want %d", len(fc.Features), len(want))
	}
	if fc.ExtraMembers["attribution"] != "Boundaries: test" {
		t.Errorf("the files credit %v, not the region's credit", fc.ExtraMembers["attribution"])
	}
	display, _ := geojson.UnmarshalFeatureCollection(files[DisplayBoundsFile])
	if n := display.Features[0].Properties.MustString("name", ""); n != "AF0101" {
		t.Errorf("the display file names the first area %q, from the region's name field", n)
	}
}
