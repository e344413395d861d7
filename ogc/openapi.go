package ogc

import (
	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// The OpenAPI definition describes every answer with a schema a client
// generator turns into real types: each collection gets its own items and
// feature paths (as OGC API – Features Part 1 allows), with its property
// types and one query parameter per property (GDAL reads those to know what
// it may send as a filter).

// oaParam is an OpenAPI parameter; query parameters are form-style, path
// parameters simple (OpenAPI 3.0 allows nothing else in a path).
func oaParam(name, in, desc string, schema map[string]any) map[string]any {
	p := map[string]any{"name": name, "in": in, "description": desc, "required": in == "path", "schema": schema}
	if in == "query" {
		p["style"], p["explode"] = "form", false
	}
	return p
}

// oaResponses are an operation's answers: 200 as the schema named body in
// the JSON type given (and as HTML when html), and every other status the
// server sends (RFC 9457 problems for the errors).
func oaResponses(desc, body, jsonType string, html bool) map[string]any {
	content := map[string]any{jsonType: map[string]any{"schema": oaSchemaRef(body)}}
	if html {
		content[wire.TypeHTML] = map[string]any{"schema": map[string]any{"type": "string"}}
	}
	problem := func(d string) map[string]any {
		return map[string]any{"description": d, "content": map[string]any{"application/problem+json": map[string]any{
			"schema": oaSchemaRef("problem")}}}
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

func oaSchemaRef(name string) map[string]any {
	return map[string]any{"$ref": "#/components/schemas/" + name}
}

// OpenAPI is the OpenAPI 3.0 definition of the OGC API at base.
func (s *Service) OpenAPI(base string) map[string]any {
	f, cid := oaRef("f"), oaRef("collectionId")
	paths := map[string]any{
		"/":            oaGet("landing", "Landing page", []any{f}, oaResponses("The landing page", "landingPage", wire.TypeJSON, true)),
		"/conformance": oaGet("conformance", "Conformance classes", []any{f}, oaResponses("The conformance classes", "confClasses", wire.TypeJSON, true)),
		"/api":         oaGet("api", "This document", []any{f}, oaResponses("The API definition", "openapi", wire.TypeOpenAPI, true)),
		"/collections": oaGet("collections", "The collections", []any{f}, oaResponses("The collections", "collections", wire.TypeJSON, true)),
		"/collections/{collectionId}": oaGet("collection", "A collection", []any{cid, f},
			oaResponses("The collection", "collection", wire.TypeJSON, true)),
		"/collections/{collectionId}/schema": oaGet("schema", "The properties' types (JSON Schema)", []any{cid, f},
			oaResponses("A JSON Schema", "jsonSchema", wire.TypeSchema, false)),
		"/collections/{collectionId}/queryables": oaGet("queryables", "The properties a filter may name (JSON Schema)", []any{cid, f},
			oaResponses("A JSON Schema", "jsonSchema", wire.TypeSchema, false)),
	}
	schemas := oaCommonSchemas()
	for _, c := range s.cols {
		props := c.ID + "Properties"
		schemas[props] = c.openAPIProperties()
		schemas[c.ID+"Feature"] = oaFeature(props)
		schemas[c.ID+"FeatureCollection"] = oaFeatureCollection(c.ID + "Feature")
		params := []any{oaRef("bbox"), oaRef("datetime"), oaRef("filter"), oaRef("filter-lang"), oaRef("limit"), oaRef("offset"), oaRef("detail"), f}
		for _, q := range c.queryables {
			params = append(params, oaParam(q.Name, "query", "Only the features whose "+q.Name+" equals this value", oaType(q)))
		}
		paths["/collections/"+c.ID+"/items"] = oaGet("items_"+c.ID, c.Title+": the features, filtered and paged", params,
			oaResponses("A page of features, with next links while more match", c.ID+"FeatureCollection", wire.TypeGeoJSON, true))
		paths["/collections/"+c.ID+"/items/{featureId}"] = oaGet("feature_"+c.ID, c.Title+": one feature",
			[]any{oaRef("featureId"), f, oaRef("detail")}, oaResponses("The feature", c.ID+"Feature", wire.TypeGeoJSON, true))
	}
	schemas["problem"] = map[string]any{"type": "object", "description": "RFC 9457 problem details", "properties": map[string]any{
		"type": str(), "title": str(), "status": map[string]any{"type": "integer"}, "detail": str(), "instance": str(),
		"parameter": map[string]any{"type": "string", "description": "The query parameter at fault"}}}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "controlmap OGC API – Features", "version": "1.0",
			"description": s.region.Description + " " + s.region.Credit + ".",
			"license":     map[string]any{"name": "See the sources of each record", "url": base + "/api/sources"}},
		"servers":    []any{map[string]any{"url": base + "/ogc"}},
		"security":   []any{},
		"tags":       []any{map[string]any{"name": "OGC API – Features", "description": "Parts 1 (Core) and 3 (Filtering, CQL2 text)"}},
		"paths":      paths,
		"components": map[string]any{"parameters": oaParameters(s.region), "schemas": schemas},
	}
}

func str() map[string]any { return map[string]any{"type": "string"} }

func arrayOf(items map[string]any) map[string]any {
	return map[string]any{"type": "array", "items": items}
}

// oaType is the OpenAPI 3.0 schema of a queryable's values.
func oaType(q Queryable) map[string]any {
	t := map[string]any{"type": q.Type}
	if q.Format != "" {
		t["format"] = q.Format
	}
	return t
}

// openAPIProperties is the schema of the collection's feature properties.
func (c *Collection) openAPIProperties() map[string]any {
	props := map[string]any{}
	for _, q := range c.queryables {
		props[q.Name] = wire.PropertySchema(q.Name, q.Type, q.Format, q.Description, q.Nullable, true)
	}
	return map[string]any{"type": "object", "description": c.Description, "properties": props}
}

func oaFeature(props string) map[string]any {
	return map[string]any{"type": "object", "required": []string{"type", "geometry", "properties"}, "properties": map[string]any{
		"type":       map[string]any{"type": "string", "enum": []string{"Feature"}},
		"id":         str(),
		"geometry":   oaSchemaRef("geometry"),
		"properties": oaSchemaRef(props),
		"links":      arrayOf(oaSchemaRef("link")),
	}}
}

func oaFeatureCollection(feature string) map[string]any {
	return map[string]any{"type": "object", "required": []string{"type", "features"}, "properties": map[string]any{
		"type":           map[string]any{"type": "string", "enum": []string{"FeatureCollection"}},
		"features":       arrayOf(oaSchemaRef(feature)),
		"links":          arrayOf(oaSchemaRef("link")),
		"numberMatched":  map[string]any{"type": "integer", "minimum": 0},
		"numberReturned": map[string]any{"type": "integer", "minimum": 0},
		"timeStamp":      map[string]any{"type": "string", "format": "date-time"},
		// wire.DatasetMeta: which dataset the page comes from.
		"dataset_version": str(),
		"updated":         map[string]any{"type": "string", "format": "date"},
		"evidence_up_to":  map[string]any{"type": "string", "format": "date"},
	}}
}

// oaCommonSchemas are the documents every OGC API – Features server
// answers with (Part 1's landing page, conformance, collections), a link,
// a GeoJSON geometry and a JSON Schema document.
func oaCommonSchemas() map[string]any {
	links := arrayOf(oaSchemaRef("link"))
	number := map[string]any{"type": "number"}
	return map[string]any{
		"link": map[string]any{"type": "object", "required": []string{"href", "rel"}, "properties": map[string]any{
			"href": str(), "rel": str(), "type": str(), "title": str(), "hreflang": str()}},
		"landingPage": map[string]any{"type": "object", "required": []string{"links"}, "properties": map[string]any{
			"title": str(), "description": str(), "links": links}},
		"confClasses": map[string]any{"type": "object", "required": []string{"conformsTo"}, "properties": map[string]any{
			"conformsTo": arrayOf(str()), "links": links}},
		"extent": map[string]any{"type": "object", "properties": map[string]any{
			"spatial": map[string]any{"type": "object", "properties": map[string]any{
				"bbox": arrayOf(map[string]any{"type": "array", "minItems": 4, "maxItems": 6, "items": number}), "crs": str()}},
			"temporal": map[string]any{"type": "object", "properties": map[string]any{
				"interval": arrayOf(map[string]any{"type": "array", "minItems": 2, "maxItems": 2,
					"items": map[string]any{"type": "string", "format": "date-time", "nullable": true}}),
				"trs": str()}}}},
		"collection": map[string]any{"type": "object", "required": []string{"id", "links"}, "properties": map[string]any{
			"id": str(), "title": str(), "description": str(), "itemType": str(), "crs": arrayOf(str()),
			"extent": oaSchemaRef("extent"), "links": links}},
		"collections": map[string]any{"type": "object", "required": []string{"collections", "links"}, "properties": map[string]any{
			"collections": arrayOf(oaSchemaRef("collection")), "links": links}},
		"geometry": map[string]any{"type": "object", "nullable": true, "description": "A GeoJSON geometry (RFC 7946), null for an event with no place",
			"required": []string{"type", "coordinates"}, "properties": map[string]any{
				"type":        map[string]any{"type": "string", "enum": []string{"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}},
				"coordinates": map[string]any{"type": "array", "items": map[string]any{}}}},
		"jsonSchema": map[string]any{"type": "object", "description": "A JSON Schema (draft 2019-09) of an object's properties",
			"required": []string{"type", "properties"}, "properties": map[string]any{
				"$schema": str(), "$id": str(), "type": str(), "title": str(), "description": str(),
				"properties": map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "object", "properties": map[string]any{
					"title": str(), "description": str(), "type": map[string]any{}, "format": str()}}}}},
		"openapi": map[string]any{"type": "object", "description": "An OpenAPI 3.0 document", "required": []string{"openapi", "paths"},
			"properties": map[string]any{"openapi": str(), "paths": map[string]any{"type": "object"}}},
	}
}

// oaParameters are the parameters of the region r's API: its examples
// name its ruling side.
func oaParameters(r data.Region) map[string]any {
	ruling := string(r.As(data.RoleRuling))
	return map[string]any{
		"f":            oaParam("f", "query", "The format: json (GeoJSON for features) or html. Without it, the Accept header decides (q-values count).", map[string]any{"type": "string", "enum": []string{"json", "html"}}),
		"collectionId": oaParam("collectionId", "path", "The collection", map[string]any{"type": "string", "enum": []string{"areas", "control", "events", "countryside"}}),
		"featureId":    oaParam("featureId", "path", "A feature id: a P-code (areas), P-code_valid_from (control and countryside) or an event id", str()),
		"bbox": oaParam("bbox", "query", "minLon,minLat,maxLon,maxLat in CRS84 (or six numbers with heights, which are ignored): features whose geometry meets the box. minLon above maxLon crosses the antimeridian",
			map[string]any{"type": "array", "minItems": 4, "maxItems": 6, "items": map[string]any{"type": "number"}}),
		"datetime": oaParam("datetime", "query", "An instant (a date, or a date-time taken to its day in the region's zone, UTC"+r.Zone.String()+") or an interval a/b with '..' or an empty end for an open one; a feature matches when its validity [valid_from, valid_to) shares a day with it. Given twice, both must hold. Undated features (areas) match everything.", str()),
		"filter":   oaParam("filter", "query", "A CQL2 text filter on the queryables (see /collections/{collectionId}/queryables): Basic CQL2 (comparisons of properties and literals either side, AND, OR, NOT, IS NULL, TRUE, FALSE) with IN and T_INTERSECTS, e.g. the districts held by "+ruling+" or contested on 6 September 2021: status IN ('"+ruling+"','contested') AND valid_from <= DATE('2021-09-06') AND (valid_to IS NULL OR valid_to > DATE('2021-09-06'))", str()),
		"filter-lang": oaParam("filter-lang", "query", "The filter's language: CQL2 text. cql-text, the name of the draft (which GDAL 3.6 sends), is read as CQL2 text",
			map[string]any{"type": "string", "enum": []string{"cql2-text", "cql-text"}, "default": "cql2-text"}),
		"limit":  oaParam("limit", "query", "Features per page; a larger value is served as the maximum", map[string]any{"type": "integer", "minimum": 1, "maximum": MaxLimit, "default": DefaultLimit}),
		"offset": oaParam("offset", "query", "Features to skip (the next links set it)", map[string]any{"type": "integer", "minimum": 0, "default": 0}),
		"detail": oaParam("detail", "query", "full (default here): the boundary source's resolution; display: the seamless simplified geometry", map[string]any{"type": "string", "enum": []string{"full", "display"}, "default": "full"}),
	}
}
