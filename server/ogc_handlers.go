package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb"
)

// OGC API – Features (Part 1: Core) under /ogc: landing page, conformance,
// OpenAPI document, collections, items and single features, each as JSON
// and HTML.

// Content types of the OGC API.
const (
	typeOpenAPI = "application/vnd.oai.openapi+json;version=3.0"
	typeSchema  = "application/schema+json"
	typeHTML    = "text/html; charset=utf-8"
)

// Query parameters of the OGC API.
const (
	paramF        = "f"
	paramBBox     = "bbox"
	paramDatetime = "datetime"
	paramLimit    = "limit"
	paramOffset   = "offset"
)

// ogcState holds the collections, built on the first OGC request.
type ogcState struct {
	once        sync.Once
	collections []*ogcCollection
	err         error
}

func (s *Server) ogcCollections() ([]*ogcCollection, error) {
	s.ogc.once.Do(func() { s.ogc.collections, s.ogc.err = ogcCollections(s.ds) })
	return s.ogc.collections, s.ogc.err
}

func (s *Server) ogcCollection(id string) (*ogcCollection, error) {
	cs, err := s.ogcCollections()
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		if c.ID == id {
			return c, nil
		}
	}
	return nil, echo.NewHTTPError(http.StatusNotFound, fmt.Sprintf("no collection %q: the collections are areas, control and events", id))
}

// wantsHTML decides the format: f=json|html wins, else the Accept header.
func wantsHTML(c echo.Context, q *query) (bool, error) {
	switch f := q.Get(paramF); {
	case f == "html":
		return true, nil
	case f == "json" || f == "geojson":
		return false, nil
	case q.Has(paramF):
		return false, &ParamError{Param: paramF, Err: fmt.Errorf("%q: want json or html", f)}
	}
	accept := c.Request().Header.Get(echo.HeaderAccept)
	html := strings.Index(accept, "text/html")
	jsonAt := strings.Index(accept, "json")
	return html >= 0 && (jsonAt < 0 || html < jsonAt), nil
}

// formatParams parses the query against allowed (f always) and decides the
// format: the preamble of every OGC API handler.
func formatParams(c echo.Context, allowed ...string) (*query, bool, error) {
	q, err := params(c, append(allowed, paramF)...)
	if err != nil {
		return nil, false, err
	}
	html, err := wantsHTML(c, q)
	return q, html, err
}

// baseURL is the absolute URL of the server as the client reached it.
func baseURL(c echo.Context) string {
	return c.Scheme() + "://" + c.Request().Host
}

type link struct {
	Href  string `json:"href"`
	Rel   string `json:"rel"`
	Type  string `json:"type,omitempty"`
	Title string `json:"title,omitempty"`
}

// selfLinks are the self and alternate links of a resource at path.
func selfLinks(base, path string, html bool, jsonType string) []link {
	jsonLink := link{Href: base + path + "?f=json", Rel: "self", Type: jsonType, Title: "This document as JSON"}
	htmlLink := link{Href: base + path + "?f=html", Rel: "alternate", Type: "text/html", Title: "This document as HTML"}
	if html {
		jsonLink.Rel, htmlLink.Rel = "alternate", "self"
	}
	return []link{jsonLink, htmlLink}
}

func (s *Server) renderOGC(c echo.Context, html bool, page string, v any, jsonType string) error {
	c.Response().Header().Set(echo.HeaderVary, echo.HeaderAccept)
	if html {
		b, err := renderHTML(page, v)
		if err != nil {
			return err
		}
		return writeBytes(c, http.StatusOK, typeHTML, b)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return writeBytes(c, http.StatusOK, jsonType, b)
}

func (s *Server) handleOGCLanding(c echo.Context) error {
	_, html, err := formatParams(c)
	if err != nil {
		return err
	}
	base := baseURL(c)
	links := append(selfLinks(base, "/ogc", html, typeJSON),
		link{base + "/ogc/api", "service-desc", typeOpenAPI, "The API definition (OpenAPI 3.0)"},
		link{base + "/ogc/api?f=html", "service-doc", "text/html", "The API documentation"},
		link{base + "/ogc/conformance", "conformance", typeJSON, "Conformance classes"},
		link{base + "/ogc/collections", "data", typeJSON, "The collections"})
	return s.renderOGC(c, html, "landing", map[string]any{
		"title":       "controlmap: Panjshir and Andarab control, 2021–2022",
		"description": "Assessed control of the districts of the Panjshir and Andarab valleys, day by day, with claims kept apart and every status sourced. " + attributionText,
		"links":       links,
	}, typeJSON)
}

const attributionText = "Boundaries: AGCHO / OCHA COD-AB (2018)."

var conformance = []string{
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
}

func (s *Server) handleOGCConformance(c echo.Context) error {
	_, html, err := formatParams(c)
	if err != nil {
		return err
	}
	return s.renderOGC(c, html, "conformance", map[string]any{"conformsTo": conformance,
		"links": selfLinks(baseURL(c), "/ogc/conformance", html, typeJSON)}, typeJSON)
}

// collectionJSON describes a collection with its extents and links.
func collectionJSON(base string, col *ogcCollection) map[string]any {
	path := base + "/ogc/collections/" + col.ID
	b := col.bound
	extent := map[string]any{"spatial": map[string]any{
		"bbox": [][4]float64{{round(b.Min[0], 1e6), round(b.Min[1], 1e6), round(b.Max[0], 1e6), round(b.Max[1], 1e6)}},
		"crs":  "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}}
	if col.Temporal && col.first != 0 {
		extent["temporal"] = map[string]any{"interval": [][2]any{{col.first.String() + "T00:00:00Z", nil}},
			"trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"}
	}
	return map[string]any{
		"id": col.ID, "title": col.Title, "description": col.Description, "itemType": "feature",
		"crs": []string{"http://www.opengis.net/def/crs/OGC/1.3/CRS84"}, "extent": extent,
		"links": []link{
			{path, "self", typeJSON, col.Title},
			{path + "?f=html", "alternate", "text/html", col.Title + " as HTML"},
			{path + "/items", "items", typeGeoJSON, col.Title + " as GeoJSON"},
			{path + "/items?f=html", "items", "text/html", col.Title + " as HTML"},
			{path + "/schema", "describedby", typeSchema, "The properties' types (JSON Schema)"},
		},
	}
}

func (s *Server) handleOGCCollections(c echo.Context) error {
	_, html, err := formatParams(c)
	if err != nil {
		return err
	}
	cols, err := s.ogcCollections()
	if err != nil {
		return err
	}
	base := baseURL(c)
	var out []map[string]any
	for _, col := range cols {
		out = append(out, collectionJSON(base, col))
	}
	return s.renderOGC(c, html, "collections", map[string]any{"collections": out,
		"links": selfLinks(base, "/ogc/collections", html, typeJSON)}, typeJSON)
}

func (s *Server) handleOGCCollection(c echo.Context) error {
	_, html, err := formatParams(c)
	if err != nil {
		return err
	}
	col, err := s.ogcCollection(c.Param("cid"))
	if err != nil {
		return err
	}
	return s.renderOGC(c, html, "collection", collectionJSON(baseURL(c), col), typeJSON)
}

// handleOGCItems serves /ogc/collections/{id}/items with bbox, datetime,
// limit and offset; next and prev links page through the matches.
func (s *Server) handleOGCItems(c echo.Context) error {
	q, html, err := formatParams(c, paramBBox, paramDatetime, paramLimit, paramOffset, paramDetail)
	if err != nil {
		return err
	}
	col, err := s.ogcCollection(c.Param("cid"))
	if err != nil {
		return err
	}
	var bbox *orb.Bound
	if q.Has(paramBBox) {
		b, err := parseBBox(q.Get(paramBBox))
		if err != nil {
			return &ParamError{Param: paramBBox, Err: err}
		}
		bbox = &b
	}
	var when *Interval
	if q.Has(paramDatetime) {
		iv, err := parseDatetime(q.Get(paramDatetime))
		if err != nil {
			return &ParamError{Param: paramDatetime, Err: err}
		}
		when = &iv
	}
	limit, err := parseLimit(q.Get(paramLimit), q.Has(paramLimit))
	if err != nil {
		return &ParamError{Param: paramLimit, Err: err}
	}
	offset, err := parseOffset(q.Get(paramOffset), q.Has(paramOffset))
	if err != nil {
		return &ParamError{Param: paramOffset, Err: err}
	}
	detail := DetailFull // GIS clients get full resolution unless they ask
	if q.Has(paramDetail) {
		if detail, err = parseDetail(q); err != nil {
			return err
		}
	}
	matched := col.match(bbox, when)
	page := matched[min(offset, len(matched)):min(offset+limit, len(matched))]
	links := itemLinks(baseURL(c), col.ID, q, html, offset, limit, len(matched))
	if html {
		return s.renderOGC(c, true, "items", itemsPage(col, page, links, len(matched), detail), "")
	}
	return s.writeItems(c, col, page, detail, links, len(matched))
}

// itemLinks builds self, alternate, next, prev and collection links that
// keep the request's other parameters.
func itemLinks(base, id string, q *query, html bool, offset, limit, matched int) []link {
	path := base + "/ogc/collections/" + id + "/items"
	with := func(f string, off int) string {
		v := url.Values{}
		for _, p := range q.pairs[:q.n] {
			if p[0] != paramF && p[0] != paramOffset {
				v.Set(p[0], p[1])
			}
		}
		v.Set(paramF, f)
		if off > 0 {
			v.Set(paramOffset, strconv.Itoa(off))
		}
		return path + "?" + v.Encode()
	}
	self, alt := link{with("json", offset), "self", typeGeoJSON, "This page"}, link{with("html", offset), "alternate", "text/html", "This page as HTML"}
	if html {
		self.Rel, alt.Rel = "alternate", "self"
	}
	f := "json"
	ft := typeGeoJSON
	if html {
		f, ft = "html", "text/html"
	}
	links := []link{self, alt, {base + "/ogc/collections/" + id, "collection", typeJSON, "The collection"}}
	if offset+limit < matched {
		links = append(links, link{with(f, offset+limit), "next", ft, "Next page"})
	}
	if offset > 0 {
		links = append(links, link{with(f, max(0, offset-limit)), "prev", ft, "Previous page"})
	}
	return links
}

func (s *Server) writeItems(c echo.Context, col *ogcCollection, page []int, detail Detail, links []link, matched int) error {
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, idx := range page {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(col.features[idx].json[detail])
	}
	lb, err := json.Marshal(links)
	if err != nil {
		return err
	}
	fmt.Fprintf(&b, `],"links":%s,"numberMatched":%d,"numberReturned":%d,"timeStamp":%q}`, lb, matched, len(page),
		time.Now().UTC().Format(time.RFC3339))
	c.Response().Header().Set(echo.HeaderVary, echo.HeaderAccept)
	return writeBytes(c, http.StatusOK, typeGeoJSON, []byte(b.String()))
}

func (s *Server) handleOGCItem(c echo.Context) error {
	q, html, err := formatParams(c, paramDetail)
	if err != nil {
		return err
	}
	col, err := s.ogcCollection(c.Param("cid"))
	if err != nil {
		return err
	}
	idx, ok := col.byID[c.Param("fid")]
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound, fmt.Sprintf("no feature %q in collection %s", c.Param("fid"), col.ID))
	}
	detail := DetailFull
	if q.Has(paramDetail) {
		if detail, err = parseDetail(q); err != nil {
			return err
		}
	}
	base := baseURL(c)
	path := "/ogc/collections/" + col.ID + "/items/" + url.PathEscape(col.features[idx].id)
	links := append(selfLinks(base, path, html, typeGeoJSON), link{base + "/ogc/collections/" + col.ID, "collection", typeJSON, col.Title})
	if html {
		return s.renderOGC(c, true, "item", itemsPage(col, []int{idx}, links, 1, detail), "")
	}
	f := col.features[idx].json[detail]
	lb, err := json.Marshal(links)
	if err != nil {
		return err
	}
	body := append(append(append([]byte{}, f[:len(f)-1]...), `,"links":`...), lb...)
	return writeBytes(c, http.StatusOK, typeGeoJSON, append(body, '}'))
}

func (s *Server) handleOGCSchema(c echo.Context) error {
	if _, err := params(c, paramF); err != nil {
		return err
	}
	col, err := s.ogcCollection(c.Param("cid"))
	if err != nil {
		return err
	}
	props := map[string]any{}
	for _, f := range col.Fields {
		p := map[string]any{"title": f.Name, "description": f.Description, "type": f.Type}
		if f.Nullable {
			p["type"] = []string{f.Type, "null"}
		}
		if f.Format != "" {
			p["format"] = f.Format
		}
		props[f.Name] = p
	}
	b, err := json.Marshal(map[string]any{
		"$schema": "https://json-schema.org/draft/2019-09/schema", "$id": baseURL(c) + "/ogc/collections/" + col.ID + "/schema",
		"type": "object", "title": col.Title, "description": col.Description, "properties": props,
	})
	if err != nil {
		return err
	}
	return writeBytes(c, http.StatusOK, typeSchema, b)
}
