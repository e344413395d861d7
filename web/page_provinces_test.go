package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
	"github.com/controlmap/controlmap/export"
)

// provinceFill is JS: the fill of a province's path, as drawn.
func provinceFill(pcode string) string {
	return fmt.Sprintf(`(() => { const e = document.querySelector('path.province-%s'); return e ? e.getAttribute('fill') : 'none'; })()`, pcode)
}

// The country around the valley (issue 26): one tap on the country button
// frames every province clear of the panels; on 12 August 2021 the capitals
// that had fell are the Taliban's colour and Kabul the Republic's; on the
// 15th Panjshir is the one province whose capital the Taliban do not hold,
// and the headline says so; a province's sources are one click away; and
// back in the valley the provinces leave the map.
func TestPageCountry(t *testing.T) {
	ts, ds := newSite(t, nil)
	p := newPage(t)
	exp := datatest.LoadExpectations(t)
	colour := map[data.Status]string{data.Status("taliban"): "#D55E00", data.Status("republic"): "#0072B2", data.Status("resistance"): "#009E73"}
	// drawnAsTheRule: every province the rule gives a status on day is
	// filled with that status's colour (data.Dataset.ProvinceOn).
	drawnAsTheRule := func(t *testing.T, day string) {
		d, _ := data.ParseDay(day)
		for i := range ds.Provinces {
			pr := &ds.Provinces[i]
			want, ok := colour[ds.ProvinceOn(pr, d).Status]
			if !ok {
				continue
			}
			if got := eval[string](t, p, provinceFill(pr.PCode)); got != want {
				t.Errorf("%s: %s (%s) is drawn %s, want %s", day, pr.Name, pr.PCode, got, want)
			}
		}
	}
	for _, s := range []struct {
		w, h int64
		lang string
	}{{1366, 768, "en"}, {390, 844, "fa"}} {
		t.Run(fmt.Sprintf("%dx%d %s", s.w, s.h, s.lang), func(t *testing.T) {
			p.do(t, chromedp.EmulateViewport(s.w, s.h))
			p.do(t, chromedp.Navigate("about:blank"))
			p.open(t, ts.URL+"/?date=2021-08-12&lang="+s.lang)
			waitFor(t, p, `document.querySelector('.country-toggle')?.style.visibility === ''`)
			// Share offers the country's picture of the day, which the server draws.
			if href := eval[string](t, p, `document.querySelector('.share-country')?.href || ''`); !strings.Contains(href, "level=country") || !strings.Contains(href, "date=2021-08-12") {
				t.Errorf("Share's picture of the country: %q", href)
			} else if resp, err := http.Get(href); err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" {
				t.Errorf("the country's picture: %v %v", err, resp)
			} else {
				resp.Body.Close()
			}
			p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.country-toggle').click()`))
			waitFor(t, p, `document.querySelectorAll('.province-label').length > 0 && document.querySelectorAll('path.province').length === 34`)
			// The area chart reads for the country: its label says so and it
			// has no band of the valley's events.
			chart := `document.querySelector('.area-chart').getAttribute('aria-label') + ' ' + document.querySelectorAll('.area-chart .activity-bar').length`
			if got := eval[string](t, p, chart); !strings.HasSuffix(got, " 0") || !strings.Contains(got, map[string]string{"en": "provinces", "fa": "ولایات"}[s.lang]) {
				t.Errorf("the chart of the country: %s", got)
			}
			// Every province is framed in the room the panels leave: its
			// outline box is on the screen and the time bar is below it.
			if out := eval[string](t, p, `(() => { const tc = document.querySelector('.timecontrol').getBoundingClientRect();
				return [...document.querySelectorAll('path.province')].map(e => e.getBoundingClientRect())
					.filter(r => r.left < 0 || r.right > innerWidth || r.bottom > tc.top + 2).length + ''; })()`); out != "0" {
				t.Errorf("%s provinces are off the screen or under the time bar", out)
			}
			drawnAsTheRule(t, "2021-08-12")
			// The 15th, from the slider's own input.
			p.do(t, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('.tc-slider'); s.value = 14; s.dispatchEvent(new Event('input')); })()`))
			waitFor(t, p, `new URLSearchParams(location.search).get('date') === '2021-08-15'`)
			drawnAsTheRule(t, "2021-08-15")
			// The headline counts the capitals the expectations list and
			// names the holdout (facts of the data: expectations.json).
			var held int
			var holdout *data.Province
			for _, x := range exp.Provinces {
				if x.Day == "2021-08-15" && len(x.Holdouts) == 1 {
					held = len(x.Taliban)
					holdout, _ = ds.Province(x.Holdouts[0])
				}
			}
			if holdout == nil {
				t.Fatal("expectations.json names no single holdout on 15 August")
			}
			wants := map[string][]string{
				"en": {fmt.Sprintf("%d of %d", held, len(ds.Provinces)), fmt.Sprintf("not %s (%s)", holdout.Capital, holdout.Name)},
				"fa": {export.DariDigits(fmt.Sprintf("%d", held)) + " از " + export.DariDigits(fmt.Sprintf("%d", len(ds.Provinces))), "نه مرکز " + holdout.NameFa},
			}
			headline := eval[string](t, p, `document.querySelector('.headline-text').textContent`)
			for _, want := range wants[s.lang] {
				if !strings.Contains(headline, want) {
					t.Errorf("15 August: the headline %q does not say %q", headline, want)
				}
			}
			// Kabul's details: its capital, the day and a source link.
			p.do(t, chromedp.Evaluate[chromedp.Void](`(() => { const e = document.querySelector('path.province-AF01'), r = e.getBoundingClientRect();
				e.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 })); })()`))
			waitFor(t, p, `document.querySelector('.province-details') !== null`)
			if n := eval[int](t, p, `document.querySelectorAll('.province-details a.source-link[href^="http"]').length`); n < 2 {
				t.Errorf("Kabul's details list %d source links, want its two", n)
			}
			// Back to the valley: the provinces fade and their names go.
			p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.leaflet-popup-close-button')?.click(); document.querySelector('.country-toggle').click()`))
			waitFor(t, p, `document.querySelectorAll('.province-label').length === 0`)
			if n := eval[int](t, p, `document.querySelectorAll('path.province').length`); n != 0 {
				t.Errorf("in the valley %d provinces are still drawn", n)
			}
			if got := eval[string](t, p, chart); strings.HasSuffix(got, " 0") || strings.Contains(got, map[string]string{"en": "provinces", "fa": "ولایات"}[s.lang]) {
				t.Errorf("back in the valley, the chart is still the country's: %s", got)
			}
		})
	}
}
