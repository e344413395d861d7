// Package rep holds the server's representation machinery: documents
// encoded once with their gzip and brotli forms and strong ETags (Rep),
// conditional GET, content-coding negotiation, answers stitched from
// precompressed parts (Template), one byte-bounded LRU cache (LRU) and one
// lazy-build pattern (Lazy).
//
// It imports no project package: it knows bytes, content types and HTTP
// headers, not districts or days, so that every cache and encoding rule of
// the server is written once and tested without a dataset.
package rep
