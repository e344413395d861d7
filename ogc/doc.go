// Package ogc is controlmap's OGC API – Features (Part 1: Core) without an
// HTTP framework: the collections built from the wire layers (areas,
// control, events, countryside), their links, the CQL2 filter,
// the datetime and bbox parameters, the OpenAPI 3.0 definition and the HTML
// pages. The server parses the request and writes the answer; this package
// decides what the answer is.
package ogc
