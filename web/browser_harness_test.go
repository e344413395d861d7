package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/server"
	"github.com/controlmap/controlmap/web"
	"github.com/controlmap/controlmap/wire"
)

// statusFill is the fill the page must draw each status of the real
// dataset with: its region's colours (wire.Colours, region.csv), the
// contested hatch. A test of the rendered fill, not of the module.
var statusFill = sync.OnceValue(func() map[string]string {
	ds, err := data.LoadEmbedded()
	if err != nil {
		panic(err)
	}
	out := map[string]string{}
	for st, c := range wire.Colours(ds.Region) {
		out[string(st)] = c
	}
	out[string(data.StatusContested)] = "url(#hatch-contested)"
	return out
})

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
	return newSiteOf(t, ds, wrap), ds
}

// newSiteOf serves ds (another region's, say) and the embedded page.
func newSiteOf(t *testing.T, ds *data.Dataset, wrap func(http.Handler) http.Handler) *httptest.Server {
	t.Helper()
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
	return ts
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
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocatorOptions(t)...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	p := &page{ctx: ctx}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	go p.collectLog(chromedp.Events(ctx, cdplog.EntryAdded))
	go p.collectRequests(chromedp.Events(ctx, network.RequestWillBeSent))
	go p.collectConsole(chromedp.Events(ctx, runtime.ConsoleAPICalled))
	go p.collectExceptions(chromedp.Events(ctx, runtime.ExceptionThrown))
	return p
}

// allocatorOptions: headless Chromium as root, with a fresh profile, and no
// host but the test server resolvable.
func allocatorOptions(t *testing.T) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"),
	)
}

func (p *page) addError(msg string) {
	p.mu.Lock()
	p.errors = append(p.errors, msg)
	p.mu.Unlock()
}

// collectLog records the browser's own log errors: CSP violations, failed
// loads, deprecations.
func (p *page) collectLog(logs iter.Seq2[cdplog.EventEntryAdded, error]) {
	for ev, err := range logs {
		if err != nil {
			return
		}
		if ev.Entry.Level == cdplog.EntryLevelError {
			p.addError("log: " + ev.Entry.Text + " " + ev.Entry.URL)
		}
	}
}

// collectRequests records the URL of every network request.
func (p *page) collectRequests(requests iter.Seq2[network.EventRequestWillBeSent, error]) {
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
}

// collectConsole records console.error and console.warn calls.
func (p *page) collectConsole(console iter.Seq2[runtime.EventConsoleAPICalled, error]) {
	for ev, err := range console {
		if err != nil {
			return
		}
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			p.addError(fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
		}
	}
}

// collectExceptions records uncaught exceptions.
func (p *page) collectExceptions(exceptions iter.Seq2[runtime.EventExceptionThrown, error]) {
	for ev, err := range exceptions {
		if err != nil {
			return
		}
		p.addError("exception: " + ev.ExceptionDetails.Text + " " + describe(ev.ExceptionDetails.Exception))
	}
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
	ready := func() error {
		_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.body.dataset.ready === 'true' && document.querySelectorAll('path.district').length > 0`,
			chromedp.WithPollingTimeout(20*time.Second)))
		return err
	}
	err := ready()
	// A poll begun in the document being left loses its context when the
	// new one replaces it (Chromium: "Cannot find context with specified
	// id"): poll again in the new one.
	if err != nil && strings.Contains(err.Error(), "Cannot find context") {
		err = ready()
	}
	if err != nil {
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

// apiDay is what the API says of a district on a day.
type apiDay struct {
	Status string
	Stale  bool
}

// getJSON decodes the JSON document at url into a T.
func getJSON[T any](t *testing.T, url string) T {
	t.Helper()
	var v T
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return v
}

// apiDays asks the API for every district's assessed status and staleness on day.
func apiDays(t *testing.T, base, day string) map[string]apiDay {
	t.Helper()
	fc := getJSON[struct {
		Features []struct {
			ID         string
			Properties apiDay
		}
	}](t, base+"/api/control?date="+day)
	out := map[string]apiDay{}
	for _, f := range fc.Features {
		out[f.ID] = f.Properties
	}
	return out
}

// apiStatuses asks the API for every district's assessed status on day.
func apiStatuses(t *testing.T, base, day string) map[string]string {
	out := map[string]string{}
	for pcode, d := range apiDays(t, base, day) {
		out[pcode] = d.Status
	}
	return out
}

func waitFor(t *testing.T, p *page, js string) {
	t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", js, err)
	}
}

// pageCheck is one step of a walk through a page that shares one tab.
type pageCheck struct {
	name string
	fn   func(t *testing.T, p *page, ts *httptest.Server)
}

// runChecks runs the checks in order, each as a subtest.
func runChecks(t *testing.T, p *page, ts *httptest.Server, checks []pageCheck) {
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) { c.fn(t, p, ts) })
	}
}
