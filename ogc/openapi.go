package ogc

import (
	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// oaParam is an OpenAPI parameter; query parameters are form-style, path
// parameters simple (OpenAPI 3.0 allows nothing else in a path).
func oaParam(name, in, desc string, schema map[string]any) map[string]any {
	p := map[string]any{"name": name, "in": in, "description": desc, "required": in == "path", "schema": schema}
	if in == "query" {
		p["style"], p["explode"] = "form", false
	}
	return p
}

// oaResponses are an operation's answers: 200 in the given types, and every
// other status the server sends (RFC 9457 problems for the errors).
func oaResponses(desc string, types ...string) map[string]any {
	content := map[string]any{}
	for _, t := range types {
		content[t] = map[string]any{"schema": map[string]any{"type": "object"}}
	}
	problem := func(d string) map[string]any {
		return map[string]any{"description": d, "content": map[string]any{"application/problem+json": map[string]any{
			"schema": map[string]any{"$ref": "#/components/schemas/problem"}}}}
	}
	return map[string]any{
		"200": map[string]any{"description": desc, "content": content},
		"304": map[string]any{"description": "Not modified: the client's copy (If-None-Match) is current"},
		"400": problem("A bad parameter (the problem names it)"),
		"404": problem("No such collection or feature"),
		"405": problem("Only GET, HEAD and OPTIONS are allowed"),
		"414": problem("The request target is too long"),
		"429": problem("Too many requests: retry after the Retry-After header's seconds"),
		"431": problem("The request's headers are too large"),
		"500": problem("A server error"),
	}
}

func oaGet(id, summary string, params []any, responses map[string]any) map[string]any {
	if params == nil {
		params = []any{}
	}
	return map[string]any{"get": map[string]any{"operationId": id, "summary": summary, "description": summary + ".",
		"tags": []string{"OGC API – Features"}, "parameters": params, "responses": responses}}
}

func oaRef(name string) map[string]any {
	return map[string]any{"$ref": "#/components/parameters/" + name}
}

// OpenAPI is the OpenAPI 3.0 definition of the OGC API at base.
func OpenAPI(base string) map[string]any {
	f, cid := oaRef("f"), oaRef("collectionId")
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "controlmap OGC API – Features", "version": "1.0",
			"description": "Assessed control of the Panjshir and Andarab districts since August 2021, with claims and events. " + data.Attribution + ".",
			"license":     map[string]any{"name": "See the sources of each record", "url": base + "/api/sources"}},
		"servers":  []any{map[string]any{"url": base + "/ogc"}},
		"security": []any{},
		"tags":     []any{map[string]any{"name": "OGC API – Features", "description": "Parts 1 (Core) and 3 (Filtering, CQL2 text)"}},
		"paths": map[string]any{
			"/":                                  oaGet("landing", "Landing page", []any{f}, oaResponses("The landing page", wire.TypeJSON, wire.TypeHTML)),
			"/conformance":                       oaGet("conformance", "Conformance classes", []any{f}, oaResponses("The conformance classes", wire.TypeJSON, wire.TypeHTML)),
			"/api":                               oaGet("api", "This document", []any{f}, oaResponses("The API definition", wire.TypeOpenAPI, wire.TypeHTML)),
			"/collections":                       oaGet("collections", "The collections", []any{f}, oaResponses("The collections", wire.TypeJSON, wire.TypeHTML)),
			"/collections/{collectionId}":        oaGet("collection", "A collection", []any{cid, f}, oaResponses("The collection", wire.TypeJSON, wire.TypeHTML)),
			"/collections/{collectionId}/schema": oaGet("schema", "The properties' types (JSON Schema)", []any{cid, f}, oaResponses("A JSON Schema", wire.TypeSchema)),
			"/collections/{collectionId}/queryables": oaGet("queryables", "The properties a filter may name (JSON Schema)", []any{cid, f},
				oaResponses("A JSON Schema", wire.TypeSchema)),
			"/collections/{collectionId}/items/{featureId}": oaGet("feature", "One feature", []any{cid, oaRef("featureId"), f, oaRef("detail")},
				oaResponses("The feature", wire.TypeGeoJSON, wire.TypeHTML)),
			"/collections/{collectionId}/items": oaGet("items", "The features, filtered and paged",
				[]any{cid, oaRef("bbox"), oaRef("datetime"), oaRef("filter"), oaRef("filter-lang"), oaRef("limit"), oaRef("offset"), oaRef("detail"), f},
				oaResponses("A page of features, with next links while more match", wire.TypeGeoJSON, wire.TypeHTML)),
		},
		"components": map[string]any{"parameters": oaParameters(), "schemas": map[string]any{"problem": map[string]any{
			"type": "object", "description": "RFC 9457 problem details", "properties": map[string]any{
				"type": map[string]any{"type": "string"}, "title": map[string]any{"type": "string"}, "status": map[string]any{"type": "integer"},
				"detail": map[string]any{"type": "string"}, "parameter": map[string]any{"type": "string"}}}}},
	}
}

func oaParameters() map[string]any {
	str := map[string]any{"type": "string"}
	return map[string]any{
		"f":            oaParam("f", "query", "The format: json (GeoJSON for features) or html. Without it, the Accept header decides (q-values count).", map[string]any{"type": "string", "enum": []string{"json", "html"}}),
		"collectionId": oaParam("collectionId", "path", "The collection", map[string]any{"type": "string", "enum": []string{"areas", "control", "events", "countryside"}}),
		"featureId":    oaParam("featureId", "path", "A feature id: a P-code (areas), P-code_valid_from (control and countryside) or an event id", str),
		"bbox": oaParam("bbox", "query", "minLon,minLat,maxLon,maxLat in CRS84 (or six numbers with heights, which are ignored): features whose geometry meets the box",
			map[string]any{"type": "array", "minItems": 4, "maxItems": 6, "items": map[string]any{"type": "number"}}),
		"datetime": oaParam("datetime", "query", "An instant (a date, or a date-time taken to its day in Afghanistan) or an interval a/b with '..' or an empty end for an open one; a feature matches when its validity [valid_from, valid_to) shares a day with it. Undated features (areas) match everything.", str),
		"filter":   oaParam("filter", "query", "A CQL2 text filter on the queryables (see /collections/{collectionId}/queryables): comparisons, AND, OR, NOT, IN, IS NULL, T_INTERSECTS, e.g. status IN ('taliban','contested') AND T_INTERSECTS(INTERVAL(valid_from, valid_to), DATE('2021-09-06'))", str),
		"filter-lang": oaParam("filter-lang", "query", "The filter's language: cql2-text only",
			map[string]any{"type": "string", "enum": []string{"cql2-text"}, "default": "cql2-text"}),
		"limit":  oaParam("limit", "query", "Features per page; a larger value is served as the maximum", map[string]any{"type": "integer", "minimum": 1, "maximum": MaxLimit, "default": DefaultLimit}),
		"offset": oaParam("offset", "query", "Features to skip (the next links set it)", map[string]any{"type": "integer", "minimum": 0, "default": 0}),
		"detail": oaParam("detail", "query", "full (default here): COD-AB resolution; display: the seamless simplified geometry", map[string]any{"type": "string", "enum": []string{"full", "display"}, "default": "full"}),
	}
}
