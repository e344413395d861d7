// Package geo holds the geometry maths of controlmap as pure functions on orb
// types: selecting districts from a COD-AB style FeatureCollection,
// simplifying a set of neighbouring polygons so that their shared borders stay
// shared (TopoJSON-style arcs), label points, geodesic areas and validity
// checks. It does no I/O and imports no other package of the project.
//
// Coordinates are WGS 84 longitude/latitude in degrees throughout; distances
// given to exported functions are in metres and areas in square kilometres.
package geo
