package export

import (
	"bytes"
	"image/color"
	"image/gif"
	"testing"

	"github.com/controlmap/controlmap/data"
)

// embedded loads the real dataset; under -short, without the boundaries
// that 'make build' derives, the test is skipped.
func embedded(t *testing.T) *data.Dataset {
	t.Helper()
	ds, err := data.LoadEmbedded()
	if err != nil {
		if testing.Short() {
			t.Skipf("no derived boundaries ('make build' makes them): %v", err)
		}
		t.Fatalf("embedded dataset (run 'make build' first): %v", err)
	}
	return ds
}

func TestAnimationGIFColours(t *testing.T) {
	t.Parallel()
	ds := embedded(t)
	from, to := mustDay(t, "2021-08-10"), mustDay(t, "2021-09-20")
	b0, err := AnimationGIF(ds, from, to, 480, 0)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(b0))
	if err != nil {
		t.Fatal(err)
	}
	s := struct{ ds *data.Dataset }{ds}
	// A pixel inside Paryan, below its name: republic blue on the first
	// frame, Taliban vermillion on the last.
	b := s.ds.Areas[0].Display.Bound()
	for _, a := range s.ds.Areas[1:] {
		b = b.Union(a.Display.Bound())
	}
	proj := newGIFProjection(b, 480)
	paryan := s.ds.Areas[s.ds.AreaIndex("AF0807")]
	x, y := proj.xy(paryan.Label)
	px := func(frame int) color.RGBA {
		r, gg, bb, a := g.Image[frame].At(int(x), int(y)+12).RGBA()
		return color.RGBA{uint8(r >> 8), uint8(gg >> 8), uint8(bb >> 8), uint8(a >> 8)}
	}
	if got := px(0); got != palette[data.StatusRepublic] {
		t.Errorf("Paryan on the first frame: %v, want republic blue", got)
	}
	if got := px(len(g.Image) - 1); got != palette[data.StatusTaliban] {
		t.Errorf("Paryan on the last frame: %v, want Taliban vermillion", got)
	}
	if _, err := AnimationGIF(ds, mustDay(t, "2021-08-01"), mustDay(t, "2022-12-31"), 480, 1); err == nil {
		t.Error("an animation over the frame limit was rendered")
	}
}

func mustDay(t *testing.T, s string) data.Day {
	t.Helper()
	d, err := data.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
