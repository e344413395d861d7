package server

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/export"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// pageKey is the state of the page's URL that its link preview depends on,
// normalised: a day within the data (today when absent or invalid), a
// known view and language, and whether it is embedded.
type pageKey struct {
	day        data.Day
	view, lang string
	embed      bool
}

// pageCacheBytes bounds the page answers kept (about 3 KB each).
const pageCacheBytes = 4 << 20

var pageViews = []string{"assessed", string(data.PartyTaliban), string(data.PartyResistance)}

// pageKeyOf reads the page's state from its query, leniently: the page
// itself ignores what it does not know, and so does its preview.
func (s *Server) pageKeyOf(q url.Values) pageKey {
	k := pageKey{day: s.today(), view: "assessed", lang: "en", embed: q.Get("embed") == "1"}
	if d, err := data.ParseDay(q.Get("date")); err == nil && d >= s.ds.First && d <= k.day {
		k.day = d
	}
	if slices.Contains(pageViews, q.Get("view")) {
		k.view = q.Get("view")
	}
	if q.Get("lang") == "fa" {
		k.lang = "fa"
	}
	return k
}

// handlePage serves the page with the link preview of the state in its
// URL: Open Graph and Twitter card tags (title with the date and the day's
// headline, a description, the picture of that day), and the oEmbed
// discovery link. Each state's page is built once and kept with its ETag;
// caches may keep it and revalidate (a 304 is cheap).
func (s *Server) handlePage(c echo.Context) error {
	k := s.pageKeyOf(c.QueryParams())
	if p := s.problems(); p != "" {
		return s.servePageWithProblems(c, k, p)
	}
	page, err := s.pages.Get(k, func() (*rep.Rep, error) {
		b, err := s.docs.static["index.html"].Body()
		if err != nil {
			return nil, err
		}
		return rep.New(wire.TypeHTML, rep.CacheRevalidate, beforeHead(b, []byte(s.previewTags(k)))), nil
	})
	if err != nil {
		return err
	}
	setDocumentHeaders(c.Response().Header())
	return page.Serve(c.Response(), c.Request())
}

// stateQuery is the canonical query of a page state.
func (k pageKey) stateQuery() string {
	q := "date=" + k.day.String()
	if k.view != "assessed" {
		q += "&view=" + k.view
	}
	if k.lang != "en" {
		q += "&lang=" + k.lang
	}
	return q
}

// previewTags are the head's tags for k.
func (s *Server) previewTags(k pageKey) string {
	base := s.cfg.PublicURL
	pageURL := base + "?" + k.stateQuery()
	img := base + "api/export/map.png?preset=social&" + k.stateQuery()
	title := fmt.Sprintf("Panjshir & Andarab on %s: %s", k.day.Time().Format("2 January 2006"), s.headlineText(k.day))
	desc := s.description(k.day)
	size := export.Presets["social"]
	var b strings.Builder
	meta := func(attr, name, content string) {
		fmt.Fprintf(&b, "<meta %s=\"%s\" content=\"%s\">\n", attr, name, html.EscapeString(content))
	}
	for _, m := range [][2]string{{"og:type", "website"}, {"og:site_name", "controlmap"}, {"og:title", title},
		{"og:description", desc}, {"og:url", pageURL}, {"og:image", img}, {"og:image:type", wire.TypePNG},
		{"og:image:width", fmt.Sprint(size.X)}, {"og:image:height", fmt.Sprint(size.Y)},
		{"og:image:alt", "Map of the Panjshir and Andarab districts coloured by who held them on " + k.day.String()}} {
		meta("property", m[0], m[1])
	}
	for _, m := range [][2]string{{"twitter:card", "summary_large_image"}, {"twitter:title", title},
		{"twitter:description", desc}, {"twitter:image", img}} {
		meta("name", m[0], m[1])
	}
	if k.embed {
		meta("name", "robots", "noindex")
	}
	fmt.Fprintf(&b, "<link rel=\"canonical\" href=\"%s\">\n", html.EscapeString(pageURL))
	fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"%s\" title=\"%s\">\n",
		html.EscapeString(base+"oembed?url="+url.QueryEscape(pageURL)), html.EscapeString(title))
	return b.String()
}

// description counts the districts by assessed status on day.
func (s *Server) description(day data.Day) string {
	n := map[data.Status]int{}
	states := s.ds.StatesAt(day)
	for _, st := range states {
		n[st.Status()]++
	}
	var parts []string
	for _, st := range append(data.Statuses(), data.StatusUnknown) {
		if n[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[st], export.Label(st)))
		}
	}
	return fmt.Sprintf("Assessed control of the %d districts: %s. Each side's claims and the sources, day by day since August 2021.",
		len(states), strings.Join(parts, ", "))
}

// problems are those of the data being edited (Config.Problems), "" when
// there are none or the server is not watching.
func (s *Server) problems() string {
	if s.cfg.Problems == nil {
		return ""
	}
	return s.cfg.Problems()
}

// servePageWithProblems serves the page of k with a banner at its top: the
// last edit did not load, why, and that the map shows the last good data.
// Only serve --watch has problems; such a page is never cached.
func (s *Server) servePageWithProblems(c echo.Context, k pageKey, problems string) error {
	b, err := s.docs.static["index.html"].Body()
	if err != nil {
		return err
	}
	page := beforeHead(b, []byte(s.previewTags(k)))
	banner := `<div class="watch-problems" role="alert"><strong>The last edit did not load; the map shows the last good data.</strong><pre>` +
		html.EscapeString(problems) + "</pre></div>"
	page = bytes.Replace(page, []byte("<body>"), []byte("<body>"+banner), 1)
	setDocumentHeaders(c.Response().Header())
	return rep.ServeOnce(c.Response(), c.Request(), wire.TypeHTML, "no-store", page)
}
