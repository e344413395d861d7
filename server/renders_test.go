package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// fakeRender is a render that draws a frame each time it is stepped, and
// reports whether it was stopped.
type fakeRender struct {
	step    chan struct{}
	stopped chan error
}

func newFakeRender() *fakeRender {
	return &fakeRender{step: make(chan struct{}), stopped: make(chan error, 1)}
}

func (f *fakeRender) render(ctx context.Context, progress func(int, int)) (*rep.Rep, error) {
	for i := range 3 {
		progress(i, 3)
		select {
		case <-f.step:
		case <-ctx.Done():
			f.stopped <- ctx.Err()
			return nil, ctx.Err()
		}
	}
	f.stopped <- nil
	return rep.New(wire.TypeGIF, rep.CachePastDay, []byte("GIF89a")), nil
}

// renderRequest asks rs for key from a goroutine; the result comes on the
// channel. cancel stands for the client hanging up.
func renderRequest(rs *renders, key any, f *fakeRender) (cancel context.CancelFunc, res chan error, rec *httptest.ResponseRecorder) {
	return clientRenderRequest(rs, "192.0.2.1", key, f)
}

// clientRenderRequest is renderRequest from the client at address ip.
func clientRenderRequest(rs *renders, ip string, key any, f *fakeRender) (cancel context.CancelFunc, res chan error, rec *httptest.ResponseRecorder) {
	ctx, cancel := context.WithCancel(context.Background())
	req := httptest.NewRequest(http.MethodGet, "/x", nil).WithContext(ctx)
	req.RemoteAddr = ip + ":1234"
	rec = httptest.NewRecorder()
	c := echo.New().NewContext(req, rec)
	res = make(chan error, 1)
	go func() { _, err := rs.get(c, key, f.render); res <- err }()
	return cancel, res, rec
}

// TestRendersBusy: past the slots, 429 with Retry-After; the render in
// progress finishes and is cached.
func TestRendersBusy(t *testing.T) {
	t.Parallel()
	rs := newRenders(1, 0, 30*time.Second, context.Background())
	a, b := newFakeRender(), newFakeRender()
	_, resA, _ := renderRequest(rs, "a", a)
	waitFor(t, func() bool { rs.mu.Lock(); defer rs.mu.Unlock(); return len(rs.jobs) == 1 })
	_, resB, recB := clientRenderRequest(rs, "192.0.2.2", "b", b)
	err := <-resB
	if he, ok := err.(*echo.HTTPError); !ok || he.Code != 429 || recB.Header().Get("Retry-After") == "" {
		t.Errorf("second render: %v (Retry-After %q), want 429 with Retry-After", err, recB.Header().Get("Retry-After"))
	}
	close(a.step)
	if err := <-resA; err != nil {
		t.Errorf("first render: %v", err)
	}
	if _, ok := rs.done.Peek("a"); !ok {
		t.Error("the finished render is not cached")
	}
}

// TestRendersStopWhenClientGoes: the render stops when its only client goes.
func TestRendersStopWhenClientGoes(t *testing.T) {
	t.Parallel()
	rs := newRenders(1, 0, 30*time.Second, context.Background())
	f := newFakeRender()
	cancel, res, _ := renderRequest(rs, "a", f)
	waitFor(t, func() bool { rs.mu.Lock(); defer rs.mu.Unlock(); return len(rs.jobs) == 1 })
	cancel()
	<-res
	if err := <-f.stopped; err == nil {
		t.Error("the render went on after its client left")
	}
}

// TestRendersStopOnShutdown: shutdown stops renders and answers 503.
func TestRendersStopOnShutdown(t *testing.T) {
	t.Parallel()
	stop, shutdown := context.WithCancel(context.Background())
	rs := newRenders(1, 0, 30*time.Second, stop)
	f := newFakeRender()
	_, res, _ := renderRequest(rs, "a", f)
	waitFor(t, func() bool { rs.mu.Lock(); defer rs.mu.Unlock(); return len(rs.jobs) == 1 })
	shutdown()
	if he, ok := (<-res).(*echo.HTTPError); !ok || he.Code != 503 {
		t.Errorf("got %v, want 503", he)
	}
}

// TestRendersPastPatience: past the patience, 503 with the progress; the
// render finishes in the background for the retry.
func TestRendersPastPatience(t *testing.T) {
	t.Parallel()
	rs := newRenders(1, 0, 0, context.Background())
	rs.patience = 50 * time.Millisecond
	f := newFakeRender()
	cancel, res, rec := renderRequest(rs, "a", f)
	f.step <- struct{}{}
	he, ok := (<-res).(*echo.HTTPError)
	if !ok || he.Code != 503 || !strings.Contains(he.Message.(string), "of 3 frames") || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("got %v, want 503 with the progress and Retry-After", he)
	}
	cancel() // the client goes, as told
	close(f.step)
	if err := <-f.stopped; err != nil {
		t.Errorf("the detached render was stopped: %v", err)
	}
	waitFor(t, func() bool { _, ok := rs.done.Peek("a"); return ok })
}

// TestRendersShareByClient: one client holds at most half the slots; its
// excess gets 429 while another client's render starts (issue 24: one
// client asking for distinct GIFs held the only slot).
func TestRendersShareByClient(t *testing.T) {
	t.Parallel()
	rs := newRenders(2, 0, 30*time.Second, context.Background())
	a, b, c := newFakeRender(), newFakeRender(), newFakeRender()
	_, resA, _ := clientRenderRequest(rs, "192.0.2.1", "a", a)
	waitFor(t, func() bool { rs.mu.Lock(); defer rs.mu.Unlock(); return len(rs.jobs) == 1 })
	_, resB, _ := clientRenderRequest(rs, "192.0.2.1", "b", b)
	if he, ok := (<-resB).(*echo.HTTPError); !ok || he.Code != 429 {
		t.Errorf("the same client's second render: %v, want 429", he)
	}
	_, resC, _ := clientRenderRequest(rs, "192.0.2.9", "c", c)
	waitFor(t, func() bool { rs.mu.Lock(); defer rs.mu.Unlock(); return len(rs.jobs) == 2 })
	close(a.step)
	close(c.step)
	if err := <-resA; err != nil {
		t.Errorf("a: %v", err)
	}
	if err := <-resC; err != nil {
		t.Errorf("another client's render: %v", err)
	}
	if len(rs.held) != 0 {
		t.Errorf("slots still held after the renders: %v", rs.held)
	}
}

// TestRendersQueue: with a queue time, a request waits for the busy slot
// instead of a 429, and gets its render when the slot frees.
func TestRendersQueue(t *testing.T) {
	t.Parallel()
	rs := newRenders(1, 5*time.Second, 30*time.Second, context.Background())
	a, b := newFakeRender(), newFakeRender()
	_, resA, _ := clientRenderRequest(rs, "192.0.2.1", "a", a)
	waitFor(t, func() bool { rs.mu.Lock(); defer rs.mu.Unlock(); return len(rs.jobs) == 1 })
	_, resB, _ := clientRenderRequest(rs, "192.0.2.2", "b", b)
	close(a.step)
	close(b.step)
	if err := <-resA; err != nil {
		t.Errorf("a: %v", err)
	}
	if err := <-resB; err != nil {
		t.Errorf("the queued render: %v, want it drawn once the slot freed", err)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
	}
}

// TestGIFsDoNotStarveThePreviews: while one client renders an animation,
// another client's link-preview pictures of new days are drawn, not 429
// (issue 24 saw 26 of 26 refused).
func TestGIFsDoNotStarveThePreviews(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	h := s.Handler()
	from := func(ip, target string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		req.RemoteAddr = ip + ":1234"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	gif := make(chan int, 1)
	go func() { gif <- from("192.0.2.1", "/api/export/animation.gif?width=1100").Code }()
	waitFor(t, func() bool {
		s.renders.mu.Lock()
		defer s.renders.mu.Unlock()
		return len(s.renders.jobs) == 1 || len(gif) == 1
	})
	for _, day := range []string{"2021-08-15", "2021-08-16", "2021-08-23", "2021-09-02", "2021-09-07", "2022-05-20"} {
		if rec := from("192.0.2.2", "/api/export/map.png?preset=social&date="+day); rec.Code != 200 {
			t.Errorf("the preview of %s while a GIF renders: %d %s", day, rec.Code, rec.Body)
		}
	}
	if code := <-gif; code != 200 && code != 503 {
		t.Errorf("the GIF: %d", code)
	}
}
