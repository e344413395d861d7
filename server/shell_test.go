package server

import (
	"os"
	"strings"
	"testing"
)

// A Dari page leaves the server in Dari: the shell's words, its direction
// and the font, as i18n.js would write them, so nothing is drawn twice.
func TestShellIn(t *testing.T) {
	ws, err := loadWords(os.DirFS("../web/static"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("../web/static/index.html")
	if err != nil {
		t.Fatal(err)
	}
	fa := speaker{lang: "fa", w: ws["fa"]}
	got, err := shellIn(page, fa)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<html lang="fa" dir="rtl">`,
		`<h1 data-i18n="title">` + ws["fa"]["title"] + `</h1>`,
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
	if en, _ := shellIn(page, speaker{lang: "en", w: ws["en"]}); string(en) != string(page) {
		t.Error("the English shell is not the page as written")
	}
	for _, bad := range []string{`<p data-i18n="title">a <b>b</b></p>`, `<p data-i18n="title">open`, `<input data-i18n="title">`, `<span data-i18n="title"/>`} {
		if _, err := shellIn([]byte(bad), fa); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}
