package ogc

import (
	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// OpenAPI is the OpenAPI 3.0 definition of the OGC API at base.
func OpenAPI(base string) map[string]any {
	param := func(name, in, desc string, schema map[string]any, required bool) map[string]any {
		return map[string]any{"name": name, "in": in, "description": desc, "required": required, "schema": schema,
			"style": "form", "explode": false}
	}
	ref := func(name string) map[string]any { return map[string]any{"$ref": "#/components/parameters/" + name} }
	str := map[string]any{"type": "string"}
	ok := func(desc string, types ...string) map[string]any {
		content := map[string]any{}
		for _, t := range types {
			content[t] = map[string]any{"schema": map[string]any{"type": "object"}}
		}
		return map[string]any{"200": map[string]any{"description": desc, "content": content},
			"400": map[string]any{"description": "A bad parameter (RFC 9457 problem)"},
			"404": map[string]any{"description": "No such collection or feature"}}
	}
	get := func(id, summary string, params []any, responses map[string]any) map[string]any {
		return map[string]any{"get": map[string]any{"operationId": id, "summary": summary, "parameters": params, "responses": responses}}
	}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "controlmap OGC API – Features", "version": "1.0",
			"description": "Assessed control of the Panjshir and Andarab districts, 2021–2022, with claims and events. " + data.Attribution + "."},
		"servers": []any{map[string]any{"url": base + "/ogc"}},
		"paths": map[string]any{
			"/":                                  get("landing", "Landing page", []any{ref("f")}, ok("The landing page", wire.TypeJSON, "text/html")),
			"/conformance":                       get("conformance", "Conformance classes", []any{ref("f")}, ok("The conformance classes", wire.TypeJSON, "text/html")),
			"/api":                               get("api", "This document", nil, ok("The API definition", wire.TypeOpenAPI)),
			"/collections":                       get("collections", "The collections", []any{ref("f")}, ok("The collections", wire.TypeJSON, "text/html")),
			"/collections/{collectionId}":        get("collection", "A collection", []any{ref("collectionId"), ref("f")}, ok("The collection", wire.TypeJSON, "text/html")),
			"/collections/{collectionId}/schema": get("schema", "The properties' types (JSON Schema)", []any{ref("collectionId")}, ok("A JSON Schema", wire.TypeSchema)),
			"/collections/{collectionId}/items/{featureId}": get("feature", "One feature", []any{ref("collectionId"), ref("featureId"), ref("f"), ref("detail")}, ok("The feature", wire.TypeGeoJSON, "text/html")),
			"/collections/{collectionId}/items": get("items", "The features, filtered and paged",
				[]any{ref("collectionId"), ref("bbox"), ref("datetime"), ref("limit"), ref("offset"), ref("detail"), ref("f")},
				ok("A page of features, with next links while more match", wire.TypeGeoJSON, "text/html")),
		},
		"components": map[string]any{"parameters": map[string]any{
			"f":            param("f", "query", "The format: json (GeoJSON for features) or html. Without it, the Accept header decides.", map[string]any{"type": "string", "enum": []string{"json", "html"}}, false),
			"collectionId": param("collectionId", "path", "The collection", map[string]any{"type": "string", "enum": []string{"areas", "control", "events"}}, true),
			"featureId":    param("featureId", "path", "A feature id: a P-code (areas), P-code_valid_from (control) or an event id", str, true),
			"bbox": param("bbox", "query", "minLon,minLat,maxLon,maxLat in CRS84: features whose geometry meets the box",
				map[string]any{"type": "array", "minItems": 4, "maxItems": 4, "items": map[string]any{"type": "number"}}, false),
			"datetime": param("datetime", "query", "An instant (a date, or a date-time taken to its day in Afghanistan) or an interval a/b with '..' or an empty end for an open one; a feature matches when its validity [valid_from, valid_to) shares a day with it. Undated features (areas) match everything.", str, false),
			"limit":    param("limit", "query", "Features per page", map[string]any{"type": "integer", "minimum": 1, "maximum": MaxLimit, "default": DefaultLimit}, false),
			"offset":   param("offset", "query", "Features to skip (the next links set it)", map[string]any{"type": "integer", "minimum": 0, "default": 0}, false),
			"detail":   param("detail", "query", "full (default here): COD-AB resolution; display: the seamless simplified geometry", map[string]any{"type": "string", "enum": []string{"full", "display"}, "default": "full"}, false),
		}},
	}
}
