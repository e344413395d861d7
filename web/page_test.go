package web_test

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/controlmap/controlmap/data/datatest"
)

// TestPage walks one tab through the main page; the checks share the tab and
// run in order (the last-but-one looks at everything requested before it).
func TestPage(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1280, 800))
	checks := []pageCheck{
		{"districts are drawn and the latest date is shown", checkDistrictsDrawn},
		{"fills on two dates follow the data", checkFillsFollowData},
		{"play advances the date and pause stops it", checkPlayAndPause},
		{"keyboard controls", checkKeyboard},
		{"permalink round-trips and back/forward work", checkPermalink},
		{"clicking a district shows its status and sources", checkDistrictClick},
		{"a claims view differs from the assessed view on a disputed day", checkClaimsView},
		{"changes fade and scrubbing fetches nothing", checkFadeAndScrub},
		{"change log moves the slider", checkChangeLog},
		{"the countryside badges say what the API says", checkCountryside},
		{"'What happened' names each event's district", checkEventsNameDistricts},
		{"a revised assessment is not a change of control", checkReassessed},
		{"a denial names what it answers", checkDenials},
		{"'all of' a province only where the map holds all of it", checkWholeProvinces},
		{"go to: a button on the first view, then a date field for any day", checkGoTo},
		{"chapters open on their key day with their summary", checkChapters},
		{"'About this map' opens, in the page's language", checkAboutLinks},
		{"no request leaves the server and the console is clean", checkNoForeignRequests},
		{"an online layer is requested only when chosen", checkOnlineLayer},
	}
	runChecks(t, p, ts, checks)
}

// checkDistrictsDrawn: all ten districts are drawn and, without a date, the latest day is shown.
func checkDistrictsDrawn(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/")
	if n := eval[int](t, p, `document.querySelectorAll('path.district').length`); n != 10 {
		t.Errorf("got %d districts, want 10", n)
	}
	// The slider runs to today in Afghanistan (UTC+4:30: from 19:30 UTC it is
	// already tomorrow there); the evidence ends earlier and says so.
	if d, today := currentDate(t, p), datatest.Embedded(t).Region.Zone.Today(time.Now()).String(); d != today {
		t.Errorf("without a date the page shows %s, want today, %s", d, today)
	}
	// "last updated" is the dataset's last edit (its last publication), not
	// its last record (issue 22).
	if u, want := eval[string](t, p, `document.querySelector('.tc-updated bdi').dataset.iso`), datatest.Embedded(t).Updated().String(); u != want {
		t.Errorf("last updated reads %s, want the dataset's last publication, %s", u, want)
	}
}

// checkFillsFollowData: on two dates each district is filled as the API says, and only the changed ones change.
func checkFillsFollowData(t *testing.T, p *page, ts *httptest.Server) {
	days := []string{"2021-08-20", "2021-09-06"}
	got := map[string]map[string][2]string{}
	for _, day := range days {
		p.open(t, ts.URL+"/?date="+day)
		got[day] = fills(t, p)
		want := apiStatuses(t, ts.URL, day)
		for pcode, status := range want {
			// Stale evidence draws the status colour under dots (see TestPageStale).
			if g := got[day][pcode]; g[0] != status || (!strings.EqualFold(g[1], statusFill()[status]) && g[1] != "url(#stale-"+status+")") {
				t.Errorf("%s %s: drawn %v, want %s filled %s", day, pcode, g, status, statusFill()[status])
			}
		}
	}
	a, b := apiStatuses(t, ts.URL, days[0]), apiStatuses(t, ts.URL, days[1])
	for pcode := range a {
		changed := a[pcode] != b[pcode]
		if drawnChanged := got[days[0]][pcode][1] != got[days[1]][pcode][1]; drawnChanged != changed {
			t.Errorf("%s: fill changed %v between the dates, status changed %v", pcode, drawnChanged, changed)
		}
	}
}

// checkPlayAndPause: play advances the date; pause stops it.
func checkPlayAndPause(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-08-01")
	p.do(t, chromedp.Click(chromedp.CSS(".tc-play")))
	waitFor(t, p, `document.querySelector('.tc-iso').textContent > '2021-08-03'`)
	p.do(t, chromedp.Click(chromedp.CSS(".tc-play")))
	if pressed := eval[string](t, p, `document.querySelector('.tc-play').getAttribute('aria-pressed')`); pressed != "false" {
		t.Errorf("after pause the play button is pressed=%s", pressed)
	}
	stopped := currentDate(t, p)
	p.do(t, chromedp.Sleep(800*time.Millisecond))
	if d := currentDate(t, p); d != stopped {
		t.Errorf("paused at %s but the date moved on to %s", stopped, d)
	}
}

// checkKeyboard: the arrow and page keys step days and changes; space plays and pauses.
func checkKeyboard(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-09-01")
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
	changes := datatest.Embedded(t).ChangeDays() // the expectations follow the dataset
	next := func(d string) string { return changeAfter(t, changes, d, +1) }
	prev := func(d string) string { return changeAfter(t, changes, d, -1) }
	c1 := next("2021-09-01")
	c2 := next(c1)
	steps := []struct {
		name string
		key  string
		mods []chromedp.Modifier
		want string
	}{
		{"right arrow: next day", kb.ArrowRight, nil, "2021-09-02"},
		{"left arrow: previous day", kb.ArrowLeft, nil, "2021-09-01"},
		{"shift+right: next change", kb.ArrowRight, []chromedp.Modifier{chromedp.ModifierShift}, c1},
		{"page down: next change", kb.PageDown, nil, c2},
		{"page up: previous change", kb.PageUp, nil, c1},
		{"shift+left: previous change", kb.ArrowLeft, []chromedp.Modifier{chromedp.ModifierShift}, prev(c1)},
	}
	for _, s := range steps {
		p.do(t, chromedp.KeyEvent(s.key, chromedp.KeyModifiers(s.mods...)))
		if d := currentDate(t, p); d != s.want {
			t.Errorf("%s: got %s, want %s", s.name, d, s.want)
		}
	}
	p.do(t, chromedp.KeyEvent(" "))
	waitFor(t, p, `document.querySelector('.tc-play').getAttribute('aria-pressed') === 'true'`)
	p.do(t, chromedp.KeyEvent(" "))
	waitFor(t, p, `document.querySelector('.tc-play').getAttribute('aria-pressed') === 'false'`)
}

// checkPermalink: a permalink restores date, view, district and map; back and forward work.
func checkPermalink(t *testing.T, p *page, ts *httptest.Server) {
	target := "/?date=2021-09-05&view=taliban&district=AF0802&map=10/35.3/69.5"
	p.open(t, ts.URL+target)
	if d := currentDate(t, p); d != "2021-09-05" {
		t.Errorf("date: got %s, want 2021-09-05", d)
	}
	if v := eval[string](t, p, `document.querySelector('.viewswitch input:checked').value`); v != "taliban" {
		t.Errorf("view: got %s, want taliban", v)
	}
	if h := eval[string](t, p, `document.querySelector('.info h2').firstChild.textContent`); h != "Rukha" {
		t.Errorf("selected district: got %q, want Rukha", h)
	}
	q, _ := url.ParseQuery(strings.TrimPrefix(eval[string](t, p, `location.search`), "?"))
	if q.Get("date") != "2021-09-05" || q.Get("view") != "taliban" || q.Get("district") != "AF0802" || q.Get("map") != "10/35.3000/69.5000" {
		t.Errorf("URL after load: %v", q)
	}
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent(kb.ArrowRight))
	waitFor(t, p, `new URLSearchParams(location.search).get('date') === '2021-09-06'`)
	p.do(t, chromedp.Evaluate[chromedp.Void](`history.back()`))
	waitFor(t, p, `document.querySelector('.tc-iso').textContent === '2021-09-05'`)
	p.do(t, chromedp.Evaluate[chromedp.Void](`history.forward()`))
	waitFor(t, p, `document.querySelector('.tc-iso').textContent === '2021-09-06'`)
}

// checkDistrictClick: clicking a district shows its status, sources and claims.
func checkDistrictClick(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-09-06")
	xy := eval[[]float64](t, p, `(() => { const el = [...document.querySelectorAll('.district-label')].find(e => e.textContent === 'Bazarak');
		const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	p.do(t, chromedp.MouseClickXY(xy[0], xy[1]))
	waitFor(t, p, `document.querySelector('.info h2') !== null`)
	if h := eval[string](t, p, `document.querySelector('.info h2').textContent`); !strings.Contains(h, "Bazarak") || !strings.Contains(h, "بازارک") {
		t.Errorf("panel heading %q, want Bazarak in English and Dari", h)
	}
	if s, want := eval[string](t, p, `document.querySelector('.info-status').dataset.status`), apiStatuses(t, ts.URL, "2021-09-06")["AF0801"]; s != want {
		t.Errorf("panel status %q, want the API's %q", s, want)
	}
	links := eval[[]string](t, p, `[...document.querySelectorAll('.info-sources a.source-link')].map(a => a.href)`)
	if len(links) == 0 {
		t.Fatal("no source links in the panel")
	}
	for _, l := range links {
		if !strings.HasPrefix(l, "http") {
			t.Errorf("source link %q", l)
		}
	}
	if n := eval[int](t, p, `document.querySelectorAll('.info-claims .claim strong').length`); n < 2 {
		t.Errorf("got %d party claims in the panel, want the Taliban's and the resistance's", n)
	}
	// Each party is named as the region names who speaks for it, never by its id.
	if heads := eval[string](t, p, `[...document.querySelectorAll('.info-claims .claim')].map(li => li.textContent.split(':')[0]).join(' | ')`); !strings.Contains(heads, "Taliban (") || !strings.Contains(heads, "NRF (") || strings.Contains(heads, "resistance") {
		t.Errorf("the panel's claims are headed %q, want the Taliban and the NRF by name", heads)
	}
}

// checkClaimsView: a claims view differs from the assessed view on a disputed day.
func checkClaimsView(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-09-06&view=assessed")
	assessed := fills(t, p)
	p.do(t, chromedp.Click(chromedp.CSS(`.viewswitch input[value="resistance"]`)))
	waitFor(t, p, `new URLSearchParams(location.search).get('view') === 'resistance'`)
	claimed := fills(t, p)
	differ := 0
	for pcode := range assessed {
		if assessed[pcode] != claimed[pcode] {
			differ++
		}
	}
	if differ == 0 {
		t.Error("the resistance's claims look the same as the assessed status on 6 September")
	}
	if n := eval[int](t, p, `document.querySelectorAll('path.district[data-disputed="true"]').length`); n == 0 {
		t.Error("no district is marked disputed on 6 September")
	}
}

// checkFadeAndScrub: changes fade, and scrubbing fetches nothing.
func checkFadeAndScrub(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-08-15")
	if tr := eval[string](t, p, `getComputedStyle(document.querySelector('path.district')).transitionProperty`); !strings.Contains(tr, "fill") {
		t.Errorf("districts have transition %q, want a fade on fill", tr)
	}
	before := len(p.requestList())
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
	for i := 0; i < 20; i++ {
		p.do(t, chromedp.KeyEvent(kb.ArrowRight))
	}
	if d := currentDate(t, p); d != "2021-09-04" {
		t.Errorf("after 20 steps: %s, want 2021-09-04", d)
	}
	if after := p.requestList(); len(after) != before {
		t.Errorf("scrubbing made %d requests: %v", len(after)-before, after[before:])
	}
}

// checkChangeLog: choosing an entry in "What happened" moves the slider and selects the district.
func checkChangeLog(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-09-06")
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.changelog').open = true`))
	p.do(t, chromedp.Click(chromedp.CSS(`.entry-change[data-date="2021-09-04"]`)))
	waitFor(t, p, `document.querySelector('.tc-iso').textContent === '2021-09-04'`)
	if pc := eval[string](t, p, `new URLSearchParams(location.search).get('district')`); pc == "" {
		t.Error("choosing a change did not select its district")
	}
}

// checkNoForeignRequests: no request has left the test server and the console is clean.
func checkNoForeignRequests(t *testing.T, p *page, ts *httptest.Server) {
	host := strings.TrimPrefix(ts.URL, "http://")
	for _, r := range p.requestList() {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Scheme != "about" && u.Host != host) {
			t.Errorf("request to another host: %s", r)
		}
	}
	if errs := p.errorList(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// checkOnlineLayer: an online base layer is requested only when chosen, with its attribution.
func checkOnlineLayer(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-09-06")
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.leaflet-control-layers').classList.add('leaflet-control-layers-expanded')`))
	p.do(t, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('.leaflet-control-layers-base label')].find(l => l.textContent.includes('OpenStreetMap')).querySelector('input').click()`))
	waitFor(t, p, `document.querySelectorAll('img.leaflet-tile').length > 0`)
	p.do(t, chromedp.Sleep(300*time.Millisecond))
	found := false
	for _, r := range p.requestList() {
		found = found || strings.Contains(r, "tile.openstreetmap.org")
	}
	if !found {
		t.Error("choosing OpenStreetMap requested no tile")
	}
	if a := eval[string](t, p, `document.querySelector('.leaflet-control-attribution').textContent`); !strings.Contains(a, "OpenStreetMap") || !strings.Contains(a, "AGCHO / OCHA COD-AB (2018)") {
		t.Errorf("attribution %q, want OpenStreetMap and the boundary credit", a)
	}
}

// checkChapters: each chapter's button zooms to it, opens on its key day
// (the server's) and writes its summary under the buttons, where a touch
// reads it as well as a mouse; "All" takes the summary away (issue 25).
func checkChapters(t *testing.T, p *page, ts *httptest.Server) {
	var doc struct {
		Periods []struct {
			From, To, Summary string
			KeyDay            string `json:"key_day"`
		}
	}
	getInto(t, ts.URL+"/api/periods", &doc)
	if len(doc.Periods) == 0 {
		t.Fatal("no chapters")
	}
	p.open(t, ts.URL+"/")
	for i, c := range doc.Periods {
		p.do(t, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelectorAll('.tc-periods .period:not(.period-all)')[%d].click()`, i)))
		if got := currentDate(t, p); got != c.KeyDay {
			t.Errorf("chapter %s..%s opens on %s, want its key day %s", c.From, c.To, got, c.KeyDay)
		}
		if s := eval[string](t, p, `(() => { const e = document.querySelector('.tc-period-summary'); return e.hidden ? '' : e.textContent; })()`); !strings.Contains(s, c.Summary) {
			t.Errorf("chapter %s: the summary shown is %q", c.From, s)
		}
		// Share's animation is of the chapter.
		if href := eval[string](t, p, `document.querySelector('.share-gif').href`); !strings.Contains(href, "from="+c.From+"&to="+c.To) {
			t.Errorf("chapter %s..%s: Share's animation is %s", c.From, c.To, href)
		}
	}
	p.do(t, chromedp.Click(chromedp.CSS(".period-all")))
	if !eval[bool](t, p, `document.querySelector('.tc-period-summary').hidden`) {
		t.Error("with all the history shown, a chapter's summary stays")
	}
}
