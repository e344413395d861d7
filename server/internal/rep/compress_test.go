package rep

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
)

// geojsonLike is about 870 KB of text shaped like a GeoJSON answer (the
// control items page of the real data is that size).
func geojsonLike(seed int) []byte {
	var b []byte
	for i := 0; len(b) < 870_000; i++ {
		b = fmt.Appendf(b, `{"type":"Feature","id":"AF%04d_%d","geometry":{"type":"Point","coordinates":[%d.%06d,%d.%06d]},"properties":{"status":"taliban","n":%d}},`,
			i%17, seed, 69+i%3, (i*7919+seed)%1000000, 35+i%2, (i*104729)%1000000, i)
	}
	return b
}

func serveBrotli(r *Rep) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("Accept-Encoding", "br")
	rec := httptest.NewRecorder()
	_ = r.Serve(rec, req)
	return rec
}

// A client's cache miss compresses cheaply: brotli at quality 9 allocated
// about 39 MB per compression, so any crowd of misses bought gigabytes
// (issue 24). Quality 5 stays under 8 MB.
func TestCompressionOnMissIsBoundedInMemory(t *testing.T) {
	body := geojsonLike(1)
	r := New("application/geo+json", CacheRevalidate, body)
	if _, err := r.Body(); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rec := serveBrotli(r)
	runtime.ReadMemStats(&after)
	if rec.Header().Get("Content-Encoding") != Brotli {
		t.Fatalf("no brotli answer: %v", rec.Header())
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 8<<20 {
		t.Errorf("one brotli compression on a miss allocated %.1f MB, want under 8", float64(n)/(1<<20))
	}
}

// However many misses arrive at once, no more compressions run than there
// are slots.
func TestCompressionsAreBoundedInConcurrency(t *testing.T) {
	compressPeak.Store(0)
	var wg sync.WaitGroup
	for i := range 4 * cap(compressSlots) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			serveBrotli(New("application/json", CacheRevalidate, geojsonLike(i)[:200_000]))
		}()
	}
	wg.Wait()
	if p := compressPeak.Load(); p < 1 || int(p) > cap(compressSlots) {
		t.Errorf("%d compressions ran at once, want 1..%d", p, cap(compressSlots))
	}
}

// BenchmarkCompressOnMiss compares the compression a client's miss pays
// (fast) with the one documents built once get (best).
func BenchmarkCompressOnMiss(b *testing.B) {
	body := geojsonLike(1)
	for _, tt := range []struct {
		name   string
		coding string
		best   bool
	}{{"brotli-fast", Brotli, false}, {"brotli-best", Brotli, true}, {"gzip-fast", Gzip, false}, {"gzip-best", Gzip, true}} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				n = len(compress(tt.coding, tt.best, body))
			}
			b.ReportMetric(float64(n), "out-bytes")
		})
	}
}
