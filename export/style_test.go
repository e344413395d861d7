package export

import (
	"fmt"
	"image/color"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data"
)

// The page draws with web/static/js/style.js; the files written here must
// use the same colours, or a GeoPackage styled from the .qlr and the map
// disagree.
func TestPaletteMatchesThePage(t *testing.T) {
	t.Parallel()
	js, err := os.ReadFile("../web/static/js/style.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range append(data.Statuses(), data.StatusUnknown) {
		c := Colour(st)
		want := fmt.Sprintf("%s: '#%02X%02X%02X'", st, c.R, c.G, c.B)
		re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(want))
		if !re.Match(js) {
			t.Errorf("style.js has no %s", want)
		}
		if Label(st) == "" || strings.Contains(Label(st), "_") {
			t.Errorf("%s: label %q", st, Label(st))
		}
	}
}

// The badges' grounds are the same on the page and in the pictures.
func TestBadgeColoursMatchThePage(t *testing.T) {
	t.Parallel()
	js, err := os.ReadFile("../web/static/js/style.js")
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`badgeColours = \{[^}]*\}`).Find(js)
	for side, c := range map[string]color.RGBA{"resistance": colResistanceBadge, "taliban": colTalibanBadge} {
		if want := fmt.Sprintf("%s: '#%02X%02X%02X'", side, c.R, c.G, c.B); !strings.Contains(string(line), want) {
			t.Errorf("style.js's badgeColours %q has no %s", line, want)
		}
	}
}
