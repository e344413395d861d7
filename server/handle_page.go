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
	day                  data.Day
	view, lang, district string // district: a P-code of the data, or ""
	embed, known         bool   // known: the map as known at the time
}

// pageCacheBytes bounds the page answers kept (about 3 KB each).
const pageCacheBytes = 4 << 20

// pageViews are the views the page offers: the assessment, then each
// side's claims (the region's sides, as /api/timeline names them to the
// page).
func (s *Server) pageViews() []string {
	out := []string{data.Assessed}
	for _, p := range s.ds.Region.Sides() {
		out = append(out, string(p))
	}
	return out
}

// pageKeyOf reads the page's state from its query, leniently: the page
// itself ignores what it does not know, and so does its preview.
func (s *Server) pageKeyOf(q url.Values) pageKey {
	k := pageKey{day: s.today(), view: "assessed", lang: "en", embed: q.Get("embed") == "1"}
	if d, err := data.ParseDay(q.Get("date")); err == nil && d >= s.ds.First && d <= k.day {
		k.day = d
	}
	if slices.Contains(s.pageViews(), q.Get("view")) {
		k.view = q.Get("view")
	}
	if l := q.Get("lang"); l != "" && s.ds.Region.Offers(l) {
		k.lang = l
	}
	if _, ok := s.ds.Area(q.Get("district")); ok {
		k.district = q.Get("district")
	}
	k.known = q.Get("known") == "time"
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
		page, err := shellIn(beforeHead(b, []byte(s.previewTags(k))), s.speaker(k.lang))
		if err != nil {
			return nil, err
		}
		return rep.New(wire.TypeHTML, rep.CacheRevalidate, page), nil
	})
	if err != nil {
		return err
	}
	setDocumentHeaders(c.Response().Header())
	return page.Serve(c.Response(), c.Request())
}

// dayQuery is the part of a state's query its picture shares: the day,
// the view and the language.
func (k pageKey) dayQuery() string {
	q := "date=" + k.day.String()
	if k.view != "assessed" {
		q += "&view=" + k.view
	}
	if k.lang != "en" {
		q += "&lang=" + k.lang
	}
	return q
}

// stateQuery is the canonical query of a page state.
func (k pageKey) stateQuery() string {
	q := k.dayQuery()
	if k.district != "" {
		q += "&district=" + k.district
	}
	if k.known {
		q += "&known=time"
	}
	return q
}

// pictureQuery is the query of k's picture: its day, view and language,
// and the map as known at the end of the day when k is.
func (k pageKey) pictureQuery() string {
	q := k.dayQuery()
	if k.known {
		q += "&known=" + k.day.String()
	}
	return q
}

// previewTags are the head's tags for k, in its language and view: the
// title is the day's headline as the page writes it (data.Dataset.Headline
// in the page's words), the description what the view draws and how many
// districts the claims dispute.
func (s *Server) previewTags(k pageKey) string {
	sp := s.speaker(k.lang)
	base := s.cfg.PublicURL
	pageURL := base + "?" + k.stateQuery()
	img := base + "api/export/map.png?preset=social&" + k.pictureQuery()
	title := sp.previewTitle(k.day, k.view) + ": " + sp.headline(k.day)
	desc := sp.description(k.day, k.view)
	alt := sp.w.t("previewImageAlt", "date", sp.longDate(k.day))
	size := export.Presets["social"]
	var b strings.Builder
	meta := func(attr, name, content string) {
		fmt.Fprintf(&b, "<meta %s=\"%s\" content=\"%s\">\n", attr, name, html.EscapeString(content))
	}
	locale := "en_GB"
	if sp.fa() {
		locale = "fa_AF"
	}
	for _, m := range [][2]string{{"og:type", "website"}, {"og:site_name", "controlmap"}, {"og:locale", locale}, {"og:title", title},
		{"og:description", desc}, {"og:url", pageURL}, {"og:image", img}, {"og:image:type", wire.TypePNG},
		{"og:image:width", fmt.Sprint(size.X)}, {"og:image:height", fmt.Sprint(size.Y)}, {"og:image:alt", alt}} {
		meta("property", m[0], m[1])
	}
	for _, m := range [][2]string{{"twitter:card", "summary_large_image"}, {"twitter:title", title},
		{"twitter:description", desc}, {"twitter:image", img}, {"twitter:image:alt", alt}} {
		meta("name", m[0], m[1])
	}
	if k.embed {
		meta("name", "robots", "noindex")
	}
	meta("name", "controlmap-embed", embedSnippet("{src}", sp.w.t("title"), 800, 600))
	fmt.Fprintf(&b, "<link rel=\"canonical\" href=\"%s\">\n", html.EscapeString(pageURL))
	fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"%s\" title=\"%s\">\n",
		html.EscapeString(base+"oembed?url="+url.QueryEscape(pageURL)), html.EscapeString(title))
	return b.String()
}

// longDate is the day in a preview's title as the page's time control
// writes it: the long date ("6 September 2021"), and in Dari the Solar
// Hijri date after it ("۶ سپتمبر ۲۰۲۱ (۱۵ سنبله ۱۴۰۰)").
func (sp speaker) longDate(d data.Day) string {
	return export.LongDate(d, sp.w, sp.fa(), sp.ds.Region.Calendar(sp.lang) == data.CalendarSolarHijri)
}

// previewTitle is the map's name on the day ("Panjshir & Andarab on
// DATE"), with the view when it is a party's claims.
func (sp speaker) previewTitle(day data.Day, view string) string {
	t := sp.w.t("previewOn", "date", sp.longDate(day))
	if view != "assessed" {
		t += " (" + sp.w.t("claimsView", "party", sp.side(data.Party(view))) + ")"
	}
	return t
}

// description counts the districts by what the view draws on day, says
// how many the claims dispute, and what the map holds.
func (sp speaker) description(day data.Day, view string) string {
	v := data.Party(view)
	n := map[data.Status]int{}
	states := sp.ds.StatesAt(day)
	disputed, old := 0, 0
	for _, st := range states {
		iv := st.InView(v)
		n[iv.Status]++
		if iv.Disputed {
			disputed++
		}
		if iv.Stale && view != "assessed" {
			old++
		}
	}
	var counts []string
	for _, st := range append(sp.ds.Region.Statuses(), data.StatusUnknown) {
		if n[st] > 0 {
			counts = append(counts, sp.num(n[st])+" "+sp.status(st))
		}
	}
	sep := ", "
	if sp.fa() {
		sep = "، "
	}
	var parts []string
	if view == "assessed" {
		parts = append(parts, sp.w.t("previewAssessed", "n", sp.num(len(states)), "counts", strings.Join(counts, sep)))
	} else {
		parts = append(parts, sp.w.t("previewClaims", "party", sp.party(v), "counts", strings.Join(counts, sep)))
	}
	if old > 0 {
		parts = append(parts, sp.w.t("previewOld", "n", sp.num(old), "days", sp.num(data.ClaimWindow)))
	}
	if disputed > 0 {
		parts = append(parts, sp.w.t("previewDisputed", "n", sp.num(disputed)))
	}
	return strings.Join(append(parts, sp.w.t("previewTail")), " ")
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
	page, err := shellIn(beforeHead(b, []byte(s.previewTags(k))), s.speaker(k.lang))
	if err != nil {
		return err
	}
	banner := `<div class="watch-problems" role="alert"><strong>The last edit did not load; the map shows the last good data.</strong><pre>` +
		html.EscapeString(problems) + "</pre></div>"
	page = bytes.Replace(page, []byte("<body>"), []byte("<body>"+banner), 1)
	setDocumentHeaders(c.Response().Header())
	return rep.ServeOnce(c.Response(), c.Request(), wire.TypeHTML, rep.CacheNone, page)
}
