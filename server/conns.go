package server

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// The connections the server holds are bounded by the file descriptors the
// process may open: under `ulimit -n 256`, 246 idle keep-alive connections
// used to shut every new client out until they timed out. connGuard keeps
// the count under a limit derived from RLIMIT_NOFILE and, when a new client
// needs room, closes the connection that has been idle longest; only when
// none is idle is the newcomer told to come back (503, Retry-After).

// fdReserve is what the server keeps for itself: the data files, the
// GeoPackage and animation temporaries, the log, the listener.
const fdReserve = 64

// connLimit is the number of connections a process allowed nofile
// descriptors may hold, never below 8.
func connLimit(nofile uint64) int {
	if nofile > 1<<20 {
		nofile = 1 << 20
	}
	return max(8, int(nofile)-fdReserve)
}

// nofileLimit is the process's current RLIMIT_NOFILE (Go raises the soft
// limit to the hard one at start-up on Linux).
func nofileLimit() uint64 {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r); err != nil {
		return 1024
	}
	return r.Cur
}

// connGuard is a listener that bounds its open connections, evicting the
// longest-idle one to make room. Its ConnState method must be the
// http.Server's ConnState hook: that is how it learns which are idle.
// Every request passes through ConnState twice (active, then idle), so a
// connection's idle time is an atomic on the connection itself: only
// opening and closing take the lock.
type connGuard struct {
	net.Listener
	max int

	mu   sync.Mutex
	open map[*problemConn]struct{}
}

func newConnGuard(ln net.Listener, max int) *connGuard {
	return &connGuard{Listener: ln, max: max, open: map[*problemConn]struct{}{}}
}

// Accept accepts a connection, making room for it if the guard is full.
// A new connection counts as idle (since now) until its first request
// arrives: a client that connects and says nothing can be evicted too.
func (g *connGuard) Accept() (net.Conn, error) {
	for {
		c, err := g.Listener.Accept()
		if err != nil {
			return nil, err
		}
		pc := &problemConn{Conn: c}
		pc.idleSince.Store(time.Now().UnixNano())
		g.mu.Lock()
		if len(g.open) >= g.max {
			oldest := g.longestIdleLocked()
			if oldest == nil {
				g.mu.Unlock()
				turnAway(c)
				continue
			}
			delete(g.open, oldest)
			_ = oldest.Close()
		}
		g.open[pc] = struct{}{}
		g.mu.Unlock()
		return pc, nil
	}
}

func (g *connGuard) longestIdleLocked() *problemConn {
	var oldest *problemConn
	var since int64
	for c := range g.open {
		if t := c.idleSince.Load(); t != 0 && (oldest == nil || t < since) {
			oldest, since = c, t
		}
	}
	return oldest
}

// ConnState tracks the connections' states (http.Server.ConnState).
func (g *connGuard) ConnState(c net.Conn, st http.ConnState) {
	pc, ok := c.(*problemConn)
	if !ok {
		return
	}
	switch st {
	case http.StateIdle:
		pc.idleSince.Store(time.Now().UnixNano())
	case http.StateActive:
		pc.idleSince.Store(0)
	case http.StateClosed, http.StateHijacked:
		g.mu.Lock()
		delete(g.open, pc)
		g.mu.Unlock()
	}
}

// turnAway answers a connection there is no room for with a 503 problem
// and closes it.
func turnAway(c net.Conn) {
	_ = c.SetWriteDeadline(time.Now().Add(time.Second))
	_, _ = c.Write(problemResponse(http.StatusServiceUnavailable, "the server holds as many connections as it may open: retry in a second", "Retry-After: 1\r\n"))
	if cw, ok := c.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite() // a FIN before the close: the client reads the answer, not a reset
	}
	_ = c.Close()
}

// problemResponse is a whole HTTP/1.1 answer carrying an RFC 9457 problem,
// for the answers written outside any handler.
func problemResponse(status int, detail, extraHeaders string) []byte {
	body, _ := json.Marshal(problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail})
	return []byte("HTTP/1.1 " + strconv.Itoa(status) + " " + http.StatusText(status) + "\r\n" +
		"Content-Type: application/problem+json\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n" +
		extraHeaders + "Connection: close\r\n\r\n" + string(body))
}

// problemConn turns the plain-text errors net/http writes by itself, before
// any handler runs (431 for headers over the limit, 400 for a malformed
// request), into problem documents like every other error. net/http writes
// each in a single Write whose headers end with plainErrorHeaders; no
// handler's answer does (they are problem+json or documents), so the
// match is exact.
type problemConn struct {
	net.Conn
	idleSince atomic.Int64 // Unix nanoseconds; 0 while a request is served (connGuard)
}

// CloseWrite and ReadFrom pass through to the TCP connection: net/http
// half-closes before closing after an error answer (so the client reads
// it), and sends files with sendfile through ReadFrom.
func (c *problemConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

func (c *problemConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(c.Conn, r)
}

var plainErrorHeaders = []byte("\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n")

func (c *problemConn) Write(b []byte) (int, error) {
	if len(b) > 512 || !bytes.HasPrefix(b, []byte("HTTP/1.1 4")) {
		return c.Conn.Write(b)
	}
	line, rest, ok := bytes.Cut(b, plainErrorHeaders)
	if !ok || bytes.ContainsAny(line, "\r\n") {
		return c.Conn.Write(b)
	}
	status, err := strconv.Atoi(string(line[len("HTTP/1.1 "):min(len(line), len("HTTP/1.1 ")+3)]))
	if err != nil {
		return c.Conn.Write(b)
	}
	if _, err := c.Conn.Write(problemResponse(status, string(rest), "")); err != nil {
		return 0, err
	}
	return len(b), nil
}
