package export

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
	"github.com/controlmap/controlmap/wire"
)

// The files written here paint with the region's colours (wire.Colours),
// the ones the timeline gives the page: a party's colour is in region.csv
// and nowhere in the page's code, so a GeoPackage styled from the .qlr and
// the map cannot disagree.
func TestPaletteIsTheRegions(t *testing.T) {
	t.Parallel()
	region := datatest.Embedded(t).Region
	js, err := os.ReadFile("../web/static/js/style.js")
	if err != nil {
		t.Fatal(err)
	}
	p := paintOf(region)
	for st, hex := range wire.Colours(region) {
		if got := fmt.Sprintf("#%02X%02X%02X", p.colour(st).R, p.colour(st).G, p.colour(st).B); !strings.EqualFold(got, hex) {
			t.Errorf("%s: painted %s, the region says %s", st, got, hex)
		}
		if strings.Contains(strings.ToUpper(string(js)), strings.ToUpper(hex)) {
			t.Errorf("style.js writes %s's colour %s itself: it must come from the timeline", st, hex)
		}
		if l := p.label(st); l == "" || strings.Contains(l, "_") {
			t.Errorf("%s: label %q", st, l)
		}
	}
	for _, pd := range region.Parties {
		if p.label(data.Status(pd.ID)) != pd.NameIn("en") {
			t.Errorf("%s: label %q, want the region's %q", pd.ID, p.label(data.Status(pd.ID)), pd.NameIn("en"))
		}
		if ink := p.ink[pd.Role]; fmt.Sprintf("#%02X%02X%02X", ink.R, ink.G, ink.B) != strings.ToUpper(pd.Ink) {
			t.Errorf("%s: badge ground %v, want its ink %s", pd.ID, ink, pd.Ink)
		}
	}
}
