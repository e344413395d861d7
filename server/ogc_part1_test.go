package server

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// Issue 14.5: OGC API – Features Part 1 to the letter.
func TestOGCPart1(t *testing.T) {
	t.Parallel()
	srv := newEmbeddedServer(t)
	h := srv.Handler()
	n := len(srv.ds.History()) // the control intervals
	_, ev := getJSON(t, h, "/ogc/collections/events")
	bbox := ev["extent"].(map[string]any)["spatial"].(map[string]any)["bbox"].([]any)[0].([]any)
	ext := fmt.Sprintf("%v,%v,%v,%v", bbox...)
	_, all := getJSON(t, h, "/ogc/collections/events/items?limit=1000")
	placed := 0
	for _, f := range all["features"].([]any) {
		if f.(map[string]any)["geometry"] != nil {
			placed++
		}
	}
	// Issue 21: every event has a geometry (its place, or its district's or
	// province's point at geo_precision 3), so the extent is a real one.
	if placed != len(srv.ds.Events) || bbox[0] == bbox[2] {
		t.Errorf("%d of %d events have a geometry; extent %v", placed, len(srv.ds.Events), bbox)
	}
	tests := []struct {
		name, target string
		matched, ret int
	}{
		{"the advertised extent holds every placed event", "/ogc/collections/events/items?limit=1000&bbox=" + ext, placed, placed},
		{"six-number bbox", "/ogc/collections/areas/items?bbox=69.0,35.7,-100,69.1,35.8,100", 1, 1},
		{"limit above the maximum is clamped", "/ogc/collections/control/items?limit=10001", n, n},
		{"limit at the integer limit", "/ogc/collections/control/items?limit=9223372036854775807", n, n},
		{"lower-case t and z", "/ogc/collections/control/items?datetime=2021-09-06t12:00:00z", 10, 10},
		{"GDAL's lower-case t", "/ogc/collections/control/items?datetime=2021-09-06t", 10, 10},
		{"offset at the integer limit", "/ogc/collections/control/items?offset=9223372036854775807&limit=1", n, 0},
	}
	for _, tt := range tests {
		code, v := getJSON(t, h, tt.target)
		if code != 200 {
			t.Errorf("%s: %s: %d", tt.name, tt.target, code)
			continue
		}
		if int(v["numberMatched"].(float64)) != tt.matched || int(v["numberReturned"].(float64)) != tt.ret {
			t.Errorf("%s: matched %v returned %v, want %d %d", tt.name, v["numberMatched"], v["numberReturned"], tt.matched, tt.ret)
		}
	}
}

// Issue 15.5: OGC answers carry ETags, Cache-Control, Vary, compress, and
// answer 304 to a client that has them.
func TestOGCRepresentations(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	for _, target := range []string{"/ogc", "/ogc/collections", "/ogc/collections/control/items", "/ogc/collections/control/items?f=html",
		"/ogc/collections/control/items/AF0801_2021-08-16", "/ogc/api", "/ogc/collections/control/queryables", "/api/export/controlmap.qlr"} {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		req.Header.Set("Accept-Encoding", "gzip, br")
		rec := newRecorder(h, req)
		etag, cc := rec.Header().Get("ETag"), rec.Header().Get("Cache-Control")
		if rec.Code != 200 || etag == "" || cc == "" {
			t.Errorf("%s: %d, ETag %q, Cache-Control %q", target, rec.Code, etag, cc)
			continue
		}
		if rec.Body.Len() > 2000 && rec.Header().Get("Content-Encoding") == "" {
			t.Errorf("%s: %d bytes sent uncompressed", target, rec.Body.Len())
		}
		if strings.HasPrefix(target, "/ogc") && !strings.Contains(strings.Join(rec.Header().Values("Vary"), ","), "Accept") {
			t.Errorf("%s: Vary %q", target, rec.Header().Values("Vary"))
		}
		req.Header.Set("If-None-Match", etag)
		if rec := newRecorder(h, req); rec.Code != http.StatusNotModified {
			t.Errorf("%s: If-None-Match got %d, want 304", target, rec.Code)
		}
	}
}

// Issue 14.6: the Accept header's q-values decide between HTML and JSON.
func TestOGCAcceptQValues(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	for accept, want := range map[string]string{
		"text/html;q=0.5,application/json": "application/json",
		"application/json;q=0.5,text/html": "text/html; charset=utf-8",
		"*/*":                              "application/json",
	} {
		req := httptest.NewRequest(http.MethodGet, "/ogc/collections", nil)
		req.Header.Set("Accept", accept)
		if got := newRecorder(h, req).Header().Get("Content-Type"); got != want {
			t.Errorf("Accept %q: got %q, want %q", accept, got, want)
		}
	}
}

// Issue 15.7: the Host header reaches OGC links and the .qlr only when it
// is a host name; forwarded headers only when the operator trusts a proxy.
func TestOGCHostGames(t *testing.T) {
	t.Parallel()
	plain := newEmbeddedServer(t)
	trusting := newEmbeddedServer(t)
	trusting.cfg.TrustProxy = true
	fixed := newEmbeddedServer(t)
	fixed.cfg.BaseURL = "https://maps.example/controlmap"
	tests := []struct {
		name    string
		s       *Server
		host    string
		headers map[string]string
		status  int
		self    string // the landing page's self link
	}{
		{"plain host", plain, "maps.example:8080", nil, 200, "http://maps.example:8080/ogc?f=json"},
		{"quote in host", plain, `x"y`, nil, 400, ""},
		{"markup in host", plain, "a<b>", nil, 400, ""},
		{"forwarded ignored by default", plain, "inner:8080", map[string]string{"X-Forwarded-Host": "evil.example"}, 200, "http://inner:8080/ogc?f=json"},
		{"X-Forwarded when trusted", trusting, "inner:8080", map[string]string{"X-Forwarded-Host": "maps.example", "X-Forwarded-Proto": "https"}, 200, "https://maps.example/ogc?f=json"},
		{"Forwarded when trusted", trusting, "inner:8080", map[string]string{"Forwarded": `for=1.2.3.4;proto=https;host="maps.example"`}, 200, "https://maps.example/ogc?f=json"},
		{"forwarded host checked", trusting, "inner:8080", map[string]string{"X-Forwarded-Host": "a'b"}, 400, ""},
		{"base URL wins", fixed, "evil.example", map[string]string{"X-Forwarded-Host": "evil.example"}, 200, "https://maps.example/controlmap/ogc?f=json"},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, "/ogc", nil)
		req.Host = tt.host
		for k, v := range tt.headers {
			req.Header.Set(k, v)
		}
		rec := newRecorder(tt.s.Handler(), req)
		if rec.Code != tt.status {
			t.Errorf("%s: got %d, want %d", tt.name, rec.Code, tt.status)
			continue
		}
		if tt.status != 200 {
			continue
		}
		var v map[string]any
		_ = json.Unmarshal(rec.Body.Bytes(), &v)
		if got := rels(v)["self application/json"]; got != tt.self {
			t.Errorf("%s: self %q, want %q", tt.name, got, tt.self)
		}
	}
}

// Issue 27: behind --base-url with a path, every link, stylesheet and
// script of the OGC API's HTML pages starts with that URL (they linked to
// the server's root, which is another site there).
func TestOGCHTMLBehindBaseURL(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	s.cfg.BaseURL = "https://maps.example/controlmap"
	h := s.Handler()
	attr := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	for _, target := range []string{"/ogc?f=html", "/ogc/collections?f=html", "/ogc/collections/control?f=html",
		"/ogc/collections/events/items?f=html&limit=3", "/ogc/collections/areas/items/AF0801?f=html", "/ogc/conformance?f=html"} {
		rec := get(t, h, http.MethodGet, target)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d", target, rec.Code)
		}
		urls := attr.FindAllStringSubmatch(rec.Body.String(), -1)
		if len(urls) < 4 {
			t.Fatalf("%s: only %d links: the test reads nothing", target, len(urls))
		}
		for _, m := range urls {
			if u := html.UnescapeString(m[1]); !strings.HasPrefix(u, s.cfg.BaseURL+"/") && !strings.HasPrefix(u, "https://www.") {
				t.Errorf("%s: %q does not start with the base URL", target, u)
			}
		}
	}
}
