package rep

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func TestParseAcceptEncoding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header       string
		withBr, noBr string
	}{
		{"", Identity, Identity},
		{"gzip", Gzip, Gzip},
		{"gzip, deflate, br", Brotli, Gzip},
		{"br;q=0, gzip;q=0.8", Gzip, Gzip},
		{"GZIP;Q=1", Gzip, Gzip},
		{"*", Brotli, Gzip},
		{"gzip;q=0", Identity, Identity},
		{"br;q=0.1, gzip", Gzip, Gzip}, // q-values decide, not the order of preference here
		{"gzip;q=0.2, br;q=0.9", Brotli, Gzip},
		{"identity;q=1, gzip;q=0.5", Identity, Identity},
		{"*;q=0, identity", Identity, Identity},
		{"x-gzip", Gzip, Gzip},
		{"gzip;q=nonsense", Gzip, Gzip}, // an unreadable q is 1
		{" gzip ; q=0.5 , br ; q=0.6 ", Brotli, Gzip},
	}
	for _, tt := range tests {
		a := ParseAcceptEncoding(tt.header)
		if got := a.Best(true); got != tt.withBr {
			t.Errorf("%q with brotli: got %q, want %q", tt.header, got, tt.withBr)
		}
		if got := a.Best(false); got != tt.noBr {
			t.Errorf("%q without brotli: got %q, want %q", tt.header, got, tt.noBr)
		}
	}
}

func TestETagMatches(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header, etag string
		want         bool
	}{
		{"", `"a"`, false},
		{`"a"`, `"a"`, true},
		{`W/"a"`, `"a"`, true}, // If-None-Match compares weakly
		{`"b", "a"`, `"a"`, true},
		{`*`, `"a"`, true},
		{`"ab"`, `"a"`, false},
	}
	for _, tt := range tests {
		if got := ETagMatches(tt.header, tt.etag); got != tt.want {
			t.Errorf("%q vs %s: got %v, want %v", tt.header, tt.etag, got, tt.want)
		}
	}
}

func TestLRUIsBoundedByBytes(t *testing.T) {
	t.Parallel()
	c := NewLRU[int](100, func(b []byte) int { return len(b) })
	for i := range 50 {
		v, err := c.Get(i, func() ([]byte, error) { return bytes.Repeat([]byte{byte(i)}, 30), nil })
		if err != nil || len(v) != 30 || v[0] != byte(i) {
			t.Fatalf("%d: got %v, %v", i, v, err)
		}
		if n, b := c.Stats(); b > 100 || n == 0 {
			t.Fatalf("after %d: %d entries, %d bytes; want some, at most 100 bytes", i, n, b)
		}
	}
	// The most recent entries stay: 49 is a hit, 0 a miss.
	built := false
	if _, err := c.Get(49, func() ([]byte, error) { built = true; return nil, nil }); err != nil || built {
		t.Errorf("the newest entry was rebuilt (%v)", err)
	}
	if _, err := c.Get(0, func() ([]byte, error) { built = true; return []byte{1}, nil }); err != nil || !built {
		t.Errorf("the oldest entry was kept (%v)", err)
	}
}

func TestLRUBuildsOnceAndForgetsErrors(t *testing.T) {
	t.Parallel()
	c := NewLRU[string](1<<20, func(s string) int { return len(s) })
	var mu sync.Mutex
	builds := 0
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, _ := c.Get("k", func() (string, error) {
				mu.Lock()
				builds++
				mu.Unlock()
				return "value", nil
			})
			if v != "value" {
				t.Errorf("got %q", v)
			}
		}()
	}
	wg.Wait()
	if builds != 1 {
		t.Errorf("built %d times, want once", builds)
	}
	boom := errors.New("boom")
	if _, err := c.Get("bad", func() (string, error) { return "", boom }); !errors.Is(err, boom) {
		t.Fatalf("got %v, want the build error", err)
	}
	if v, err := c.Get("bad", func() (string, error) { return "ok", nil }); err != nil || v != "ok" {
		t.Errorf("a failed build was kept: %q, %v", v, err)
	}
	if n, b := c.Stats(); n != 2 || b != len("value")+len("ok") {
		t.Errorf("%d entries, %d bytes; want 2 and %d", n, b, len("value")+len("ok"))
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r) // checks the CRC-32 and the length
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTemplate(t *testing.T) {
	t.Parallel()
	sentinel := []byte("\x00V\x00")
	var doc bytes.Buffer
	for part := range 10 { // like /api/control: a hole per district, kilobytes between holes
		fmt.Fprintf(&doc, `{"date":%s,"coordinates":[`, sentinel)
		for i := range 300 {
			fmt.Fprintf(&doc, "[69.%d,35.%d],", (i*7919+part*104729)%99991, (i*6271+part)%99989)
		}
		doc.WriteString("]},")
	}
	tm := NewTemplate(doc.Bytes(), sentinel, len(`"2021-09-06"`))
	for _, day := range []string{`"2021-09-06"`, `"2026-11-26"`} {
		want := bytes.ReplaceAll(doc.Bytes(), sentinel, []byte(day))
		if got := tm.AppendIdentity(nil, day); !bytes.Equal(got, want) || len(got) != tm.Size() {
			t.Fatalf("identity answer differs (%d bytes, Size %d, want %d)", len(got), tm.Size(), len(want))
		}
		gz := tm.AppendGzip(nil, day)
		if len(gz) != tm.GzipSize() {
			t.Errorf("gzip answer is %d bytes, GzipSize says %d", len(gz), tm.GzipSize())
		}
		if got := gunzip(t, gz); !bytes.Equal(got, want) {
			t.Fatal("gzip answer decodes to something else")
		}
		if whole := len(compress(Gzip, true, want)); len(gz) > whole*11/10 {
			t.Errorf("stitched gzip %d bytes, whole-body gzip %d: the dictionary chaining is lost", len(gz), whole)
		}
	}
}

func TestRepServe(t *testing.T) {
	t.Parallel()
	body := []byte(strings.Repeat(`{"a":1}`, 200))
	r := New("application/json", CacheRevalidate, body)
	get := func(header map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		if err := r.Serve(rec, req); err != nil {
			t.Fatal(err)
		}
		return rec
	}
	plain := get(nil)
	if !bytes.Equal(plain.Body.Bytes(), body) || plain.Header().Get("Content-Length") != fmt.Sprint(len(body)) {
		t.Fatalf("identity: %d bytes, Content-Length %s", plain.Body.Len(), plain.Header().Get("Content-Length"))
	}
	gz := get(map[string]string{"Accept-Encoding": "gzip"})
	if gz.Header().Get("Content-Encoding") != Gzip || !bytes.Equal(gunzip(t, gz.Body.Bytes()), body) {
		t.Error("gzip: wrong coding or body")
	}
	if gz.Header().Get("ETag") == plain.Header().Get("ETag") {
		t.Error("gzip and identity share an ETag")
	}
	if nm := get(map[string]string{"Accept-Encoding": "gzip", "If-None-Match": gz.Header().Get("ETag")}); nm.Code != http.StatusNotModified || nm.Body.Len() != 0 {
		t.Errorf("If-None-Match: got %d with %d bytes, want 304 and none", nm.Code, nm.Body.Len())
	}
	failing := NewDeferred("text/plain", CacheRevalidate, func() ([]byte, error) { return nil, errors.New("no") })
	if err := failing.Serve(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil)); err == nil {
		t.Error("a failed build was served")
	}
}

func TestPreferHTML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		accept string
		want   bool
	}{
		{"", false},
		{"*/*", false},
		{"text/html", true},
		{"application/json", false},
		{"text/html;q=0.5,application/json", false}, // issue 14.6
		{"application/json;q=0.5, text/html", true},
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true}, // a browser
		{"application/geo+json, text/html;q=0.9", false},
		{"text/*", true},
		{"text/html;q=0, */*", false},
		{"TEXT/HTML;Q=0.9, application/json;q=0.1", true},
		{"text/html;q=0.5, application/json;q=0.5", false}, // a tie: JSON
	}
	for _, tt := range tests {
		if got := PreferHTML(tt.accept); got != tt.want {
			t.Errorf("PreferHTML(%q) = %v, want %v", tt.accept, got, tt.want)
		}
	}
}

// TestOneHeaderWriter: a kept answer (Rep), a one-off (ServeOnce) and a
// streamed one (Stream) of the same body write the same validator,
// caching, coding and type headers, and answer 304 the same way: there is
// one writer of them.
func TestOneHeaderWriter(t *testing.T) {
	t.Parallel()
	body := []byte(strings.Repeat(`{"a":1}`, 200))
	etag := `"` + hexTag(body) + `"`
	forms := map[string]func(w http.ResponseWriter, req *http.Request) error{
		"Rep": New("application/json", CacheRevalidate, body).Serve,
		"ServeOnce": func(w http.ResponseWriter, req *http.Request) error {
			return ServeOnce(w, req, "application/json", CacheRevalidate, body)
		},
		"Stream": (&Stream{ContentType: "application/json", CacheControl: CacheRevalidate, ETag: etag,
			Write: func(_ context.Context, w io.Writer) error { _, err := w.Write(body); return err }}).Serve,
	}
	for _, enc := range []string{"", "gzip"} {
		want := http.Header{}
		for name, serve := range forms {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.Header.Set("Accept-Encoding", enc)
			rec := httptest.NewRecorder()
			if err := serve(rec, req); err != nil {
				t.Fatal(name, err)
			}
			got := rec.Header().Clone()
			got.Del("Content-Length") // a stream has none
			if len(want) == 0 {
				want = got
			} else if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (%q): headers %v, want %v", name, enc, got, want)
			}
			req.Header.Set("If-None-Match", rec.Header().Get("ETag"))
			again := httptest.NewRecorder()
			if err := serve(again, req); err != nil || again.Code != http.StatusNotModified {
				t.Errorf("%s (%q) revalidated: %d, %v; want 304", name, enc, again.Code, err)
			}
		}
		if enc == "gzip" && want.Get("ETag") != `"`+hexTag(body)+`-gz"` {
			t.Errorf("gzip ETag %s, want the identity's with -gz", want.Get("ETag"))
		}
	}
}

func TestMetaCoded(t *testing.T) {
	t.Parallel()
	m := Meta{ContentType: "text/csv", ETag: `"v1-2021-09-06"`}
	for coding, want := range map[string]string{Identity: `"v1-2021-09-06"`, Gzip: `"v1-2021-09-06-gz"`, Brotli: `"v1-2021-09-06-br"`} {
		c := m.Coded(coding)
		if c.ETag != want || c.Coding != coding || (coding != Identity && !c.Vary) {
			t.Errorf("Coded(%q) = %+v, want ETag %s", coding, c, want)
		}
	}
}

func hexTag(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}
