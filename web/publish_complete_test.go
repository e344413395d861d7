package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The static copy is complete or silent (issue 25): what it advertises
// resolves, each file goes out with its type, a picture is offered for any
// day, and the copy says when it was made and follows its reader's clock.

// publishedOrigin is the public URL the test publishes under (see
// publish); nginx serves the copy on its own port instead.
const publishedOrigin = "http://127.0.0.1/maps/panjshir/"

// fetch GETs url and returns its status, type and body.
func fetch(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

// checkAdvertisedURLsResolve: every URL the entry page names (the preview's
// picture, its canonical link, its files and preloads) answers 200, and no
// oEmbed endpoint is named (the copy has none).
func checkAdvertisedURLsResolve(t *testing.T, _ *page, ts *httptest.Server) {
	_, _, index := fetch(t, ts.URL+"/")
	if strings.Contains(index, "oembed") {
		t.Error("the copy advertises an oEmbed endpoint it does not have")
	}
	refs := regexp.MustCompile(`(?:href|src|(?:og:image|og:url|twitter:image)" content)="([^"#]+)"`).FindAllStringSubmatch(index, -1)
	n := 0
	for _, m := range refs {
		u := strings.ReplaceAll(m[1], "&amp;", "&")
		switch {
		case strings.HasPrefix(u, publishedOrigin):
			u = ts.URL + "/" + strings.TrimPrefix(u, publishedOrigin)
		case strings.HasPrefix(u, "http"), strings.HasPrefix(u, "data:"):
			continue // another site, or inline
		default:
			u = ts.URL + "/" + u
		}
		if code, _, _ := fetch(t, u); code != 200 {
			t.Errorf("the entry page names %s: %d", m[1], code)
		}
		n++
	}
	if n < 10 {
		t.Errorf("only %d URLs checked in the entry page", n)
	}
}

// checkTypes: each kind of file goes out with its media type under the
// README's nginx configuration.
func checkTypes(t *testing.T, _ *page, ts *httptest.Server) {
	for file, want := range map[string]string{
		"api/export/history.gpkg": "application/geopackage+sqlite3", "api/export/history.kml": "application/vnd.google-earth.kml+xml",
		"api/export/history.csv": "text/csv", "api/areas.geojson": "application/geo+json", "api/timeline.json": "application/json",
		"feed.atom": "application/atom+xml", "api/export/animation.gif": "image/gif", "about.html": "text/html",
		"api/export/animation.fa.gif": "image/gif", "api/export/map/2021-09-06.fa.png": "image/png",
	} {
		if code, ct, _ := fetch(t, ts.URL+"/"+file); code != 200 || !strings.HasPrefix(ct, want) {
			t.Errorf("%s: %d %q, want %s", file, code, ct, want)
		}
	}
}

// checkPictureOfAnyDay: on a day that is not a change day, Share offers the
// picture of the last change before it, says so, and the link resolves.
func checkPictureOfAnyDay(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-10-12")
	href := eval[string](t, p, `document.querySelector('.share-image').href`)
	text := eval[string](t, p, `document.querySelector('.share-image').textContent`)
	if code, ct, _ := fetch(t, href); code != 200 || ct != "image/png" || !strings.Contains(text, "Picture of") {
		t.Errorf("Share's picture on a day without one: %s %q: %d %s", href, text, code, ct)
	}
	// A Dari reader gets the Dari picture and animation; a claims view is
	// told the picture is of the assessed map (the copy has no other).
	p.open(t, ts.URL+"/?date=2021-10-12&lang=fa&view=taliban")
	href = eval[string](t, p, `document.querySelector('.share-image').href`)
	gif := eval[string](t, p, `document.querySelector('.share-gif').href`)
	text = eval[string](t, p, `document.querySelector('.share-image').textContent`)
	if code, ct, _ := fetch(t, href); code != 200 || ct != "image/png" || !strings.HasSuffix(href, ".fa.png") || !strings.Contains(text, "ارزیابی‌شده") {
		t.Errorf("Share's Dari picture in the Taliban's view: %s %q: %d %s", href, text, code, ct)
	}
	if code, _, _ := fetch(t, gif); code != 200 || !strings.HasSuffix(gif, ".fa.gif") {
		t.Errorf("Share's Dari animation: %s: %d", gif, code)
	}
}

// checkCopySaysWhen: the time control says when the copy was made, and a
// reader whose clock is past the publish day gets today's slider end, the
// last status holding, and a day file that exists.
func checkCopySaysWhen(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/")
	if got := eval[string](t, p, `document.querySelector('.tc-updated').textContent`); !strings.Contains(got, "copy of") {
		t.Errorf("the time control says %q: nothing about when the copy was made", got)
	}
	// Forty days on by the reader's clock.
	var id cdppage.ScriptIdentifier
	p.do(t, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		r, err := cdp.Call(ctx, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `{ const shift = 40 * 86400000, D = Date;
			Date = class extends D { constructor(...a) { super(...(a.length ? a : [D.now() + shift])); } static now() { return D.now() + shift; } }; }`})
		id = r.Identifier
		return chromedp.Void{}, err
	})
	defer p.do(t, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, cdppage.RemoveScriptToEvaluateOnNewDocument, cdppage.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: id})
		return chromedp.Void{}, err
	})
	p.open(t, ts.URL+"/")
	published := eval[string](t, p, `JSON.parse(document.querySelector('meta[name="controlmap-static"]').content).published`)
	shown := eval[string](t, p, `document.querySelector('.tc-date bdi.date')?.dataset.iso || ''`)
	if shown <= published {
		t.Errorf("40 days after the copy was published, the page shows %q (published %s)", shown, published)
	}
	day := eval[string](t, p, `document.querySelector('.download-day').href`)
	if code, _, _ := fetch(t, day); code != 200 {
		t.Errorf("the day file after the copy %s: %d", day, code)
	}
}
