package server

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/web"
)

// Handler benchmarks on the real dataset, through the router and every
// middleware (run with 'go test -bench . -benchmem ./server').
func BenchmarkHandlers(b *testing.B) {
	ds, err := data.LoadEmbedded() // benchmarks need the derived boundaries: 'make bench' builds them
	if err != nil {
		b.Fatal(err)
	}
	page, err := web.FS("")
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(Config{Version: "bench", Logger: quietLog}, ds, page)
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	cases := []struct {
		name, target string
		header       map[string]string
	}{
		{"control", "/api/control?date=2021-09-06", nil},
		{"control-gzip", "/api/control?date=2021-09-06", map[string]string{"Accept-Encoding": "gzip"}},
		{"control-304", "/api/control?date=2021-09-06", map[string]string{"If-None-Match": `"` + s.ds.Version + `-2021-09-06-display"`}},
		{"control-full-gzip", "/api/control?date=2021-09-06&detail=full", map[string]string{"Accept-Encoding": "gzip"}},
		{"areas-br", "/api/areas", map[string]string{"Accept-Encoding": "gzip, br"}},
		{"timeline-br", "/api/timeline", map[string]string{"Accept-Encoding": "gzip, br"}},
		// The map as known at the time: a cached answer of one knowledge epoch.
		{"control-known-gzip", "/api/control?date=2021-09-06&known=2021-09-06", map[string]string{"Accept-Encoding": "gzip"}},
		{"timeline-known-br", "/api/timeline?known=2021-09-06", map[string]string{"Accept-Encoding": "gzip, br"}},
		{"static-leaflet-br", "/vendor/leaflet/leaflet.js", map[string]string{"Accept-Encoding": "gzip, br"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, c.target, nil)
			for k, v := range c.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req) // warm the caches
			if rec.Code >= 400 {
				b.Fatalf("%s: %d", c.target, rec.Code)
			}
			w := &discard{h: http.Header{}}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				clear(w.h)
				h.ServeHTTP(w, req)
			}
			b.SetBytes(int64(rec.Body.Len()))
		})
	}
}

// BenchmarkControlUncached is the cost without templates: encoding the
// answer from the states, as the server did before caching.
func BenchmarkControlUncached(b *testing.B) {
	s := newEmbeddedServer(b)
	day := s.today()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := s.enc.Control(day, data.DetailDisplay); err != nil {
			b.Fatal(err)
		}
	}
}

// discard is a ResponseWriter that keeps nothing, as a socket would: the
// benchmark measures the server, not a recorder's buffer.
type discard struct {
	h    http.Header
	code int
}

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) WriteHeader(code int)        { d.code = code }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
