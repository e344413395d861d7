package server

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/export"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// oEmbed's parameters (oembed.com, section 2.2).
const (
	paramURL       = "url"
	paramMaxWidth  = "maxwidth"
	paramMaxHeight = "maxheight"
	paramFormat    = "format"
)

var oembedParams = []string{paramURL, paramMaxWidth, paramMaxHeight, paramFormat}

// oembed is the answer of type rich: an iframe of the embedded page.
type oembed struct {
	Version         string `json:"version"`
	Type            string `json:"type"`
	Title           string `json:"title"`
	ProviderName    string `json:"provider_name"`
	ProviderURL     string `json:"provider_url"`
	HTML            string `json:"html"`
	Width           int    `json:"width"`
	Height          int    `json:"height"`
	ThumbnailURL    string `json:"thumbnail_url"`
	ThumbnailWidth  int    `json:"thumbnail_width"`
	ThumbnailHeight int    `json:"thumbnail_height"`
}

// embedSnippet is the one iframe that embeds the map: oEmbed answers it,
// and the page's Share gives it (the page reads it from its head, with
// "{src}" for the embedded address; see previewTags). src is HTML-escaped.
func embedSnippet(src, title string, w, h int) string {
	return fmt.Sprintf(`<iframe src="%s" width="%d" height="%d" style="border:0;max-width:100%%" loading="lazy" title="%s" allow="fullscreen"></iframe>`,
		src, w, h, html.EscapeString(title))
}

// handleOEmbed serves GET /oembed?url=PAGE[&maxwidth=&maxheight=]: what a
// CMS needs to embed a pasted link to the map, an iframe of the page in
// embed mode for the state in the link. A link to anything but this map is
// a 404, as the spec asks; a format other than json is a 501.
func (s *Server) handleOEmbed(c echo.Context, r *request) error {
	if f := r.get(paramFormat); f != "" && f != "json" {
		return echo.NewHTTPError(http.StatusNotImplemented, "only the json format is served")
	}
	u, err := url.Parse(r.get(paramURL))
	base, _ := url.Parse(s.cfg.PublicURL)
	if err != nil || u.Host != base.Host || !strings.HasPrefix(u.Path+"/", base.Path) {
		return echo.NewHTTPError(http.StatusNotFound, "the url is not a page of this map ("+s.cfg.PublicURL+")")
	}
	w, err := r.int(paramMaxWidth, 800, 200, 4000)
	if err != nil {
		return err
	}
	h, err := r.int(paramMaxHeight, 600, 200, 4000)
	if err != nil {
		return err
	}
	w, h = min(w, 800), min(h, 600)
	k := s.pageKeyOf(u.Query()) // the whole state: day, view, language, district, known at the time
	sp := s.speaker(k.lang)
	title := sp.previewTitle(k.day, k.view)
	src := s.cfg.PublicURL + "?" + k.stateQuery() + "&embed=1"
	size := export.Presets["social"]
	b, err := json.Marshal(oembed{Version: "1.0", Type: "rich", Title: title, ProviderName: "controlmap",
		ProviderURL: s.cfg.PublicURL, Width: w, Height: h,
		HTML:         embedSnippet(html.EscapeString(src), title, w, h),
		ThumbnailURL: s.cfg.PublicURL + "api/export/map.png?preset=social&" + k.pictureQuery(), ThumbnailWidth: size.X, ThumbnailHeight: size.Y})
	if err != nil {
		return err
	}
	return rep.ServeOnce(c.Response(), c.Request(), wire.TypeJSON, rep.CacheRevalidate, b)
}
