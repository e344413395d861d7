package web_test

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// TestPageFollowsConfidenceOpacity (issue 27): the fill opacity by
// confidence is one table in Go (wire.ConfidenceOpacity); change it and the
// page draws with the new values, as the pictures do
// (export.TestPictureFollowsConfidenceOpacity). Not parallel: it changes
// the table for its own server only.
func TestPageFollowsConfidenceOpacity(t *testing.T) {
	saved := wire.ConfidenceOpacity
	t.Cleanup(func() { wire.ConfidenceOpacity = saved })
	wire.ConfidenceOpacity = map[data.Confidence]float64{data.ConfidenceHigh: 0.42, data.ConfidenceMedium: 0.3, data.ConfidenceLow: 0.2}
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1280, 800))
	p.open(t, ts.URL+"/?date=2022-06-01")
	drawn := eval[[][3]string](t, p, `[...document.querySelectorAll('path.district')]
		.map((el) => [el.dataset.pcode, el.dataset.confidence, el.getAttribute('fill-opacity')])`)
	if len(drawn) != 10 {
		t.Fatalf("%d districts drawn", len(drawn))
	}
	for _, d := range drawn {
		got, err := strconv.ParseFloat(d[2], 64)
		if want := wire.ConfidenceOpacity[data.Confidence(d[1])]; err != nil || got != want {
			t.Errorf("%s (%s confidence): fill-opacity %s, the table says %v", d[0], d[1], d[2], want)
		}
	}
}
