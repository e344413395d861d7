package export

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data/datatest"
)

func TestQLR(t *testing.T) {
	t.Parallel()
	b, err := ControlQLR("https://maps.example", datatest.Embedded(t).Region)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Layer struct {
			Datasource string `xml:"datasource"`
			Provider   string `xml:"provider"`
			Temporal   struct {
				Enabled   string `xml:"enabled,attr"`
				Mode      string `xml:"mode,attr"`
				StartExpr string `xml:"startExpression,attr"`
				EndExpr   string `xml:"endExpression,attr"`
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
	for _, want := range []string{"url='https://maps.example/ogc'", "typename='control'"} {
		if !strings.Contains(l.Datasource, want) {
			t.Errorf("datasource %q lacks %s", l.Datasource, want)
		}
	}
	// Provider WFS makes QGIS send a WFS GetCapabilities (issue 14.1); field
	// mode shows each change a day early in QGIS 3.22 (issue 14.2).
	if l.Provider != "OAPIF" || l.Temporal.Enabled != "1" || l.Temporal.Mode != "4" || l.Temporal.StartExpr != QGISStart || l.Temporal.EndExpr != QGISEnd {
		t.Errorf("provider %q, temporal %+v: want OAPIF, enabled, expression mode with %s and %s", l.Provider, l.Temporal, QGISStart, QGISEnd)
	}
	if l.Renderer.Attr != "status" || len(l.Renderer.Categories) != 4 {
		t.Errorf("renderer by %q with %d categories, want status with 4", l.Renderer.Attr, len(l.Renderer.Categories))
	}
}

// A base URL with XML's special characters still gives well-formed XML.
func TestQLREscapes(t *testing.T) {
	t.Parallel()
	b, err := ControlQLR(`http://x"/><evil a='&`, datatest.Embedded(t).Region)
	if err != nil {
		t.Fatal(err)
	}
	var v struct{}
	if err := xml.Unmarshal(b, &v); err != nil || strings.Contains(string(b), "<evil") {
		t.Errorf("not escaped: %v", err)
	}
}
