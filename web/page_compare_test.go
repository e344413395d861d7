package web_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestPageCompareChartGIFDari walks one tab through compare mode, the area
// chart and the Dari page.
func TestPageCompareChartGIFDari(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1280, 800))
	checks := []pageCheck{
		{"compare mode highlights what changed", checkCompare("/api/export/animation.gif?from=2021-08-10&to=2021-09-20")},
		{"the chart follows the date and moves it", checkChart},
		{"Dari", checkDari},
	}
	runChecks(t, p, ts, checks)
}

// checkCompare: compare mode highlights what changed, lists the balance and
// links the GIF, whose URL ends with gif (a static copy has one GIF, of the
// whole history).
func checkCompare(gif string) func(t *testing.T, p *page, ts *httptest.Server) {
	return func(t *testing.T, p *page, ts *httptest.Server) {
		compareShown(t, p, ts)
		compareGIF(t, p, gif)
		// A change in the list leads to its day and leaves compare mode.
		p.do(t, chromedp.Click(chromedp.CSS(`.compare .change-entry[data-date="2021-09-04"]`)))
		waitFor(t, p, `document.querySelector('.tc-iso').textContent === '2021-09-04' && !new URLSearchParams(location.search).has('compare')`)
	}
}

// compareShown opens a compared span and checks the map and the balance.
func compareShown(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-09-20&compare=2021-08-10..2021-09-20")
	waitFor(t, p, `document.querySelectorAll('.compare-balance tbody tr').length > 0`)
	if !eval[bool](t, p, `document.querySelector('.leaflet-control.compare').getClientRects().length > 0`) {
		t.Error("the compare panel is hidden")
	}
	// What changed is the API's (the statuses of the two days), not a fact
	// written here.
	before, after := apiStatuses(t, ts.URL, "2021-08-10"), apiStatuses(t, ts.URL, "2021-09-20")
	changed := eval[map[string]string](t, p, `Object.fromEntries([...document.querySelectorAll('path.district')].map(e => [e.dataset.pcode, e.dataset.changed]))`)
	var one string // a district that changed
	for pc, b := range before {
		if a := after[pc]; a != b {
			one = pc
			if changed[pc] != b+">"+a {
				t.Errorf("%s: changed %q, want %s>%s", pc, changed[pc], b, a)
			}
		}
	}
	if one == "" {
		t.Fatal("no district changed between the two days: pick others")
	}
	fill := eval[string](t, p, `document.querySelector('path.district[data-pcode="`+one+`"]').getAttribute('fill')`)
	stroke := eval[string](t, p, `document.querySelector('path.district[data-pcode="`+one+`"]').getAttribute('stroke')`)
	if !strings.EqualFold(fill, statusFill()[after[one]]) || !strings.EqualFold(stroke, statusFill()[before[one]]) {
		t.Errorf("%s drawn fill %s stroke %s, want the after colour inside and the before colour around", one, fill, stroke)
	}
	if rows := eval[[]string](t, p, `[...document.querySelectorAll('.compare-balance tbody tr')].map(r => r.dataset.status)`); !slices.Contains(rows, after[one]) || !slices.Contains(rows, before[one]) {
		t.Errorf("balance rows %v, want %s and %s", rows, after[one], before[one])
	}
}

// compareGIF checks that the compare panel's GIF link ends with want and
// answers a GIF.
func compareGIF(t *testing.T, p *page, want string) {
	gif := eval[string](t, p, `document.querySelector('.compare-gif').href`)
	if !strings.HasSuffix(gif, want) {
		t.Errorf("GIF link %s, want it to end with %s", gif, want)
	}
	resp, err := http.Get(gif)
	if err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/gif" {
		t.Errorf("GIF button target: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
}

// checkChart: the area chart follows the date and moves it.
func checkChart(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-08-01")
	x0 := eval[float64](t, p, `+document.querySelector('.chart-cursor').getAttribute('x1')`)
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent(kb.PageDown))
	x1 := eval[float64](t, p, `+document.querySelector('.chart-cursor').getAttribute('x1')`)
	if x1 <= x0 {
		t.Errorf("cursor at %v after moving on from %v", x1, x0)
	}
	r := eval[[]float64](t, p, `(() => { const r = document.querySelector('.area-chart').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
	p.do(t, chromedp.MouseClickXY(r[0]+r[2]*0.75, r[1]+r[3]/2))
	// The chart spans 1 August 2021 to today.
	start := time.Date(2021, 8, 1, 0, 0, 0, 0, time.UTC)
	want := start.Add(time.Duration(0.75 * float64(time.Since(start))))
	lo, hi := want.AddDate(0, 0, -4).Format(time.DateOnly), want.AddDate(0, 0, 4).Format(time.DateOnly)
	if d := currentDate(t, p); d < lo || d > hi {
		t.Errorf("clicking three quarters along the chart went to %s, want %s to %s", d, lo, hi)
	}
}

// checkDari: the Dari page is right to left, in Dari, with dates in Persian digits.
func checkDari(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-09-06")
	p.open(t, eval[string](t, p, `document.getElementById('lang-switch').href`)) // the switch reloads the page
	if dir := eval[string](t, p, `document.documentElement.dir`); dir != "rtl" {
		t.Errorf("dir %q, want rtl", dir)
	}
	if l := eval[string](t, p, `new URLSearchParams(location.search).get('lang')`); l != "fa" {
		t.Errorf("lang in the URL: %q", l)
	}
	p.do(t, chromedp.SetValue(chromedp.CSS(".info-choose select"), "AF0801"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('.info-choose select').dispatchEvent(new Event('change'))`))
	waitFor(t, p, `document.querySelector('.info h2') !== null`)
	if h := eval[string](t, p, `document.querySelector('.info h2').firstChild.textContent`); h != "بازارک" {
		t.Errorf("panel heading %q, want the Dari name بازارک", h)
	}
	if s := eval[string](t, p, `document.querySelector('.info-status').textContent`); !strings.Contains(s, "طالبان") || !strings.Contains(s, "۲۰۲۱") || strings.ContainsAny(s, "0123456789") {
		t.Errorf("status line %q, want Dari with the date in Persian digits only", s)
	}
	if errs := p.errorList(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
