package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(r) // checks the CRC-32 and the length
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	return out
}

func getWith(h http.Handler, target string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// Every day's answer, plain and stitched gzip, must equal the direct
// encoding of that day.
func TestControlTemplatesMatchDirectEncoding(t *testing.T) {
	s := newEmbeddedServer(t)
	h := s.Handler()
	for d := s.ds.First.AddDays(-2); d <= s.ds.LastChange.AddDays(35); d++ {
		for _, detail := range []Detail{DetailDisplay, DetailFull} {
			if detail == DetailFull && int(d)%5 != 0 {
				continue // the full geometry on every fifth day is enough
			}
			want, err := s.enc.control(d, detail)
			if err != nil {
				t.Fatal(err)
			}
			target := "/api/control?date=" + d.String() + "&detail=" + detailNames[detail]
			plain := getWith(h, target, nil)
			if !bytes.Equal(plain.Body.Bytes(), want) {
				t.Fatalf("%s: plain answer differs from the direct encoding", target)
			}
			zipped := getWith(h, target, map[string]string{"Accept-Encoding": "gzip, deflate, br"})
			if zipped.Header().Get("Content-Encoding") != "gzip" {
				t.Fatalf("%s: Content-Encoding %q, want gzip", target, zipped.Header().Get("Content-Encoding"))
			}
			if got := gunzip(t, zipped.Body.Bytes()); !bytes.Equal(got, want) {
				t.Fatalf("%s: gzip answer decodes to something else", target)
			}
			if whole := len(gzipBytes(want)); zipped.Body.Len() > whole*11/10 {
				t.Errorf("%s: stitched gzip is %d bytes, compressing the whole gives %d; the stitching lost the compression", target, zipped.Body.Len(), whole)
			}
		}
	}
}

func TestConditionalRequests(t *testing.T) {
	s := newFixtureServer(t)
	h := s.Handler()
	for _, target := range []string{"/api/control?date=2021-09-05", "/api/control", "/api/areas", "/api/history?detail=full",
		"/api/timeline", "/api/sources", "/api/context", "/", "/js/main.js"} {
		for _, enc := range []string{"", "gzip", "br, gzip"} {
			first := getWith(h, target, map[string]string{"Accept-Encoding": enc})
			etag := first.Header().Get("ETag")
			if first.Code != 200 || !strings.HasPrefix(etag, `"`) {
				t.Fatalf("%s (%q): got %d with ETag %q, want 200 and a strong ETag", target, enc, first.Code, etag)
			}
			if first.Header().Get("Cache-Control") == "" || first.Header().Get("Content-Length") == "" {
				t.Errorf("%s: Cache-Control %q, Content-Length %q", target, first.Header().Get("Cache-Control"), first.Header().Get("Content-Length"))
			}
			again := getWith(h, target, map[string]string{"Accept-Encoding": enc, "If-None-Match": etag})
			if again.Code != http.StatusNotModified || again.Body.Len() != 0 || again.Header().Get("ETag") != etag {
				t.Errorf("%s (%q) with If-None-Match: got %d, %d bytes, ETag %q; want 304, none, the same ETag",
					target, enc, again.Code, again.Body.Len(), again.Header().Get("ETag"))
			}
			stale := getWith(h, target, map[string]string{"Accept-Encoding": enc, "If-None-Match": `"something-else", W/"x"`})
			if stale.Code != 200 {
				t.Errorf("%s with a stale ETag: got %d, want 200", target, stale.Code)
			}
		}
	}
	// Representations differ, so their ETags must too.
	a := getWith(h, "/api/areas", nil).Header().Get("ETag")
	b := getWith(h, "/api/areas", map[string]string{"Accept-Encoding": "gzip"}).Header().Get("ETag")
	if a == b {
		t.Errorf("identity and gzip share the ETag %s", a)
	}
}

func TestCacheControl(t *testing.T) {
	s := newFixtureServer(t) // today is 2021-09-10
	h := s.Handler()
	tests := []struct{ target, want string }{
		{"/api/control?date=2021-09-05", cachePastDay},
		{"/api/control?date=2021-09-09", cachePastDay},
		{"/api/control?date=2021-09-10", cacheRevalidate}, // today may still change
		{"/api/control?date=2030-01-01", cacheRevalidate},
		{"/api/control", cacheRevalidate},
		{"/api/timeline", cacheRevalidate},
		{"/", cacheRevalidate},
		{"/js/main.js", cacheAsset},
	}
	for _, tt := range tests {
		if got := getWith(h, tt.target, nil).Header().Get("Cache-Control"); got != tt.want {
			t.Errorf("%s: Cache-Control %q, want %q", tt.target, got, tt.want)
		}
	}
	if v := getWith(h, "/api/control?date=2021-09-05", map[string]string{"Accept-Encoding": "gzip"}).Header().Values("Vary"); len(v) == 0 || v[0] != "Accept-Encoding" {
		t.Errorf("Vary %v, want Accept-Encoding", v)
	}
}

func TestBrotliAndGzipRepresentations(t *testing.T) {
	h := newEmbeddedServer(t).Handler()
	plain := getWith(h, "/api/areas?detail=full", nil).Body.Bytes()
	br := getWith(h, "/api/areas?detail=full", map[string]string{"Accept-Encoding": "gzip;q=0.5, br"})
	if br.Header().Get("Content-Encoding") != "br" {
		t.Fatalf("Content-Encoding %q, want br", br.Header().Get("Content-Encoding"))
	}
	got, err := io.ReadAll(brotli.NewReader(br.Body))
	if err != nil || !bytes.Equal(got, plain) {
		t.Errorf("brotli answer decodes to %d bytes (%v), want the %d plain bytes", len(got), err, len(plain))
	}
	gz := getWith(h, "/api/areas?detail=full", map[string]string{"Accept-Encoding": "br;q=0, gzip"})
	if gz.Header().Get("Content-Encoding") != "gzip" || !bytes.Equal(gunzip(t, gz.Body.Bytes()), plain) {
		t.Error("gzip with br refused: wrong encoding or body")
	}
	none := getWith(h, "/api/areas?detail=full", map[string]string{"Accept-Encoding": "identity"})
	if none.Header().Get("Content-Encoding") != "" || !bytes.Equal(none.Body.Bytes(), plain) {
		t.Error("identity: wrong encoding or body")
	}
}

func TestAcceptedCodings(t *testing.T) {
	tests := []struct {
		header   string
		gzip, br bool
	}{
		{"", false, false},
		{"gzip", true, false},
		{"gzip, deflate, br", true, true},
		{"br;q=0, gzip;q=0.8", true, false},
		{"GZIP;Q=1", true, false},
		{"*", true, true},
		{"identity", false, false},
		{"gzip;q=0", false, false},
	}
	for _, tt := range tests {
		if g, b := acceptedCodings(tt.header); g != tt.gzip || b != tt.br {
			t.Errorf("%q: got gzip %v br %v, want %v %v", tt.header, g, b, tt.gzip, tt.br)
		}
	}
}

func TestControlCacheIsBounded(t *testing.T) {
	s := newEmbeddedServer(t)
	cc := newControlCache(s.enc)
	cc.maxBytes = 150_000 // a few templates of the display geometry
	for d := s.ds.First; d < s.ds.First.AddDays(60); d++ {
		if _, err := cc.template(d, DetailDisplay); err != nil {
			t.Fatal(err)
		}
	}
	if cc.bytes > cc.maxBytes || len(cc.m) < 2 {
		t.Errorf("cache holds %d bytes in %d templates, want some, at most %d bytes", cc.bytes, len(cc.m), cc.maxBytes)
	}
}

func TestAnswerCacheIsBoundedByBytes(t *testing.T) {
	s := newEmbeddedServer(t)
	ac := newAnswerCache(newControlCache(s.enc))
	ac.maxBytes = 100_000 // about two answers of the display geometry
	for d := s.ds.First; d < s.ds.First.AddDays(30); d++ {
		got, err := ac.get(d, DetailDisplay, false)
		if err != nil {
			t.Fatal(err)
		}
		if want, _ := s.enc.control(d, DetailDisplay); !bytes.Equal(got, want) {
			t.Fatalf("%s: cached answer differs from the direct encoding", d)
		}
	}
	if ac.bytes > ac.maxBytes || len(ac.m) == 0 {
		t.Errorf("cache holds %d bytes in %d answers, want at most %d", ac.bytes, len(ac.m), ac.maxBytes)
	}
}
