package server

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
)

// newStreamingServer serves the fixture as if its history were long: every
// history-sized document is streamed, the GeoPackage written to disk.
func newStreamingServer(t *testing.T) *Server {
	t.Helper()
	s := newFixtureServerWith(t, Config{MaxHeld: 1})
	t.Cleanup(s.docs.close)
	return s
}

// TestStreamedEqualsHeld: a streamed document is byte for byte the held
// one, plain and gzipped, with a strong ETag that answers 304.
func TestStreamedEqualsHeld(t *testing.T) {
	t.Parallel()
	held, streamed := newFixtureServer(t).Handler(), newStreamingServer(t).Handler()
	for _, target := range []string{"/api/history", "/api/history?detail=full", "/api/export/history.csv", "/api/export/history.kml"} {
		want := get(t, held, http.MethodGet, target).Body.Bytes()
		plain := getWith(streamed, target, nil)
		if plain.Code != 200 || !bytes.Equal(plain.Body.Bytes(), want) {
			t.Errorf("%s: streamed %d, %d bytes; want 200 and the held %d bytes", target, plain.Code, plain.Body.Len(), len(want))
		}
		gz := getWith(streamed, target, map[string]string{"Accept-Encoding": "gzip, br"})
		if got := gunzip(t, gz.Body.Bytes()); gz.Header().Get("Content-Encoding") != "gzip" || !bytes.Equal(got, want) {
			t.Errorf("%s: gzip stream (%q) does not decode to the held document", target, gz.Header().Get("Content-Encoding"))
		}
		etag := plain.Header().Get("ETag")
		if again := getWith(streamed, target, map[string]string{"If-None-Match": etag}); etag == "" || again.Code != http.StatusNotModified {
			t.Errorf("%s: ETag %q, revalidation got %d; want 304", target, etag, again.Code)
		}
		if etag == gz.Header().Get("ETag") {
			t.Errorf("%s: the gzip form has the identity's ETag %s", target, etag)
		}
	}
}

// TestStreamedGeoPackage: the GeoPackage of a long history is written to
// disk once and served from it, with ranges.
func TestStreamedGeoPackage(t *testing.T) {
	t.Parallel()
	h := newStreamingServer(t).Handler()
	full := get(t, h, http.MethodGet, "/api/export/history.gpkg")
	if full.Code != 200 || !bytes.HasPrefix(full.Body.Bytes(), []byte("SQLite format 3\x00")) || full.Header().Get("Content-Length") == "" {
		t.Fatalf("got %d, %d bytes, Content-Length %q; want a SQLite file with its length", full.Code, full.Body.Len(), full.Header().Get("Content-Length"))
	}
	part := getWith(h, "/api/export/history.gpkg", map[string]string{"Range": "bytes=0-15"})
	if part.Code != http.StatusPartialContent || part.Body.String() != "SQLite format 3\x00" {
		t.Errorf("range: got %d %q, want 206 and the SQLite header", part.Code, part.Body.String())
	}
	if again := getWith(h, "/api/export/history.gpkg", map[string]string{"If-None-Match": full.Header().Get("ETag")}); again.Code != http.StatusNotModified {
		t.Errorf("revalidation got %d, want 304", again.Code)
	}
	gz := getWith(h, "/api/export/history.gpkg", map[string]string{"Accept-Encoding": "gzip"})
	if gz.Header().Get("Content-Encoding") != "gzip" || !bytes.Equal(gunzip(t, gz.Body.Bytes()), full.Body.Bytes()) ||
		gz.Header().Get("ETag") == full.Header().Get("ETag") {
		t.Errorf("gzip: Content-Encoding %q, ETag %q: want the gzip form of the same file under its own ETag",
			gz.Header().Get("Content-Encoding"), gz.Header().Get("ETag"))
	}
}

// TestStreamStopsWithTheClient: a client gone before the answer is
// written costs no encoding, and never gets a truncated answer that looks
// whole.
func TestStreamStopsWithTheClient(t *testing.T) {
	t.Parallel()
	h := newStreamingServer(t).Handler()
	whole := get(t, h, http.MethodGet, "/api/export/history.csv").Body.Len()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, target := range []string{"/api/history", "/api/export/history.csv", "/api/export/history.kml"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil).WithContext(ctx))
		if rec.Body.Len() >= whole && target == "/api/export/history.csv" || bytes.HasSuffix(rec.Body.Bytes(), []byte("]}")) {
			t.Errorf("%s: a cancelled request got %d bytes, a complete answer", target, rec.Body.Len())
		}
	}
}

// blockingAnswer holds its request until released.
type blockingAnswer struct{ entered, release chan struct{} }

func (b blockingAnswer) Serve(w http.ResponseWriter, _ *http.Request) error {
	close(b.entered)
	<-b.release
	w.WriteHeader(http.StatusOK)
	return nil
}

// TestStreamsAreLimited: past the streams' slots a request gets 429 with
// Retry-After at once, and the slot frees when the stream ends.
func TestStreamsAreLimited(t *testing.T) {
	t.Parallel()
	b := blockingAnswer{make(chan struct{}), make(chan struct{})}
	l := limited{a: b, slots: make(chan struct{}, 1)}
	done := make(chan error)
	go func() { done <- l.Serve(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil)) }()
	<-b.entered
	rec := httptest.NewRecorder()
	err := l.Serve(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	var he *echo.HTTPError
	if !errors.As(err, &he) || he.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Errorf("second stream: got %v, Retry-After %q; want 429 with Retry-After", err, rec.Header().Get("Retry-After"))
	}
	close(b.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(l.slots) != 0 {
		t.Error("the slot was not freed")
	}
}
