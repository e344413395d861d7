package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestEmbedInAnotherOrigin takes the iframe snippet from the page's Embed
// button, puts it in a page served from another origin (localhost against
// 127.0.0.1, another port), and checks in Chromium that the embedded map
// loads its documents without an error (a CSP frame-ancestors refusal or a
// script error would show), with no header and with the credit.
func TestEmbedInAnotherOrigin(t *testing.T) {
	served := &recorder{}
	ts, _ := newSite(t, served.wrap)
	p := newPage(t)
	p.open(t, ts.URL+"/?date=2021-09-06")
	p.do(t, chromedp.Click(chromedp.CSS(`.share summary`)), chromedp.Click(chromedp.CSS(`.share-embed`)))
	code := eval[string](t, p, `document.querySelector('.share-code').value`)
	if !strings.HasPrefix(code, "<iframe ") || !strings.Contains(code, "embed=1") {
		t.Fatalf("snippet %q", code)
	}
	image := eval[string](t, p, `document.querySelector('.share-image').href`)
	if !strings.Contains(image, "/api/export/map.png?date=2021-09-06") {
		t.Errorf("Download image links %q", image)
	}
	other := articleSite(t, code)
	served.reset()
	p.do(t, chromedp.Navigate(other), chromedp.Sleep(3*time.Second))
	loaded := served.matching("embed=1 cross-site iframe", "/api/timeline", "/api/areas")
	if len(loaded) != 3 {
		t.Errorf("the iframe loaded %v, want the embed page, its script and its documents", loaded)
	}
	if errs := p.errorList(); len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
	if *screenshotOut != "" {
		if shot, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot()); err == nil {
			_ = os.WriteFile(*screenshotOut, shot, 0o644)
		}
	}
}

// articleSite serves a newsroom's article holding the snippet, on another
// origin than the map's (localhost against 127.0.0.1).
func articleSite(t *testing.T, snippet string) string {
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><title>A newsroom's article</title><h1>Story</h1>%s", snippet)
	}))
	t.Cleanup(host.Close)
	return strings.Replace(host.URL, "127.0.0.1", "localhost", 1)
}

// recorder remembers what the map's server answered, with the requesting
// site and destination (Sec-Fetch-Site, Sec-Fetch-Dest).
type recorder struct {
	mu     sync.Mutex
	served []string
}

func (r *recorder) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.served = append(r.served, req.URL.RequestURI()+" "+req.Header.Get("Sec-Fetch-Site")+" "+req.Header.Get("Sec-Fetch-Dest"))
		r.mu.Unlock()
		h.ServeHTTP(w, req)
	})
}

func (r *recorder) reset() { r.mu.Lock(); r.served = nil; r.mu.Unlock() }

// matching says which of subs some answered request contains.
func (r *recorder) matching(subs ...string) map[string]bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]bool{}
	for _, u := range r.served {
		for _, s := range subs {
			if strings.Contains(u, s) {
				out[s] = true
			}
		}
	}
	return out
}

// TestEmbedFramesTheDistricts: in the frames an article gives an embed
// (800×600, 600×400, a phone), every district shows in the space the
// controls leave: the middle of each is the map's, not a control's; the
// time control is compact, its options a tap away (issue 25).
func TestEmbedFramesTheDistricts(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	for _, size := range [][2]int64{{800, 600}, {600, 400}, {360, 640}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p.do(t, chromedp.EmulateViewport(size[0], size[1]))
			p.open(t, ts.URL+"/?date=2021-09-06&embed=1")
			covered := eval[[]string](t, p, `[...document.querySelectorAll('path.district')].filter(e => {
				const r = e.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
				const top = document.elementFromPoint(x, y);
				return x < 0 || y < 0 || x > innerWidth || y > innerHeight || !top || !top.closest('#map') || top.closest('.leaflet-control');
			}).map(e => e.dataset.pcode)`)
			if len(covered) > 0 {
				t.Errorf("districts under the controls or off the frame: %v", covered)
			}
			if !eval[bool](t, p, `getComputedStyle(document.querySelector('.tc-options')).display === 'none' && getComputedStyle(document.querySelector('.tc-more')).display !== 'none'`) {
				t.Error("the embed's time control is not compact")
			}
		})
	}
}
