package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/server/internal/rep"
)

// gzipWhole compresses b in one go, as a baseline for the stitched answers.
func gzipWhole(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

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
	t.Parallel()
	s := newEmbeddedServer(t)
	h := s.Handler()
	for d := s.ds.First.AddDays(-2); d <= s.ds.LastChange.AddDays(35); d++ {
		for _, detail := range []data.Detail{data.DetailDisplay, data.DetailFull} {
			if detail == data.DetailFull && int(d)%5 != 0 {
				continue // the full geometry on every fifth day is enough
			}
			want, err := s.enc.Control(d, detail)
			if err != nil {
				t.Fatal(err)
			}
			target := "/api/control?date=" + d.String() + "&detail=" + detail.String()
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
			if whole := len(gzipWhole(t, want)); zipped.Body.Len() > whole*11/10 {
				t.Errorf("%s: stitched gzip is %d bytes, compressing the whole gives %d; the stitching lost the compression", target, zipped.Body.Len(), whole)
			}
		}
	}
}

// answerSamples is a request for every route of the table: the test below
// fails for a route that has none, so a new endpoint cannot skip the one
// way to write an answer (ETag, 304, Cache-Control, Content-Length).
var answerSamples = map[string][]string{
	"/api/areas":                       {"/api/areas"},
	"/api/control":                     {"/api/control?date=2021-09-05", "/api/control"},
	"/api/history":                     {"/api/history?detail=full"},
	"/api/events":                      {"/api/events"},
	"/api/timeline":                    {"/api/timeline", "/api/timeline?known=2021-09-10"},
	"/api/sources":                     {"/api/sources"},
	"/api/places":                      {"/api/places"},
	"/api/periods":                     {"/api/periods"},
	"/api/provinces":                   {"/api/provinces"},
	"/about":                           {"/about", "/about?lang=fa"},
	"/corrections":                     {"/corrections"},
	"/api/revisions":                   {"/api/revisions", "/api/revisions?since=2021-01-01"},
	"/feed.atom":                       {"/feed.atom"},
	"/api/context":                     {"/api/context"},
	"/api/control.csv":                 {"/api/control.csv?date=2021-09-05"},        // had no ETag (issue 27)
	"/api/diff":                        {"/api/diff?from=2021-09-01&to=2021-09-06"}, // had no ETag (issue 27)
	"/api/stats":                       {"/api/stats"},
	"/api/export/animation.gif":        {"/api/export/animation.gif?from=2021-09-01&to=2021-09-08&width=500"},
	"/api/export/map.png":              {"/api/export/map.png?date=2021-09-06&preset=social"},
	"/api/export/map.svg":              {"/api/export/map.svg?date=2021-09-06"},
	"/api/export/:file":                {"/api/export/history.csv", "/api/export/provinces.csv", "/api/export/controlmap.qlr"},
	"/ogc":                             {"/ogc"},
	"/ogc/":                            {"/ogc/"},
	"/ogc/conformance":                 {"/ogc/conformance"},
	"/ogc/api":                         {"/ogc/api"},
	"/ogc/collections":                 {"/ogc/collections"},
	"/ogc/collections/:cid":            {"/ogc/collections/control"},
	"/ogc/collections/:cid/items":      {"/ogc/collections/control/items?limit=3", "/ogc/collections/control/items?f=html&limit=2"},
	"/ogc/collections/:cid/items/:fid": {"/ogc/collections/areas/items/AF0001"},
	"/ogc/collections/:cid/schema":     {"/ogc/collections/control/schema"},
	"/ogc/collections/:cid/queryables": {"/ogc/collections/control/queryables"},
	"/oembed":                          {"/oembed?url={public}%3Fdate%3D2021-09-06"}, // had none (issue 27)
	"/healthz":                         {"/healthz"},
	"/readyz":                          {"/readyz"},
	"/*":                               {"/", "/js/main.js"},
}

// TestConditionalRequests: every document the server answers, on every
// route of its table, carries a strong ETag per coding and answers 304 to
// a client that has it.
func TestConditionalRequests(t *testing.T) {
	t.Parallel()
	s := newFixtureServer(t)
	h := s.Handler()
	for _, rt := range s.table() {
		targets, ok := answerSamples[rt.path]
		if !ok {
			t.Errorf("route %s has no sample in answerSamples: add one", rt.path)
		}
		for _, target := range targets {
			target = strings.ReplaceAll(target, "{public}", url.QueryEscape(s.cfg.PublicURL))
			for _, enc := range []string{"", "gzip", "br, gzip"} {
				first := getWith(h, target, map[string]string{"Accept-Encoding": enc})
				etag := first.Header().Get("ETag")
				if first.Code != 200 || !strings.HasPrefix(etag, `"`) {
					t.Fatalf("%s (%q): got %d with ETag %q, want 200 and a strong ETag: %.200s", target, enc, first.Code, etag, first.Body)
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
	}
	// Representations differ, so their ETags must too.
	a := getWith(h, "/api/areas", nil).Header().Get("ETag")
	b := getWith(h, "/api/areas", map[string]string{"Accept-Encoding": "gzip"}).Header().Get("ETag")
	if a == b {
		t.Errorf("identity and gzip share the ETag %s", a)
	}
}

func TestCacheControl(t *testing.T) {
	t.Parallel()
	s := newFixtureServer(t) // today is 2021-09-10
	h := s.Handler()
	tests := []struct{ target, want string }{
		{"/api/control?date=2021-09-05", rep.CachePastDay},
		{"/api/control?date=2021-09-09", rep.CachePastDay},
		{"/api/control?date=2021-09-10", rep.CacheRevalidate}, // today may still change
		{"/api/control?date=2030-01-01", rep.CacheRevalidate},
		{"/api/control", rep.CacheRevalidate},
		{"/api/timeline", rep.CacheRevalidate},
		{"/", rep.CacheRevalidate},
		{"/js/main.js", rep.CacheAsset},
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
	t.Parallel()
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

// TestCrossOriginReadsETag: a page on another origin may read the ETag (to
// revalidate) and the file name; a request without Origin does not pay for
// the header.
func TestCrossOriginReadsETag(t *testing.T) {
	t.Parallel()
	h := newFixtureServer(t).Handler()
	cross := getWith(h, "/api/control?date=2021-09-05", map[string]string{"Origin": "https://news.example"})
	if got := cross.Header().Get("Access-Control-Expose-Headers"); !strings.Contains(got, "ETag") {
		t.Errorf("Access-Control-Expose-Headers %q, want ETag among them", got)
	}
	if same := getWith(h, "/api/control?date=2021-09-05", nil); same.Header().Get("Access-Control-Expose-Headers") != "" {
		t.Error("a same-origin request got Access-Control-Expose-Headers")
	}
}

// One OGC answer is kept once whatever the spelling of its query: a
// padded limit, a reordered query, "36.10" for "36.1" or a repeated
// filter-lang is the same key, not a new build and compression (issue 24).
func TestOGCCacheKeyIsTheParsedQuery(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	h := s.Handler()
	spellings := [][]string{
		{
			"/ogc/collections/control/items?limit=10000&bbox=69,35,70,36.1",
			"/ogc/collections/control/items?limit=010000&bbox=69,35,70,36.1",
			"/ogc/collections/control/items?bbox=69,35,70,36.10&limit=10000",
			"/ogc/collections/control/items?bbox=69.0,+35,70,36.1000&limit=10000&f=json",
		},
		{
			"/ogc/collections/control/items?datetime=2021-09-06&filter=status%3D'taliban'",
			"/ogc/collections/control/items?filter=status%3D'taliban'&datetime=2021-09-06T&filter-lang=cql2-text",
			"/ogc/collections/control/items?filter=+status%3D'taliban'+&datetime=2021-09-06",
		},
	}
	var bodies []string
	for _, group := range spellings {
		before, _ := s.ogcAnswers.Stats()
		var first string
		for _, target := range group {
			rec := get(t, h, http.MethodGet, target)
			if rec.Code != 200 {
				t.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
			}
			if first == "" {
				first = rec.Body.String()
			} else if rec.Body.String() != first {
				t.Errorf("%s: a different answer from %s", target, group[0])
			}
		}
		if after, _ := s.ogcAnswers.Stats(); after != before+1 {
			t.Errorf("%d spellings of one query made %d cache entries, want 1", len(group), after-before)
		}
		bodies = append(bodies, first)
	}
	if bodies[0] == bodies[1] {
		t.Error("two different queries gave one answer")
	}
}
