package server

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/ogc"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// The OGC API – Features handlers under /ogc: each decides the format,
// asks package ogc for the answer and writes it.

// wantsHTML decides the format: f=json|html wins, else the Accept header.
func wantsHTML(c echo.Context, r *request) (bool, error) {
	switch f := r.get(paramF); {
	case f == "html":
		return true, nil
	case f == "json" || f == "geojson":
		return false, nil
	case r.has(paramF):
		return false, &ParamError{Param: paramF, Err: fmt.Errorf("%q: want json or html", f)}
	}
	accept := c.Request().Header.Get(echo.HeaderAccept)
	html := strings.Index(accept, "text/html")
	jsonAt := strings.Index(accept, "json")
	return html >= 0 && (jsonAt < 0 || html < jsonAt), nil
}

// baseURL is the absolute URL of the server as the client reached it.
func baseURL(c echo.Context) string {
	return c.Scheme() + "://" + c.Request().Host
}

// writeOGC writes an answer that varies by Accept.
func writeOGC(c echo.Context, body []byte, contentType string, err error) error {
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderVary, echo.HeaderAccept)
	if contentType == wire.TypeHTML {
		setDocumentHeaders(c.Response().Header())
	}
	return rep.WriteBytes(c.Response(), c.Request(), http.StatusOK, contentType, body)
}

// serveDoc writes a document in the format the request asks for.
func serveDoc(c echo.Context, r *request, doc func(base string, html bool) ogc.Doc) error {
	html, err := wantsHTML(c, r)
	if err != nil {
		return err
	}
	b, ct, err := doc(baseURL(c), html).Encode(html)
	return writeOGC(c, b, ct, err)
}

func (s *Server) handleOGCLanding(c echo.Context, r *request) error {
	return serveDoc(c, r, ogc.Landing)
}

func (s *Server) handleOGCConformance(c echo.Context, r *request) error {
	return serveDoc(c, r, ogc.Conformance)
}

// handleOGCAPI serves the OpenAPI definition; only f=html asks for the page.
func (s *Server) handleOGCAPI(c echo.Context, r *request) error {
	html := r.get(paramF) == "html"
	b, ct, err := ogc.APIDoc(baseURL(c), html).Encode(html)
	return writeOGC(c, b, ct, err)
}

func (s *Server) handleOGCCollections(c echo.Context, r *request) error {
	svc, err := s.ogc.Get()
	if err != nil {
		return err
	}
	return serveDoc(c, r, svc.Collections)
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
	return serveDoc(c, r, func(base string, _ bool) ogc.Doc { return col.Doc(base) })
}

// handleOGCItems serves /ogc/collections/{id}/items with bbox, datetime,
// limit and offset; next and prev links page through the matches.
func (s *Server) handleOGCItems(c echo.Context, r *request) error {
	html, err := wantsHTML(c, r)
	if err != nil {
		return err
	}
	col, err := s.collection(c)
	if err != nil {
		return err
	}
	q := ogc.ItemsQuery{Keep: r.given()}
	if r.has(paramBBox) {
		b, err := ogc.ParseBBox(r.get(paramBBox))
		if err != nil {
			return &ParamError{Param: paramBBox, Err: err}
		}
		q.BBox = &b
	}
	if r.has(paramDatetime) {
		p, err := ogc.ParseDatetime(r.get(paramDatetime))
		if err != nil {
			return &ParamError{Param: paramDatetime, Err: err}
		}
		q.When = &p
	}
	if q.Limit, err = r.int(paramLimit, ogc.DefaultLimit, 1, ogc.MaxLimit); err != nil {
		return err
	}
	if q.Offset, err = r.int(paramOffset, 0, 0, maxInt); err != nil {
		return err
	}
	if q.Detail, err = r.geometry(); err != nil {
		return err
	}
	b, ct, err := col.Items(baseURL(c), q, html, s.cfg.Now())
	return writeOGC(c, b, ct, err)
}

const maxInt = int(^uint(0) >> 1)

func (s *Server) handleOGCItem(c echo.Context, r *request) error {
	html, err := wantsHTML(c, r)
	if err != nil {
		return err
	}
	col, err := s.collection(c)
	if err != nil {
		return err
	}
	detail, err := r.geometry()
	if err != nil {
		return err
	}
	b, ct, err := col.Item(baseURL(c), c.Param("fid"), detail, html)
	return writeOGC(c, b, ct, err)
}

func (s *Server) handleOGCSchema(c echo.Context, _ *request) error {
	col, err := s.collection(c)
	if err != nil {
		return err
	}
	b, err := col.Schema(baseURL(c))
	if err != nil {
		return err
	}
	return rep.WriteBytes(c.Response(), c.Request(), http.StatusOK, wire.TypeSchema, b)
}
