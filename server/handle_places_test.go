package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/wire"
)

// TestPagesDocuments: the places, the chapters and the about page the map
// needs, from the real dataset.
func TestPagesDocuments(t *testing.T) {
	t.Parallel()
	h := newEmbeddedServer(t).Handler()
	tests := []struct {
		target, ctype string
		check         func(t *testing.T, body string)
	}{
		{"/api/places", wire.TypeGeoJSON, func(t *testing.T, body string) {
			var fc struct {
				Features []struct{ Properties map[string]any }
			}
			if err := json.Unmarshal([]byte(body), &fc); err != nil || len(fc.Features) == 0 {
				t.Fatalf("got %d places (%v), want some", len(fc.Features), err)
			}
			for _, f := range fc.Features {
				if f.Properties["source"] == "" || f.Properties["name"] == "" {
					t.Errorf("place without a name or a source: %v", f.Properties)
				}
			}
		}},
		{"/api/periods", wire.TypeJSON, func(t *testing.T, body string) {
			if !strings.Contains(body, `"fall-of-panjshir"`) || !strings.Contains(body, `"title_fa"`) {
				t.Errorf("periods: %.200s", body)
			}
		}},
		{"/api/provinces", wire.TypeGeoJSON, func(t *testing.T, body string) {
			if n := strings.Count(body, `"type":"Feature"`); n != 34 || !strings.Contains(body, `"follows":"AF0801"`) || !strings.Contains(body, `"runs"`) {
				t.Errorf("provinces: %d features: %.200s", n, body)
			}
		}},
		{"/about", wire.TypeHTML, func(t *testing.T, body string) {
			if !strings.Contains(body, "<h1") || !strings.Contains(body, "contested") || !strings.Contains(body, "GeoNames") {
				t.Errorf("about page without the methodology or the credits: %.200s", body)
			}
			if !strings.Contains(body, "CC BY 4.0</a>, the boundaries") || !strings.Contains(body, "CITATION.cff") {
				t.Error("the about page does not say the dataset's licence or how to cite it")
			}
		}},
		{"/about?lang=fa", wire.TypeHTML, func(t *testing.T, body string) {
			if !strings.Contains(body, "مجوزها") || !strings.Contains(body, "CITATION.cff") {
				t.Error("the Dari about page does not say the licences")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := get(t, h, http.MethodGet, tt.target)
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != tt.ctype {
				t.Fatalf("got %d %s, want 200 %s", rec.Code, rec.Header().Get("Content-Type"), tt.ctype)
			}
			tt.check(t, rec.Body.String())
		})
	}
}
