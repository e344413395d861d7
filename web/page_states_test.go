package web_test

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/controlmap/controlmap/data/datatest"
)

// axeStates are the states axe-core checks: every panel open at least once.
var axeStates = []struct{ name, query, size, js string }{
	{"first view", "", "1366x768", ""},
	{"a district selected", "date=2021-09-06&district=AF0801", "1366x768", ""},
	{"compare mode", "compare=2021-08-10..2021-09-20", "1366x768", ""},
	{"a claims view", "date=2021-09-06&view=taliban", "1366x768", ""},
	{"legend and lists open", "date=2021-09-06", "1366x768", `document.querySelector('.legend-toggle').click(); document.querySelector('.changelog').open = true`},
	{"Dari", "date=2021-09-06&lang=fa&district=AF0803", "1366x768", ""},
	{"phone with the sheet", "date=2021-09-06&district=AF0801", "390x844", ""},
	{"phone, Dari, legend open", "date=2022-05-07&lang=fa", "360x740", `document.querySelector('.legend-toggle').click()`},
	{"phone, comparing in Dari (the sheet)", "compare=2021-08-15..2021-09-06&lang=fa", "360x740", ""},
	{"the country, a province's details", "date=2021-08-12", "1366x768", `(async () => { document.querySelector('.country-toggle').click();
		for (let i = 0; i < 40 && !document.querySelector('path.province-AF11'); i++) await new Promise(r => setTimeout(r, 5));
		const e = document.querySelector('path.province-AF11'), r = e.getBoundingClientRect();
		e.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 })); })()`},
}

// runAxe injects axe-core (npm) and returns its violations as "rule: target" lines.
func runAxe(t *testing.T, p *page, axe string) []string {
	t.Helper()
	p.do(t, chromedp.Evaluate[chromedp.Void](axe+`;window.__axe = null;
		axe.run(document, { resultTypes: ['violations'] }).then(r => { window.__axe = r.violations.map(v =>
			v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')); });`))
	waitFor(t, p, `window.__axe !== null`)
	return eval[[]string](t, p, `window.__axe`)
}

// axeSource is axe-core's script (npm), to inject into a page.
func axeSource(t *testing.T) string {
	t.Helper()
	axe, err := os.ReadFile("node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core is not installed (make deps): %v", err)
	}
	return string(axe)
}

func TestPageAxe(t *testing.T) {
	ts, _ := newSite(t, nil)
	axe := axeSource(t)
	p := newPage(t)
	for _, s := range axeStates {
		t.Run(s.name, func(t *testing.T) {
			var w, h int64
			if _, err := fmtSscanf(s.size, &w, &h); err != nil {
				t.Fatal(err)
			}
			p.do(t, chromedp.EmulateViewport(w, h))
			p.open(t, ts.URL+"/?"+s.query)
			if s.js != "" {
				p.do(t, chromedp.Evaluate[chromedp.Void](s.js))
			}
			p.do(t, chromedp.Sleep(300*time.Millisecond))
			if v := runAxe(t, p, axe); len(v) > 0 {
				t.Errorf("axe-core violations: %v", v)
			}
		})
	}
}

// TestPageTimeAndCompare: a 2024 day opens as itself; compare mode shows
// its later date and follows the date; stale districts are the API's.
func TestPageTimeAndCompare(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.open(t, ts.URL+"/?date=2024-03-01")
	if d := currentDate(t, p); d != "2024-03-01" {
		t.Errorf("?date=2024-03-01 opened %s", d)
	}
	ds := datatest.Embedded(t)
	if ds.LastChange.String() < "2024-03-01" {
		if h := eval[string](t, p, `document.querySelector('.headline-text bdi:last-of-type').dataset.iso`); h != ds.LastChange.String() {
			t.Errorf("headline names %s, want where the evidence ends, %s", h, ds.LastChange)
		}
	}
	stale := eval[map[string]string](t, p, `Object.fromEntries([...document.querySelectorAll('path.district')].map(e => [e.dataset.pcode, e.dataset.stale]))`)
	for pcode, d := range apiDays(t, ts.URL, "2024-03-01") {
		if stale[pcode] != fmt.Sprint(d.Stale) {
			t.Errorf("%s: drawn stale=%s, API says %v", pcode, stale[pcode], d.Stale)
		}
	}
	p.open(t, ts.URL+"/?date=2021-09-01&compare=2021-08-10..2021-09-20")
	if d := currentDate(t, p); d != "2021-09-20" {
		t.Errorf("compare=..2021-09-20 shows %s, want the later date", d)
	}
	p.do(t, chromedp.Click(chromedp.CSS(".tc-prev-day")))
	waitFor(t, p, `new URLSearchParams(location.search).get('compare') === '2021-08-10..2021-09-19'`)
	if d := currentDate(t, p); d != "2021-09-19" {
		t.Errorf("after a step back the date is %s, want 2021-09-19 as the compared span's end", d)
	}
	if !eval[bool](t, p, `!document.querySelector('.legend-compare').hidden`) {
		t.Error("the legend does not explain compare mode")
	}
}

// TestPageDariText: arrows point the way Dari reads, digits are Persian,
// and the Solar Hijri date stands beside the Gregorian one.
func TestPageDariText(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1366, 900))
	p.open(t, ts.URL+"/?date=2021-09-06&lang=fa")
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.changelog').open = true`))
	text := eval[string](t, p, `[...document.querySelectorAll('.headline, .changelog, .tc-date, .tc-ends, .legend')].map(e => e.textContent).join(' ')`)
	if strings.Contains(text, "→") || !strings.Contains(text, "←") {
		t.Errorf("arrows in Dari: want ← only, got %q", text)
	}
	if strings.ContainsAny(text, "0123456789") {
		t.Errorf("Latin digits in Dari text: %q", text)
	}
	if solar := eval[string](t, p, `document.querySelector('.tc-iso').textContent`); !strings.Contains(solar, "۱۴۰۰") {
		t.Errorf("Solar Hijri date %q, want the year ۱۴۰۰", solar)
	}
	if n := eval[int](t, p, `document.querySelectorAll('.headline bdi, .changelog bdi').length`); n == 0 {
		t.Error("no date or name isolated in <bdi>")
	}
	// Every control is named in Dari for a screen reader (issue 25 heard
	// "Zoom in", "Date" and "Layers" in English). Names of formats and
	// of outside maps stay as they are, and so do what is marked English
	// (the switch to English) and the events' places, data written in
	// English.
	english := eval[[]string](t, p, `[...document.querySelectorAll('[aria-label], [title]')].filter(e => !e.closest('[lang="en"], .event-marker'))
		.flatMap(e => [e.getAttribute('aria-label'), e.getAttribute('title')])
		.filter(v => v && /[A-Za-z]{3,}/.test(v.replace(/GeoJSON|GIF|PNG|SVG|CSV|KML|GeoPackage|OpenStreetMap|OpenTopoMap|Leaflet|NRF/g, '')))`)
	if len(english) > 0 {
		t.Errorf("controls named in English on the Dari page: %q", english)
	}
}

// TestAboutAxe: axe-core finds nothing on "About this map" and on the
// corrections page, in English and in Dari (right to left, with the
// methodology and the log kept in English).
func TestAboutAxe(t *testing.T) {
	ts, _ := newSite(t, nil)
	axe := axeSource(t)
	p := newPage(t)
	for _, path := range []string{"/about", "/about?lang=fa", "/corrections", "/corrections?lang=fa"} {
		p.do(t, chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+path))
		waitFor(t, p, `document.readyState === 'complete'`)
		if v := runAxe(t, p, axe); len(v) > 0 {
			t.Errorf("%s: axe-core violations: %v", path, v)
		}
	}
}

func TestAboutPage(t *testing.T) {
	ts, _ := newSite(t, nil)
	resp, err := http.Get(ts.URL + "/about")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), "<h2") || !strings.Contains(string(b), "contested") || !strings.Contains(string(b), "GeoNames") {
		t.Errorf("/about: %d, want the methodology rendered with the credits", resp.StatusCode)
	}
}

func fmtSscanf(s string, w, h *int64) (int, error) { return fmt.Sscanf(s, "%dx%d", w, h) }
