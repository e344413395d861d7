package web_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestKnownAtTheTimeSwitch: the switch "At the time / With hindsight" at a
// phone's and a laptop's size. A link with known=time opens the map as known
// then (its banner, the server's status for the day as known then); the
// switch goes back to hindsight, and the URL follows. The days and statuses
// come from the API, as the map must show what the server computed.
func TestKnownAtTheTimeSwitch(t *testing.T) {
	ts, _ := newSite(t, nil)
	const day, pcode = "2021-08-21", "AF0907"
	then := apiStatusesKnown(t, ts.URL, day)
	now := apiStatuses(t, ts.URL, day)
	if then[pcode] == now[pcode] {
		t.Skipf("%s: %s is %s both at the time and with hindsight; pick another day", day, pcode, now[pcode])
	}
	for _, size := range [][2]int64{{390, 844}, {1366, 768}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p := newPage(t)
			p.do(t, chromedp.EmulateViewport(size[0], size[1]))
			p.open(t, ts.URL+"/?date="+day+"&known=time&district="+pcode)
			waitFor(t, p, `document.body.dataset.known === 'time'`)
			if got := eval[string](t, p, `document.querySelector('.info-status').dataset.status`); got != then[pcode] {
				t.Errorf("at the time the panel says %s, the server %s", got, then[pcode])
			}
			if hidden := eval[bool](t, p, `document.querySelector('.known-banner').hidden`); hidden {
				t.Error("no banner says the map is shown as known at the time")
			}

			p.do(t, chromedp.Click(chromedp.CSS(`.known-banner .banner-back`)))
			waitFor(t, p, `document.body.dataset.known === 'hindsight'`)
			waitFor(t, p, `!location.search.includes('known=')`)
			if got := eval[string](t, p, `document.querySelector('.info-status').dataset.status`); got != now[pcode] {
				t.Errorf("with hindsight the panel says %s, the server %s", got, now[pcode])
			}
			// Back to the time with the switch itself.
			p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.knownswitch input[value="time"]').click()`))
			waitFor(t, p, `document.body.dataset.known === 'time' && location.search.includes('known=time')`)
			if errs := p.errorList(); len(errs) > 0 {
				t.Errorf("errors: %v", errs)
			}
		})
	}
}

// TestKnownBannerCoversNothing: at 1366x768 on a day whose headline takes
// two lines, the banner of the map at the time pushes nothing under the
// time bar (it did: the legend's button).
func TestKnownBannerCoversNothing(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1366, 768))
	p.open(t, ts.URL+"/?date=2021-09-06&known=time")
	waitFor(t, p, `document.body.dataset.known === 'time'`)
	if !eval[bool](t, p, topmostIn(".legend-toggle")) {
		t.Error("with the banner, the legend's button is covered")
	}
	if !eval[bool](t, p, topmostIn(".known-banner .banner-back")) {
		t.Error("the banner's button is covered")
	}
}

// TestPublishedLater: with hindsight, the panel marks the sources
// published after the day shown; at the time there are none to mark. And a
// row corrected later shows its corrections in words. The district is one
// the API says cites a later source and has corrections.
func TestPublishedLater(t *testing.T) {
	ts, _ := newSite(t, nil)
	const day = "2021-09-06"
	doc := getJSON[struct {
		Features []struct {
			Properties struct {
				PCode   string `json:"pcode"`
				Since   string `json:"since"`
				Sources []struct {
					KnownFrom *string `json:"known_from"`
				} `json:"sources"`
			} `json:"properties"`
		} `json:"features"`
	}](t, ts.URL+"/api/control?date="+day)
	tl := getJSON[struct {
		Areas []struct {
			PCode     string `json:"pcode"`
			Intervals []struct {
				From      string            `json:"valid_from"`
				Revisions []json.RawMessage `json:"revisions"`
			} `json:"intervals"`
		} `json:"areas"`
	}](t, ts.URL+"/api/timeline")
	revised := map[string]bool{} // pcode+from of the intervals with corrections
	for _, a := range tl.Areas {
		for _, iv := range a.Intervals {
			revised[a.PCode+iv.From] = len(iv.Revisions) > 0
		}
	}
	pcode := ""
	for _, f := range doc.Features {
		later := slices.ContainsFunc(f.Properties.Sources, func(s struct {
			KnownFrom *string `json:"known_from"`
		}) bool {
			return s.KnownFrom == nil || *s.KnownFrom > day
		})
		if later && revised[f.Properties.PCode+f.Properties.Since] {
			pcode = f.Properties.PCode
			break
		}
	}
	if pcode == "" {
		t.Skipf("no district on %s cites a later source and was corrected: pick another day", day)
	}
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1366, 768))
	p.open(t, ts.URL+"/?date="+day+"&district="+pcode)
	waitFor(t, p, `document.querySelector('.info-sources') !== null`)
	if n := eval[int](t, p, `document.querySelectorAll('.info .published-later').length`); n == 0 {
		t.Errorf("%s on %s cites sources published later, none marked", pcode, day)
	}
	waitFor(t, p, `(document.querySelector('.info-revisions .revision-words')?.textContent || '').length > 20`)
	if text := eval[string](t, p, `document.querySelector('.info-revisions').textContent`); !strings.Contains(text, "Revised") {
		t.Errorf("the corrections of %s's row read %q", pcode, text)
	}
	p.open(t, ts.URL+"/?date="+day+"&district="+pcode+"&known=time")
	waitFor(t, p, `document.body.dataset.known === 'time' && document.querySelector('.info-sources') !== null`)
	if n := eval[int](t, p, `document.querySelectorAll('.info .published-later').length`); n != 0 {
		t.Errorf("at the time %d sources are marked published later", n)
	}
}

// apiStatusesKnown is apiStatuses for the map as known at the end of day.
func apiStatusesKnown(t *testing.T, base, day string) map[string]string {
	t.Helper()
	doc := getJSON[struct {
		Features []struct {
			Properties struct{ PCode, Status string } `json:"properties"`
		} `json:"features"`
	}](t, base+"/api/control?date="+day+"&known="+day)
	out := map[string]string{}
	for _, f := range doc.Features {
		out[f.Properties.PCode] = f.Properties.Status
	}
	return out
}

// TestKnownScrubAndBack: keys pressed faster than the answers come (one
// request at a time) still end on the map as known on the last day, and
// Back restores the switch with the rest of the state.
func TestKnownScrubAndBack(t *testing.T) {
	ts, _ := newSite(t, nil)
	const pcode = "AF0907"
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1366, 768))
	p.open(t, ts.URL+"/?date=2021-08-17&known=time&district="+pcode)
	waitFor(t, p, `document.body.dataset.known === 'time'`)
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur();
		for (let i = 0; i < 6; i++) document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));`))
	const last = "2021-08-23"
	waitFor(t, p, `document.body.dataset.known === 'time' && document.querySelector('.tc-date bdi').dataset.iso === '`+last+`'`)
	then := apiStatusesKnown(t, ts.URL, last)
	waitFor(t, p, `document.querySelector('.info-status').dataset.status === '`+then[pcode]+`'`)
	if got := eval[string](t, p, `document.querySelector('.known-banner').textContent`); !strings.Contains(got, "23 Aug") {
		t.Errorf("the banner reads %q, want the day shown", got)
	}
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.knownswitch input[value="hindsight"]').click()`))
	waitFor(t, p, `document.body.dataset.known === 'hindsight' && !location.search.includes('known=')`)
	p.do(t, chromedp.Evaluate[chromedp.Void](`history.back()`))
	waitFor(t, p, `location.search.includes('known=time') && document.body.dataset.known === 'time'`)
	if errs := p.errorList(); len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
}
