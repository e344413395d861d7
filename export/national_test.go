package export

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"os"
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
)

// The national picture of the fixture: each province is filled with who
// held its capital on the day (Eastland's fell on 3 September, Middleland
// follows North), as the page draws it; a dataset without provinces has
// none.
func TestNationalPNG(t *testing.T) {
	fsys := os.DirFS("../data/testdata/fixture")
	ds, err := data.Load(fsys, fsys)
	if err != nil {
		t.Fatal(err)
	}
	wantEast := map[string]data.Status{"2021-09-02": data.Status("republic"), "2021-09-03": data.Status("taliban")}
	for day, east := range wantEast {
		d, _ := data.ParseDay(day)
		o := PictureOptions{Width: 1200}
		b, err := NationalPNG(ds, d, o)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		o.noPlaces, o.national = true, true
		r := newRenderer(newLayoutOf(ds, o, provincesDrawn(ds)))
		looks := provinceLooks(ds, d)
		if looks[1].status != east {
			t.Errorf("%s: Eastland is %s, want %s", day, looks[1].status, east)
		}
		for i, lk := range looks {
			if lk.status == data.StatusUnknown {
				continue
			}
			x, y, ok := interior(r, i)
			if !ok {
				t.Fatalf("%s: no pixel inside %s", day, ds.Provinces[i].Name)
			}
			if got := img.(*image.RGBA).RGBAAt(x, y); got != lk.fill(paintOf(ds.Region)) {
				t.Errorf("%s: %s at (%d,%d) is %v, want %v (%s)", day, ds.Provinces[i].Name, x, y, got, lk.fill(paintOf(ds.Region)), lk.status)
			}
		}
	}
	ds.Provinces = nil
	if _, err := NationalPNG(ds, ds.First, PictureOptions{}); !errors.Is(err, ErrNoProvinces) {
		t.Errorf("a dataset without provinces: %v", err)
	}
}

// The country's 34 names never overlap: a province whose name finds no
// room goes unnamed, as on the page, and most keep theirs.
func TestNationalLabelsApart(t *testing.T) {
	ds := datatest.Embedded(t)
	for _, w := range []int{600, 1200} {
		l := newLayoutOf(ds, PictureOptions{Width: w, noPlaces: true, national: true}, provincesDrawn(ds))
		var boxes []image.Rectangle
		for _, lb := range l.labels {
			if lb.text == "" {
				continue
			}
			if overlapsAny(lb.box, boxes) {
				t.Errorf("%d px: %q overlaps another name", w, lb.text)
			}
			boxes = append(boxes, lb.box)
		}
		if len(boxes) < len(ds.Provinces)*2/3 {
			t.Errorf("%d px: only %d of %d provinces named", w, len(boxes), len(ds.Provinces))
		}
	}
}
