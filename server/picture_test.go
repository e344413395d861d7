package server

import (
	"bytes"
	"html"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data/datatest"
)

func TestPictureExport(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	h := s.Handler()
	tests := []struct {
		target string
		w, h   int
	}{
		{"/api/export/map.png?date=2021-09-06", 1200, 0},
		{"/api/export/map.png?date=2021-09-06&width=1049", 1000, 0},
		{"/api/export/map.png?date=2021-09-06&preset=social", 1200, 675},
		{"/api/export/map.png?date=2021-09-06&preset=portrait&view=taliban", 1080, 1350},
		{"/api/export/map.png?date=2021-08-15&level=country&preset=social", 1200, 675},
		{"/api/export/map.png?date=2021-08-12&level=country&lang=fa", 1200, 0},
		{"/api/export/map.png?date=2021-08-15&level=country&known=2021-08-15&preset=social", 1200, 675}, // it was a 500
	}
	for _, tc := range tests {
		rec := get(t, h, http.MethodGet, tc.target)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/png" || rec.Header().Get("ETag") == "" {
			t.Fatalf("%s: %d %s etag %q", tc.target, rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("ETag"))
		}
		img, err := png.Decode(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != tc.w || (tc.h != 0 && b.Dy() != tc.h) {
			t.Errorf("%s: %v, want %d×%d", tc.target, b.Size(), tc.w, tc.h)
		}
		if r, g, b, _ := img.At(2, 2).RGBA(); r>>8 != 0xff || g>>8 != 0xff || b>>8 != 0xff {
			t.Errorf("%s: the title band is not white", tc.target)
		}
		req := httptest.NewRequest(http.MethodGet, tc.target, nil)
		req.Header.Set("If-None-Match", rec.Header().Get("ETag"))
		if rec := newRecorder(h, req); rec.Code != http.StatusNotModified {
			t.Errorf("%s with its ETag: %d, want 304", tc.target, rec.Code)
		}
	}
	if rec := get(t, h, http.MethodGet, "/api/export/map.svg?date=2021-08-15&level=country"); rec.Code != 400 {
		t.Errorf("an SVG of the country: %d, want 400 (PNG only)", rec.Code)
	}
	rec := get(t, h, http.MethodGet, "/api/export/map.svg?date=2021-09-06&lang=fa")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/svg+xml" || !strings.Contains(rec.Body.String(), "بازارک") {
		t.Errorf("svg in Dari: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	for _, bad := range []string{"?width=100", "?width=9000", "?view=nobody", "?lang=de", "?preset=banner", "?date=yesterday", "?size=1",
		"?level=world", "?level=country&view=taliban"} {
		if rec := get(t, h, http.MethodGet, "/api/export/map.png"+bad); rec.Code != 400 {
			t.Errorf("%s: got %d, want 400", bad, rec.Code)
		}
	}
}

// The pictures carry the day's headline as the page writes it, in the
// picture's language: the changes, each party's claims and denials
// (issue 25).
func TestPicturesCarryTheHeadline(t *testing.T) {
	t.Parallel()
	s := newEmbeddedServer(t)
	h := s.Handler()
	day := datatest.Day(t, "2021-09-06")
	for _, tt := range []struct{ lang, want string }{
		{"en", s.speaker("en").headline(day)[:40]},
		{"fa", "مورد منازعه ← طالبان"},
	} {
		rec := get(t, h, http.MethodGet, "/api/export/map.svg?date=2021-09-06&preset=social&lang="+tt.lang)
		if rec.Code != 200 || !strings.Contains(html.UnescapeString(rec.Body.String()), tt.want) {
			t.Errorf("the %s SVG of 6 Sept 2021 lacks its headline %q", tt.lang, tt.want)
		}
	}
}

// The Dari PNG and GIF are written in Dari, right to left: the title's ink
// starts near the right edge, where the English title's starts at the left
// (issue 25; the shaping is export's, tested there).
func TestDariPictures(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("needs the built page's font: not run under -short")
	}
	s := newEmbeddedServer(t)
	if s.dari == nil {
		t.Fatal("no Dari font in the page's files: make build copies it")
	}
	h := s.Handler()
	titleInk := func(lang string) (left, right int) {
		rec := get(t, h, http.MethodGet, "/api/export/map.png?date=2021-09-06&width=1200&lang="+lang)
		img, err := png.Decode(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		b := img.Bounds()
		left, right = b.Dx(), 0
		for y := 5; y < 40; y++ { // the title's band (30 px text at 1,200 px)
			for x := 0; x < b.Dx(); x++ {
				if r, _, _, _ := img.At(x, y).RGBA(); r < 0x4000 {
					left, right = min(left, x), max(right, x)
				}
			}
		}
		return left, right
	}
	enLeft, _ := titleInk("en")
	faLeft, faRight := titleInk("fa")
	if enLeft > 40 || faLeft < 300 || faRight < 1100 {
		t.Errorf("title ink: English from x=%d, Dari from x=%d to %d; want English at the left, Dari at the right", enLeft, faLeft, faRight)
	}
	en := get(t, h, http.MethodGet, "/api/export/animation.gif?from=2021-08-10&to=2021-08-25&width=500")
	fa := get(t, h, http.MethodGet, "/api/export/animation.gif?from=2021-08-10&to=2021-08-25&width=500&lang=fa")
	if fa.Code != 200 || en.Code != 200 || bytes.Equal(fa.Body.Bytes(), en.Body.Bytes()) {
		t.Errorf("the Dari GIF: %d, the same as the English one: %v", fa.Code, bytes.Equal(fa.Body.Bytes(), en.Body.Bytes()))
	}
}
