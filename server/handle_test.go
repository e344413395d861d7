package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/controlmap/controlmap/data"
)

func TestBadRequests(t *testing.T) {
	t.Parallel()
	h := newFixtureServer(t).Handler()
	tests := []struct {
		target string
		status int
		param  string // the parameter the problem must name
	}{
		{"/api/control?date=2021-02-30", 400, "date"},
		{"/api/control?date=yesterday", 400, "date"},
		{"/api/control?date=2021-9-6", 400, "date"},
		{"/api/control?date=", 400, "date"},
		{"/api/control?date=2021-09-01&date=2021-09-02", 400, "date"},
		{"/api/control?data=2021-09-01", 400, "data"},
		{"/api/control?detail=high", 400, "detail"},
		{"/api/areas?detail=", 400, "detail"},
		{"/api/history?date=2021-09-01", 400, "date"},
		{"/api/events?from=2021-09-07&to=2021-09-01", 400, "to"},
		{"/api/events?from=last%20week", 400, "from"},
		{"/api/timeline?x=1", 400, "x"},
		{"/api/sources?id=S1", 400, "id"},
		{"/api/nothing", 404, ""},
		{"/../etc/passwd", 404, ""},
		{"/js/../../go.mod", 404, ""},
		{"/js/%2e%2e/%2e%2e/go.mod", 404, ""},
		{"/js", 404, ""},
		{"/index.html%00.js", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, tt.target)
			if rec.Code != tt.status {
				t.Fatalf("got status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("got Content-Type %q, want application/problem+json", ct)
			}
			var p problem
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
				t.Fatalf("problem is not JSON: %v", err)
			}
			if p.Status != tt.status || p.Title == "" {
				t.Errorf("got problem %+v, want status %d and a title", p, tt.status)
			}
			if p.Param != tt.param || (tt.param != "" && !strings.Contains(p.Detail, tt.param)) {
				t.Errorf("got parameter %q, detail %q; want both to name %q", p.Param, p.Detail, tt.param)
			}
		})
	}
}

func TestMethods(t *testing.T) {
	t.Parallel()
	h := newFixtureServer(t).Handler()
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
		rec := get(t, h, m, "/api/control")
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD, OPTIONS" {
			t.Errorf("%s: got %d, Allow %q; want 405 and GET, HEAD, OPTIONS", m, rec.Code, rec.Header().Get("Allow"))
		}
	}
	get200 := get(t, h, http.MethodGet, "/api/areas")
	head := get(t, h, http.MethodHead, "/api/areas")
	if head.Code != 200 || head.Body.Len() != 0 || head.Header().Get("Content-Length") != get200.Header().Get("Content-Length") {
		t.Errorf("HEAD: got %d with %d body bytes and length %q; want 200, no body, the GET's length %q",
			head.Code, head.Body.Len(), head.Header().Get("Content-Length"), get200.Header().Get("Content-Length"))
	}
}

func TestStaticFiles(t *testing.T) {
	t.Parallel()
	h := newFixtureServer(t).Handler()
	tests := []struct{ target, ctype string }{
		{"/", "text/html; charset=utf-8"},
		{"/index.html", "text/html; charset=utf-8"},
		{"/js/main.js", "text/javascript; charset=utf-8"},
		{"/css/app.css", "text/css; charset=utf-8"},
	}
	for _, tt := range tests {
		rec := get(t, h, http.MethodGet, tt.target)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != tt.ctype {
			t.Errorf("%s: got %d %q, want 200 %q", tt.target, rec.Code, rec.Header().Get("Content-Type"), tt.ctype)
		}
	}
}

// A handler called directly, without the router: parameters come from the
// context, and errors are returned, not written.
func TestHandleControlDirect(t *testing.T) {
	t.Parallel()
	s := newFixtureServer(t)
	e := echo.New()
	rec := httptest.NewRecorder()
	c := e.NewContext(httptest.NewRequest(http.MethodGet, "/api/control?date=2021-09-31", nil), rec)
	var r request
	if err := r.parse(c.QueryString(), []string{paramDate, paramDetail}); err != nil {
		t.Fatal(err)
	}
	err := s.handleControl(c, &r)
	var pe *ParamError
	if !errors.As(err, &pe) || pe.Param != "date" {
		t.Fatalf("got %v, want a ParamError for date", err)
	}
	if rec.Body.Len() != 0 {
		t.Error("the handler wrote a body for an error; the error handler should")
	}
}

// TestEmbeddedControlEveryDay asks the real API for every snapshot
// from the day before the first record to tomorrow (the states hold between
// their first days, so this is every answer there is, at a cost that
// follows the data, not the calendar) and checks the answer's shape and
// sourcing.
func TestEmbeddedControlEveryDay(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	h := s.Handler()
	days := append([]data.Day{s.ds.First.AddDays(-1)}, s.ds.SnapshotDays()...)
	for _, d := range append(days, s.today(), s.today().AddDays(1)) {
		rec := get(t, h, http.MethodGet, "/api/control?date="+d.String())
		if rec.Code != 200 {
			t.Fatalf("%s: got %d", d, rec.Code)
		}
		fc, err := geojson.UnmarshalFeatureCollection(rec.Body.Bytes())
		if err != nil || len(fc.Features) != 10 {
			t.Fatalf("%s: got %v features, error %v; want 10", d, len(fc.Features), err)
		}
		for _, f := range fc.Features {
			status := f.Properties.MustString("status")
			srcs, _ := f.Properties["sources"].([]any)
			if d < s.ds.First {
				if status != string(data.StatusUnknown) {
					t.Fatalf("%s %v: got %s before the first record, want unknown", d, f.ID, status)
				}
				continue
			}
			if status == string(data.StatusUnknown) || len(srcs) == 0 {
				t.Fatalf("%s %v: got status %s with %d sources", d, f.ID, status, len(srcs))
			}
			for _, src := range srcs {
				if u, _ := src.(map[string]any)["url"].(string); !strings.HasPrefix(u, "http") {
					t.Fatalf("%s %v: source without URL: %v", d, f.ID, src)
				}
			}
		}
	}
}

// RFC 7946: lon/lat order, outer rings counter-clockwise, holes clockwise,
// closed rings; for both details.
func TestEmbeddedGeometryIsRFC7946(t *testing.T) {
	t.Parallel()
	srv := newEmbeddedServer(t)
	h := srv.Handler()
	for _, target := range []string{"/api/areas", "/api/areas?detail=full", "/api/history"} {
		rec := get(t, h, http.MethodGet, target)
		fc, err := geojson.UnmarshalFeatureCollection(rec.Body.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fc.Features {
			mp, ok := f.Geometry.(orb.MultiPolygon)
			if !ok {
				t.Fatalf("%s %v: got %T, want MultiPolygon", target, f.ID, f.Geometry)
			}
			for _, poly := range mp {
				for i, r := range poly {
					want := orb.CCW
					if i > 0 {
						want = orb.CW
					}
					if r.Orientation() != want || !r.Closed() {
						t.Errorf("%s %v ring %d: orientation %v closed %v", target, f.ID, i, r.Orientation(), r.Closed())
					}
					for _, p := range r {
						if p[0] < 60 || p[0] > 75 || p[1] < 29 || p[1] > 39 {
							t.Fatalf("%s %v: %v is not lon/lat in Afghanistan", target, f.ID, p)
						}
					}
				}
			}
		}
		if credit := srv.ds.Region.Credit; credit == "" || !strings.Contains(rec.Body.String(), credit) {
			t.Errorf("%s: no boundary attribution (the region's credit)", target)
		}
	}
}

func TestEmbeddedDisplaySize(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	var n int
	for i := range s.ds.Areas {
		b, err := json.Marshal(geojson.NewGeometry(s.ds.Areas[i].Geom(data.DetailDisplay)))
		if err != nil {
			t.Fatal(err)
		}
		n += len(b)
	}
	if n > 60_000 {
		t.Errorf("display geometry of the ten districts is %d bytes, want at most about 60 KB", n)
	}
}
