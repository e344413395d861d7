package export

import (
	"bytes"
	"flag"
	"image/color"
	"image/png"
	"os"
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
	"github.com/controlmap/controlmap/wire"
)

var pictureOut = flag.String("picture", "", "write the test's PNG here, to look at")

// TestMapPNG decodes the picture of 6 September 2021 and checks its size
// and the colour inside districts whose status that day is known.
func TestMapPNG(t *testing.T) {
	t.Parallel()
	ds := datatest.Embedded(t)
	day := datatest.Day(t, "2021-09-06")
	tests := []struct {
		name string
		opts PictureOptions
		w, h int
	}{
		{"default width", PictureOptions{}, 1200, 0},
		{"phone width", PictureOptions{Width: 600}, 600, 0},
		{"social card", PictureOptions{Width: 1200, Height: 675}, 1200, 675},
		{"portrait", PictureOptions{Width: 1080, Height: 1350}, 1080, 1350},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := MapPNG(ds, day, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Dx(); got != tc.w {
				t.Errorf("width %d, want %d", got, tc.w)
			}
			if tc.h != 0 && img.Bounds().Dy() != tc.h {
				t.Errorf("height %d, want %d", img.Bounds().Dy(), tc.h)
			}
			if *pictureOut != "" && tc.name == "default width" {
				_ = os.WriteFile(*pictureOut, b, 0o644)
			}
			l := newLayout(ds, tc.opts)
			checkFills(t, ds, l, day, func(x, y int) color.RGBA {
				r, g, bb, _ := img.At(x, y).RGBA()
				return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bb >> 8), 0xff}
			})
		})
	}
}

// checkFills checks, for each district with a flat fill on day, a pixel
// inside it (found from its coverage mask, away from its name): its colour
// must be the look's fill (or a stale dot's white).
func checkFills(t *testing.T, ds *data.Dataset, l *layout, day data.Day, at func(x, y int) color.RGBA) {
	t.Helper()
	r := newRenderer(l)
	checked := 0
	for i, lk := range looksOn(ds, day, "", l.paint) {
		if lk.status == data.StatusContested {
			continue
		}
		x, y, ok := interior(r, i)
		if !ok {
			continue
		}
		checked++
		if got, want := at(x, y), lk.fill(l.paint); got != want && !(lk.stale && got == color.RGBA{0xff, 0xff, 0xff, 0xff}) {
			t.Errorf("%s at (%d,%d): %v, want %v (%s)", ds.Areas[i].Name, x, y, got, want, lk.status)
		}
	}
	if checked < 3 {
		t.Errorf("only %d districts checked", checked)
	}
}

// interior finds a pixel well inside district i: fully covered with its
// 9-pixel neighbourhood, and clear of every label and border.
func interior(r *renderer, i int) (int, int, bool) {
	m := r.masks[i]
	b := m.Bounds()
	for y := b.Min.Y + 9; y < b.Max.Y-9; y += 3 {
		for x := b.Min.X + 9; x < b.Max.X-9; x += 3 {
			if covered(r, i, x, y) {
				return x, y, true
			}
		}
	}
	return 0, 0, false
}

func covered(r *renderer, i, x, y int) bool {
	m := r.masks[i]
	for _, d := range [][2]int{{0, 0}, {-9, 0}, {9, 0}, {0, -9}, {0, 9}} {
		if m.AlphaAt(x+d[0], y+d[1]).A != 0xff {
			return false
		}
		if _, _, _, a := r.overlay.At(x+d[0], y+d[1]).RGBA(); a != 0 {
			return false
		}
	}
	return true
}

// The confidence opacity is one table, wire.ConfidenceOpacity: change it and
// the pictures (and so the link previews, which are these pictures) follow.
// Not parallel: it changes the table for its own run only, before the
// parallel tests resume.
func TestPictureFollowsConfidenceOpacity(t *testing.T) {
	ds := datatest.Embedded(t)
	day := datatest.Day(t, "2022-06-01")
	saved := wire.ConfidenceOpacity
	t.Cleanup(func() { wire.ConfidenceOpacity = saved })
	wire.ConfidenceOpacity = map[data.Confidence]float64{data.ConfidenceHigh: 0.42, data.ConfidenceMedium: 0.3, data.ConfidenceLow: 0.2}
	b, err := MapPNG(ds, day, PictureOptions{Width: 800})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	l := newLayout(ds, PictureOptions{Width: 800})
	for i, lk := range looksOn(ds, day, "", l.paint) {
		if want := wire.ConfidenceOpacity[ds.StatesAt(day)[i].Interval.Confidence]; lk.opacity != want {
			t.Errorf("%s: drawn at opacity %v, the table says %v", ds.Areas[i].Name, lk.opacity, want)
		}
	}
	checkFills(t, ds, l, day, func(x, y int) color.RGBA {
		r, g, b, a := img.At(x, y).RGBA()
		return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	})
}
