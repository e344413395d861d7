package server

import (
	"bytes"
	"image/gif"
	"net/http"
	"testing"
)

func TestAnimationGIF(t *testing.T) {
	t.Parallel()
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
	for _, bad := range []string{"?width=10", "?width=5000", "?from=2021-09-20&to=2021-08-10", "?step=-1", "?from=2021-08-01&to=2022-12-31&step=1"} {
		if rec := get(t, h, http.MethodGet, "/api/export/animation.gif"+bad); rec.Code != 400 {
			t.Errorf("%s: got %d, want 400", bad, rec.Code)
		}
	}
}
