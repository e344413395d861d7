package server

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawResponse sends a raw request and returns the whole answer (the server
// closes the connection after it: the request says Connection: close or
// the server gave up on it).
func rawResponse(t *testing.T, addr, req string) string {
	t.Helper()
	conn, ok := sendRaw(t, addr, req)
	if !ok {
		t.Fatal("the server took no request")
	}
	defer conn.Close()
	b, _ := io.ReadAll(conn)
	return string(b)
}

// The errors net/http answers before any handler runs are problem
// documents too: headers over the limit (431), a request without Host
// (400), a malformed request line (400) (issue 24).
func TestErrorsBeforeHandlersAreProblems(t *testing.T) {
	t.Parallel()
	addr := startServer(t, newFixtureServer(t))
	for _, tt := range []struct {
		name, req string
		status    string
	}{
		{"20 KB of headers", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + strings.Repeat("p", 20<<10) + "\r\n\r\n", "431"},
		{"a 20 KB URL", "GET /api/control?date=" + strings.Repeat("9", 20<<10) + " HTTP/1.1\r\nHost: x\r\n\r\n", "431"},
		{"no Host", "GET /healthz HTTP/1.1\r\n\r\n", "400"},
		{"a broken request line", "GET\r\nHost: x\r\n\r\n", "400"},
	} {
		resp := rawResponse(t, addr, tt.req)
		head, body, _ := strings.Cut(resp, "\r\n\r\n")
		if !strings.HasPrefix(head, "HTTP/1.1 "+tt.status+" ") || !strings.Contains(head, "Content-Type: application/problem+json") ||
			!strings.Contains(body, `"status":`+tt.status) {
			t.Errorf("%s: got\n%s", tt.name, resp)
		}
	}
}

// idleConn opens a keep-alive connection, makes one request on it and
// leaves it idle.
func idleConn(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return c
}

// At the connection cap, idle keep-alive connections make room for new
// clients (the longest idle is closed), instead of shutting them out
// until the idle timeout (issue 24).
func TestIdleConnectionsMakeRoom(t *testing.T) {
	t.Parallel()
	s := newFixtureServerWith(t, Config{MaxConns: 8})
	if s.cfg.MaxInFlight != 8 {
		t.Errorf("in-flight cap %d, want the connection cap 8", s.cfg.MaxInFlight)
	}
	addr := startServer(t, s)
	var idle []net.Conn
	for range 8 {
		idle = append(idle, idleConn(t, addr))
	}
	client := &http.Client{Timeout: 3 * time.Second}
	for i := range 3 {
		resp, err := client.Get("http://" + addr + "/healthz")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("new client %d at the cap: %v %v", i, resp, err)
		}
		resp.Body.Close()
	}
	// The oldest idle connection was closed to make room.
	_ = idle[0].SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := idle[0].Read(make([]byte, 1)); err == nil {
		t.Error("the longest-idle connection is still open")
	}
}

// The connection cap follows the descriptors the process may open.
func TestConnLimit(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		nofile uint64
		want   int
	}{{256, 192}, {1024, 960}, {20, 8}, {1 << 40, 1<<20 - fdReserve}} {
		if got := connLimit(tt.nofile); got != tt.want {
			t.Errorf("connLimit(%d) = %d, want %d", tt.nofile, got, tt.want)
		}
	}
}
