package server

import (
	"fmt"

	"github.com/controlmap/controlmap/data/datatest"
	"github.com/controlmap/controlmap/ogc"
	"github.com/controlmap/controlmap/wire"

	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
)

func getJSON(t *testing.T, h http.Handler, target string) (int, map[string]any) {
	t.Helper()
	rec := get(t, h, http.MethodGet, target)
	var v map[string]any
	if rec.Code == 200 && strings.Contains(rec.Header().Get("Content-Type"), "json") {
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", target, err)
		}
	}
	return rec.Code, v
}

func rels(v map[string]any) map[string]string {
	out := map[string]string{}
	for _, l := range v["links"].([]any) {
		m := l.(map[string]any)
		out[m["rel"].(string)+" "+m["type"].(string)] = m["href"].(string)
	}
	return out
}

func TestOGCLandingAndConformance(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	_, landing := getJSON(t, h, "/ogc")
	r := rels(landing)
	for _, want := range []string{"self application/json", "alternate text/html", "service-desc " + wire.TypeOpenAPI,
		"conformance application/json", "data application/json"} {
		if r[want] == "" {
			t.Errorf("landing page has no %s link: %v", want, r)
		}
	}
	_, conf := getJSON(t, h, "/ogc/conformance")
	if got := len(conf["conformsTo"].([]any)); got != 9 {
		t.Errorf("conformsTo has %d classes, want core, oas30, html, geojson and five of Part 3 and CQL2", got)
	}
	rec := get(t, h, http.MethodGet, "/ogc/api")
	var api map[string]any
	if rec.Header().Get("Content-Type") != wire.TypeOpenAPI || json.Unmarshal(rec.Body.Bytes(), &api) != nil || api["openapi"] != "3.0.3" {
		t.Errorf("/ogc/api: %s, %.100s", rec.Header().Get("Content-Type"), rec.Body)
	}
	for _, cid := range []string{"areas", "control", "events", "countryside", "provinces"} {
		if _, ok := api["paths"].(map[string]any)["/collections/"+cid+"/items"]; !ok {
			t.Errorf("the OpenAPI document does not describe the items of %s", cid)
		}
	}
}

func TestOGCCollections(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	_, v := getJSON(t, h, "/ogc/collections")
	cols := v["collections"].([]any)
	if len(cols) != 5 {
		t.Fatalf("got %d collections, want areas, control, events, countryside, provinces", len(cols))
	}
	for _, c := range cols {
		col := c.(map[string]any)
		r := rels(col)
		for _, want := range []string{"items " + wire.TypeGeoJSON, "describedby " + wire.TypeSchema, "self application/json"} {
			if r[want] == "" {
				t.Errorf("%s: no %s link", col["id"], want)
			}
		}
		ext := col["extent"].(map[string]any)
		if _, ok := ext["spatial"]; !ok {
			t.Errorf("%s: no spatial extent", col["id"])
		}
		temporal, ok := ext["temporal"].(map[string]any)
		if ok != (col["id"] != "areas" && col["id"] != "provinces") { // the layers without time
			t.Errorf("%s: temporal extent present %v", col["id"], ok)
		}
		if !ok {
			continue
		}
		// The extent starts when the first day starts in Afghanistan: as a
		// datetime it is that day, not the day before (issue 24).
		start := temporal["interval"].([]any)[0].([]any)[0].(string)
		p, err := ogc.ParseDatetime(start, newFixtureServer(t).ds.Region.Zone)
		_, first := getJSON(t, h, "/ogc/collections/"+col["id"].(string)+"/items?limit=1&datetime="+url.QueryEscape("../"+start))
		if err != nil || first["numberMatched"].(float64) == 0 || !strings.HasSuffix(start, "T19:30:00Z") {
			t.Errorf("%s: temporal extent starts %s (%v, day %s): finds %v features", col["id"], start, err, p.From, first["numberMatched"])
		}
	}
	code, schema := getJSON(t, h, "/ogc/collections/control/schema")
	props, _ := schema["properties"].(map[string]any)
	if code != 200 || props["valid_from"].(map[string]any)["format"] != "date" || props["valid_to"].(map[string]any)["format"] != "date" {
		t.Errorf("control schema: %d %v", code, props)
	}
	// QGIS picks a date field for time: no other date field may look like a start or end.
	for name, p := range props {
		if f, _ := p.(map[string]any)["format"].(string); f != "" && name != "valid_from" && name != "valid_to" {
			for _, bad := range []string{"from", "to", "start", "end", "last"} {
				if strings.Contains(name, bad) {
					t.Errorf("date field %q could be taken for the validity", name)
				}
			}
		}
	}
}

func TestOGCItems(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	h := s.Handler()
	n := len(s.ds.History()) // the counts follow the dataset, not a copy of it
	events := func(from, to string) int { return len(s.ds.EventsBetween(datatest.Day(t, from), datatest.Day(t, to))) }
	// intervals counts the control intervals that began by `by` and were
	// still valid after `after`: datetime=../by&datetime=after/.. (GDAL's
	// "valid_from <= by AND valid_to > after").
	intervals := func(by, after string) (n int) {
		for _, iv := range s.ds.History() {
			if iv.From <= datatest.Day(t, by) && (iv.To == 0 || iv.To > datatest.Day(t, after)) {
				n++
			}
		}
		return n
	}
	// withStatus and startingOn count the intervals of a status and those
	// that begin on a day (property parameters).
	withStatus := func(status string) (n int) {
		for _, iv := range s.ds.History() {
			if string(iv.Status) == status {
				n++
			}
		}
		return n
	}
	startingOn := func(day string) (n int) {
		for _, iv := range s.ds.History() {
			if iv.From == datatest.Day(t, day) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		target  string
		matched int
		ret     int
	}{
		{"/ogc/collections/control/items?datetime=2021-09-06", 10, 10},
		// a property as a parameter (Part 1, /rec/core/fc-filters)
		{"/ogc/collections/control/items?status=taliban&limit=1000", withStatus("taliban"), withStatus("taliban")},
		{"/ogc/collections/control/items?status=resistance&pcode=AF0801&filter=status%3D'taliban'", 0, 0},
		{"/ogc/collections/control/items?valid_from=2021-08-01&limit=1000", startingOn("2021-08-01"), startingOn("2021-08-01")},
		{"/ogc/collections/areas/items?pcode=AF0801", 1, 1},
		{"/ogc/collections/control/items?datetime=2021-09-06T", 10, 10},
		{"/ogc/collections/control/items", n, n},
		{"/ogc/collections/control/items?limit=10", n, 10},
		{fmt.Sprintf("/ogc/collections/control/items?limit=10&offset=%d", n-4), n, 4},
		{"/ogc/collections/control/items?datetime=2021-09-06&bbox=69.505,35.39,69.515,35.4", 1, 1}, // around Bazarak's label point
		{"/ogc/collections/areas/items?datetime=1999-01-01", 10, 10},                               // undated: always
		{"/ogc/collections/areas/items?bbox=69.0,35.7,69.1,35.8", 1, 1},
		{"/ogc/collections/events/items?datetime=2021-09-05", events("2021-09-05", "2021-09-05"), events("2021-09-05", "2021-09-05")},
		{"/ogc/collections/events/items?datetime=2021-08-20/2021-08-21", events("2021-08-20", "2021-08-21"), events("2021-08-20", "2021-08-21")},
		{"/ogc/collections/events/items?datetime=2030-01-01/..", 0, 0},
		// datetime given twice: every part holds.
		{"/ogc/collections/control/items?datetime=..%2F2022-01-01T&datetime=2022-01-01T%2F..", 10, 10},
		{"/ogc/collections/control/items?datetime=../2021-09-06&datetime=2021-08-20/..", intervals("2021-09-06", "2021-08-20"), intervals("2021-09-06", "2021-08-20")},
		{"/ogc/collections/control/items?datetime=2021-08-01/2021-08-10&datetime=2021-09-01/..", intervals("2021-08-10", "2021-09-01"), intervals("2021-08-10", "2021-09-01")},
		// a box across the antimeridian is valid, and nothing here is in it.
		{"/ogc/collections/areas/items?bbox=170,35,-170,36", 0, 0},
		{"/ogc/collections/areas/items?bbox=60,35,-170,36", 10, 10}, // 60°E eastwards to 170°W: the valley
	}
	for _, tt := range tests {
		code, v := getJSON(t, h, tt.target)
		if code != 200 {
			t.Errorf("%s: %d", tt.target, code)
			continue
		}
		if int(v["numberMatched"].(float64)) != tt.matched || int(v["numberReturned"].(float64)) != tt.ret || len(v["features"].([]any)) != tt.ret {
			t.Errorf("%s: matched %v returned %v, want %d %d", tt.target, v["numberMatched"], v["numberReturned"], tt.matched, tt.ret)
		}
		next := rels(v)["next "+wire.TypeGeoJSON]
		if wantNext := tt.matched > tt.ret && !strings.Contains(tt.target, "offset="); (next != "") != wantNext {
			t.Errorf("%s: next link %q, want one: %v", tt.target, next, wantNext)
		}
	}
}

// TestOGCItemsPaging: following the next links visits every feature once.
func TestOGCItemsPaging(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	h := s.Handler()
	n := len(s.ds.History())
	seen := map[string]bool{}
	target := "/ogc/collections/control/items?limit=7"
	for target != "" {
		_, v := getJSON(t, h, target)
		for _, f := range v["features"].([]any) {
			id := f.(map[string]any)["id"].(string)
			if seen[id] {
				t.Fatalf("feature %s twice", id)
			}
			seen[id] = true
		}
		target = ""
		if next := rels(v)["next "+wire.TypeGeoJSON]; next != "" {
			u, _ := url.Parse(next)
			target = u.RequestURI()
		}
	}
	if len(seen) != n {
		t.Errorf("paging visited %d features, want %d", len(seen), n)
	}
}

func TestOGCErrors(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	tests := []struct {
		target string
		status int
		param  string
	}{
		{"/ogc/collections/nope", 404, ""},
		{"/ogc/collections/nope/items", 404, ""},
		{"/ogc/collections/control/items/AF0801_1999-01-01", 404, ""},
		{"/ogc/collections/control/items?datetime=2021-09-07/2021-09-06", 400, "datetime"},
		{"/ogc/collections/control/items?datetime=soon", 400, "datetime"},
		{"/ogc/collections/control/items?bbox=1,2,3", 400, "bbox"},
		{"/ogc/collections/control/items?limit=0", 400, "limit"},
		{"/ogc/collections/control/items?limit=1.5", 400, "limit"},
		{"/ogc/collections/control/items?filter=party='taliban'", 400, "filter"},
		{"/ogc/collections/control/items?filter=status=", 400, "filter"},
		{"/ogc/collections/control/items?filter=status='a'&filter-lang=cql2-json", 400, "filter-lang"},
		{"/ogc/collections/control/items?bbox=1,2,3,4,5", 400, "bbox"},
		{"/ogc/collections/control/items?offset=-1", 400, "offset"},
		{"/ogc/collections/control/items?f=xml", 400, "f"},
		{"/ogc/collections/control/items?filter=nope='taliban'", 400, "filter"},
		{"/ogc/collections?bbox=1,2,3,4", 400, "bbox"},
		{"/ogc/collections/control/items?event_type=Battles", 400, "event_type"}, // a property of events only
		{"/ogc/collections/events/items?fatalities=many", 400, "fatalities"},
		{"/ogc/collections/control/items?valid_from=soon", 400, "valid_from"},
		{"/ogc/collections/control/items?statuss=taliban", 400, "statuss"},
	}
	for _, tt := range tests {
		rec := get(t, h, http.MethodGet, tt.target)
		var p problem
		_ = json.Unmarshal(rec.Body.Bytes(), &p)
		if rec.Code != tt.status || p.Param != tt.param || rec.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s: got %d %q %q, want %d naming %q", tt.target, rec.Code, p.Param, p.Detail, tt.status, tt.param)
		}
	}
}

func TestOGCHTML(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	for _, target := range []string{"/ogc?f=html", "/ogc/conformance?f=html", "/ogc/collections?f=html", "/ogc/collections/control?f=html",
		"/ogc/collections/control/items?f=html&datetime=2021-09-06", "/ogc/collections/areas/items/AF0801?f=html", "/ogc/api?f=html"} {
		rec := get(t, h, http.MethodGet, target)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != wire.TypeHTML || !strings.Contains(rec.Body.String(), "</html>") {
			t.Errorf("%s: got %d %s", target, rec.Code, rec.Header().Get("Content-Type"))
		}
		if strings.Contains(target, "items") && !strings.Contains(rec.Body.String(), `id="ogc-map"`) {
			t.Errorf("%s: no map", target)
		}
	}
	req, _ := http.NewRequest(http.MethodGet, "/ogc/collections", nil)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	rec := newRecorder(h, req)
	if rec.Header().Get("Content-Type") != wire.TypeHTML {
		t.Errorf("a browser's Accept header got %s, want HTML", rec.Header().Get("Content-Type"))
	}
}

// Issue 21: the OGC countryside collection on day D (datetime=D) says for
// each district what /api/control's countryside member says on D.
func TestOGCCountrysideMatchesControl(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	for _, day := range []string{"2021-09-06", "2022-06-01", "2022-09-12", "2024-06-06"} {
		_, control := getJSON(t, h, "/api/control?date="+day)
		want := map[string]string{}
		for _, f := range control["features"].([]any) {
			c := f.(map[string]any)["properties"].(map[string]any)["countryside"].(map[string]any)
			want[f.(map[string]any)["id"].(string)] = fmt.Sprint(c["insurgent"].(map[string]any)["count"], c["ruling"].(map[string]any)["count"],
				len(c["presence"].([]any)), c["independent_reporting"], c["valid_from"])
		}
		_, items := getJSON(t, h, "/ogc/collections/countryside/items?limit=1000&datetime="+day)
		feats := items["features"].([]any)
		if len(feats) != len(want) {
			t.Fatalf("%s: %d countryside features, want one per district (%d)", day, len(feats), len(want))
		}
		for _, f := range feats {
			p := f.(map[string]any)["properties"].(map[string]any)
			presence := 0
			for _, side := range []string{"presence_insurgent", "presence_ruling"} {
				if p[side] != nil {
					presence++
				}
			}
			if got := fmt.Sprint(p["insurgent_events"], p["ruling_events"], presence, p["independent_reporting"], p["valid_from"]); got != want[p["pcode"].(string)] {
				t.Errorf("%s, %s: OGC %s, /api/control %s", day, p["pcode"], got, want[p["pcode"].(string)])
			}
		}
	}
}

// The CQL2 examples a reader copies, from the README and the OpenAPI
// definition, give at most one feature per district: a map of one day, not
// two states of one district (issue 24).
func TestOGCFilterExamplesGiveOneFeaturePerDistrict(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, api := getJSON(t, h, "/ogc/api")
	desc := api["components"].(map[string]any)["parameters"].(map[string]any)["filter"].(map[string]any)["description"].(string)
	examples := map[string]string{}
	if m := regexp.MustCompile(`--data-urlencode "filter=([^"]+)"`).FindSubmatch(readme); m != nil {
		examples["README"] = string(m[1])
	}
	if _, ex, ok := strings.Cut(desc, "2021: "); ok {
		examples["OpenAPI"] = ex
	}
	if len(examples) != 2 {
		t.Fatalf("found the examples %v, want the README's and the OpenAPI's", examples)
	}
	for where, f := range examples {
		_, v := getJSON(t, h, "/ogc/collections/control/items?limit=1000&filter="+url.QueryEscape(f))
		feats, _ := v["features"].([]any)
		seen := map[string]bool{}
		for _, ft := range feats {
			pc := ft.(map[string]any)["properties"].(map[string]any)["pcode"].(string)
			if seen[pc] {
				t.Errorf("%s's example %q gives %s twice", where, f, pc)
			}
			seen[pc] = true
		}
		if len(feats) == 0 {
			t.Errorf("%s's example %q gives nothing", where, f)
		}
	}
}
