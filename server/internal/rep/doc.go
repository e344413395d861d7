// Package rep holds the server's representation machinery: documents
// encoded once with their gzip and brotli forms and strong ETags (Rep),
// conditional GET, content-coding negotiation, answers stitched from
// precompressed parts (Template), one byte-bounded LRU cache (LRU) and one
// lazy-build pattern (Lazy).
//
// # One way to write an answer
//
// Every document the server answers with 200 goes out through one writer
// of headers (Fixed's: Cache-Control, a strong ETag, Vary, 304 on
// If-None-Match, Content-Encoding, Content-Type), and every compressed
// form's ETag is its identity form's with a suffix (Meta.Coded). What
// differs is only where the body comes from, chosen by its size:
//
//   - Rep: a document kept, encoded once (at start-up or on first use),
//     with its gzip and brotli forms. The pages' documents, the static
//     files, the day pictures. A hit costs a map lookup.
//   - ServeOnce: a body made for one request and not kept (an OGC page
//     too large for the cache, a diff, a CSV of one day, oEmbed, the
//     health probes): hashed for its ETag and gzip-compressed fast if the
//     client takes it.
//   - Stream: a history too large to hold (over 32 MB estimated), written
//     afresh on every request through a 64 KB buffer, chunked; its ETag is
//     known from the dataset's version without writing it.
//   - a file on disk (the server's GeoPackage of such a history), whose
//     headers come from Meta.WriteHead and whose body and ranges from
//     http.ServeContent.
//
// WriteBytes is the exception on purpose: a problem document (4xx, 5xx)
// has a status and no validator, and is never cached.
//
// It imports no project package: it knows bytes, content types and HTTP
// headers, not districts or days, so that every cache and encoding rule of
// the server is written once and tested without a dataset.
package rep
