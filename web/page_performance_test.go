package web_test

import (
	"bufio"
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

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
	entries := eval[[]perfEntry](t, p, `[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
		.map(e => ({name: e.name, transferSize: e.transferSize, decodedBodySize: e.decodedBodySize, responseEnd: e.responseEnd}))`)
	drawn := eval[float64](t, p, `performance.getEntriesByName('districts-drawn')[0].startTime`)
	// The first view is what arrived before the map was drawn; what the
	// page loads after it (the places, the compare panel) is counted apart.
	var transferred, decoded, later float64
	first := 0
	for _, e := range entries {
		if e.End > drawn {
			later += e.Transfer
			continue
		}
		transferred += e.Transfer
		decoded += e.Body
		first++
	}
	scripts := checkFirstViewScripts(t, p, entries, drawn)
	requestsBefore := len(p.requestList())
	steps := playSteps(t, p)
	var sum, worst float64
	for _, d := range steps {
		sum += d
		worst = max(worst, d)
	}
	t.Logf("PAGE drawn_ms=%.0f transferred_bytes=%.0f decoded_bytes=%.0f resources=%d scripts=%d after_first_view_bytes=%.0f restyle_mean_ms=%.2f restyle_max_ms=%.2f steps=%d",
		drawn, transferred, decoded, first, scripts, later, sum/float64(len(steps)), worst, len(steps))
	if transferred > pageBudget {
		t.Errorf("first view transferred %.0f bytes, budget %d", transferred, pageBudget)
	}
	if transferred >= decoded/2 {
		t.Errorf("transferred %.0f of %.0f decoded bytes: compression is not working", transferred, decoded)
	}
	if n := len(p.requestList()) - requestsBefore; n > 0 {
		t.Errorf("playing made %d requests, want none", n)
	}
	scrubMean, scrubP90, scrubWorst := scrubDays(t, p, ts.URL)
	t.Logf("PAGE scrub4x_mean_ms=%.2f scrub4x_p90_ms=%.2f scrub4x_max_ms=%.2f", scrubMean, scrubP90, scrubWorst)
	countryMean, countryP90, countryWorst := scrubCountry(t, p, ts.URL)
	t.Logf("PAGE country_scrub4x_mean_ms=%.2f country_scrub4x_p90_ms=%.2f country_scrub4x_max_ms=%.2f", countryMean, countryP90, countryWorst)
}

// compileHint is V8's explicit compile hint that 'make build' puts on top of
// Leaflet and of the bundle.
const compileHint = "//# allFunctionsCalledOnLoad"

// firstLine returns the first line of the file at u.
func firstLine(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	return strings.TrimSuffix(line, "\n")
}

// perfEntry is a navigation or resource timing entry of the page.
type perfEntry struct {
	Name     string  `json:"name"`
	Transfer float64 `json:"transferSize"`
	Body     float64 `json:"decodedBodySize"`
	End      float64 `json:"responseEnd"`
}

// checkFirstViewScripts checks the scripts that arrived before the map was
// drawn and returns how many there were. Each is named in the page's head (a
// script or a modulepreload), so that none is found only when another
// arrives, a round trip later.
func checkFirstViewScripts(t *testing.T, p *page, entries []perfEntry, drawn float64) int {
	named := map[string]bool{}
	for _, u := range eval[[]string](t, p, `[...document.querySelectorAll('head script[src], head link[rel=modulepreload]')].map((e) => e.src || e.href)`) {
		named[u] = true
	}
	scripts := 0
	for _, e := range entries {
		if e.End <= drawn && strings.HasSuffix(e.Name, ".js") {
			scripts++
			if !named[e.Name] {
				t.Errorf("the first view loads %s, which the page's head does not name", e.Name)
			}
			// and each carries V8's compile hint, so that Chrome compiles it
			// off the main thread (see the Makefile)
			if head := firstLine(t, e.Name); head != compileHint {
				t.Errorf("%s starts %.60q, want the compile hint %q", e.Name, head, compileHint)
			}
		}
	}
	return scripts
}

// playSteps plays a month a second for 3 s and returns how long each step's
// restyle took.
func playSteps(t *testing.T, p *page) []float64 {
	p.do(t, chromedp.Evaluate[chromedp.Void](`performance.clearMeasures('restyle')`))
	p.do(t, chromedp.SetValue(chromedp.CSS(".tc-speed"), "30"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('.tc-speed').dispatchEvent(new Event('change'))`),
		chromedp.Click(chromedp.CSS(".tc-play")), chromedp.Sleep(3*time.Second), chromedp.Click(chromedp.CSS(".tc-play")))
	steps := eval[[]float64](t, p, `performance.getEntriesByName('restyle').map(e => e.duration)`)
	if len(steps) < 10 {
		t.Fatalf("playing made %d steps in 3 s at a month a second", len(steps))
	}
	return steps
}

// scrubDays measures one day's step as a reader scrubs with the arrow key,
// at 4x CPU slowdown, through the spring 2022 fighting (badges, events and
// fills all change): the time of the key's handler, every listener of the
// date included (districts, countryside badges, events, panels, chart).
func scrubDays(t *testing.T, p *page, base string) (mean, p90, worst float64) {
	return scrub(t, p, base+"/?date=2022-04-20&district=AF0803", "", "2022-06-19")
}

// scrubCountry is scrubDays on the country's map (issue 26): the 34
// provinces restyled with the districts, through the offensive of August
// 2021, 60 days from its first day.
func scrubCountry(t *testing.T, p *page, base string) (mean, p90, worst float64) {
	return scrub(t, p, base+"/?date=2021-08-01", `document.querySelector('.country-toggle').click()`, "2021-09-30")
}

// scrub opens u, runs setup (JS), and times 60 steps of the right arrow at
// 4× CPU slowdown, which must reach the day want.
func scrub(t *testing.T, p *page, u, setup, want string) (mean, p90, worst float64) {
	p.open(t, u)
	if setup != "" {
		p.do(t, chromedp.Evaluate[chromedp.Void](setup))
	}
	throttle := func(rate float64) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, tg, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
			return chromedp.Void{}, err
		}
	}
	p.do(t, throttle(4))
	defer p.do(t, throttle(1))
	times := eval[[]float64](t, p, `(() => {
		document.activeElement?.blur();
		const out = [];
		for (let i = 0; i < 60; i++) {
			const t0 = performance.now();
			document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
			out.push(performance.now() - t0);
		}
		return out;
	})()`)
	if got := currentDate(t, p); got != want {
		t.Fatalf("60 steps from %s reached %s, want %s", u, got, want)
	}
	for _, d := range times {
		mean += d
	}
	slices.Sort(times)
	return mean / float64(len(times)), times[len(times)*9/10], times[len(times)-1]
}
