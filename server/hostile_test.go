package server

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rawRequest sends bytes as they are and returns the status code of the
// answer (0 if the connection closed without one).
func rawRequest(t *testing.T, addr, req string) int {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, req); err != nil {
		return 0
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return 0
	}
	f := strings.Fields(line)
	if len(f) < 2 {
		return 0
	}
	code, _ := strconv.Atoi(f[1])
	return code
}

// startServer runs s with its real http.Server (timeouts, header limit) on
// a loopback port until the test ends, and returns the address.
func startServer(t *testing.T, s *Server) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, func(a net.Addr) { addrs <- a.String() }) }()
	var addr string
	select {
	case addr = <-addrs:
	case err := <-done:
		t.Fatalf("run: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return addr
}

// hostileRequest is a raw request and the 4xx it deserves (400 also
// accepts any 4xx), or 200 for a request that is odd but valid (an offset
// past the end is an empty page).
type hostileRequest struct {
	name string
	req  string // a raw request line and headers, or a path for GET
	want int
}

// longValue is longer than any request target may be.
var longValue = strings.Repeat("a", 3000)

// hostileRequests are the requests TestHostileRequests sends raw.
var hostileRequests = []hostileRequest{
	{"impossible date", "/api/control?date=2021-02-31", 400},
	{"date with time", "/api/control?date=2021-09-06T00:00:00Z", 400},
	{"date with GDAL's T", "/api/control?date=2021-09-06T", 400},
	{"year zero", "/api/control?date=0000-01-01", 400},
	{"five-digit year", "/api/control?date=10000-01-01", 400},
	{"negative year", "/api/control?date=-2021-09-06", 400},
	{"SQL in date", "/api/control?date=2021-09-06'%20OR%201=1--", 400},
	{"script in date", "/api/control?date=%3Cscript%3Ealert(1)%3C/script%3E", 400},
	{"NUL in date", "/api/control?date=2021-09-06%00", 400},
	{"unicode digits", "/api/control?date=%D9%A2%D9%A0%D9%A2%D9%A1-09-06", 400},
	{"empty date", "/api/control?date=", 400},
	{"repeated date", "/api/control?date=2021-09-06&date=2021-09-07", 400},
	{"unknown parameter", "/api/control?callback=x", 400},
	{"parameter without value", "/api/control?date", 400},
	{"percent garbage in query", "/api/control?date=%zz", 400},
	{"huge parameter", "/api/control?date=" + longValue, 414},
	{"bad detail", "/api/areas?detail=../../etc/passwd", 400},
	{"detail case", "/api/areas?detail=FULL", 400},
	{"events reversed", "/api/events?from=2022-01-01&to=2021-01-01", 400},
	{"events bad to", "/api/events?to=tomorrow", 400},
	{"events overflow", "/api/events?from=99999999999999999999", 400},
	{"timeline with params", "/api/timeline?date=2021-09-06", 400},
	{"traversal", "/../../../etc/passwd", 404},
	{"encoded traversal", "/%2e%2e/%2e%2e/etc/passwd", 404},
	{"double-encoded traversal", "/%252e%252e/etc/passwd", 404},
	{"encoded slash", "/js%2f..%2f..%2fgo.mod", 404},
	{"backslash traversal", "/js/..%5c..%5cgo.mod", 404},
	{"NUL in path", "/index.html%00", 404},
	{"NUL before extension", "/js/main.js%00.html", 404},
	{"dot file", "/.git/config", 404},
	{"directory", "/js/", 404},
	{"vendor directory", "/vendor/leaflet/", 404},
	{"unknown api", "/api/admin", 404},
	{"api with trailing slash", "/api/control/", 404},
	{"long path", "/" + longValue, 414},
	{"overlong UTF-8 path", "/%c0%ae%c0%ae/etc/passwd", 404},
	{"raw: POST", "POST /api/control HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", 405},
	{"raw: PUT", "PUT /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx", 405},
	{"raw: DELETE", "DELETE /api/sources HTTP/1.1\r\nHost: x\r\n\r\n", 405},
	{"raw: TRACE", "TRACE / HTTP/1.1\r\nHost: x\r\n\r\n", 405},
	{"raw: made-up method", "BREW /api/control HTTP/1.1\r\nHost: x\r\n\r\n", 405},
	{"raw: GET with a body", "GET /api/control HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", 400},
	{"raw: GET chunked body", "GET /api/areas HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400},
	{"raw: no Host", "GET /api/control HTTP/1.1\r\n\r\n", 400},
	{"raw: two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400},
	{"raw: malformed version", "GET / HTTP/1.1.1\r\nHost: x\r\n\r\n", 400},
	{"raw: space in target", "GET /api/con trol HTTP/1.1\r\nHost: x\r\n\r\n", 400},
	{"raw: header without colon", "GET / HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n", 400},
	{"raw: huge header", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("b", 40<<10) + "\r\n\r\n", 431},
	{"raw: negative length", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400},
	{"raw: absolute-form other host", "GET http://evil.example/api/control?date=x HTTP/1.1\r\nHost: evil.example\r\n\r\n", 400},
	{"raw: NUL in header", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n", 400},
	{"raw: CONNECT", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n", 400},
	// OGC offsets and limits at the integer limits (issue 15.1: one panicked).
	{"ogc offset at MaxInt64", "/ogc/collections/control/items?offset=9223372036854775807&limit=1", 200},
	{"ogc offset and limit at MaxInt64, HTML", "/ogc/collections/control/items?offset=9223372036854775807&limit=9223372036854775807&f=html", 200},
	{"ogc offset past MaxInt64", "/ogc/collections/control/items?offset=9223372036854775808", 400},
	{"ogc offset at MinInt64", "/ogc/collections/control/items?offset=-9223372036854775808", 400},
	{"ogc limit at MinInt64", "/ogc/collections/control/items?limit=-9223372036854775808", 400},
	{"ogc limit past MaxInt64", "/ogc/collections/control/items?limit=99999999999999999999", 400},
	{"ogc html offset at MaxInt64", "/ogc/collections/control/items?offset=9223372036854775807&limit=9223372036854775807&f=html&bbox=x", 400},
	{"ogc bad CQL2", "/ogc/collections/control/items?filter=status%20%3D%20%27a", 400},
	{"ogc unknown queryable", "/ogc/collections/control/items?filter=party%3D%27taliban%27", 400},
	{"ogc filter-lang json", "/ogc/collections/control/items?filter-lang=cql2-json", 400},
	// Host games (issue 15.7): a Host that is not a host name never reaches a link.
	{"raw: quote in Host, OGC", "GET /ogc HTTP/1.1\r\nHost: a'b\r\nConnection: close\r\n\r\n", 400},
	{"raw: markup in Host, qlr", "GET /api/export/controlmap.qlr HTTP/1.1\r\nHost: a&b\r\nConnection: close\r\n\r\n", 400},
	{"raw: forwarded host not trusted, bad Host", "GET /ogc/collections HTTP/1.1\r\nHost: a(b)\r\nX-Forwarded-Host: x\r\nConnection: close\r\n\r\n", 400},
}

// TestHostileRequests: none of these may crash the server or get a 5xx;
// each gets the 4xx it deserves.
func TestHostileRequests(t *testing.T) {
	t.Parallel()
	addr := startServer(t, newEmbeddedServer(t))
	tests := hostileRequests
	if len(tests) < 50 {
		t.Fatalf("only %d hostile requests; the table promises at least 50", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var code int
			if strings.HasPrefix(tt.name, "raw: ") {
				code = rawRequest(t, addr, tt.req)
			} else {
				code = rawRequest(t, addr, "GET "+tt.req+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
			}
			if tt.want == 200 {
				if code != 200 {
					t.Errorf("got %d, want 200", code)
				}
				return
			}
			if code < 400 || code >= 500 {
				t.Fatalf("got %d, want a 4xx (%d)", code, tt.want)
			}
			if tt.want != 400 && code != tt.want {
				t.Errorf("got %d, want %d", code, tt.want)
			}
		})
	}
	// Still alive and well after all that.
	if code := rawRequest(t, addr, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"); code != 200 {
		t.Errorf("after the hostile requests /healthz got %d", code)
	}
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	h := newFixtureServer(t).Handler()
	for _, target := range []string{"/", "/index.html", "/ogc?f=html", "/api/control?date=2021-09-05", "/api/control?date=bad", "/nothing"} {
		rec := get(t, h, http.MethodGet, target)
		hd := rec.Header()
		csp := hd.Get("Content-Security-Policy")
		if document := strings.HasPrefix(hd.Get("Content-Type"), "text/html"); document {
			if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors *") {
				t.Errorf("%s: CSP %q", target, csp)
			}
			if hd.Get("Referrer-Policy") == "" {
				t.Errorf("%s: no referrer policy", target)
			}
		} else if target == "/" || target == "/index.html" || target == "/ogc?f=html" {
			t.Errorf("%s: served as %q, want HTML", target, hd.Get("Content-Type"))
		}
		if hd.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: nosniff %q", target, hd.Get("X-Content-Type-Options"))
		}
		if hd.Get("Access-Control-Allow-Origin") != "*" || hd.Get("Access-Control-Allow-Credentials") != "" {
			t.Errorf("%s: CORS origin %q, credentials %q", target, hd.Get("Access-Control-Allow-Origin"), hd.Get("Access-Control-Allow-Credentials"))
		}
		if hd.Get("X-Frame-Options") != "" {
			t.Errorf("%s: X-Frame-Options %q would stop embedding", target, hd.Get("X-Frame-Options"))
		}
	}
	req := httptest.NewRequest(http.MethodOptions, "/api/control", nil)
	req.Header.Set("Origin", "https://news.example")
	req.Header.Set("Access-Control-Request-Method", "GET")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNoContent || !strings.Contains(rec.Header().Get("Access-Control-Allow-Methods"), "GET") {
		t.Errorf("preflight: got %d, methods %q", rec.Code, rec.Header().Get("Access-Control-Allow-Methods"))
	}
}

func TestReady(t *testing.T) {
	t.Parallel()
	h := newFixtureServer(t).Handler()
	if rec := get(t, h, http.MethodGet, "/readyz"); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"ready":true`) {
		t.Errorf("readyz: got %d %s", rec.Code, rec.Body)
	}
	if rec := get(t, h, http.MethodGet, "/healthz"); rec.Code != 200 || !strings.HasPrefix(rec.Body.String(), "ok") {
		t.Errorf("healthz: got %d %s", rec.Code, rec.Body)
	}
}
