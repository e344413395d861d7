package ogc

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// Service answers the OGC API requests for one dataset.
type Service struct {
	cols   []*Collection
	region data.Region // the names and credit its pages carry
}

// New builds the collections of ds (every feature encoded once per
// geometry detail).
func New(ds *data.Dataset) (*Service, error) {
	cols, err := collections(ds)
	if err != nil {
		return nil, err
	}
	return &Service{cols: cols, region: ds.Region}, nil
}

// Collection returns the collection id, or an error wrapping ErrNotFound.
func (s *Service) Collection(id string) (*Collection, error) {
	var ids []string
	for _, c := range s.cols {
		if c.ID == id {
			return c, nil
		}
		ids = append(ids, c.ID)
	}
	return nil, fmt.Errorf("%w: no collection %q: the collections are %s", ErrNotFound, id, strings.Join(ids, ", "))
}

// Doc is an answer before it is written: a value, its JSON content type,
// and the HTML page that shows it.
type Doc struct {
	Value  any
	Type   string
	Page   string
	Base   string // the server's absolute URL, which the HTML page's links start with
	Credit string // the boundary source's credit, in the HTML page's footer
}

// Encode writes d as HTML or JSON, returning the body and its type.
func (d Doc) Encode(html bool) ([]byte, string, error) {
	if html {
		v, _ := d.Value.(map[string]any)
		b, err := RenderHTML(d.Page, v, d.Base, d.Credit)
		return b, wire.TypeHTML, err
	}
	b, err := json.Marshal(d.Value)
	return b, d.Type, err
}

// Landing is the landing page at base (the server's absolute URL) of the
// region's service.
func Landing(region data.Region, base string, html bool) Doc {
	links := append(selfLinks(base, "/ogc", html, wire.TypeJSON),
		wire.Link{Href: base + "/ogc/api", Rel: wire.RelServiceDesc, Type: wire.TypeOpenAPI, Title: "The API definition (OpenAPI 3.0)"},
		wire.Link{Href: base + "/ogc/api?f=html", Rel: wire.RelServiceDoc, Type: "text/html", Title: "The API documentation"},
		wire.Link{Href: base + "/ogc/conformance", Rel: wire.RelConformance, Type: wire.TypeJSON, Title: "Conformance classes"},
		wire.Link{Href: base + "/ogc/collections", Rel: wire.RelData, Type: wire.TypeJSON, Title: "The collections"})
	return Doc{Page: "landing", Base: base, Type: wire.TypeJSON, Credit: region.Credit, Value: map[string]any{
		"title":       region.Title,
		"description": region.Description + " " + region.Credit + ".",
		"links":       links,
	}}
}

// RelQueryables is the link relation of a collection's queryables (Part 3).
const RelQueryables = "http://www.opengis.net/def/rel/ogc/1.0/queryables"

// conformance lists the conformance classes implemented.
var conformance = []string{
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
	"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
	// Part 3 and CQL2: only the classes whose every requirement holds
	// (advanced comparison needs LIKE and BETWEEN, the temporal class every
	// T_ function: not declared).
	"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
	"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
	"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
	"http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
	"http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
}

// Conformance is the conformance declaration.
func Conformance(region data.Region, base string, html bool) Doc {
	return Doc{Page: "conformance", Base: base, Type: wire.TypeJSON, Credit: region.Credit, Value: map[string]any{"conformsTo": conformance,
		"links": selfLinks(base, "/ogc/conformance", html, wire.TypeJSON)}}
}

// APIDoc is the OpenAPI definition: JSON, or an HTML page that shows it.
func (s *Service) APIDoc(base string, html bool) Doc {
	doc := s.OpenAPI(base)
	if !html {
		return Doc{Value: doc, Type: wire.TypeOpenAPI}
	}
	return Doc{Page: "collection", Base: base, Credit: s.region.Credit, Value: map[string]any{"title": "OpenAPI definition",
		"description": "The machine-readable definition is at /ogc/api (OpenAPI 3.0, JSON).",
		"extent":      doc, "links": selfLinks(base, "/ogc/api", true, wire.TypeOpenAPI)}}
}

// Collections lists the collections.
func (s *Service) Collections(base string, html bool) Doc {
	var out []map[string]any
	for _, c := range s.cols {
		out = append(out, c.describe(base))
	}
	return Doc{Page: "collections", Base: base, Type: wire.TypeJSON, Credit: s.region.Credit, Value: map[string]any{"collections": out,
		"links": selfLinks(base, "/ogc/collections", html, wire.TypeJSON)}}
}

// Doc describes the collection.
func (c *Collection) Doc(base string) Doc {
	return Doc{Page: "collection", Base: base, Type: wire.TypeJSON, Credit: c.credit, Value: c.describe(base)}
}

// describe is the collection with its extents and links.
func (c *Collection) describe(base string) map[string]any {
	path := base + "/ogc/collections/" + c.ID
	b := c.bound
	extent := map[string]any{"spatial": map[string]any{
		"bbox": [][4]float64{{roundDown(b.Min[0]), roundDown(b.Min[1]), roundUp(b.Max[0]), roundUp(b.Max[1])}},
		"crs":  "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}}
	if c.TemporalFrom != "" && c.first != 0 {
		// The first day begins at midnight in the region, not in UTC.
		extent["temporal"] = map[string]any{"interval": [][2]any{{c.zone.Midnight(c.first).Format(time.RFC3339), nil}},
			"trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"}
	}
	return map[string]any{
		"id": c.ID, "title": c.Title, "description": c.Description, "itemType": "feature",
		"crs": []string{"http://www.opengis.net/def/crs/OGC/1.3/CRS84"}, "extent": extent,
		"links": []wire.Link{
			{Href: path, Rel: wire.RelSelf, Type: wire.TypeJSON, Title: c.Title},
			{Href: path + "?f=html", Rel: wire.RelAlternate, Type: "text/html", Title: c.Title + " as HTML"},
			{Href: path + "/items", Rel: wire.RelItems, Type: wire.TypeGeoJSON, Title: c.Title + " as GeoJSON"},
			{Href: path + "/items?f=html", Rel: wire.RelItems, Type: "text/html", Title: c.Title + " as HTML"},
			{Href: path + "/schema", Rel: wire.RelDescribedBy, Type: wire.TypeSchema, Title: "The properties' types (JSON Schema)"},
			{Href: path + "/queryables", Rel: RelQueryables, Type: wire.TypeSchema, Title: "The properties a filter may name"},
		},
	}
}

// roundDown and roundUp round an extent outwards to 1e-6 degrees, so that
// items?bbox=<the advertised extent> finds every feature (issue 14.5).
func roundDown(v float64) float64 { return math.Floor(v*1e6) / 1e6 }
func roundUp(v float64) float64   { return math.Ceil(v*1e6) / 1e6 }

// Schema is the JSON Schema of the collection's properties.
func (c *Collection) Schema(base string) ([]byte, error) {
	return json.Marshal(c.schema(base + "/ogc/collections/" + c.ID + "/schema"))
}

// ItemsQuery is a parsed items request. Every datetime in When must share a
// day with a feature's validity (datetime given twice is the intersection
// of its parts). Keep holds the request's other parameters, in order, for
// the paging links.
type ItemsQuery struct {
	BBox          *BBox
	When          []Datetime
	Filter        Expr
	Limit, Offset int
	Detail        data.Detail
	Keep          [][2]string
}

// Items answers an items request: a page of the matching features, as
// GeoJSON or HTML. Only the page's features are encoded. An offset past the
// matches (up to the largest int) gives an empty page, never an overflow.
// The search stops with ctx's error once ctx is done: a client that has
// gone no longer buys CPU.
func (c *Collection) Items(ctx context.Context, base string, q ItemsQuery, html bool) ([]byte, string, error) {
	matched, err := c.match(ctx, q.BBox, q.When, q.Filter)
	if err != nil {
		return nil, "", err
	}
	start := min(max(q.Offset, 0), len(matched))
	page := matched[start : start+min(max(q.Limit, 0), len(matched)-start)]
	links := itemLinks(base, c.ID, q, html, len(matched))
	if html {
		v, err := itemsPage(base, c, page, links, len(matched), q.Detail)
		if err != nil {
			return nil, "", err
		}
		return Doc{Page: "items", Base: base, Credit: c.credit, Value: v}.Encode(true)
	}
	b := append(make([]byte, 0, 1024*len(page)), `{"type":"FeatureCollection","features":[`...)
	for i, idx := range page {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = c.appendFeature(b, idx, q.Detail, false); err != nil {
			return nil, "", err
		}
	}
	lb, err := json.Marshal(links)
	if err != nil {
		return nil, "", err
	}
	b = fmt.Appendf(b, `],"links":%s,"numberMatched":%d,"numberReturned":%d`, lb, len(matched), len(page))
	if len(c.meta) > 0 {
		b = append(append(b, ','), c.meta...)
	}
	b = append(b, '}')
	return b, wire.TypeGeoJSON, nil
}

// Item answers a single-feature request.
func (c *Collection) Item(base, fid string, detail data.Detail, html bool) ([]byte, string, error) {
	idx, ok := c.byID.get(fid)
	if !ok {
		return nil, "", fmt.Errorf("%w: no feature %q in collection %s", ErrNotFound, fid, c.ID)
	}
	links := append(selfLinks(base, itemPath(c.ID, fid), html, wire.TypeGeoJSON),
		wire.Link{Href: base + "/ogc/collections/" + c.ID, Rel: wire.RelCollection, Type: wire.TypeJSON, Title: c.Title})
	if html {
		v, err := itemsPage(base, c, []int{int(idx)}, links, 1, detail)
		if err != nil {
			return nil, "", err
		}
		return Doc{Page: "item", Base: base, Credit: c.credit, Value: v}.Encode(true)
	}
	body, err := c.appendFeature(nil, int(idx), detail, true)
	if err != nil {
		return nil, "", err
	}
	lb, err := json.Marshal(links)
	if err != nil {
		return nil, "", err
	}
	body = append(append(body, `,"links":`...), lb...)
	return append(body, '}'), wire.TypeGeoJSON, nil
}
