package server

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/data/datatest"
)

const testPublicURL = "https://maps.example.org/panjshir/"

func newPublicServer(t *testing.T) *Server {
	t.Helper()
	ds, err := data.LoadEmbedded()
	if err != nil {
		t.Skipf("no derived boundaries ('make build' makes them): %v", err)
	}
	s, err := New(Config{Version: "test", Logger: quietLog, PublicURL: testPublicURL}, ds, testWeb)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var metaTag = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)

// previewTags reads the Open Graph and Twitter tags of the page at target.
func previewTags(t *testing.T, h http.Handler, target string) map[string]string {
	t.Helper()
	rec := get(t, h, http.MethodGet, target)
	if rec.Code != 200 {
		t.Fatalf("%s: got %d", target, rec.Code)
	}
	tags := map[string]string{}
	for _, m := range metaTag.FindAllStringSubmatch(rec.Body.String(), -1) {
		tags[m[1]] = html.UnescapeString(m[2])
	}
	return tags
}

// TestLinkPreview reads the Open Graph and Twitter tags of the page for a
// state in its URL: the whole state in the link, the view's words, the
// dispute, the language (issue 25).
func TestLinkPreview(t *testing.T) {
	t.Parallel()
	s := newPublicServer(t)
	h := s.Handler()
	tags := previewTags(t, h, "/?date=2021-09-06&view=taliban&district=AF0801&map=9/35.4/69.6")
	want := map[string]string{
		"og:image":       testPublicURL + "api/export/map.png?preset=social&date=2021-09-06&view=taliban",
		"og:url":         testPublicURL + "?date=2021-09-06&view=taliban&district=AF0801",
		"twitter:card":   "summary_large_image",
		"og:image:width": "1200",
		"og:locale":      "en_GB",
	}
	for k, v := range want {
		if tags[k] != v {
			t.Errorf("%s = %q, want %q", k, tags[k], v)
		}
	}
	if !strings.Contains(tags["og:title"], "6 September 2021 (Taliban claims)") || !strings.Contains(tags["og:title"], "the NRF deny") {
		t.Errorf("og:title %q: want the date, the view and the day's headline with the NRF's denial", tags["og:title"])
	}
	disputed := disputedOn(s.ds, datatest.Day(t, "2021-09-06"))
	if !strings.Contains(tags["og:description"], "What the Taliban claimed, not the assessment") ||
		!strings.Contains(tags["og:description"], fmt.Sprintf("Claims disagree over %d districts", disputed)) || disputed == 0 {
		t.Errorf("og:description %q: want the Taliban's claims and the %d disputed districts", tags["og:description"], disputed)
	}
	assessed := previewTags(t, h, "/?date=2021-09-06")
	if !strings.Contains(assessed["og:description"], "Assessed control of the 10 districts") || assessed["og:title"] == tags["og:title"] {
		t.Errorf("the assessed view's preview %q / %q is the claims view's", assessed["og:title"], assessed["og:description"])
	}
	fa := previewTags(t, h, "/?date=2021-09-06&lang=fa")
	if fa["og:locale"] != "fa_AF" || !strings.Contains(fa["og:title"], "پنجشیر و اندراب در ۶ سپتمبر ۲۰۲۱ (۱۵ سنبله ۱۴۰۰)") ||
		!strings.Contains(fa["og:description"], "کنترل ارزیابی‌شدهٔ ۱۰ ولسوالی") || strings.Contains(fa["og:title"], "Taliban") {
		t.Errorf("the Dari preview: %q / %q", fa["og:title"], fa["og:description"])
	}
	if rec := get(t, h, http.MethodGet, "/?date=not-a-day&view=<script>&district=<b>"); rec.Code != 200 || strings.Contains(rec.Body.String(), "<script>\"") || strings.Contains(rec.Body.String(), "district=<b>") {
		t.Errorf("a hostile state: %d", rec.Code)
	}
}

func TestOEmbed(t *testing.T) {
	t.Parallel()
	h := newPublicServer(t).Handler()
	rec := get(t, h, http.MethodGet, "/oembed?maxwidth=640&url="+strings.ReplaceAll(testPublicURL+"?date=2021-09-06", "?", "%3F"))
	var o oembed
	if err := json.Unmarshal(rec.Body.Bytes(), &o); rec.Code != 200 || err != nil {
		t.Fatalf("got %d %v: %s", rec.Code, err, rec.Body)
	}
	if o.Type != "rich" || o.Version != "1.0" || o.Width != 640 || !strings.Contains(o.HTML, `src="`+testPublicURL+`?date=2021-09-06&amp;embed=1"`) {
		t.Errorf("got %+v", o)
	}
	// The embed keeps the whole state of the link: day, view, language,
	// district and the map as known at the time (issue 25).
	state := "?date=2021-09-06&view=resistance&lang=fa&district=AF0803&known=time"
	rec = get(t, h, http.MethodGet, "/oembed?url="+url.QueryEscape(testPublicURL+state))
	if err := json.Unmarshal(rec.Body.Bytes(), &o); rec.Code != 200 || err != nil {
		t.Fatalf("got %d %v: %s", rec.Code, err, rec.Body)
	}
	if !strings.Contains(o.HTML, html.EscapeString(testPublicURL+state+"&embed=1")) || !strings.Contains(o.Title, "ادعاهای مقاومت") ||
		!strings.Contains(o.ThumbnailURL, "view=resistance&lang=fa&known=2021-09-06") {
		t.Errorf("the embed lost the state: %+v", o)
	}
	for target, code := range map[string]int{
		"/oembed?url=https://elsewhere.example/":       404,
		"/oembed?url=" + testPublicURL + "&format=xml": 501,
		"/oembed": 404,
	} {
		if rec := get(t, h, http.MethodGet, target); rec.Code != code {
			t.Errorf("%s: %d, want %d", target, rec.Code, code)
		}
	}
}
