// Package data holds controlmap's dataset: the CSV tables an analyst edits
// (areas, sources, assessed control, claims, events), the boundaries derived
// from COD-AB at build time, the strict loader that joins and validates them,
// and the query model that answers "what was the state of each area on day
// D". Claims are kept apart from the assessed status: nothing in a claim ever
// changes an area's assessed status.
package data
