// Package export writes the GIS and image files, without HTTP: GeoPackage,
// KML, CSV (history, day, events), the pictures of a day (PNG, SVG) and the
// animated GIF, with the countryside badges (badges.go), and the QGIS layer
// definition, with one palette and one set of status labels (style.go). Columns come from the layer
// schemas of package wire, so every format carries the same fields. The
// server and the command line both call it.
package export
