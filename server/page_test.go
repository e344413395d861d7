package server

import (
	"encoding/json"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data"
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

// TestLinkPreview reads the Open Graph and Twitter tags of the page for a
// state in its URL.
func TestLinkPreview(t *testing.T) {
	t.Parallel()
	h := newPublicServer(t).Handler()
	rec := get(t, h, http.MethodGet, "/?date=2021-09-06&view=taliban&district=AF0801&map=9/35.4/69.6")
	if rec.Code != 200 {
		t.Fatalf("got %d", rec.Code)
	}
	tags := map[string]string{}
	for _, m := range metaTag.FindAllStringSubmatch(rec.Body.String(), -1) {
		tags[m[1]] = html.UnescapeString(m[2])
	}
	want := map[string]string{
		"og:image":       testPublicURL + "api/export/map.png?preset=social&date=2021-09-06&view=taliban",
		"og:url":         testPublicURL + "?date=2021-09-06&view=taliban",
		"twitter:card":   "summary_large_image",
		"og:image:width": "1200",
	}
	for k, v := range want {
		if tags[k] != v {
			t.Errorf("%s = %q, want %q", k, tags[k], v)
		}
	}
	if !strings.Contains(tags["og:title"], "6 September 2021") || !strings.Contains(tags["og:title"], "Taliban") {
		t.Errorf("og:title %q: want the date and the day's headline", tags["og:title"])
	}
	if !strings.Contains(tags["og:description"], "districts") {
		t.Errorf("og:description %q", tags["og:description"])
	}
	if rec := get(t, h, http.MethodGet, "/?date=not-a-day&view=<script>"); rec.Code != 200 || strings.Contains(rec.Body.String(), "<script>\"") {
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
