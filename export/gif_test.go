package export

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"sync"
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
)

// TestAnimationGIF plays the cropped frames back onto one canvas, as a
// viewer does, and checks the first and the last day's colours, that the
// last frame is 'to', and that durations follow the days between frames.
func TestAnimationGIF(t *testing.T) {
	t.Parallel()
	ds := datatest.Embedded(t)
	from, to := datatest.Day(t, "2021-08-10"), datatest.Day(t, "2021-09-20")
	b, err := AnimationGIF(context.Background(), ds, GIFOptions{From: from, To: to, Width: 500}, nil)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	days := gifDays(ds, from, to, 0)
	if len(g.Image) != len(days) || days[len(days)-1] != to {
		t.Fatalf("%d frames, want %d ending on %s", len(g.Image), len(days), to)
	}
	if g.Config.Width != 480 {
		t.Errorf("width %d, want 480 (500 snapped down)", g.Config.Width)
	}
	l := newLayout(ds, PictureOptions{Width: 480})
	for _, f := range []int{0, len(days) - 1} {
		canvas := playTo(g, f)
		checkFills(t, ds, l, days[f], func(x, y int) color.RGBA {
			return g.Config.ColorModel.(color.Palette)[canvas.ColorIndexAt(x, y)].(color.RGBA)
		})
	}
	for i, dl := range g.Delay {
		if dl < gifFloor || dl > gifLast || (i < len(days)-1 && dl != frameDelay(days, i)) {
			t.Errorf("frame %d lasts %d", i, dl)
		}
	}
}

// playTo composes frames 0..n onto one canvas (DisposalNone).
func playTo(g *gif.GIF, n int) *image.Paletted {
	canvas := image.NewPaletted(image.Rect(0, 0, g.Config.Width, g.Config.Height), g.Config.ColorModel.(color.Palette))
	for _, f := range g.Image[:n+1] {
		for y := f.Rect.Min.Y; y < f.Rect.Max.Y; y++ {
			for x := f.Rect.Min.X; x < f.Rect.Max.X; x++ {
				canvas.SetColorIndex(x, y, f.ColorIndexAt(x, y))
			}
		}
	}
	return canvas
}

func TestAnimationGIFLimits(t *testing.T) {
	t.Parallel()
	ds := datatest.Embedded(t)
	tests := []struct {
		name string
		o    GIFOptions
		want error
	}{
		{"a frame a day over 500 days", GIFOptions{From: datatest.Day(t, "2021-08-01"), To: datatest.Day(t, "2022-12-31"), Width: 480, Step: 1}, ErrTooManyFrames},
		{"too many pixels", GIFOptions{From: datatest.Day(t, "2021-08-01"), To: datatest.Day(t, "2022-12-31"), Width: 1200, Step: 2}, ErrTooManyFrames},
	}
	for _, tc := range tests {
		if _, err := AnimationGIF(context.Background(), ds, tc.o, nil); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	o := GIFOptions{From: datatest.Day(t, "2021-08-01"), To: datatest.Day(t, "2022-12-31"), Width: 480, Step: 30}
	if _, err := AnimationGIF(ctx, ds, o, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled render: %v, want context.Canceled", err)
	}
}

func TestSnapGIFWidth(t *testing.T) {
	t.Parallel()
	for _, tc := range [][2]int{{480, 480}, {479, 480}, {639, 480}, {640, 640}, {1199, 960}, {1200, 1200}} {
		if got := SnapGIFWidth(tc[0]); got != tc[1] {
			t.Errorf("SnapGIFWidth(%d) = %d, want %d", tc[0], got, tc[1])
		}
	}
}

// Each frame carries its day's headline: the frames have a band for it
// and the headline is asked for every frame's day (issue 25).
func TestAnimationGIFHeadlines(t *testing.T) {
	t.Parallel()
	ds := datatest.Embedded(t)
	from, to := datatest.Day(t, "2021-08-10"), datatest.Day(t, "2021-09-20")
	var mu sync.Mutex
	asked := map[data.Day]bool{}
	headline := func(d data.Day) string {
		mu.Lock()
		asked[d] = true
		mu.Unlock()
		return "the headline of " + d.String()
	}
	plain, err := AnimationGIF(context.Background(), ds, GIFOptions{From: from, To: to, Width: 480}, nil)
	if err != nil {
		t.Fatal(err)
	}
	with, err := AnimationGIF(context.Background(), ds, GIFOptions{From: from, To: to, Width: 480, Headline: headline}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := gif.DecodeConfig(bytes.NewReader(plain))
	w, _ := gif.DecodeConfig(bytes.NewReader(with))
	if w.Height <= p.Height {
		t.Errorf("frames with headlines are %d px high, without %d: no band for the headline", w.Height, p.Height)
	}
	for _, d := range gifDays(ds, from, to, 0) {
		if !asked[d] {
			t.Errorf("no headline asked for the frame of %s", d)
		}
	}
}
