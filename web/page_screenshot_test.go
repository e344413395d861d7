package web_test

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var (
	screenshotOut  = flag.String("screenshot", "", "write a PNG of the page to this file (make screenshot)")
	screenshotDate = flag.String("date", "2021-09-06", "the date of the screenshot")
	screenshotArgs = flag.String("query", "", "more query parameters for the screenshot, e.g. view=taliban&district=AF0801")
	screenshotSize = flag.String("size", "1280x800", "viewport WIDTHxHEIGHT of the screenshot")
	screenshotTap  = flag.String("click", "", "a CSS selector to click before the screenshot (make screenshot CLICK=...)")
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
	// The picture must be of the day asked for: a date the page does not
	// show (a typo, a day it cannot open) fails rather than writing
	// another day's picture.
	if got := eval[string](t, p, `document.querySelector('.tc-date bdi')?.dataset.iso || ''`); got != *screenshotDate { // the ISO day in any language
		t.Fatalf("-date %q: the page shows %s", *screenshotDate, got)
	}
	if *screenshotTap != "" {
		p.do(t, chromedp.Click(chromedp.CSS(*screenshotTap)), chromedp.Sleep(700*time.Millisecond))
	}
	if errs := p.errorList(); len(errs) > 0 {
		t.Fatalf("the page logged errors: %v", errs)
	}
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*screenshotOut, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", *screenshotOut, len(png))
}
