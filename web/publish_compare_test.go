package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/chromedp/chromedp"
)

// diffDoc is what the equality check compares of a diff document: the
// changed districts, the balance and the changes between.
type diffDoc struct {
	Features []struct {
		ID         string `json:"id"`
		Properties struct {
			StatusFrom string  `json:"status_from"`
			StatusTo   string  `json:"status_to"`
			AreaKm2    float64 `json:"area_km2"`
			Since      *string `json:"since"`
			Sources    []struct {
				ID string `json:"id"`
			} `json:"sources"`
		} `json:"properties"`
	} `json:"features"`
	Balance map[string]map[string]float64 `json:"balance"`
	Changes []map[string]any              `json:"changes"`
}

// diffPairs are the compared periods: from the first day, the fall of
// Panjshir, a span with nothing changed, a long one, the May 2022
// offensive (changes that end where they began), and one day whose balance
// a sum of unrounded areas would put 0.1 km² off.
var diffPairs = [][2]string{
	{"2021-08-01", "2021-08-16"}, {"2021-08-10", "2021-09-20"}, {"2021-09-07", "2021-09-08"},
	{"2021-08-01", "2024-06-01"}, {"2022-04-20", "2022-06-15"}, {"2021-09-05", "2021-09-06"},
}

// checkLocalDiff: the diff the static page computes (localdiff.js) equals
// the server's /api/diff for each pair of days, balance rounding included.
func checkLocalDiff(live string) func(t *testing.T, p *page, ts *httptest.Server) {
	return func(t *testing.T, p *page, ts *httptest.Server) {
		p.open(t, ts.URL+"/")
		for _, pair := range diffPairs {
			var page, server diffDoc
			js := fmt.Sprintf(`(async () => {
				const base = document.querySelector('script[type=module][src*="bundle/main.js"]').src.replace(/bundle\/main\.js.*$/, 'js/');
				const [{ localDiff }, { TimelineIndex }] = await Promise.all([import(base + 'localdiff.js'), import(base + 'timelineindex.js')]);
				const timeline = await (await fetch('api/timeline.json')).json();
				return JSON.stringify(localDiff(new TimelineIndex(timeline), %q, %q));
			})()`, pair[0], pair[1])
			if err := json.Unmarshal([]byte(evalAwait(t, p, js)), &page); err != nil {
				t.Fatal(err)
			}
			getInto(t, live+"/api/diff?from="+pair[0]+"&to="+pair[1], &server)
			if len(server.Features)+len(server.Changes) == 0 && pair[1] != "2021-09-08" {
				t.Errorf("%v: the server finds nothing changed; a weak pair", pair)
			}
			if !reflect.DeepEqual(page, server) {
				t.Errorf("%v: the page's diff differs from the server's:\n page   %+v\n server %+v", pair, page, server)
			}
		}
	}
}

// evalAwait evaluates js, a promise of a string, and waits for it.
func evalAwait(t *testing.T, p *page, js string) string {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// getInto decodes the JSON document at u into into.
func getInto(t *testing.T, u string, into any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d", u, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(into); err != nil {
		t.Fatal(err)
	}
}
