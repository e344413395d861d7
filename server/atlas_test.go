package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/controlmap/controlmap/data"
)

// newAtlasServer serves the second atlas (data/testdata/riverland): another
// region through the same code, with its own time zone (UTC-5), its own
// parties (a government and rebels, no former government), one admin level
// and one language. now is the server's clock.
func newAtlasServer(t testing.TB, now time.Time) *Server {
	t.Helper()
	fsys := os.DirFS("../data/testdata/riverland")
	ds, err := data.Load(fsys, fsys)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Version: "test", Now: func() time.Time { return now }, Logger: quietLog, PublicURL: "https://maps.example.org/riverland/"}, ds, testWeb)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Nothing of the Panjshir map leaks into another region's answers: its
// parties, its places, its boundary source, its language.
var panjshirWords = regexp.MustCompile(`(?i)taliban|resistance|republic|\bNRF\b|panjsh|andarab|afghan|kabul|AGCHO|COD-AB|solar-hijri|"fa"|\+04:30`)

// The second atlas: its parties are the statuses and the sides, its colours
// fill its pictures and files, its day begins at its own midnight, it has
// no provinces and no Dari, and none of its answers names the Panjshir map.
func TestSecondAtlas(t *testing.T) {
	t.Parallel()
	// 03:00 UTC on 16 March 2024 is still 15 March at UTC-5 (in Kabul it
	// is the 16th): the map's today is its region's.
	now := time.Date(2024, 3, 16, 3, 0, 0, 0, time.UTC)
	h := newAtlasServer(t, now).Handler()

	var tl struct {
		Statuses []string `json:"statuses"`
		Sides    []string `json:"sides"`
		Parties  []string `json:"parties"`
		End      string   `json:"end"`
		Offset   int      `json:"utc_offset_minutes"`
		Activity []struct {
			Month     string
			Insurgent int
			Ruling    int
		} `json:"activity"`
		Region struct {
			Languages []string
			Parties   []struct{ ID, Role, Colour string }
			Colours   map[string]string
		} `json:"region"`
	}
	decode(t, get(t, h, http.MethodGet, "/api/timeline"), &tl)
	if strings.Join(tl.Statuses, " ") != "government rebels contested" || strings.Join(tl.Sides, " ") != "government rebels" ||
		strings.Join(tl.Parties, " ") != "government rebels independent state" {
		t.Errorf("timeline vocabularies: %v, %v, %v", tl.Statuses, tl.Sides, tl.Parties)
	}
	if tl.End != "2024-03-15" || tl.Offset != -300 {
		t.Errorf("today is %s at an offset of %d minutes, want 2024-03-15 at -300", tl.End, tl.Offset)
	}
	if len(tl.Region.Languages) != 1 || len(tl.Region.Parties) != 2 || tl.Region.Parties[0].Role != "ruling" || tl.Region.Colours["government"] != "#CC79A7" {
		t.Errorf("timeline region: %+v", tl.Region)
	}
	if len(tl.Activity) == 0 || tl.Activity[0].Insurgent != 1 || tl.Activity[0].Ruling != 0 {
		t.Errorf("March 2024's activity: %+v, want the River Front's clash", tl.Activity)
	}

	// The day's state, its countryside by role, and the day's headline.
	var day struct {
		Features []struct {
			ID         string
			Properties struct {
				Status      string
				Countryside struct{ Insurgent struct{ Count int } }
			}
		}
	}
	decode(t, get(t, h, http.MethodGet, "/api/control?date=2024-03-12"), &day)
	got := map[string]string{}
	for _, f := range day.Features {
		got[f.ID] = f.Properties.Status
		if f.ID == "RL0003" && f.Properties.Countryside.Insurgent.Count != 1 {
			t.Errorf("Downriver on 12 March: %d insurgent events, want the River Front's clash", f.Properties.Countryside.Insurgent.Count)
		}
	}
	if got["RL0001"] != "government" || got["RL0002"] != "rebels" || got["RL0003"] != "contested" {
		t.Errorf("12 March 2024: %v", got)
	}

	// The OGC API: a date-time is a day at UTC-5, the temporal extent
	// begins at its midnight, and there is no provinces collection.
	for _, tc := range []struct {
		query string
		want  float64
	}{
		{"datetime=2024-03-15T03:00:00Z&filter=" + url.QueryEscape("status='rebels'"), 1}, // the 14th at UTC-5: Midriver still the rebels'
		{"datetime=2024-03-15T06:00:00Z&filter=" + url.QueryEscape("status='rebels'"), 0}, // the 15th: retaken
		{"filter=" + url.QueryEscape("status IN ('government','contested')"), 4},
	} {
		var fc map[string]any
		decode(t, get(t, h, http.MethodGet, "/ogc/collections/control/items?"+tc.query), &fc)
		if fc["numberMatched"] != tc.want {
			t.Errorf("control items?%s: %v matched, want %v", tc.query, fc["numberMatched"], tc.want)
		}
	}
	if body := get(t, h, http.MethodGet, "/ogc/collections/control").Body.String(); !strings.Contains(body, `"2024-03-01T05:00:00Z"`) {
		t.Errorf("the control collection's temporal extent does not begin at midnight UTC-5: %s", body)
	}
	if rec := get(t, h, http.MethodGet, "/ogc/collections/provinces"); rec.Code != http.StatusNotFound {
		t.Errorf("a region of one admin level has a provinces collection: %d", rec.Code)
	}
	if body := get(t, h, http.MethodGet, "/ogc/collections/countryside/queryables").Body.String(); !strings.Contains(body, `"insurgent_events"`) {
		t.Errorf("countryside queryables: %s", body)
	}

	// Pictures, KML and the QGIS layer file in the region's colours and
	// names; no Dari.
	for _, tc := range []struct{ target, want string }{
		{"/api/export/map.svg?date=2024-03-12", `fill="#cc79a7"`}, // the legend's swatch
		{"/api/export/map.svg?date=2024-03-12", "Government"},
		{"/api/export/map.svg?date=2024-03-12", "▲ Rebel, ■ Government acts"},
		{"/api/export/map.svg?date=2024-03-12&view=rebels", "as claimed by the River Front"},
		{"/api/export/history.kml", "<begin>2024-03-01T00:00:00-05:00</begin>"},
		{"/api/export/controlmap.qlr", `label="Government" value="government"`},
		{"/api/export/controlmap.qlr", "204,121,167"},
		{"/", `<title>controlmap: Riverland</title>`},
		{"/?date=2024-03-10&view=rebels", `content="Riverland on 10 March 2024 (Rebel claims)`},
		{"/ogc/api", "status IN ('government','contested')"},
		{"/ogc/api", "UTC-05:00"},
		{"/about", "How the Riverland map is made"}, // its own methodology (data.MethodFile)
	} {
		rec := get(t, h, http.MethodGet, tc.target)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("%s: %d, no %q", tc.target, rec.Code, tc.want)
		}
	}
	for _, target := range []string{"/api/export/map.png?date=2024-03-12&lang=fa", "/api/export/map.png?date=2024-03-12&view=taliban"} {
		if rec := get(t, h, http.MethodGet, target); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400: the region has no such language or view", target, rec.Code)
		}
	}
	if body := get(t, h, http.MethodGet, "/?lang=fa&date=2024-03-10").Body.String(); !strings.Contains(body, `content="Riverland on 10 March 2024`) {
		t.Error("a page asked for in Dari, which the region does not offer, is not previewed in English")
	}

	// None of the answers names the Panjshir map, its parties or its zone.
	for _, target := range []string{"/", "/about", "/corrections", "/api/timeline", "/api/control?date=2024-03-12", "/api/history", "/api/stats", "/api/areas", "/api/events",
		"/api/sources", "/api/control.csv?date=2024-03-12", "/api/diff?from=2024-03-01&to=2024-03-15", "/ogc", "/ogc/api", "/ogc/collections",
		"/ogc/collections/control/items", "/ogc/collections/countryside/items", "/ogc/collections/events/items", "/ogc/collections/countryside/queryables",
		"/api/export/history.kml", "/api/export/controlmap.qlr", "/api/export/map.svg?date=2024-03-12", "/api/export/history.csv", "/feed.atom",
		"/oembed?url=" + url.QueryEscape("https://maps.example.org/riverland/?date=2024-03-10")} {
		rec := get(t, h, http.MethodGet, target)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: %d", target, rec.Code)
			continue
		}
		if m := panjshirWords.FindString(rec.Body.String()); m != "" {
			i := strings.Index(rec.Body.String(), m)
			t.Errorf("%s names %q: …%s…", target, m, rec.Body.String()[max(0, i-80):min(rec.Body.Len(), i+80)])
		}
	}
}

// decode reads a JSON answer into v.
func decode(t *testing.T, rec *httptest.ResponseRecorder, v any) {
	t.Helper()
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatal(err)
	}
}

// The second atlas's static copy: what the region has, and no Dari or
// provinces' files, which it has not (a request for them is refused).
func TestSecondAtlasPublishes(t *testing.T) {
	t.Parallel()
	s := newAtlasServer(t, time.Date(2024, 3, 16, 3, 0, 0, 0, time.UTC))
	dir := t.TempDir()
	m, err := s.Publish(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name := range m.Files {
		if strings.Contains(name, ".fa.") || strings.Contains(name, "provinces") {
			t.Errorf("the copy has %s", name)
		}
	}
	for _, name := range []string{"index.html", "about.html", "api/timeline.json", "api/export/animation.gif", "api/export/map/2024-03-15.png"} {
		if _, ok := m.Files[name]; !ok {
			t.Errorf("the copy has no %s", name)
		}
	}
	index, err := os.ReadFile(dir + "/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(index), "<title>controlmap: Riverland</title>") || strings.Contains(string(index), "aboutFa") {
		t.Errorf("the copy's page is not the region's, or names a Dari file: %.400s", index)
	}
}
