package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

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

// TestDistrictLabelIsText: a district name holding markup is shown as
// text; no element of it reaches the page (the CSP would only stop it
// running).
func TestDistrictLabelIsText(t *testing.T) {
	const hostile = `<img src=x onerror="document.body.dataset.pwned=1">Paryan`
	ts, _ := newSite(t, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/api/areas" {
				h.ServeHTTP(w, r)
				return
			}
			r.Header.Del("Accept-Encoding")
			r.Header.Del("If-None-Match")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			name, _ := json.Marshal(hostile)
			body := regexp.MustCompile(`"name":"[^"]*"`).ReplaceAllLiteralString(rec.Body.String(), `"name":`+string(name))
			w.Header().Set("Content-Type", rec.Header().Get("Content-Type"))
			_, _ = io.WriteString(w, body)
		})
	})
	p := newPage(t)
	p.open(t, ts.URL+"/")
	got := eval[[]any](t, p, `[document.querySelectorAll('.district-label img').length,
		[...document.querySelectorAll('.district-label')].filter((e) => e.textContent.includes('<img src=x')).length]`)
	if got[0].(float64) != 0 || got[1].(float64) == 0 {
		t.Errorf("got %v img elements in labels and %v labels showing the name as text; want 0 and some", got[0], got[1])
	}
}
