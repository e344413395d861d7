package export

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
)

// withoutGeoNames is ds with only the places of data/places.csv.
func withoutGeoNames(ds *data.Dataset) *data.Dataset {
	d := *ds
	d.Places = nil
	for _, p := range ds.Places {
		if p.Source != "GeoNames" {
			d.Places = append(d.Places, p)
		}
	}
	return &d
}

// TestPicturePlaces checks the places on the pictures of a day: a GeoNames
// district centre and a cited pass are labelled in the SVG (the pass in
// Dari with lang=fa), the credit names GeoNames only when a GeoNames place
// is drawn, and the PNG draws each place's dot.
func TestPicturePlaces(t *testing.T) {
	t.Parallel()
	ds := datatest.Embedded(t)
	if !strings.Contains(string(MapSVG(ds, datatest.Day(t, "2021-09-06"), PictureOptions{}, "en")), "Bāzārak") {
		if testing.Short() { // a fresh clone: the towns come from an npm package the build cuts
			t.Skip("no GeoNames places ('make build' derives data/boundaries/geonames.json)")
		}
		t.Fatal("no GeoNames places in the embedded dataset ('make build' derives data/boundaries/geonames.json)")
	}
	day := datatest.Day(t, "2021-09-06")
	social := PictureOptions{Width: 1200, Height: 675}
	tests := []struct {
		name   string
		ds     *data.Dataset
		lang   string
		want   []string
		refuse []string
	}{
		{"English", ds, "en", []string{`class="place"`, ">Bāzārak</text>", ">Salang Pass</text>", "Places: GeoNames (CC BY 4.0)"}, nil},
		{"Dari", ds, "fa", []string{">كتل سالنگ</text>", ">Bāzārak</text>"}, []string{">Salang Pass</text>"}},
		{"no GeoNames place drawn", withoutGeoNames(ds), "en", []string{">Salang Pass</text>"}, []string{"GeoNames", "Bāzārak"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			svg := string(MapSVG(tc.ds, day, social, tc.lang))
			for _, w := range tc.want {
				if !strings.Contains(svg, w) {
					t.Errorf("no %q in the SVG", w)
				}
			}
			for _, r := range tc.refuse {
				if strings.Contains(svg, r) {
					t.Errorf("%q in the SVG", r)
				}
			}
		})
	}
	checkPlaceLayout(t, newLayout(ds, social))
	checkPlaceDots(t, ds, day, social)
}

// checkPlaceLayout: every place's name lies inside the map part and
// overlaps no district's name and no other place's name.
func checkPlaceLayout(t *testing.T, l *layout) {
	t.Helper()
	if len(l.places) < 5 {
		t.Fatalf("%d places drawn on the social card, want at least 5", len(l.places))
	}
	inside := image.Rect(0, l.top, l.w, l.bottom)
	for i, m := range l.places {
		if !m.label.box.In(inside) {
			t.Errorf("%s: label %v outside the map part %v", m.name, m.label.box, inside)
		}
		for _, d := range l.labels {
			if m.label.box.Overlaps(d.box) {
				t.Errorf("%s overlaps the district name %s", m.name, d.text)
			}
		}
		for _, o := range l.places[:i] {
			if m.label.box.Overlaps(o.label.box) {
				t.Errorf("%s overlaps %s", m.name, o.name)
			}
		}
	}
}

// checkPlaceDots decodes the PNG: each place with a dot has a white centre
// and a dark ring.
func checkPlaceDots(t *testing.T, ds *data.Dataset, day data.Day, o PictureOptions) {
	t.Helper()
	b, err := MapPNG(ds, day, o)
	if err != nil {
		t.Fatal(err)
	}
	if *pictureOut != "" {
		_ = os.WriteFile(strings.TrimSuffix(*pictureOut, ".png")+"-social.png", b, 0o644)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	rgba := func(x, y int) color.RGBA {
		r, g, bb, _ := img.At(x, y).RGBA()
		return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bb >> 8), 0xff}
	}
	for _, m := range newLayout(ds, o).places {
		if m.r == 0 {
			continue
		}
		x, y := int(m.dot.x), int(m.dot.y)
		if c := rgba(x, y); c != (color.RGBA{0xff, 0xff, 0xff, 0xff}) {
			t.Errorf("%s: dot centre (%d,%d) is %v, want white", m.name, x, y, c)
		}
		ry := int(m.dot.y + m.r + 0.25) // a pixel whose centre is in the ring (r-0.5 to r+1.5 from the centre)
		if c := rgba(x, ry); c.R > 0x80 {
			t.Errorf("%s: dot ring (%d,%d) is %v, want dark", m.name, x, ry, c)
		}
	}
}
