package server

import (
	"net/http"
	"strings"
	"testing"
)

// Another region is a file, not code: the fixture's region.csv names its
// services, credits its boundaries and titles its pictures, through the
// same binary as the Panjshir map.
func TestRegionNamesTheServices(t *testing.T) {
	t.Parallel()
	h := newFixtureServer(t).Handler()
	for _, tc := range []struct{ target, want string }{
		{"/ogc", `"title":"controlmap: Testland"`},
		{"/ogc", "Two hand-drawn districts and three provinces, for the tests. Boundaries: hand-drawn for the tests."},
		{"/ogc?f=html", "<footer>Boundaries: hand-drawn for the tests. "},
		{"/ogc/collections/areas?f=html", "<footer>Boundaries: hand-drawn for the tests. "},
		{"/ogc/api", "Two hand-drawn districts and three provinces"},
		{"/api/export/history.kml", "<name>controlmap: Testland</name>"},
		{"/api/export/controlmap.qlr", "Boundaries: hand-drawn for the tests"},
		{"/api/timeline", `"attribution":"Boundaries: hand-drawn for the tests"`},
		{"/api/export/map.svg?date=2021-09-05", "Testland: who held what"},
		{"/api/export/map.svg?date=2021-09-05&lang=fa", "سرزمین آزمایش"},
	} {
		rec := get(t, h, http.MethodGet, tc.target)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("%s: %d, no %q", tc.target, rec.Code, tc.want)
		}
		if strings.Contains(rec.Body.String(), "Panjshir") || strings.Contains(rec.Body.String(), "AGCHO") {
			t.Errorf("%s still names the Panjshir map or its boundary source", tc.target)
		}
	}
}
