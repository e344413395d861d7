package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

// rawExchange sends req on a fresh connection and reads until the server
// closes it (or 3 s pass): it returns every byte read and whether the
// server closed the connection.
func rawExchange(t *testing.T, addr, req string) (string, bool) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(3 * time.Second))
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(conn)
	return string(b), err == nil
}

// TestAmbiguousFramingCloses: a request with both Content-Length and
// Transfer-Encoding gets 400 and the connection is closed, so the bytes
// smuggled after it are never served (RFC 9112 §6.1).
func TestAmbiguousFramingCloses(t *testing.T) {
	t.Parallel()
	addr := startServer(t, newFixtureServer(t))
	smuggled := "GET /api/sources HTTP/1.1\r\nHost: x\r\n\r\n"
	for name, req := range map[string]string{
		"CL and TE": "GET /api/areas HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled,
		"TE only":   "GET /api/areas HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled,
		"CL body":   "GET /api/areas HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}" + smuggled,
	} {
		t.Run(name, func(t *testing.T) {
			got, closed := rawExchange(t, addr, req)
			if n := strings.Count(got, "HTTP/1.1 "); n != 1 || !strings.HasPrefix(got, "HTTP/1.1 400") {
				t.Errorf("got %d answers, want one 400:\n%.300s", n, got)
			}
			if !closed {
				t.Error("the connection stayed open after an ambiguous request")
			}
		})
	}
}

// TestHeaderLimit: the request line and headers together may take 16 KB,
// as the README says; net/http's own slack must not stretch that.
func TestHeaderLimit(t *testing.T) {
	t.Parallel()
	addr := startServer(t, newFixtureServer(t))
	for _, tt := range []struct {
		size, want int
	}{{14 << 10, 200}, {maxHeaderBytes + 64, 431}, {20 << 10, 431}} {
		req := "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Pad: " + strings.Repeat("p", tt.size) + "\r\n\r\n"
		if code := rawRequest(t, addr, req); code != tt.want {
			t.Errorf("headers of %d bytes: got %d, want %d", len(req), code, tt.want)
		}
	}
}

// TestProbesAtTheCap: at the in-flight cap the liveness probe still says
// ok (a busy server is alive) and the readiness probe says busy.
func TestProbesAtTheCap(t *testing.T) {
	t.Parallel()
	s, release := atTheCap(t)
	if rec := get(t, s.Handler(), http.MethodGet, "/healthz"); rec.Code != 200 {
		t.Errorf("/healthz at the cap: got %d, want 200 (liveness is never capped)", rec.Code)
	}
	if rec := get(t, s.Handler(), http.MethodGet, "/readyz"); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("/readyz at the cap: got %d, want 503 busy", rec.Code)
	}
	release()
}

// TestShutdownPastGrace: a request still running when the grace is over
// is told to stop (its context ends) and Run still returns nil: a stop
// asked for never exits 1. The default grace outlasts the write timeout,
// so a request the server could still answer is never cut.
func TestShutdownPastGrace(t *testing.T) {
	if cfg := (Config{WriteTimeout: time.Second}).withDefaults(); cfg.ShutdownTimeout <= cfg.WriteTimeout {
		t.Errorf("default grace %v does not outlast the write timeout %v", cfg.ShutdownTimeout, cfg.WriteTimeout)
	}
	fx := newFixtureServer(t)
	clock := newHoldingClock()
	s, err := New(Config{Addr: "127.0.0.1:0", Version: "t", Logger: quietLog, Now: clock.now,
		ShutdownTimeout: 200 * time.Millisecond}, fx.ds, testWeb)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addrs, done := make(chan string, 1), make(chan error, 1)
	go func() { done <- s.Run(ctx, func(a net.Addr) { addrs <- a.String() }) }()
	addr := <-addrs
	for clock.calls.Load() == 0 { // Warm asks the time once; the request must be the one held
		time.Sleep(time.Millisecond)
	}
	clock.armed.Store(true)
	reqCtx := make(chan context.Context, 1)
	s.echo.GET("/test/held", func(c echo.Context) error {
		reqCtx <- c.Request().Context()
		clock.now()
		return c.String(200, "late")
	})
	go func() {
		if resp, err := http.Get("http://" + addr + "/test/held"); err == nil {
			resp.Body.Close()
		}
	}()
	<-clock.entered
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run returned %v after the grace, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after the grace")
	}
	if err := (<-reqCtx).Err(); err == nil {
		t.Error("the request's context was not cancelled when the grace ended")
	}
	close(clock.release)
}
