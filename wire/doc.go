// Package wire holds what controlmap sends out, without HTTP: content types
// and link relations, one schema per layer (areas, assessed intervals,
// districts on a day, events) that drives every format the layer is written
// in, and the encoders of the JSON and GeoJSON API documents.
//
// A schema field is declared once, with its name, type, nullability,
// description and value; the API's GeoJSON, the OGC API properties and
// JSON Schemas, the GeoPackage columns, the CSV header and the KML
// ExtendedData all read it. Adding a property to a layer is one line.
package wire
