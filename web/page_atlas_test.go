package web_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// TestPageSecondAtlas opens the page on the second atlas
// (data/testdata/riverland: a government and rebels, no former
// government, UTC-5, one admin level, English only), on a phone and a
// desktop. The page draws its parties in their colours and names them in
// the legend, the headline and the view switch; it offers no language
// switch and no country view; and nothing on it names the Panjshir map.
func TestPageSecondAtlas(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: needs Chromium and the built page; not run under -short")
	}
	fsys := os.DirFS("../data/testdata/riverland")
	ds, err := data.Load(fsys, fsys)
	if err != nil {
		t.Fatal(err)
	}
	ts := newSiteOf(t, ds, nil)
	colours := wire.Colours(ds.Region)
	axe := axeSource(t)
	for _, size := range [][2]int64{{390, 844}, {1366, 768}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p := newPage(t)
			p.do(t, chromedp.EmulateViewport(size[0], size[1]))
			p.open(t, ts.URL+"/?date=2024-03-12")
			for pcode, want := range map[string]string{"RL0001": "government", "RL0002": "rebels", "RL0003": "contested"} {
				fill := fills(t, p)[pcode]
				wantFill := colours[data.Status(want)]
				if want == "contested" {
					wantFill = "url(#hatch-contested)"
				}
				if fill[0] != want || !strings.EqualFold(fill[1], wantFill) && fill[1] != "url(#stale-"+want+")" {
					t.Errorf("%s on 12 March 2024: drawn %v, want %s in %s", pcode, fill, want, wantFill)
				}
			}
			legend := eval[string](t, p, `[...document.querySelectorAll('.legend-body li')].map(li => li.textContent).join(' | ')`)
			for _, want := range []string{"Government", "River Front (rebels)", "Contested", "Rebel activity reported", "Government operations reported"} {
				if !strings.Contains(legend, want) {
					t.Errorf("the legend has no %q: %s", want, legend)
				}
			}
			if swatch := eval[string](t, p, `document.querySelector('.legend-government rect')?.getAttribute('fill') || ''`); !strings.EqualFold(swatch, colours["government"]) {
				t.Errorf("the legend's government swatch is %q, want %s", swatch, colours["government"])
			}
			if credit := eval[string](t, p, `document.querySelector('.leaflet-control-attribution').textContent`); strings.Contains(credit, "GeoNames") || !strings.Contains(credit, "hand-drawn for the Riverland tests") {
				t.Errorf("the attribution %q: want the region's boundaries and no places' credit (it has none)", credit)
			}
			if eval[bool](t, p, `!document.getElementById('lang-switch').hidden`) {
				t.Error("a map in one language offers a language switch")
			}
			if eval[bool](t, p, `(() => { const b = document.querySelector('.country-toggle'); return !!b && !b.closest('[hidden]') && b.offsetParent !== null; })()`) {
				t.Error("a region of one admin level offers the country's view")
			}
			if views := eval[string](t, p, `[...document.querySelectorAll('.viewswitch label')].map(l => l.textContent).join(' | ')`); !strings.Contains(views, "Rebel claims") || !strings.Contains(views, "Government claims") {
				t.Errorf("the view switch offers %q, want the region's sides' claims", views)
			}
			if second := eval[string](t, p, `document.querySelector('.tc-iso').textContent`); second != "2024-03-12" {
				t.Errorf("the date beside the day is %q, want the ISO date (the region's language has no second calendar)", second)
			}
			p.open(t, ts.URL+"/?date=2024-03-10")
			if h := eval[string](t, p, `document.querySelector('.headline-text').textContent`); !strings.Contains(h, "the River Front claim Downriver") || !strings.Contains(h, "Downriver: Government → Contested") {
				t.Errorf("10 March 2024's headline: %q", h)
			}
			p.do(t, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('.info select'); s.value = 'RL0003'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`))
			waitFor(t, p, `document.querySelectorAll('.info-claims .claim').length > 0`)
			if heads := eval[string](t, p, `[...document.querySelectorAll('.info-claims .claim')].map(li => li.textContent).join(' | ')`); !strings.Contains(heads, "River Front (claim") || !strings.Contains(heads, "Ministry of Defence: nothing recorded yet") {
				t.Errorf("Downriver's claims on 10 March 2024: %q", heads)
			}
			text := eval[string](t, p, `document.title + ' ' + document.querySelector('meta[name=description]').content + ' ' + document.body.innerText + ' ' + [...document.querySelectorAll('[aria-label]')].filter(e => e.offsetParent !== null).map(e => e.getAttribute('aria-label')).join(' ')`)
			if m := regexp.MustCompile(`(?i)taliban|resistance|republic|\bNRF\b|panjsh|andarab|afghan|دری`).FindString(text); m != "" {
				i := strings.Index(text, m)
				t.Errorf("the page names %q: …%s…", m, text[max(0, i-80):min(len(text), i+80)])
			}
			if bad := runAxe(t, p, axe); len(bad) > 0 {
				t.Errorf("axe-core: %v", bad)
			}
			if shot, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot()); err == nil {
				_ = os.WriteFile(fmt.Sprintf("%s/atlas-%dx%d.png", os.TempDir(), size[0], size[1]), shot, 0o644)
			}
			if len(p.errors) > 0 {
				t.Errorf("console: %v", p.errors)
			}
		})
	}
}
