package rep

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/andybalholm/brotli"
)

// Cache-Control values.
const (
	CacheRevalidate = "public, no-cache" // may be stored, but ask every time (304 is cheap)
	// CachePastDay is a past day's answer: it changes only with the dataset,
	// and a correction must reach a reader within an hour even behind a CDN
	// (issue 22). A CDN holds it 30 minutes and may serve it 10 more while
	// it revalidates (s-maxage + stale-while-revalidate = 40 minutes); a
	// browser then 10 and 10: 60 minutes at worst. Revalidation is a 304.
	CachePastDay = "public, max-age=600, s-maxage=1800, stale-while-revalidate=600"
	CacheAsset   = "public, max-age=300" // the page's files: short, with ETags
	CacheNone    = "no-store"            // kept by no cache: a probe (health), a preview of unpublished data
)

// Rep is one resource with its encodings computed once: the body, its gzip
// and brotli forms (for compressible types), each a Fixed answer with a
// strong ETag, and how caches may keep it. The encodings are computed on
// first use (Prepare), so start-up stays fast.
type Rep struct {
	enc *Lazy[encodings]
}

// encodings are a body's forms, by coding. The compressed forms are made
// when a client first asks for them (or by Prepare): an answer kept for a
// client that takes only the plain body costs no compression. Prepare,
// which runs for the documents built once, compresses hardest; a client's
// miss compresses fast (best is false then).
type encodings struct {
	identity *Fixed
	gz, br   *Lazy[*Fixed]
	best     *atomic.Bool
}

// New returns the representation of body.
func New(contentType, cacheControl string, body []byte) *Rep {
	return NewDeferred(contentType, cacheControl, func() ([]byte, error) { return body, nil })
}

// NewDeferred returns a representation whose body build makes on first use:
// documents that grow with the history cost nothing at start-up.
func NewDeferred(contentType, cacheControl string, build func() ([]byte, error)) *Rep {
	return &Rep{enc: NewLazy(func() (encodings, error) {
		body, err := build()
		if err != nil {
			return encodings{}, err
		}
		return encode(contentType, cacheControl, body), nil
	})}
}

func encode(contentType, cacheControl string, body []byte) encodings {
	sum := sha256.Sum256(body)
	tag := hex.EncodeToString(sum[:12])
	m := Meta{ContentType: contentType, CacheControl: cacheControl, ETag: `"` + tag + `"`}
	if len(body) <= 512 || !Compressible(contentType) {
		return encodings{identity: NewFixed(m, body)}
	}
	m.Vary = true
	e := encodings{identity: NewFixed(m, body), best: new(atomic.Bool)}
	gz, br := m.Coded(Gzip), m.Coded(Brotli)
	e.gz = NewLazy(func() (*Fixed, error) { return NewFixed(gz, compress(Gzip, e.best.Load(), body)), nil })
	e.br = NewLazy(func() (*Fixed, error) { return NewFixed(br, compress(Brotli, e.best.Load(), body)), nil })
	return e
}

// Compressible reports whether a content type is worth compressing.
func Compressible(contentType string) bool {
	for _, p := range []string{"text/", "application/json", "application/geo+json", "application/javascript",
		"image/svg+xml", "application/problem+json", "application/xml", "application/vnd.google-earth.kml+xml",
		"application/geopackage+sqlite3", "application/schema+json", "application/vnd.oai.openapi+json"} {
		if strings.HasPrefix(contentType, p) {
			return true
		}
	}
	return false
}

// Prepare builds the body and its encodings now, compressed hardest (Warm
// calls it for the documents built once).
func (r *Rep) Prepare() error {
	e, err := r.enc.Get()
	if err == nil && e.gz != nil {
		e.best.Store(true)
		_, _ = e.gz.Get()
		_, _ = e.br.Get()
	}
	return err
}

// Body returns the identity body.
func (r *Rep) Body() ([]byte, error) {
	e, err := r.enc.Get()
	if err != nil {
		return nil, err
	}
	return e.identity.body, nil
}

// Serve writes r in the best encoding the client accepts, or 304 when the
// client already has it.
func (r *Rep) Serve(w http.ResponseWriter, req *http.Request) error {
	e, err := r.enc.Get()
	if err != nil {
		return err
	}
	f := e.identity
	if e.gz != nil {
		switch ParseAcceptEncoding(req.Header.Get("Accept-Encoding")).Best(true) {
		case Brotli:
			f, _ = e.br.Get()
		case Gzip:
			f, _ = e.gz.Get()
		}
	}
	return f.Serve(w, req)
}

// Meta describes an answer: its type, caching, validator, coding and
// whether it varies by Accept-Encoding.
type Meta struct {
	ContentType, CacheControl, ETag, Coding string
	Vary                                    bool
}

// Coded is m in a content coding: the coded form's strong ETag is the
// identity form's with the coding's suffix ("…-gz", "…-br"), the one rule
// every answer's compressed form follows, so that a cache never takes one
// form's validator for another's.
func (m Meta) Coded(coding string) Meta {
	if coding == Identity {
		return m
	}
	suffix := "-gz"
	if coding == Brotli {
		suffix = "-br"
	}
	m.Coding, m.ETag, m.Vary = coding, strings.TrimSuffix(m.ETag, `"`)+suffix+`"`, true
	return m
}

// WriteHead writes the headers m describes (all but Content-Length), or
// answers 304 and reports true when the client already has the answer.
// It is for answers whose body is written by other means (Stream, a file
// on disk); it writes exactly the headers a Fixed answer writes.
func (m Meta) WriteHead(w http.ResponseWriter, req *http.Request) (notModified bool) {
	return NewFixed(m, nil).head(w, req)
}

var varyEncoding = []string{"Accept-Encoding"}

// Fixed is an answer whose headers are computed once: serving it assigns
// shared header values (no allocation) and writes the body, or answers 304
// Not Modified when If-None-Match matches. It is the hot path of every
// cached answer, /api/control's included.
type Fixed struct {
	body                                                []byte
	etag                                                string
	contentType, contentLength, cacheControl, etagV, cd []string
	vary                                                bool
}

// NewFixed prepares body with the headers m describes.
func NewFixed(m Meta, body []byte) *Fixed {
	f := &Fixed{body: body, etag: m.ETag, contentType: []string{m.ContentType},
		contentLength: []string{strconv.Itoa(len(body))}, cacheControl: []string{m.CacheControl},
		etagV: []string{m.ETag}, vary: m.Vary}
	if m.Coding != Identity {
		f.cd = []string{m.Coding}
	}
	return f
}

// Len is the body's length.
func (f *Fixed) Len() int { return len(f.body) }

// Body returns the body; the caller must not modify it.
func (f *Fixed) Body() []byte { return f.body }

// Serve writes the answer, or 304 when the client has it. Every document
// the server answers with goes out through here or through head (WriteHead):
// one writer of validators, caching and coding headers.
func (f *Fixed) Serve(w http.ResponseWriter, req *http.Request) error {
	if f.head(w, req) {
		return nil
	}
	w.Header()["Content-Length"] = f.contentLength
	w.WriteHeader(http.StatusOK)
	if req.Method == http.MethodHead {
		return nil
	}
	_, err := w.Write(f.body)
	return err
}

// head writes f's headers but Content-Length, or the 304 (reporting true).
func (f *Fixed) head(w http.ResponseWriter, req *http.Request) bool {
	h := w.Header()
	h["Cache-Control"] = f.cacheControl
	h["Etag"] = f.etagV
	if f.vary {
		if v := h["Vary"]; v != nil { // the handler's own (Accept): keep it
			h["Vary"] = append(v[:len(v):len(v)], varyEncoding...)
		} else {
			h["Vary"] = varyEncoding
		}
	}
	if ETagMatches(req.Header.Get("If-None-Match"), f.etag) {
		w.WriteHeader(http.StatusNotModified)
		return true
	}
	if f.cd != nil {
		h["Content-Encoding"] = f.cd
	}
	h["Content-Type"] = f.contentType
	return false
}

// WriteBytes writes a body that is not a document, with its status and
// Content-Length (echo's c.Blob leaves it out, so larger bodies would go
// out chunked); a HEAD request gets the headers only. It has no validator
// and no coding: it is for problem documents (a 4xx or 5xx), never for a
// 200, which goes through Fixed (New, ServeOnce, Stream, WriteHead).
func WriteBytes(w http.ResponseWriter, req *http.Request, status int, contentType string, body []byte) error {
	h := w.Header()
	h["Content-Type"] = []string{contentType}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(status)
	if req.Method == http.MethodHead {
		return nil
	}
	_, err := w.Write(body)
	return err
}

// ServeOnce serves a body made for this request alone (too large to keep):
// a strong ETag from its hash, 304 when the client has it, and only the
// coding the client prefers, compressed fast (gzip; brotli costs too much
// per request at this size).
func ServeOnce(w http.ResponseWriter, req *http.Request, contentType, cacheControl string, body []byte) error {
	sum := sha256.Sum256(body)
	m := Meta{ContentType: contentType, CacheControl: cacheControl, ETag: `"` + hex.EncodeToString(sum[:12]) + `"`}
	if Compressible(contentType) && len(body) > 512 {
		m.Vary = true
		if ParseAcceptEncoding(req.Header.Get("Accept-Encoding")).Best(false) == Gzip {
			m = m.Coded(Gzip)
			if ETagMatches(req.Header.Get("If-None-Match"), m.ETag) {
				return NewFixed(m, nil).Serve(w, req)
			}
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
			_, _ = zw.Write(body)
			_ = zw.Close()
			body = buf.Bytes()
		}
	}
	return NewFixed(m, body).Serve(w, req)
}

// ETag quotes a tag built from parts, for answers not stored as a Rep.
func ETag(parts ...string) string { return `"` + strings.Join(parts, "-") + `"` }

// Compression settings. A document built once (Prepare) is compressed
// hardest. An answer compressed on a client's miss uses brotli quality 5:
// quality 9 allocates about 39 MB of hash tables per compression (for an
// 870 KB GeoJSON) and takes 80 ms, quality 5 about 4 MB and 14 ms, for an
// answer within 1% of the size (make bench: BenchmarkCompressOnMiss).
// Both use a 256 KB window: the documents served are small, and the
// default 4 MB window would allocate more still.
const (
	brotliBest, brotliFast = 9, 5
	gzipBest, gzipFast     = gzip.BestCompression, gzip.DefaultCompression
	brotliWindow           = 18
)

// compressSlots bounds the compressions running at once, so that a crowd
// of cache misses costs at most this many compressors' memory and cores;
// the others wait their turn.
var compressSlots = make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))

// compress encodes b in coding (Gzip or Brotli), hardest when best.
func compress(coding string, best bool, b []byte) []byte {
	compressSlots <- struct{}{}
	defer func() { <-compressSlots }()
	if n := compressing.Add(1); n > compressPeak.Load() {
		compressPeak.Store(n) // a high-water mark for tests; a lost race only lowers it
	}
	defer compressing.Add(-1)
	var buf bytes.Buffer
	var w io.WriteCloser
	switch {
	case coding == Brotli && best:
		w = brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotliBest, LGWin: brotliWindow})
	case coding == Brotli:
		w = brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotliFast, LGWin: brotliWindow})
	case best:
		w, _ = gzip.NewWriterLevel(&buf, gzipBest)
	default:
		w, _ = gzip.NewWriterLevel(&buf, gzipFast)
	}
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

// compressing counts the compressions running; compressPeak is the most
// seen at once (tests read it).
var compressing, compressPeak atomic.Int32
