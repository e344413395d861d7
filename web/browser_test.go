package web_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"io"
	"log/slog"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/server"
	"github.com/controlmap/controlmap/web"
)

// The palette the page promises (js/style.js, README): a test of the
// rendered fill, not of the module.
var statusFill = map[string]string{
	"republic":   "#0072B2",
	"taliban":    "#D55E00",
	"resistance": "#009E73",
	"contested":  "url(#hatch-contested)",
	"unknown":    "#BDBDBD",
}

// newSite serves the real dataset and the embedded page; wrap, if not nil,
// wraps the handler (to make the API fail, say).
func newSite(t *testing.T, wrap func(http.Handler) http.Handler) (*httptest.Server, *data.Dataset) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: needs Chromium and the built page; not run under -short")
	}
	ds, err := data.LoadEmbedded()
	if err != nil {
		t.Fatalf("embedded dataset (run 'make build'): %v", err)
	}
	assets, err := web.FS("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("static/vendor/leaflet/leaflet.js"); err != nil {
		t.Fatalf("Leaflet is not in web/static/vendor (run 'make build'): %v", err)
	}
	s, err := server.New(server.Config{Version: "test", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, ds, assets)
	if err != nil {
		t.Fatal(err)
	}
	s.Warm() // as Run does once listening
	var h http.Handler = s.Handler()
	if wrap != nil {
		h = wrap(h)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts, ds
}

// page is one browser tab with everything it requested and every console
// error it printed.
type page struct {
	ctx      context.Context
	mu       sync.Mutex
	requests []string
	errors   []string
}

// newPage starts Debian's Chromium headless with the options that work as
// root (../shared/platform-notes.md) and opens a tab.
func newPage(t *testing.T) *page {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	p := &page{ctx: ctx}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	logs := chromedp.Events(ctx, cdplog.EntryAdded)
	go func() {
		// The browser's own log: CSP violations, failed loads, deprecations.
		for ev, err := range logs {
			if err != nil {
				return
			}
			if ev.Entry.Level == cdplog.EntryLevelError {
				p.mu.Lock()
				p.errors = append(p.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
				p.mu.Unlock()
			}
		}
	}()
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			if !strings.HasPrefix(ev.Request.URL, "http") {
				continue // data: URLs (the date input's icon) are not network requests
			}
			p.mu.Lock()
			p.requests = append(p.requests, ev.Request.URL)
			p.mu.Unlock()
		}
	}()
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				p.mu.Lock()
				p.errors = append(p.errors, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
				p.mu.Unlock()
			}
		}
	}()
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			p.mu.Lock()
			p.errors = append(p.errors, "exception: "+ev.ExceptionDetails.Text+" "+describe(ev.ExceptionDetails.Exception))
			p.mu.Unlock()
		}
	}()
	return p
}

func describe(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	return o.Description
}

func (p *page) requestList() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

func (p *page) errorList() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

func (p *page) do(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, p *page, js string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// open navigates and waits until the page has drawn its districts.
func (p *page) open(t *testing.T, u string) {
	t.Helper()
	p.do(t, chromedp.Navigate(u))
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.body.dataset.ready === 'true' && document.querySelectorAll('path.district').length > 0`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("page did not get ready: %v (errors: %v)", err, p.errorList())
	}
}

// fills returns, per P-code, the drawn status and fill of each district.
func fills(t *testing.T, p *page) map[string][2]string {
	t.Helper()
	raw := eval[map[string][]string](t, p, `Object.fromEntries([...document.querySelectorAll('path.district')]
		.map(el => [el.dataset.pcode, [el.dataset.status, el.getAttribute('fill')]]))`)
	out := map[string][2]string{}
	for k, v := range raw {
		out[k] = [2]string{v[0], v[1]}
	}
	return out
}

func currentDate(t *testing.T, p *page) string {
	return eval[string](t, p, `document.querySelector('.tc-iso').textContent`)
}

// apiStatuses asks the API for every district's assessed status on day.
func apiStatuses(t *testing.T, base, day string) map[string]string {
	t.Helper()
	resp, err := http.Get(base + "/api/control?date=" + day)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var fc struct {
		Features []struct {
			ID         string
			Properties struct{ Status string }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&fc); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range fc.Features {
		out[f.ID] = f.Properties.Status
	}
	return out
}

func waitFor(t *testing.T, p *page, js string) {
	t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", js, err)
	}
}

func TestPage(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1280, 800))

	t.Run("districts are drawn and the latest date is shown", func(t *testing.T) {
		p.open(t, ts.URL+"/")
		if n := eval[int](t, p, `document.querySelectorAll('path.district').length`); n != 10 {
			t.Errorf("got %d districts, want 10", n)
		}
		if d := currentDate(t, p); d != "2022-12-15" {
			t.Errorf("without a date the page shows %s, want the latest, 2022-12-15", d)
		}
	})

	t.Run("fills on two dates follow the data", func(t *testing.T) {
		days := []string{"2021-08-20", "2021-09-06"}
		got := map[string]map[string][2]string{}
		for _, day := range days {
			p.open(t, ts.URL+"/?date="+day)
			got[day] = fills(t, p)
			want := apiStatuses(t, ts.URL, day)
			for pcode, status := range want {
				if g := got[day][pcode]; g[0] != status || !strings.EqualFold(g[1], statusFill[status]) {
					t.Errorf("%s %s: drawn %v, want %s filled %s", day, pcode, g, status, statusFill[status])
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
	})

	t.Run("play advances the date and pause stops it", func(t *testing.T) {
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
	})

	t.Run("keyboard controls", func(t *testing.T) {
		p.open(t, ts.URL+"/?date=2021-09-01")
		p.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
		steps := []struct {
			name string
			key  string
			mods []chromedp.Modifier
			want string
		}{
			{"right arrow: next day", kb.ArrowRight, nil, "2021-09-02"},
			{"left arrow: previous day", kb.ArrowLeft, nil, "2021-09-01"},
			{"shift+right: next change", kb.ArrowRight, []chromedp.Modifier{chromedp.ModifierShift}, "2021-09-02"},
			{"page down: next change", kb.PageDown, nil, "2021-09-03"},
			{"page up: previous change", kb.PageUp, nil, "2021-09-02"},
			{"shift+left: previous change", kb.ArrowLeft, []chromedp.Modifier{chromedp.ModifierShift}, "2021-08-30"},
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
	})

	t.Run("permalink round-trips and back/forward work", func(t *testing.T) {
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
	})

	t.Run("clicking a district shows its status and sources", func(t *testing.T) {
		p.open(t, ts.URL+"/?date=2021-09-06")
		xy := eval[[]float64](t, p, `(() => { const el = [...document.querySelectorAll('.district-label')].find(e => e.textContent === 'Bazarak');
			const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
		p.do(t, chromedp.MouseClickXY(xy[0], xy[1]))
		waitFor(t, p, `document.querySelector('.info h2') !== null`)
		if h := eval[string](t, p, `document.querySelector('.info h2').textContent`); !strings.Contains(h, "Bazarak") || !strings.Contains(h, "بازارک") {
			t.Errorf("panel heading %q, want Bazarak in English and Dari", h)
		}
		if s := eval[string](t, p, `document.querySelector('.info-status').dataset.status`); s != "taliban" {
			t.Errorf("panel status %q, want taliban", s)
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
	})

	t.Run("a claims view differs from the assessed view on a disputed day", func(t *testing.T) {
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
	})

	t.Run("changes fade and scrubbing fetches nothing", func(t *testing.T) {
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
	})

	t.Run("change log moves the slider", func(t *testing.T) {
		p.open(t, ts.URL+"/?date=2021-09-01")
		p.do(t, chromedp.Click(chromedp.CSS(`.change-entry[data-date="2021-09-04"]`)))
		waitFor(t, p, `document.querySelector('.tc-iso').textContent === '2021-09-04'`)
		if pc := eval[string](t, p, `new URLSearchParams(location.search).get('district')`); pc == "" {
			t.Error("choosing a change did not select its district")
		}
	})

	t.Run("no request leaves the server and the console is clean", func(t *testing.T) {
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
	})

	t.Run("an online layer is requested only when chosen", func(t *testing.T) {
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
	})
}

func TestPagePhone(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(375, 740))
	p.open(t, ts.URL+"/?date=2021-09-06")
	if w := eval[int](t, p, `document.documentElement.scrollWidth`); w > 375 {
		t.Errorf("page is %d px wide on a 375 px phone", w)
	}
	r := eval[[]float64](t, p, `(() => { const r = document.querySelector('.tc-slider').getBoundingClientRect(); return [r.left, r.right, r.bottom]; })()`)
	if r[0] < 0 || r[1] > 375 || r[2] > 740 {
		t.Errorf("slider at %v, want inside the 375×740 viewport", r)
	}
	// Dragging the slider must not pan the map.
	before := eval[string](t, p, `new URLSearchParams(location.search).get('map')`)
	p.do(t, chromedp.MouseClickXY((r[0]+r[1])/2, r[2]-8))
	p.do(t, chromedp.Sleep(400*time.Millisecond))
	if after := eval[string](t, p, `new URLSearchParams(location.search).get('map')`); after != before {
		t.Errorf("using the slider panned the map from %s to %s", before, after)
	}
	labelled := eval[bool](t, p, `[...document.querySelectorAll('input, select, button')].every(el =>
		el.getAttribute('aria-label') || el.labels?.length || el.closest('label') || el.textContent.trim())`)
	if !labelled {
		t.Error("some controls have no label")
	}
}

func TestPageReportsAPIFailure(t *testing.T) {
	ts, _ := newSite(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/api/timeline" {
				http.Error(w, "boom", http.StatusInternalServerError)
				return
			}
			h.ServeHTTP(w, r)
		})
	})
	p := newPage(t)
	p.do(t, chromedp.Navigate(ts.URL+"/"))
	waitFor(t, p, `document.body.dataset.ready === 'error'`)
	msg := eval[string](t, p, `(() => { const e = document.getElementById('error'); return e.hidden ? '' : e.textContent; })()`)
	if !strings.Contains(msg, "could not load") || !strings.Contains(msg, "500") {
		t.Errorf("error shown: %q, want a plain message with the status", msg)
	}
}

var (
	screenshotOut  = flag.String("screenshot", "", "write a PNG of the page to this file (make screenshot)")
	screenshotDate = flag.String("date", "2021-09-06", "the date of the screenshot")
	screenshotArgs = flag.String("query", "", "more query parameters for the screenshot, e.g. view=taliban&district=AF0801")
	screenshotSize = flag.String("size", "1280x800", "viewport WIDTHxHEIGHT of the screenshot")
)

// TestScreenshot writes a PNG of the page at a chosen date; it runs only with
// -screenshot (see 'make screenshot').
func TestScreenshot(t *testing.T) {
	if *screenshotOut == "" {
		t.Skip("no -screenshot file given")
	}
	ts, _ := newSite(t, nil)
	p := newPage(t)
	var w, h int64
	if _, err := fmt.Sscanf(*screenshotSize, "%dx%d", &w, &h); err != nil {
		t.Fatalf("-size %q: want WIDTHxHEIGHT", *screenshotSize)
	}
	p.do(t, chromedp.EmulateViewport(w, h))
	p.open(t, ts.URL+"/?date="+url.QueryEscape(*screenshotDate)+"&"+*screenshotArgs)
	p.do(t, chromedp.Sleep(700*time.Millisecond)) // let the fades finish
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*screenshotOut, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", *screenshotOut, len(png))
}

// pageBudget is the most the first view may transfer, compressed, Leaflet
// included.
const pageBudget = 150_000

// TestPagePerformance measures the first view and playing in Chromium: the
// bytes transferred are asserted (they do not drift); the times are reported
// (make bench collects them) rather than asserted, since timing on a shared
// machine is no test.
func TestPagePerformance(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1280, 800))
	p.open(t, ts.URL+"/?date=2021-08-01")
	type entry struct {
		Name     string  `json:"name"`
		Transfer float64 `json:"transferSize"`
		Body     float64 `json:"decodedBodySize"`
	}
	entries := eval[[]entry](t, p, `[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
		.map(e => ({name: e.name, transferSize: e.transferSize, decodedBodySize: e.decodedBodySize}))`)
	var transferred, decoded float64
	for _, e := range entries {
		transferred += e.Transfer
		decoded += e.Body
	}
	drawn := eval[float64](t, p, `performance.getEntriesByName('districts-drawn')[0].startTime`)
	requestsBefore := len(p.requestList())
	p.do(t, chromedp.Evaluate[chromedp.Void](`performance.clearMeasures('restyle')`))
	p.do(t, chromedp.SetValue(chromedp.CSS(".tc-speed"), "30"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('.tc-speed').dispatchEvent(new Event('change'))`),
		chromedp.Click(chromedp.CSS(".tc-play")), chromedp.Sleep(3*time.Second), chromedp.Click(chromedp.CSS(".tc-play")))
	steps := eval[[]float64](t, p, `performance.getEntriesByName('restyle').map(e => e.duration)`)
	if len(steps) < 10 {
		t.Fatalf("playing made %d steps in 3 s at a month a second", len(steps))
	}
	var sum, worst float64
	for _, d := range steps {
		sum += d
		worst = max(worst, d)
	}
	t.Logf("PAGE drawn_ms=%.0f transferred_bytes=%.0f decoded_bytes=%.0f resources=%d restyle_mean_ms=%.2f restyle_max_ms=%.2f steps=%d",
		drawn, transferred, decoded, len(entries), sum/float64(len(steps)), worst, len(steps))
	if transferred > pageBudget {
		t.Errorf("first view transferred %.0f bytes, budget %d", transferred, pageBudget)
	}
	if transferred >= decoded/2 {
		t.Errorf("transferred %.0f of %.0f decoded bytes: compression is not working", transferred, decoded)
	}
	if n := len(p.requestList()) - requestsBefore; n > 0 {
		t.Errorf("playing made %d requests, want none", n)
	}
}

// TestOGCPageMap: an OGC API item page draws its geometry with the embedded
// Leaflet, under the same CSP, without console errors.
func TestOGCPageMap(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.do(t, chromedp.Navigate(ts.URL+"/ogc/collections/areas/items/AF0801?f=html"))
	waitFor(t, p, `document.querySelectorAll('#ogc-map path.leaflet-interactive').length === 1`)
	if errs := p.errorList(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

func TestPageCompareChartGIFDari(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1280, 800))

	t.Run("compare mode highlights what changed", func(t *testing.T) {
		p.open(t, ts.URL+"/?date=2021-09-20&compare=2021-08-10..2021-09-20")
		waitFor(t, p, `document.querySelectorAll('.compare-balance tbody tr').length > 0`)
		changed := eval[map[string]string](t, p, `Object.fromEntries([...document.querySelectorAll('path.district')].map(e => [e.dataset.pcode, e.dataset.changed]))`)
		for _, pc := range []string{"AF0801", "AF0802", "AF0803", "AF0804", "AF0805", "AF0806", "AF0807"} {
			if changed[pc] != "republic>taliban" {
				t.Errorf("%s: changed %q, want republic>taliban", pc, changed[pc])
			}
		}
		fill := eval[string](t, p, `document.querySelector('path.district[data-pcode="AF0801"]').getAttribute('fill')`)
		stroke := eval[string](t, p, `document.querySelector('path.district[data-pcode="AF0801"]').getAttribute('stroke')`)
		if !strings.EqualFold(fill, statusFill["taliban"]) || !strings.EqualFold(stroke, statusFill["republic"]) {
			t.Errorf("Bazarak drawn fill %s stroke %s, want the after colour inside and the before colour around", fill, stroke)
		}
		if rows := eval[[]string](t, p, `[...document.querySelectorAll('.compare-balance tbody tr')].map(r => r.dataset.status)`); !slices.Contains(rows, "taliban") || !slices.Contains(rows, "republic") {
			t.Errorf("balance rows %v, want taliban and republic", rows)
		}
		gif := eval[string](t, p, `document.querySelector('.compare-gif').href`)
		if !strings.Contains(gif, "/api/export/animation.gif?from=2021-08-10&to=2021-09-20") {
			t.Errorf("GIF link %s", gif)
		}
		resp, err := http.Get(gif)
		if err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/gif" {
			t.Errorf("GIF button target: %v %v", resp, err)
		} else {
			resp.Body.Close()
		}
		// A change in the list leads to its day and leaves compare mode.
		p.do(t, chromedp.Click(chromedp.CSS(`.compare .change-entry[data-date="2021-09-04"]`)))
		waitFor(t, p, `document.querySelector('.tc-iso').textContent === '2021-09-04' && !new URLSearchParams(location.search).has('compare')`)
	})

	t.Run("the chart follows the date and moves it", func(t *testing.T) {
		p.open(t, ts.URL+"/?date=2021-08-01")
		x0 := eval[float64](t, p, `+document.querySelector('.chart-cursor').getAttribute('x1')`)
		p.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent(kb.PageDown))
		x1 := eval[float64](t, p, `+document.querySelector('.chart-cursor').getAttribute('x1')`)
		if x1 <= x0 {
			t.Errorf("cursor at %v after moving on from %v", x1, x0)
		}
		r := eval[[]float64](t, p, `(() => { const r = document.querySelector('.area-chart').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
		p.do(t, chromedp.MouseClickXY(r[0]+r[2]*0.75, r[1]+r[3]/2))
		if d := currentDate(t, p); d < "2022-06-01" || d > "2022-09-30" {
			t.Errorf("clicking three quarters along the chart went to %s", d)
		}
	})

	t.Run("Dari", func(t *testing.T) {
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
		if s := eval[string](t, p, `document.querySelector('.info-status').textContent`); !strings.Contains(s, "طالبان") || !strings.Contains(s, "2021-09-06") {
			t.Errorf("status line %q, want Dari with an ISO date", s)
		}
		if errs := p.errorList(); len(errs) > 0 {
			t.Errorf("console errors: %v", errs)
		}
	})
}
