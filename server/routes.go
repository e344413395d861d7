package server

import (
	"net/http"
	"slices"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/ogc"
)

// handler is a route's handler: the request's query already parsed against
// the route's parameters, with the route's defaults.
type handler func(c echo.Context, r *request) error

// route is one row of the route table: the path, the query parameters the
// endpoint takes (anything else is a 400), its defaults, and the handler.
type route struct {
	path   string
	params []string
	detail data.Detail // the geometry served when detail= is absent
	h      handler
}

// The OGC API's parameters; f (the format) is allowed everywhere there.
// The items also take every property as a parameter (name=value keeps the
// features whose property has that value); a name that is not a property
// of the collection asked for is a 400 there.
var (
	ogcParams        = []string{paramF}
	ogcItemsStandard = []string{paramF, paramBBox, paramDatetime, paramLimit, paramOffset, paramDetail, paramFilter, paramFilterLang}
	ogcItemsParams   = append(slices.Clone(ogcItemsStandard), ogc.PropertyNames()...)
)

// table is the one route table. The API serves the map's simplified
// geometry by default; the OGC API, read by GIS clients, full resolution.
func (s *Server) table() []route {
	full := data.DetailFull
	return []route{
		{"/api/areas", []string{paramDetail}, 0, s.handleAreas},
		{"/api/control", []string{paramDate, paramDetail, paramKnown}, 0, s.handleControl},
		{"/api/history", []string{paramDetail}, 0, s.handleHistory},
		{"/api/events", []string{paramFrom, paramTo}, 0, s.handleEvents},
		{"/api/timeline", []string{paramKnown}, 0, s.handleTimeline},
		{"/api/sources", nil, 0, s.handleSources},
		{"/api/places", nil, 0, s.handlePlaces},
		{"/api/periods", nil, 0, s.handlePeriods},
		{"/api/provinces", nil, 0, s.handleProvinces},
		{"/about", []string{paramLang}, 0, s.handleAbout},
		{"/corrections", []string{paramLang}, 0, s.handleCorrections},
		{"/api/revisions", []string{paramSince}, 0, s.handleRevisions},
		{"/feed.atom", nil, 0, s.handleFeed},
		{"/api/context", nil, 0, s.handleContext},
		{"/api/control.csv", []string{paramDate}, 0, s.handleControlCSV},
		{"/api/diff", []string{paramFrom, paramTo, paramDetail, paramKnown}, 0, s.handleDiff},
		{"/api/stats", nil, 0, s.handleStats},
		{"/api/export/animation.gif", []string{paramFrom, paramTo, paramWidth, paramStep, paramLang}, 0, s.handleAnimation},
		{"/api/export/map.png", pictureParams, 0, s.handlePicture("png")},
		{"/api/export/map.svg", pictureParams, 0, s.handlePicture("svg")},
		{"/api/export/:file", nil, 0, s.handleExport},
		{"/ogc", ogcParams, full, s.handleOGCLanding},
		{"/ogc/", ogcParams, full, s.handleOGCLanding},
		{"/ogc/conformance", ogcParams, full, s.handleOGCConformance},
		{"/ogc/api", ogcParams, full, s.handleOGCAPI},
		{"/ogc/collections", ogcParams, full, s.handleOGCCollections},
		{"/ogc/collections/:cid", ogcParams, full, s.handleOGCCollection},
		{"/ogc/collections/:cid/items", ogcItemsParams, full, s.handleOGCItems},
		{"/ogc/collections/:cid/items/:fid", []string{paramF, paramDetail}, full, s.handleOGCItem},
		{"/ogc/collections/:cid/schema", ogcParams, full, s.handleOGCSchema},
		{"/ogc/collections/:cid/queryables", ogcParams, full, s.handleOGCQueryables},
		{"/oembed", oembedParams, 0, s.handleOEmbed},
		{"/healthz", nil, 0, s.handleHealth},
		{"/readyz", nil, 0, s.handleReady},
		{"/*", nil, 0, s.handleStatic},
	}
}

// routes registers the table with echo.
func (s *Server) routes() {
	e := s.echo
	e.IPExtractor = echo.ExtractIPDirect()
	if s.cfg.RatePerClient > 0 {
		e.Use(perClient(s.cfg.RatePerClient, s.cfg.RateBurst))
	}
	for _, rt := range s.table() {
		e.Match([]string{http.MethodGet, http.MethodHead}, rt.path, rt.echoHandler())
	}
}

// requests pools the parsed queries: a request is a few hundred bytes that
// would otherwise be allocated on every call.
var requests = sync.Pool{New: func() any { return new(request) }}

// echoHandler parses the query against the route's parameters (the one
// parameter pass) and calls the handler. The health endpoints and the page
// ignore their query: probes and caches add their own.
func (rt route) echoHandler() echo.HandlerFunc {
	lenient := rt.path == "/healthz" || rt.path == "/readyz" || rt.path == "/*"
	return func(c echo.Context) error {
		r := requests.Get().(*request)
		defer requests.Put(r)
		*r = request{detail: rt.detail}
		if !lenient {
			if err := r.parse(c.QueryString(), rt.params); err != nil {
				return err
			}
		}
		return rt.h(c, r)
	}
}
