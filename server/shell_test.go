package server

import (
	"os"
	"strings"
	"testing"
)

// A Dari page leaves the server in Dari: the shell's words, its direction
// and the font, as i18n.js would write them, so nothing is drawn twice.
// In every language the shell is the region's: its name, title and
// description, and the region itself for the page's script.
func TestShellIn(t *testing.T) {
	raw, err := loadWords(os.DirFS("../web/static"))
	if err != nil {
		t.Fatal(err)
	}
	ds := newFixtureServer(t).ds
	ws := regionWords(raw, ds)
	page, err := os.ReadFile("../web/static/index.html")
	if err != nil {
		t.Fatal(err)
	}
	fa := speaker{ds: ds, lang: "fa", w: ws["fa"]}
	got, err := shellIn(page, fa)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<html lang="fa" data-region="{&#34;name&#34;:{&#34;en&#34;:&#34;Testland: who held what&#34;`,
		`dir="rtl">`,
		`<h1 data-i18n="title">سرزمین آزمایش</h1>`,
		`<title>controlmap: Testland</title>`,
		`content="Two hand-drawn districts and three provinces, for the tests."`,
		`ولسوالی‌های سرزمین آزمایش`, // {place} in the map's label
		`aria-label="` + ws["fa"]["map"] + `"`,
		`data-i18n="skip">` + ws["fa"]["skip"] + `</a>`,
		`data-i18n="aboutShort">` + ws["fa"]["aboutShort"] + `</span>`,
		`aria-label="` + ws["fa"]["languageLabel"] + `"`,
		`<link rel="stylesheet" href="vendor/fonts/naskh.css">` + "\n</head>",
		`<script type="module" src="bundle/boot.js"></script>`, // the rest as written
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("the Dari shell has no %s", want)
		}
	}
	for _, gone := range []string{"Panjshir &amp; Andarab: who held what", "Skip to the time control", `lang="en"`} {
		if strings.Contains(string(got), gone) {
			t.Errorf("the Dari shell still says %s", gone)
		}
	}
	en, err := shellIn(page, speaker{ds: ds, lang: "en", w: ws["en"]})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<h1 data-i18n="title">Testland: who held what</h1>`, `aria-label="Map of the Testland districts"`, "day by day from September 2021.",
		`<title>controlmap: Testland</title>`, `<html lang="en" data-region="`, `data-i18n="skip">Skip to the time control</a>`,
		`fill=%22%23D55E00%22`, `fill=%22%23009E73%22`} { // the icon: the ruling side's mountain and the insurgent side's
		if !strings.Contains(string(en), want) {
			t.Errorf("the English shell has no %s", want)
		}
	}
	if strings.Contains(string(en), "naskh") || strings.Contains(string(en), "rtl") || strings.Contains(string(en), "{place}") {
		t.Error("the English shell has the Dari font, the Dari direction or an unfilled word")
	}
	for _, bad := range []string{`<p data-i18n="title">a <b>b</b></p>`, `<p data-i18n="title">open`, `<input data-i18n="title">`, `<span data-i18n="title"/>`} {
		if _, err := shellIn([]byte(bad), fa); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}
