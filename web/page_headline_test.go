package web_test

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
)

// checkReassessed: where a district's status holds and only the assessment
// was revised (a new interval with the same status, on new evidence), the
// headline and "What happened" say so, and never "Taliban → Taliban".
func checkReassessed(t *testing.T, p *page, ts *httptest.Server) {
	ds := datatest.Embedded(t)
	day := ""
	for _, ivs := range ds.Intervals {
		for i := 1; i < len(ivs); i++ {
			if ivs[i].Status == ivs[i-1].Status && (day == "" || ivs[i].From.String() < day) {
				day = ivs[i].From.String()
			}
		}
	}
	if day == "" {
		t.Skip("the dataset has no revised assessment with an unchanged status")
	}
	p.open(t, ts.URL+"/?date="+day)
	p.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelector('.changelog').open = true`))
	waitFor(t, p, `document.querySelectorAll('.changelog .entry-change').length > 0`)
	text := eval[string](t, p, `document.querySelector('.headline-text').textContent + ' | ' + document.querySelector('.changelog').textContent`)
	for _, st := range []string{"Taliban", "Resistance (NRF and allies)", "Contested", "Islamic Republic"} {
		if strings.Contains(text, st+" → "+st) {
			t.Errorf("%s: a status 'changes' to itself: %q", day, text)
		}
	}
	if !strings.Contains(text, "on new evidence") {
		t.Errorf("%s: the reassessment on new evidence is not said: %q", day, text)
	}
}

// checkDenials: the headline of a day with a denial says what is denied:
// the other side's claim of that day where there is one, else the districts
// the denial is about; never a bare "deny it", which reads as denying the
// assessment. The days are found in the dataset.
func checkDenials(t *testing.T, p *page, ts *httptest.Server) {
	ds := datatest.Embedded(t)
	name := map[data.Party]string{data.Party("taliban"): "Taliban", data.Party("resistance"): "NRF"}
	claimed := map[string]bool{} // day + party that made a claim that day
	for _, c := range ds.Claims {
		if c.Kind == data.KindClaim {
			claimed[c.Date.String()+string(c.Party)] = true
		}
	}
	want := map[string]string{} // the first day of each wording
	for _, c := range ds.Claims {
		if c.Kind != data.KindDenial || name[c.Party] == "" {
			continue
		}
		other := data.Party("taliban")
		if c.Party == data.Party("taliban") {
			other = data.Party("resistance")
		}
		day, phrase := c.Date.String(), "the "+name[c.Party]+" deny reports about "
		if claimed[day+string(other)] {
			phrase = "the " + name[c.Party] + " deny the " + name[other] + " claim"
		}
		if _, seen := want[phrase]; !seen {
			want[phrase] = day
		}
	}
	if len(want) == 0 {
		t.Skip("the dataset has no denial")
	}
	for phrase, day := range want {
		p.open(t, ts.URL+"/?date="+day)
		text := eval[string](t, p, `document.querySelector('.headline-text').textContent`)
		if !strings.Contains(text, phrase) || strings.Contains(text, "deny it") {
			t.Errorf("%s: headline %q, want it to say %q", day, text, phrase)
		}
	}
}

// checkWholeProvinces: placeNames, on the page's own areas, names a
// province whole only when the map shows every district it has: all of
// Panjshir (7 of 7), never "all of Baghlan" for the 3 of its 15 that the map
// holds. The provinces and their counts come from the dataset.
func checkWholeProvinces(t *testing.T, p *page, ts *httptest.Server) {
	ds := datatest.Embedded(t)
	p.open(t, ts.URL+"/")
	mapped := map[string][]string{}
	for _, a := range ds.Areas {
		mapped[a.Province] = append(mapped[a.Province], a.PCode)
	}
	whole := 0
	for province, pcodes := range mapped {
		total := 0
		for _, a := range ds.Areas {
			if a.Province == province {
				total = a.ProvinceDistricts
			}
		}
		if total == 0 {
			t.Fatalf("%s: the derived boundaries carry no district count: rebuild them ('make build')", province)
		}
		// The rule is the server's (data.Dataset.PlacesOf); the page writes
		// what it names.
		places := ds.PlacesOf(pcodes)
		list, _ := json.Marshal(map[string][]string{"provinces": append([]string{}, places.Provinces...), "pcodes": append([]string{}, places.PCodes...)})
		got := evalAwait(t, p, `Promise.all([import('/js/controls/headline.js'), fetch('/api/areas').then((r) => r.json())])
			.then(([m, fc]) => m.placesText(`+string(list)+`, fc.features.map((f) => f.properties)))`)
		says := strings.Contains(got, "all of "+province)
		if says != (len(pcodes) == total) {
			t.Errorf("%s (%d of %d districts mapped): all its districts read %q", province, len(pcodes), total, got)
		}
		if len(pcodes) == total {
			whole++
		}
	}
	if whole == 0 || whole == len(mapped) {
		t.Errorf("want one whole province and one part to tell apart, got %d whole of %d", whole, len(mapped))
	}
}

// checkGoTo: the first view makes no date field (Chromium's first one
// costs tens of milliseconds); the button in its place shows the day, and
// pressed, becomes the focused field, which opens any day up to today.
func checkGoTo(t *testing.T, p *page, ts *httptest.Server) {
	p.open(t, ts.URL+"/?date=2021-09-06")
	if n := eval[int](t, p, `document.querySelectorAll('input[type=date]').length`); n != 0 {
		t.Errorf("the first view made %d date fields, want none until asked", n)
	}
	label := eval[string](t, p, `document.querySelector('.tc-jump-open').getAttribute('aria-label')`)
	if !strings.HasPrefix(label, "Go to: ") || !strings.Contains(label, "2021") {
		t.Errorf("the go-to button reads %q, want the day it shows", label)
	}
	p.do(t, chromedp.Click(chromedp.CSS(".tc-jump-open")))
	waitFor(t, p, `document.activeElement && document.activeElement.matches('input.tc-jump[type=date]')`)
	if v := eval[string](t, p, `document.querySelector('.tc-jump').value`); v != "2021-09-06" {
		t.Errorf("the field opens on %q, want the day shown", v)
	}
	p.do(t, chromedp.Evaluate[chromedp.Void](`(() => { const j = document.querySelector('.tc-jump'); j.value = '2024-03-01'; j.dispatchEvent(new Event('change')); })()`))
	waitFor(t, p, `document.querySelector('.tc-iso').textContent.includes('2024-03-01')`)
}

// checkAboutLinks: the masthead's "About this map" leads to a page in the
// map's language, from the server and from a static copy alike (the Dari
// link once answered 400: the server took lang for an unknown parameter).
func checkAboutLinks(t *testing.T, p *page, ts *httptest.Server) {
	for _, c := range []struct{ query, lang, words string }{
		{"", `lang="en"`, "What the colours mean"},
		{"?lang=fa", `lang="fa" dir="rtl"`, "رنگ‌ها چه معنا دارند"},
	} {
		p.open(t, ts.URL+"/"+c.query)
		href := eval[string](t, p, `document.getElementById('about-link').href`)
		resp, err := http.Get(href)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body := string(b)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, "<html "+c.lang) || !strings.Contains(body, c.words) {
			t.Errorf("%q: about link %s answered %d (%.80q), want the page with %s and %q", c.query, href, resp.StatusCode, body, c.lang, c.words)
		}
		if c.query != "" && !strings.Contains(body, `<div lang="en" dir="ltr">`) {
			t.Errorf("%q: the whole methodology is not kept, marked English, below the summary", c.query)
		}
	}
}

// TestPreviewSaysWhatThePageSays (issue 27): the day's headline is one rule
// (data.Dataset.Headline); the page writes its phrases from /api/timeline and
// the link preview's title from the server, and on every day tried they say
// the same words, the 6 September 2021 of the Taliban's claim and the NRF's
// denial among them.
func TestPreviewSaysWhatThePageSays(t *testing.T) {
	ts, _ := newSite(t, nil)
	p := newPage(t)
	p.do(t, chromedp.EmulateViewport(1280, 800))
	ogTitle := regexp.MustCompile(`<meta property="og:title" content="([^"]*)">`)
	// Dates are written by Intl on the page and by the server in the
	// preview (the Solar Hijri date in Dari): the words around them must be
	// the same.
	dates := regexp.MustCompile(`\(revised [^)]*\)|\(اصلاح‌شده در [^)]*\)|since [^:]*:|از [^:]* به این سو`)
	for _, lang := range []string{"en", "fa"} {
		for _, day := range []string{"2021-08-20", "2021-09-03", "2021-09-06", "2021-09-09", "2022-05-07", "2022-06-01", "2031-01-01"} {
			query := "/?date=" + day + "&lang=" + lang
			resp, err := http.Get(ts.URL + query)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			m := ogTitle.FindSubmatch(body)
			if m == nil {
				t.Fatalf("%s: no og:title", query)
			}
			_, preview, _ := strings.Cut(html.UnescapeString(string(m[1])), ": ")
			p.open(t, ts.URL+query)
			_, page, _ := strings.Cut(eval[string](t, p, `document.querySelector('.headline-text').textContent`), ": ")
			if lang == "en" && (preview != page || page == "") {
				t.Errorf("%s:\n preview %q\n page    %q", query, preview, page)
			}
			if dates.ReplaceAllString(preview, "") != dates.ReplaceAllString(page, "") || page == "" {
				t.Errorf("%s, dates aside:\n preview %q\n page    %q", query, preview, page)
			}
		}
	}
}
