package server

import (
	"bytes"
	"image/color"
	"image/gif"
	"net/http"
	"testing"

	"github.com/controlmap/controlmap/data"
)

func TestAnimationGIF(t *testing.T) {
	s := newEmbeddedServer(t)
	h := s.Handler()
	rec := get(t, h, http.MethodGet, "/api/export/animation.gif?from=2021-08-10&to=2021-09-20&width=480")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/gif" {
		t.Fatalf("got %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	g, err := gif.DecodeAll(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	from, to := d(t, "2021-08-10"), d(t, "2021-09-20")
	wantFrames := 1
	for _, c := range s.ds.ChangeDays() {
		if c > from && c <= to {
			wantFrames++
		}
	}
	if len(g.Image) != wantFrames {
		t.Errorf("got %d frames, want %d (the first day and each change day)", len(g.Image), wantFrames)
	}
	if w := g.Config.Width; w != 480 {
		t.Errorf("width %d, want 480", w)
	}
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
	if got := px(0); got != statusColours[data.StatusRepublic] {
		t.Errorf("Paryan on the first frame: %v, want republic blue", got)
	}
	if got := px(len(g.Image) - 1); got != statusColours[data.StatusTaliban] {
		t.Errorf("Paryan on the last frame: %v, want Taliban vermillion", got)
	}
	for _, bad := range []string{"?width=10", "?width=5000", "?from=2021-09-20&to=2021-08-10", "?step=-1", "?from=2021-08-01&to=2022-12-31&step=1"} {
		if rec := get(t, h, http.MethodGet, "/api/export/animation.gif"+bad); rec.Code != 400 {
			t.Errorf("%s: got %d, want 400", bad, rec.Code)
		}
	}
}
