package export

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
)

// TestMapSVG parses the SVG and checks its text: the title, the date,
// the district names (in Dari with lang=fa), the legend and the credit.
func TestMapSVG(t *testing.T) {
	t.Parallel()
	ds := datatest.Embedded(t)
	day := datatest.Day(t, "2021-09-06")
	tests := []struct {
		lang string
		want []string
	}{
		{"en", []string{"Panjshir &amp; Andarab: who held what", "6 September 2021", "Bazarak", "Contested", "Disputed by claims", "https://example.org/map/", ds.Region.Credit}},
		{"fa", []string{"پنجشیر و اندراب", "۶ سپتمبر ۲۰۲۱ (۱۵ سنبله ۱۴۰۰)", ds.Areas[ds.AreaIndex("AF0801")].NameFa, `direction="rtl"`}},
	}
	for _, tc := range tests {
		b := MapSVG(ds, day, PictureOptions{Width: 1200, URL: "https://example.org/map/", Words: map[string]string{"monthLong9": "سپتمبر"}}, tc.lang)
		if err := xml.Unmarshal(b, new(struct{ XMLName xml.Name })); err != nil {
			t.Fatalf("%s: not XML: %v", tc.lang, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s: no %q", tc.lang, w)
			}
		}
		if *pictureOut != "" {
			_ = os.WriteFile(strings.TrimSuffix(*pictureOut, ".png")+"-"+tc.lang+".svg", b, 0o644)
		}
	}
}

// The pictures draw the countryside badges in the assessed view, where the
// page does, and none in a claims view or before the first record.
func TestPictureBadges(t *testing.T) {
	t.Parallel()
	ds := datatest.Embedded(t)
	count := func(day string, view data.Party) int {
		return strings.Count(string(MapSVG(ds, datatest.Day(t, day), PictureOptions{View: view}, "en")), `class="countryside-badge"`)
	}
	if n := count("2022-06-01", ""); n == 0 {
		t.Error("1 June 2022: no badge in the assessed picture")
	}
	if n := count("2022-06-01", data.Party("taliban")); n != 0 {
		t.Errorf("1 June 2022, Taliban claims: %d badge parts, want none", n)
	}
	if n := count("2021-07-01", ""); n != 0 {
		t.Errorf("before the first record: %d badge parts, want none", n)
	}
}
