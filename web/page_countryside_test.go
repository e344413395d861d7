package web_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// apiCountryside is a district's countryside as /api/control writes it.
type apiCountryside struct {
	Insurgent            struct{ Count int }
	Ruling               struct{ Count int }
	Presence             []struct{ Side string }
	IndependentReporting bool `json:"independent_reporting"`
}

// badgeWant is what the page's badge must show for c: "r2 t1 pres:resistance ?"
// (empty when the district has no badge).
func (c apiCountryside) badgeWant() string {
	var parts []string
	if c.Insurgent.Count > 0 {
		parts = append(parts, fmt.Sprintf("r%d", c.Insurgent.Count))
	}
	if c.Ruling.Count > 0 {
		parts = append(parts, fmt.Sprintf("t%d", c.Ruling.Count))
	}
	for _, p := range c.Presence {
		parts = append(parts, "p:"+p.Side)
	}
	if !c.IndependentReporting {
		parts = append(parts, "?")
	}
	return strings.Join(parts, " ")
}

func apiCountrysideOn(t *testing.T, base, day string) map[string]apiCountryside {
	t.Helper()
	fc := getJSON[struct {
		Features []struct {
			ID         string
			Properties struct{ Countryside apiCountryside }
		}
	}](t, base+"/api/control?date="+day)
	out := map[string]apiCountryside{}
	for _, f := range fc.Features {
		out[f.ID] = f.Properties.Countryside
	}
	return out
}

// pageBadges reads every countryside badge on the map in the form of
// badgeWant, by P-code.
const pageBadges = `(() => {
	const out = {};
	for (const b of document.querySelectorAll('.cs-badge[data-pcode]')) {
		const parts = [];
		const r = b.querySelector('.cs-insurgent'), t = b.querySelector('.cs-ruling');
		const n = (el) => el.textContent.replace(/[۰-۹]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'.indexOf(d));
		if (r) parts.push('r' + n(r));
		if (t) parts.push('t' + n(t));
		for (const p of b.querySelectorAll('.cs-presence')) parts.push('p:' + (p.classList.contains('cs-presence-ruling') ? 'taliban' : 'resistance'));
		if (b.querySelector('.cs-noreport')) parts.push('?');
		out[b.dataset.pcode] = parts.join(' ');
	}
	return out;
})()`

// checkCountryside (issue 21): on days of the spring 2022 fighting, of the
// blackout years and before the offensive, every district's badge says what
// the API's countryside says (activity by side, presence, no independent
// reporting), in English and Dari; the events of the window that have a
// point of their own are drawn; the panel lists the district's events.
func checkCountryside(t *testing.T, p *page, ts *httptest.Server) {
	active := 0
	for _, q := range []string{"date=2022-06-01", "date=2021-08-10", "date=2023-03-14", "date=2022-06-01&lang=fa"} {
		day := strings.TrimPrefix(strings.Split(q, "&")[0], "date=")
		p.open(t, ts.URL+"/?"+q)
		got := eval[map[string]string](t, p, pageBadges)
		for pcode, c := range apiCountrysideOn(t, ts.URL, day) {
			if want := c.badgeWant(); got[pcode] != want {
				t.Errorf("%s, %s: badge %q, the API says %q", q, pcode, got[pcode], want)
			}
			if day == "2022-06-01" {
				active += c.Insurgent.Count + c.Ruling.Count
			}
		}
	}
	if active == 0 {
		t.Error("1 June 2022: no badge counts any activity: the check tests nothing")
	}
	p.open(t, ts.URL+"/?date=2022-06-01")
	drawn := eval[int](t, p, `document.querySelectorAll('.event-marker').length`)
	placed := 0
	for _, ev := range apiEvents(t, ts.URL, "2022-05-03", "2022-06-01") {
		if ev.Pinned && ev.Window[0] <= "2022-06-01" && "2022-06-01" < ev.Window[1] {
			placed++
		}
	}
	if drawn != placed || placed == 0 {
		t.Errorf("1 June 2022: %d event markers, want %d (the window's events with a place or only a province)", drawn, placed)
	}
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.cs-badge[data-pcode="AF0803"]').click()`))
	waitFor(t, p, `document.querySelectorAll('.info-countryside .cs-event').length > 0`)
	// "Last confirmed" in the panel is the API's "confirmed" for the day.
	if got, want := eval[string](t, p, `document.querySelector('.info-confirmed bdi')?.dataset.iso || ''`), apiConfirmed(t, ts.URL, "2022-06-01", "AF0803"); got != want || want == "" {
		t.Errorf("Dara on 1 June 2022: the panel says last confirmed %q, the API %q", got, want)
	}
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.info-countryside .cs-event').click()`))
	waitFor(t, p, `document.querySelector('.info .event-notes') !== null`)
	if n := eval[int](t, p, `document.querySelectorAll('.info .source-link').length`); n == 0 {
		t.Error("an event chosen in the panel shows no source")
	}
}

// apiConfirmed is /api/control's "confirmed" for pcode on day.
func apiConfirmed(t *testing.T, base, day, pcode string) string {
	t.Helper()
	fc := getJSON[struct {
		Features []struct {
			ID         string
			Properties struct{ Confirmed *string }
		}
	}](t, base+"/api/control?date="+day)
	for _, f := range fc.Features {
		if f.ID == pcode && f.Properties.Confirmed != nil {
			return *f.Properties.Confirmed
		}
	}
	return ""
}

type apiEvent struct {
	ID     string    `json:"event_id"`
	Pinned bool      `json:"pinned"`
	Window [2]string `json:"window"`
}

func apiEvents(t *testing.T, base, from, to string) []apiEvent {
	t.Helper()
	fc := getJSON[struct {
		Features []struct{ Properties apiEvent }
	}](t, base+"/api/events?from="+from+"&to="+to)
	out := make([]apiEvent, len(fc.Features))
	for i, f := range fc.Features {
		out[i] = f.Properties
	}
	return out
}

// checkEventsNameDistricts: "What happened" names each event's district
// (or says it is known only to its province), and choosing an event opens
// its notes and sources.
func checkEventsNameDistricts(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2022-06-01")
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.changelog').open = true`))
	waitFor(t, p, `document.querySelectorAll('.changelog .entry-event').length > 0`)
	texts := eval[[]string](t, p, `[...document.querySelectorAll('.changelog .entry-event')].map((b) => b.textContent)`)
	for _, s := range texts {
		if !strings.HasSuffix(strings.TrimSpace(s), ")") {
			t.Errorf("an event entry names no district: %q", s)
		}
	}
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.changelog .entry-event').click()`))
	waitFor(t, p, `document.querySelector('.info .event-notes') !== null`)
}
