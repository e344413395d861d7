package server

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// holdingClock is a server clock that can hold the next request that asks
// the time, as a slow handler would, until released: the in-flight cap and
// the graceful shutdown are tested through New and Run, with no wrapper.
type holdingClock struct {
	armed   atomic.Bool
	calls   atomic.Int64
	entered chan struct{}
	release chan struct{}
}

func newHoldingClock() *holdingClock {
	return &holdingClock{entered: make(chan struct{}), release: make(chan struct{})}
}

func (h *holdingClock) now() time.Time {
	h.calls.Add(1)
	if h.armed.CompareAndSwap(true, false) {
		close(h.entered)
		<-h.release
	}
	return fixedNow
}

// atTheCap builds a server with an in-flight cap of one and holds a request
// in it; release lets that request finish and returns its status.
func atTheCap(t *testing.T) (s *Server, release func() int) {
	t.Helper()
	fx := newFixtureServer(t)
	clock := newHoldingClock()
	s, err := New(Config{Version: "t", Logger: quietLog, MaxInFlight: 1, Now: clock.now}, fx.ds, testWeb)
	if err != nil {
		t.Fatal(err)
	}
	clock.armed.Store(true)
	first := make(chan int)
	go func() { first <- get(t, s.Handler(), http.MethodGet, "/api/control").Code }()
	<-clock.entered
	return s, func() int { close(clock.release); return <-first }
}

func TestInFlightCap(t *testing.T) {
	t.Parallel()
	s, release := atTheCap(t)
	second := get(t, s.Handler(), http.MethodGet, "/api/areas")
	if second.Code != http.StatusTooManyRequests || second.Header().Get("Retry-After") == "" {
		t.Errorf("at the cap: got %d, Retry-After %q; want 429 with Retry-After", second.Code, second.Header().Get("Retry-After"))
	}
	if code := release(); code != 200 {
		t.Errorf("the request in flight got %d, want 200", code)
	}
	if again := get(t, s.Handler(), http.MethodGet, "/api/areas"); again.Code != 200 {
		t.Errorf("after the cap freed: got %d, want 200", again.Code)
	}
}

func TestPerClientRateLimit(t *testing.T) {
	t.Parallel()
	fx := newFixtureServer(t)
	s, err := New(Config{Version: "t", Logger: quietLog, RatePerClient: 1, RateBurst: 3}, fx.ds, testWeb)
	if err != nil {
		t.Fatal(err)
	}
	var codes []int
	for i := 0; i < 5; i++ {
		req := httptest.NewRequest(http.MethodGet, "/api/sources", nil)
		req.RemoteAddr = "192.0.2.7:1234"
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("198.51.100.%d", i)) // not trusted
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		codes = append(codes, rec.Code)
		if rec.Code == http.StatusTooManyRequests && rec.Header().Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
	}
	if codes[0] != 200 || codes[2] != 200 || codes[4] != http.StatusTooManyRequests {
		t.Errorf("got %v, want 200s for the burst of 3, then 429", codes)
	}
	other := httptest.NewRequest(http.MethodGet, "/api/sources", nil)
	other.RemoteAddr = "192.0.2.8:1234"
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, other)
	if rec.Code != 200 {
		t.Errorf("another client got %d, want 200", rec.Code)
	}
}

// TestSlowClientIsCut: a client that never finishes its headers
// (slowloris) is disconnected after the read-header timeout.
func TestSlowClientIsCut(t *testing.T) {
	fx := newFixtureServer(t)
	s, err := New(Config{Version: "t", Logger: quietLog, ReadHeaderTimeout: 300 * time.Millisecond}, fx.ds, testWeb)
	if err != nil {
		t.Fatal(err)
	}
	addr := startServer(t, s)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	_, _ = io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\n") // and never the blank line
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err = io.ReadAll(conn)
	if elapsed := time.Since(start); err != nil || elapsed > 3*time.Second {
		t.Errorf("slow client held the connection for %v (err %v), want it cut after about 300 ms", elapsed, err)
	}
}

// TestGracefulShutdown: cancelling the context (as SIGTERM does) lets the
// request in flight finish, refuses new connections, and returns nil.
func TestGracefulShutdown(t *testing.T) {
	fx := newFixtureServer(t)
	clock := newHoldingClock()
	s, err := New(Config{Addr: "127.0.0.1:0", Version: "t", Logger: quietLog, Now: clock.now}, fx.ds, testWeb)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, func(a net.Addr) { addrs <- a.String() }) }()
	addr := <-addrs
	for clock.calls.Load() == 0 { // Warm asks the time once; the request must be the one held
		time.Sleep(time.Millisecond)
	}
	clock.armed.Store(true)
	type result struct {
		code int
		err  error
	}
	inflight := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/api/control")
		if err != nil {
			inflight <- result{0, err}
			return
		}
		resp.Body.Close()
		inflight <- result{resp.StatusCode, nil}
	}()
	<-clock.entered
	cancel()
	time.Sleep(100 * time.Millisecond)
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Error("a new connection was accepted during shutdown")
	}
	close(clock.release)
	if r := <-inflight; r.err != nil || r.code != 200 {
		t.Errorf("the request in flight: got %d, %v; want 200", r.code, r.err)
	}
	if err := <-done; err != nil {
		t.Errorf("Run returned %v, want nil after a graceful stop", err)
	}
}
