package server

import (
	"github.com/controlmap/controlmap/data/datatest"
	"github.com/controlmap/controlmap/wire"

	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"log/slog"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixedNow is the clock of the fixture server: 10 September 2021, afternoon
// in Kabul.
var fixedNow = time.Date(2021, 9, 10, 8, 0, 0, 0, time.UTC)

var quietLog = slog.New(slog.NewTextHandler(io.Discard, nil))

// testWeb is a stand-in for the page's files, with the page's real words
// (the previews read them).
var testWeb = func() fstest.MapFS {
	m := fstest.MapFS{
		"index.html":  {Data: []byte("<!doctype html><title>t</title>")},
		"js/main.js":  {Data: []byte("export {};")},
		"css/app.css": {Data: []byte("body{}")},
	}
	for _, lang := range languages {
		b, err := os.ReadFile("../web/static/i18n/" + lang + ".json")
		if err != nil {
			panic(err)
		}
		m["i18n/"+lang+".json"] = &fstest.MapFile{Data: b}
	}
	// The Dari font, when the page is built (make build copies it from npm).
	for _, name := range export.DariFontFiles {
		if b, err := os.ReadFile("../web/static/vendor/fonts/files/" + name); err == nil {
			m["vendor/fonts/files/"+name] = &fstest.MapFile{Data: b}
		}
	}
	return m
}()

// newFixtureServer serves the hand-drawn fixture dataset of package data.
func newFixtureServer(t testing.TB) *Server {
	t.Helper()
	return newFixtureServerWith(t, Config{})
}

// newFixtureServerWith serves the fixture with cfg, its version, clock and
// logger those of the tests.
func newFixtureServerWith(t testing.TB, cfg Config) *Server {
	t.Helper()
	fsys := os.DirFS("../data/testdata/fixture")
	ds, err := data.Load(fsys, fsys)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Version, cfg.Now, cfg.Logger = "test", func() time.Time { return fixedNow }, quietLog
	s, err := New(cfg, ds, testWeb)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newEmbeddedServer serves the real, embedded dataset.
func newEmbeddedServer(t testing.TB) *Server {
	t.Helper()
	s, err := New(Config{Version: "test", Logger: quietLog}, datatest.Embedded(t), testWeb)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(t testing.TB, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

// TestGolden compares API answers on the fixture with testdata/*.json, as
// parsed JSON. Refresh with 'make golden' (go test -update) and review.
func TestGolden(t *testing.T) {
	t.Parallel()
	h := newFixtureServer(t).Handler()
	tests := []struct{ name, target, ctype string }{
		{"areas", "/api/areas", wire.TypeGeoJSON},
		{"areas_full", "/api/areas?detail=full", wire.TypeGeoJSON},
		{"control_2021-09-05", "/api/control?date=2021-09-05", wire.TypeGeoJSON},
		{"control_before_first", "/api/control?date=2021-08-01", wire.TypeGeoJSON},
		{"control_today", "/api/control", wire.TypeGeoJSON},
		{"history", "/api/history", wire.TypeGeoJSON},
		{"events", "/api/events?from=2021-09-06&to=2021-09-06", wire.TypeGeoJSON},
		{"timeline", "/api/timeline", wire.TypeJSON},
		{"sources", "/api/sources", wire.TypeJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, tt.target)
			if rec.Code != http.StatusOK {
				t.Fatalf("got status %d: %s", rec.Code, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != tt.ctype {
				t.Errorf("got Content-Type %q, want %q", ct, tt.ctype)
			}
			if cl := rec.Header().Get("Content-Length"); cl == "" {
				t.Error("no Content-Length")
			}
			compareGolden(t, filepath.Join("testdata", tt.name+".json"), tt.target, rec.Body.Bytes())
		})
	}
}

// compareGolden compares the answer got to target with the golden file as
// parsed JSON, first rewriting the file under -update.
func compareGolden(t *testing.T, golden, target string, got []byte) {
	t.Helper()
	if *update {
		var v any
		if err := json.Unmarshal(got, &v); err != nil {
			t.Fatal(err)
		}
		pretty, _ := json.MarshalIndent(v, "", "  ")
		if err := os.WriteFile(golden, append(pretty, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run 'make golden')", err)
	}
	var gotV, wantV any
	if err := json.Unmarshal(got, &gotV); err != nil {
		t.Fatalf("answer is not JSON: %v", err)
	}
	if err := json.Unmarshal(want, &wantV); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotV, wantV) {
		t.Errorf("%s differs from %s:\n%s", target, golden, got)
	}
}

// TestTodayFollowsTheClock: the server's day changes with its configured
// clock, at Kabul's midnight (19:30 UTC), forwards and back.
func TestTodayFollowsTheClock(t *testing.T) {
	t.Parallel()
	s := newFixtureServer(t)
	var now time.Time
	s.cfg.Now = func() time.Time { return now }
	for _, step := range []struct{ utc, want string }{
		{"2021-09-06T19:29:59.2Z", "2021-09-06"},
		{"2021-09-06T19:29:59.9Z", "2021-09-06"}, // the same second: kept
		{"2021-09-06T19:30:00Z", "2021-09-07"},   // midnight in Kabul
		{"2021-09-06T19:29:58Z", "2021-09-06"},   // a clock set back
		{"2022-01-01T00:00:00Z", "2022-01-01"},
	} {
		now, _ = time.Parse(time.RFC3339Nano, step.utc)
		if got := s.today().String(); got != step.want {
			t.Errorf("at %s: today %s, want %s", step.utc, got, step.want)
		}
	}
}
