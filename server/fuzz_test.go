package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzQuery sends arbitrary query strings to every endpoint that takes
// parameters: the answer is never a 5xx, and a 200 is valid JSON.
func FuzzQuery(f *testing.F) {
	s := newFixtureServer(f)
	for _, q := range []string{"date=2021-09-06", "date=2021-02-30", "date=%zz", "detail=full&date=2021-09-05",
		"from=2021-09-01&to=2021-09-30", "from=2021-09-30&to=2021-09-01", "date", "date=&date=", "x=%00"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, path := range []string{"/api/control", "/api/events", "/api/areas", "/api/history", "/ogc/collections/control/items"} {
			rec := fuzzGet(t, s, path, q)
			if rec.Code >= 500 {
				t.Fatalf("%s?%s: got %d %s", path, q, rec.Code, rec.Body)
			}
			if rec.Code == 200 && !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("%s?%s: 200 with invalid JSON", path, q)
			}
		}
	})
}

// validQuery must reject exactly what url.ParseQuery rejects.
func FuzzValidQuery(f *testing.F) {
	for _, q := range []string{"date=2021-09-06", "a=%zz", "a=%4", "a;b", "%", "a=%41&b=%e2%82%ac", ""} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := url.ParseQuery(q)
		if got := validQuery(q); (got == nil) != (err == nil) {
			t.Errorf("%q: validQuery says %v, url.ParseQuery says %v", q, got, err)
		}
	})
}

// FuzzOGCQuery sends arbitrary query strings to every OGC endpoint (issue
// 15.1: an offset near the integer limit once panicked the items handler):
// never a 5xx; a 200 is JSON or an HTML page.
func FuzzOGCQuery(f *testing.F) {
	s := newFixtureServer(f)
	for _, q := range []string{"offset=9223372036854775807&limit=1", "offset=9223372036854775807&limit=9223372036854775807&f=html",
		"limit=-9223372036854775808", "bbox=69,35,70,36&datetime=2021-09-06", "bbox=1,2,3,4,5,6", "datetime=2021-09-06t00:00:00z",
		"filter=status%20IN%20('taliban')", "filter=T_INTERSECTS(valid_from,DATE('2021-09-01'))&filter-lang=cql2-text",
		"filter=((((", "f=html&detail=display", "offset=18446744073709551616"} {
		f.Add(q)
	}
	paths := []string{"/ogc", "/ogc/conformance", "/ogc/api", "/ogc/collections", "/ogc/collections/control",
		"/ogc/collections/control/items", "/ogc/collections/events/items", "/ogc/collections/areas/items/AF0001",
		"/ogc/collections/control/queryables", "/ogc/collections/control/schema"}
	f.Fuzz(func(t *testing.T, q string) {
		for _, path := range paths {
			rec := fuzzGet(t, s, path, q)
			if rec.Code >= 500 {
				t.Fatalf("%s?%s: got %d %s", path, q, rec.Code, rec.Body)
			}
			html := strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html")
			if rec.Code == 200 && !html && !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("%s?%s: 200 with invalid JSON", path, q)
			}
		}
	})
}

// fuzzGet sends GET path?q (q as it is, unescaped) to s.
func fuzzGet(t *testing.T, s *Server, path, q string) *httptest.ResponseRecorder {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, "http://x"+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.URL.RawQuery = q
	req.RequestURI = req.URL.RequestURI()
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}
