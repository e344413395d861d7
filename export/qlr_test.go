package export

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestQLR(t *testing.T) {
	t.Parallel()
	b, err := ControlQLR("https://maps.example")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Layer struct {
			Datasource string `xml:"datasource"`
			Provider   string `xml:"provider"`
			Temporal   struct {
				Enabled    string `xml:"enabled,attr"`
				Mode       string `xml:"mode,attr"`
				StartField string `xml:"startField,attr"`
				EndField   string `xml:"endField,attr"`
			} `xml:"temporal"`
			Renderer struct {
				Attr       string `xml:"attr,attr"`
				Categories []struct {
					Value string `xml:"value,attr"`
				} `xml:"categories>category"`
			} `xml:"renderer-v2"`
		} `xml:"maplayers>maplayer"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	l := doc.Layer
	for _, want := range []string{"url='https://maps.example/ogc'", "typename='control'", "version='OGC_API_FEATURES'"} {
		if !strings.Contains(l.Datasource, want) {
			t.Errorf("datasource %q lacks %s", l.Datasource, want)
		}
	}
	if l.Provider != "WFS" || l.Temporal.Enabled != "1" || l.Temporal.Mode != "2" || l.Temporal.StartField != "valid_from" || l.Temporal.EndField != "valid_to" {
		t.Errorf("provider %q, temporal %+v: want WFS, enabled, start and end from valid_from and valid_to", l.Provider, l.Temporal)
	}
	if l.Renderer.Attr != "status" || len(l.Renderer.Categories) != 4 {
		t.Errorf("renderer by %q with %d categories, want status with 4", l.Renderer.Attr, len(l.Renderer.Categories))
	}
}
