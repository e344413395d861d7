package server

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
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

// serveOGC serves the answer build makes for this request, kept in the
// answer cache under the base URL, the format, the path and params, the
// request's parameters as parsed (normalised, without f): "limit=010000",
// reordered parameters or "40.10" for "40.1" are the same answer, and must
// not buy a new build and compression each.
//
// A build stops when its request's context is done. A request that was
// waiting on a build whose client left builds again with its own context.
func (s *Server) serveOGC(c echo.Context, html bool, params [][2]string, build func(ctx context.Context, base string) ([]byte, string, error)) error {
	base, err := s.baseURL(c)
	if err != nil {
		return err
	}
	req := c.Request()
	key := base + " " + strconv.FormatBool(html) + " " + req.URL.Path + "?" + canonicalQuery(params)
	var r *rep.Rep
	for {
		r, err = s.ogcAnswers.Get(key, func() (*rep.Rep, error) {
			b, ct, err := build(req.Context(), base)
			if err != nil {
				return nil, err
			}
			if len(b) > maxCachedOGC {
				return nil, &errTooLarge{b, ct}
			}
			return rep.New(ct, rep.CacheRevalidate, b), nil
		})
		// Another client's build stopped when that client left: build again
		// for this one, as long as it is there.
		if !isContextErr(err) || req.Context().Err() != nil {
			break
		}
	}
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

func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// canonicalQuery encodes params sorted by name then value, without f
// (the format is part of the key on its own).
func canonicalQuery(params [][2]string) string {
	v := url.Values{}
	for _, p := range params {
		if p[0] != paramF {
			v.Add(p[0], p[1])
		}
	}
	for _, vs := range v {
		slices.Sort(vs)
	}
	return v.Encode()
}

// serveDoc serves a document in the format the request asks for.
func (s *Server) serveDoc(c echo.Context, r *request, doc func(base string, html bool) ogc.Doc) error {
	html, err := wantsHTML(c, r)
	if err != nil {
		return err
	}
	return s.serveOGC(c, html, nil, func(_ context.Context, base string) ([]byte, string, error) { return doc(base, html).Encode(html) })
}

func (s *Server) handleOGCLanding(c echo.Context, r *request) error {
	return s.serveDoc(c, r, func(base string, html bool) ogc.Doc { return ogc.Landing(s.ds.Region, base, html) })
}

func (s *Server) handleOGCConformance(c echo.Context, r *request) error {
	return s.serveDoc(c, r, func(base string, html bool) ogc.Doc { return ogc.Conformance(s.ds.Region, base, html) })
}

// handleOGCAPI serves the OpenAPI definition; only f=html asks for the page
// (any other f is a 400, never the JSON under another name).
func (s *Server) handleOGCAPI(c echo.Context, r *request) error {
	f, err := r.choice(paramF, "json", "html")
	if err != nil {
		return err
	}
	html := f == "html"
	svc, err := s.ogc.Get()
	if err != nil {
		return err
	}
	return s.serveOGC(c, html, nil, func(_ context.Context, base string) ([]byte, string, error) {
		return svc.APIDoc(base, html).Encode(html)
	})
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
	return s.serveOGC(c, html, q.Keep, func(ctx context.Context, base string) ([]byte, string, error) {
		return col.Items(ctx, base, q, html)
	})
}

// itemsQuery reads the items parameters. A limit above ogc.MaxLimit is
// served as ogc.MaxLimit; an offset may be as large as an int. Keep holds
// the parameters as parsed, in one form whatever the spelling, for the
// paging links and the answer cache.
func itemsQuery(col *ogc.Collection, r *request) (q ogc.ItemsQuery, err error) {
	keep := func(name, value string) { q.Keep = append(q.Keep, [2]string{name, value}) }
	if r.has(paramBBox) {
		b, err := ogc.ParseBBox(r.get(paramBBox))
		if err != nil {
			return q, &ParamError{Param: paramBBox, Err: err}
		}
		q.BBox = &b
		keep(paramBBox, b.String())
	}
	for _, v := range r.all(paramDatetime) {
		p, err := ogc.ParseDatetime(v, col.Zone())
		if err != nil {
			return q, &ParamError{Param: paramDatetime, Err: err}
		}
		q.When = append(q.When, p)
		keep(paramDatetime, p.String())
	}
	if q.Filter, err = filterOf(col, r); err != nil {
		return q, err
	}
	var filters []ogc.Expr
	if q.Filter != nil {
		filters = append(filters, q.Filter)
		keep(paramFilter, strings.TrimSpace(r.get(paramFilter)))
	}
	for _, p := range r.given() {
		if slices.Contains(ogcItemsStandard, p[0]) {
			continue
		}
		e, err := col.PropertyFilter(p[0], p[1])
		if err != nil {
			return q, &ParamError{Param: p[0], Err: err}
		}
		filters = append(filters, e)
		keep(p[0], p[1])
	}
	q.Filter = ogc.And(filters...)
	if q.Limit, err = r.int(paramLimit, ogc.DefaultLimit, 1, maxInt); err != nil {
		return q, err
	}
	if q.Limit = min(q.Limit, ogc.MaxLimit); q.Limit != ogc.DefaultLimit {
		keep(paramLimit, strconv.Itoa(q.Limit))
	}
	if q.Offset, err = r.int(paramOffset, 0, 0, maxInt); err != nil {
		return q, err
	}
	if q.Offset > 0 {
		keep(paramOffset, strconv.Itoa(q.Offset))
	}
	if q.Detail, err = r.geometry(); err != nil {
		return q, err
	}
	if q.Detail != r.detail {
		keep(paramDetail, q.Detail.String())
	}
	return q, nil
}

// filterOf parses filter (CQL2 text; filter-lang may say so, nothing else).
func filterOf(col *ogc.Collection, r *request) (ogc.Expr, error) {
	if lang := r.get(paramFilterLang); r.has(paramFilterLang) && lang != "cql2-text" && lang != "cql-text" {
		return nil, &ParamError{Param: paramFilterLang, Err: fmt.Errorf("%q: want cql2-text (or cql-text, its draft's name)", lang)}
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
	return s.serveOGC(c, html, [][2]string{{paramDetail, detail.String()}}, func(_ context.Context, base string) ([]byte, string, error) {
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
	return s.serveOGC(c, false, nil, func(_ context.Context, base string) ([]byte, string, error) {
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
	return s.serveOGC(c, false, nil, func(_ context.Context, base string) ([]byte, string, error) {
		b, err := col.Queryables(base)
		return b, wire.TypeSchema, err
	})
}
