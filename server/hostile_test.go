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
	conn, ok := sendRaw(t, addr, req)
	defer conn.Close()
	if !ok {
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

// sendRaw dials addr and writes req as it is, with a 5 s deadline for
// the exchange; ok is false when the server would not take it all.
func sendRaw(t *testing.T, addr, req string) (net.Conn, bool) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	_, err = io.WriteString(conn, req)
	return conn, err == nil
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

// hostileRequest is a raw request and the answer it deserves: 400 also
// accepts any 4xx; a 2xx (a valid request at a limit) must be exactly that.
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
	{"picture of a day after today", "/api/export/map.png?date=2031-05-01", 400},
	{"GIF that ends after today", "/api/export/animation.gif?from=2031-05-01&to=2031-05-02", 400},
	{"GIF that starts before the data", "/api/export/animation.gif?from=1999-01-01&to=2021-08-10", 400},
	{"OpenAPI as XML", "/ogc/api?f=xml", 400},
	{"queryables as HTML (JSON only)", "/ogc/collections/control/queryables?f=html", 400},
	{"schema as HTML (JSON only)", "/ogc/collections/control/schema?f=html", 400},
	{"picture of a day before the data", "/api/export/map.svg?date=2001-01-01", 400},
	{"known with a bad day", "/api/control?date=2021-09-06&known=2021-02-30", 400},
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
	// Method oddities.
	{"raw: lowercase get", "get /api/control HTTP/1.1\r\nHost: x\r\n\r\n", 405},
	{"raw: PATCH", "PATCH /api/control HTTP/1.1\r\nHost: x\r\n\r\n", 405},
	{"raw: long made-up method", strings.Repeat("G", 200) + " / HTTP/1.1\r\nHost: x\r\n\r\n", 405},
	{"raw: HEAD with a body", "HEAD /api/areas HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", 400},
	{"raw: OPTIONS with a body", "OPTIONS /api/areas HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", 400},
	// Framing.
	{"raw: Content-Length and Transfer-Encoding", "GET /api/areas HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
	{"raw: two different lengths", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400},
	{"raw: signed length", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: +1\r\n\r\na", 400},
	{"raw: length past int64", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", 400},
	{"raw: bad chunk size", "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400},
	{"raw: folded header (unfolded, RFC 9112 §5.2)", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", 200},
	{"raw: space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400},
	// Host games.
	{"raw: markup in Host", "GET /ogc HTTP/1.1\r\nHost: <script>\r\n\r\n", 400},
	{"raw: space in Host", "GET /ogc HTTP/1.1\r\nHost: a b\r\n\r\n", 400},
	{"raw: quote in Host", "GET /api/export/controlmap.qlr HTTP/1.1\r\nHost: a\"b\r\n\r\n", 400},
	{"raw: absolute-form and a different Host", "GET http://a.example/api/areas?x=1 HTTP/1.1\r\nHost: b.example\r\n\r\n", 400},
	// Offsets and limits at the integer limits.
	{"largest offset", "/ogc/collections/control/items?offset=9223372036854775807&limit=1", 200},
	{"largest offset as HTML", "/ogc/collections/control/items?offset=9223372036854775807&limit=1&f=html", 200},
	{"offset past int64", "/ogc/collections/control/items?offset=9223372036854775808", 400},
	{"offset past uint64", "/ogc/collections/control/items?offset=18446744073709551616", 400},
	{"negative offset", "/ogc/collections/control/items?offset=-1", 400},
	{"offset in exponent form", "/ogc/collections/control/items?offset=1e3", 400},
	{"largest limit (clamped to the maximum, issue 14.5)", "/ogc/collections/control/items?limit=9223372036854775807", 200},
	{"limit past int64", "/ogc/collections/control/items?limit=99999999999999999999", 400},
	{"largest offset and limit as HTML", "/ogc/collections/control/items?offset=9223372036854775807&limit=9223372036854775807&f=html", 200},
	// OGC API Part 3: bad CQL2 is a 400 that names it.
	{"bad CQL2", "/ogc/collections/control/items?filter=status%20%3D%20%27a", 400},
	{"unknown queryable", "/ogc/collections/control/items?filter=party%3D%27taliban%27", 400},
	{"CQL2 JSON asked for", "/ogc/collections/control/items?filter-lang=cql2-json", 400},
	{"raw: ampersand in Host, qlr", "GET /api/export/controlmap.qlr HTTP/1.1\r\nHost: a&b\r\nConnection: close\r\n\r\n", 400},
	{"raw: apostrophe in Host, OGC", "GET /ogc/collections HTTP/1.1\r\nHost: a'b\r\nX-Forwarded-Host: x\r\nConnection: close\r\n\r\n", 400},
	{"zero limit", "/ogc/collections/control/items?limit=0", 400},
	{"most negative limit", "/ogc/collections/control/items?limit=-9223372036854775808", 400},
	{"last representable day", "/api/events?from=2021-09-01&to=9999-12-31", 200},
	// Renders and oEmbed at their limits.
	{"GIF over the frame limit", "/api/export/animation.gif?from=2021-08-01&to=2026-01-01&step=1", 400},
	{"GIF over the pixel limit", "/api/export/animation.gif?from=2021-08-01&to=2022-06-01&step=1&width=1200", 400},
	{"GIF width overflow", "/api/export/animation.gif?width=99999999999999999999", 400},
	{"GIF negative width", "/api/export/animation.gif?width=-640", 400},
	{"picture too wide", "/api/export/map.png?width=2401", 400},
	{"picture width overflow", "/api/export/map.png?width=9223372036854775808", 400},
	{"picture script in view", "/api/export/map.svg?view=%3Cscript%3E", 400},
	{"picture unknown lang", "/api/export/map.svg?lang=../../etc/passwd", 400},
	{"picture unknown preset", "/api/export/map.png?preset=billboard", 400},
	{"picture repeated width", "/api/export/map.png?width=600&width=2400", 400},
	{"oEmbed of another site", "/oembed?url=https%3A%2F%2Fevil.example%2F", 404},
	{"oEmbed of no URL, huge maxwidth", "/oembed?url=x&maxwidth=99999999999", 404},
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
			if tt.want < 400 && code != tt.want || tt.want >= 400 && (code < 400 || code >= 500) {
				t.Fatalf("got %d, want %d", code, tt.want)
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
			for _, name := range []string{"Referrer-Policy", "Cross-Origin-Opener-Policy", "Permissions-Policy", "X-Permitted-Cross-Domain-Policies"} {
				if hd.Get(name) == "" {
					t.Errorf("%s: no %s on a rendered document", target, name)
				}
			}
		} else if hd.Get("Permissions-Policy") != "" || hd.Get("Content-Security-Policy") != "" {
			t.Errorf("%s: document headers on a data answer (they cost throughput)", target)
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
