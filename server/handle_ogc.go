package server

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/ogc"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// The OGC API – Features handlers under /ogc: each decides the format,
// asks package ogc for the answer and serves it through the representation
// machinery (ETag, 304, gzip/br, Cache-Control), keeping it in a
// byte-bounded cache: QGIS and GDAL ask for the same pages again and again.

// wantsHTML decides the format: f=json|html wins, else the Accept header
// with its q-values (rep.PreferHTML).
func wantsHTML(c echo.Context, r *request) (bool, error) {
	switch f := r.get(paramF); {
	case f == "html":
		return true, nil
	case f == "json" || f == "geojson":
		return false, nil
	case r.has(paramF):
		return false, &ParamError{Param: paramF, Err: fmt.Errorf("%q: want json or html", f)}
	}
	return rep.PreferHTML(c.Request().Header.Get(echo.HeaderAccept)), nil
}

// Bounds of the OGC answer cache: answers above maxCachedOGC are served
// once (ServeOnce) rather than kept.
const (
	ogcCacheBytes = 64 << 20
	maxCachedOGC  = 1 << 20
)

func newOGCAnswers() *rep.LRU[string, *rep.Rep] {
	return rep.NewLRU[string, *rep.Rep](ogcCacheBytes, func(r *rep.Rep) int {
		b, _ := r.Body()
		return 3 * len(b) // identity, gzip and brotli, generously
	})
}

// errTooLarge marks an answer built but too large to keep.
type errTooLarge struct {
	body []byte
	ct   string
}

func (e *errTooLarge) Error() string { return "too large to cache" }

// serveOGC serves the answer build makes for this request, keyed by the
// base URL, the format and the request's path and query.
func (s *Server) serveOGC(c echo.Context, html bool, build func(base string) ([]byte, string, error)) error {
	base, err := s.baseURL(c)
	if err != nil {
		return err
	}
	req := c.Request()
	key := base + " " + strconv.FormatBool(html) + " " + req.URL.Path + "?" + req.URL.RawQuery
	r, err := s.ogcAnswers.Get(key, func() (*rep.Rep, error) {
		b, ct, err := build(base)
		if err != nil {
			return nil, err
		}
		if len(b) > maxCachedOGC {
			return nil, &errTooLarge{b, ct}
		}
		return rep.New(ct, rep.CacheRevalidate, b), nil
	})
	h := c.Response().Header()
	h.Set(echo.HeaderVary, echo.HeaderAccept)
	var big *errTooLarge
	switch {
	case errors.As(err, &big):
		if big.ct == wire.TypeHTML {
			setDocumentHeaders(h)
		}
		return rep.ServeOnce(c.Response(), req, big.ct, rep.CacheRevalidate, big.body)
	case err != nil:
		return err
	}
	if html {
		setDocumentHeaders(h)
	}
	return r.Serve(c.Response(), req)
}

// serveDoc serves a document in the format the request asks for.
func (s *Server) serveDoc(c echo.Context, r *request, doc func(base string, html bool) ogc.Doc) error {
	html, err := wantsHTML(c, r)
	if err != nil {
		return err
	}
	return s.serveOGC(c, html, func(base string) ([]byte, string, error) { return doc(base, html).Encode(html) })
}

func (s *Server) handleOGCLanding(c echo.Context, r *request) error {
	return s.serveDoc(c, r, ogc.Landing)
}

func (s *Server) handleOGCConformance(c echo.Context, r *request) error {
	return s.serveDoc(c, r, ogc.Conformance)
}

// handleOGCAPI serves the OpenAPI definition; only f=html asks for the page
// (any other f is a 400, never the JSON under another name).
func (s *Server) handleOGCAPI(c echo.Context, r *request) error {
	f, err := r.choice(paramF, "json", "html")
	if err != nil {
		return err
	}
	html := f == "html"
	return s.serveOGC(c, html, func(base string) ([]byte, string, error) { return ogc.APIDoc(base, html).Encode(html) })
}

func (s *Server) handleOGCCollections(c echo.Context, r *request) error {
	svc, err := s.ogc.Get()
	if err != nil {
		return err
	}
	return s.serveDoc(c, r, svc.Collections)
}

// collection returns the collection named in the path.
func (s *Server) collection(c echo.Context) (*ogc.Collection, error) {
	svc, err := s.ogc.Get()
	if err != nil {
		return nil, err
	}
	return svc.Collection(c.Param("cid"))
}

func (s *Server) handleOGCCollection(c echo.Context, r *request) error {
	col, err := s.collection(c)
	if err != nil {
		return err
	}
	return s.serveDoc(c, r, func(base string, _ bool) ogc.Doc { return col.Doc(base) })
}

// handleOGCItems serves /ogc/collections/{id}/items with bbox, datetime,
// filter, limit and offset; next and prev links page through the matches.
func (s *Server) handleOGCItems(c echo.Context, r *request) error {
	html, col, err := s.featurePreamble(c, r)
	if err != nil {
		return err
	}
	q, err := itemsQuery(col, r)
	if err != nil {
		return err
	}
	return s.serveOGC(c, html, func(base string) ([]byte, string, error) { return col.Items(base, q, html) })
}

// itemsQuery reads the items parameters. A limit above ogc.MaxLimit is
// served as ogc.MaxLimit; an offset may be as large as an int.
func itemsQuery(col *ogc.Collection, r *request) (q ogc.ItemsQuery, err error) {
	q.Keep = r.given()
	if r.has(paramBBox) {
		b, err := ogc.ParseBBox(r.get(paramBBox))
		if err != nil {
			return q, &ParamError{Param: paramBBox, Err: err}
		}
		q.BBox = &b
	}
	if r.has(paramDatetime) {
		p, err := ogc.ParseDatetime(r.get(paramDatetime))
		if err != nil {
			return q, &ParamError{Param: paramDatetime, Err: err}
		}
		q.When = &p
	}
	if q.Filter, err = filterOf(col, r); err != nil {
		return q, err
	}
	if q.Limit, err = r.int(paramLimit, ogc.DefaultLimit, 1, maxInt); err != nil {
		return q, err
	}
	q.Limit = min(q.Limit, ogc.MaxLimit)
	if q.Offset, err = r.int(paramOffset, 0, 0, maxInt); err != nil {
		return q, err
	}
	q.Detail, err = r.geometry()
	return q, err
}

// filterOf parses filter (CQL2 text; filter-lang may say so, nothing else).
func filterOf(col *ogc.Collection, r *request) (ogc.Expr, error) {
	if lang := r.get(paramFilterLang); r.has(paramFilterLang) && lang != "cql2-text" {
		return nil, &ParamError{Param: paramFilterLang, Err: fmt.Errorf("%q: only cql2-text is supported", lang)}
	}
	if !r.has(paramFilter) {
		return nil, nil
	}
	e, err := col.ParseFilter(strings.TrimSpace(r.get(paramFilter)))
	if err != nil {
		return nil, &ParamError{Param: paramFilter, Err: err}
	}
	return e, nil
}

const maxInt = int(^uint(0) >> 1)

// featurePreamble decides the format and finds the collection: the start
// of the items and item handlers.
func (s *Server) featurePreamble(c echo.Context, r *request) (html bool, col *ogc.Collection, err error) {
	if html, err = wantsHTML(c, r); err != nil {
		return false, nil, err
	}
	col, err = s.collection(c)
	return html, col, err
}

func (s *Server) handleOGCItem(c echo.Context, r *request) error {
	html, col, err := s.featurePreamble(c, r)
	if err != nil {
		return err
	}
	detail, err := r.geometry()
	if err != nil {
		return err
	}
	return s.serveOGC(c, html, func(base string) ([]byte, string, error) {
		return col.Item(base, c.Param("fid"), detail, html)
	})
}

func (s *Server) handleOGCSchema(c echo.Context, r *request) error {
	if _, err := r.choice(paramF, "json"); err != nil { // a JSON Schema only
		return err
	}
	col, err := s.collection(c)
	if err != nil {
		return err
	}
	return s.serveOGC(c, false, func(base string) ([]byte, string, error) {
		b, err := col.Schema(base)
		return b, wire.TypeSchema, err
	})
}

// handleOGCQueryables serves /ogc/collections/{id}/queryables (Part 3).
func (s *Server) handleOGCQueryables(c echo.Context, r *request) error {
	if _, err := r.choice(paramF, "json"); err != nil { // a JSON Schema only
		return err
	}
	col, err := s.collection(c)
	if err != nil {
		return err
	}
	return s.serveOGC(c, false, func(base string) ([]byte, string, error) {
		b, err := col.Queryables(base)
		return b, wire.TypeSchema, err
	})
}
