package server

import (
	"bytes"
	"context"
	"image/gif"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/controlmap/controlmap/data/datatest"
	"github.com/controlmap/controlmap/export"
)

func TestAnimationGIF(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	h := s.Handler()
	rec := get(t, h, http.MethodGet, "/api/export/animation.gif?from=2021-08-10&to=2021-09-20&width=500")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/gif" {
		t.Fatalf("got %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	g, err := gif.DecodeAll(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	from, to := datatest.Day(t, "2021-08-10"), datatest.Day(t, "2021-09-20")
	wantFrames := 2 // the first day and the last
	for _, c := range s.ds.ChangeDays() {
		if c > from && c < to {
			wantFrames++
		}
	}
	if len(g.Image) != wantFrames {
		t.Errorf("got %d frames, want %d (the first day, each change day, the last day)", len(g.Image), wantFrames)
	}
	if w := g.Config.Width; w != 480 {
		t.Errorf("width %d, want 480 (500 snapped down)", w)
	}
	// Another width that snaps to the same size is the same cached answer.
	entries, _ := s.renders.done.Stats()
	if rec := get(t, h, http.MethodGet, "/api/export/animation.gif?from=2021-08-10&to=2021-09-20&width=620"); rec.Code != 200 {
		t.Errorf("width=620: %d", rec.Code)
	}
	if after, _ := s.renders.done.Stats(); after != entries {
		t.Errorf("width=620 rendered again (%d cached, was %d), want the 480 answer reused", after, entries)
	}
	for _, bad := range []string{"?width=10", "?width=5000", "?from=2021-09-20&to=2021-08-10", "?step=-1", "?from=2021-08-01&to=2022-12-31&step=1"} {
		if rec := get(t, h, http.MethodGet, "/api/export/animation.gif"+bad); rec.Code != 400 {
			t.Errorf("%s: got %d, want 400", bad, rec.Code)
		}
	}
}

// TestLongAnimationOverTCP asks a real server, with the default 30 s write
// timeout, for the GIF that answered an empty reply after 36 s (issue 13):
// 252 frames. The answer must come within the write timeout and never be
// empty: the GIF, or a 503 with Retry-After on a machine too busy to finish
// in time, after which the retry gets the GIF.
func TestLongAnimationOverTCP(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 252 frames (several CPU seconds)")
	}
	s := newEmbeddedServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s.cfg.Addr = "127.0.0.1:0"
	addrs := make(chan string, 1)
	go func() { _ = s.Run(ctx, func(a net.Addr) { addrs <- a.String() }) }()
	url := "http://" + <-addrs + "/api/export/animation.gif?from=2021-08-01&to=2022-12-15&width=1100&step=2"
	for try := 0; try < 4; try++ {
		start := time.Now()
		resp, err := http.Get(url)
		if err != nil {
			t.Fatalf("no answer after %v: %v", time.Since(start), err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		took := time.Since(start)
		t.Logf("try %d: %d, %d bytes in %v", try, resp.StatusCode, len(body), took)
		if err != nil || len(body) == 0 || took > writeTimeout {
			t.Fatalf("an empty or late answer: %d bytes in %v (%v)", len(body), took, err)
		}
		if resp.StatusCode == 200 {
			g, err := gif.DecodeAll(bytes.NewReader(body))
			if err != nil || len(g.Image) != 252 || g.Config.Width != export.SnapGIFWidth(1100) {
				t.Fatalf("a GIF of %v frames (%v)", len(g.Image), err)
			}
			return
		}
		if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" {
			t.Fatalf("got %d, want 200 or 503 with Retry-After", resp.StatusCode)
		}
	}
	t.Fatal("still rendering after 4 tries")
}
