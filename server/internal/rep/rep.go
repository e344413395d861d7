package rep

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// Cache-Control values.
const (
	CacheRevalidate = "public, no-cache"                                     // may be stored, but ask every time (304 is cheap)
	CachePastDay    = "public, max-age=86400, stale-while-revalidate=604800" // a past day never changes for a dataset version
	CacheAsset      = "public, max-age=300"                                  // the page's files: short, with ETags
)

// Rep is one resource with its encodings computed once: the body, its gzip
// and brotli forms (for compressible types), a strong ETag per encoding, and
// how caches may keep it. The encodings are computed on first use (Prepare),
// so start-up stays fast.
type Rep struct {
	contentType  string
	cacheControl string
	enc          *Lazy[encodings]
}

// encodings are a body's forms and their validators.
type encodings struct {
	body, gz, br         []byte
	etag, etagGz, etagBr string
	compressible         bool
}

// New returns the representation of body.
func New(contentType, cacheControl string, body []byte) *Rep {
	return NewDeferred(contentType, cacheControl, func() ([]byte, error) { return body, nil })
}

// NewDeferred returns a representation whose body build makes on first use:
// documents that grow with the history cost nothing at start-up.
func NewDeferred(contentType, cacheControl string, build func() ([]byte, error)) *Rep {
	return &Rep{contentType: contentType, cacheControl: cacheControl, enc: NewLazy(func() (encodings, error) {
		body, err := build()
		if err != nil {
			return encodings{}, err
		}
		return encode(contentType, body), nil
	})}
}

func encode(contentType string, body []byte) encodings {
	sum := sha256.Sum256(body)
	tag := hex.EncodeToString(sum[:12])
	e := encodings{body: body, etag: `"` + tag + `"`, compressible: len(body) > 512 && Compressible(contentType)}
	if e.compressible {
		e.gz, e.br = gzipBytes(body), brotliBytes(body)
		e.etagGz, e.etagBr = `"`+tag+`-gz"`, `"`+tag+`-br"`
	}
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

// Prepare builds the body and its encodings now (Warm calls it).
func (r *Rep) Prepare() error {
	_, err := r.enc.Get()
	return err
}

// Body returns the identity body.
func (r *Rep) Body() ([]byte, error) {
	e, err := r.enc.Get()
	return e.body, err
}

// Serve writes r in the best encoding the client accepts, or 304 when the
// client already has it.
func (r *Rep) Serve(w http.ResponseWriter, req *http.Request) error {
	e, err := r.enc.Get()
	if err != nil {
		return err
	}
	body, etag, coding := e.body, e.etag, Identity
	if e.compressible {
		switch ParseAcceptEncoding(req.Header.Get("Accept-Encoding")).Best(true) {
		case Brotli:
			body, etag, coding = e.br, e.etagBr, Brotli
		case Gzip:
			body, etag, coding = e.gz, e.etagGz, Gzip
		}
	}
	return SendCached(w, req, Meta{ContentType: r.contentType, CacheControl: r.cacheControl, ETag: etag,
		Coding: coding, Vary: e.compressible}, body)
}

// Meta describes a cached answer: its type, caching, validator, coding and
// whether it varies by Accept-Encoding.
type Meta struct {
	ContentType, CacheControl, ETag, Coding string
	Vary                                    bool
}

var varyEncoding = []string{"Accept-Encoding"}

// SendCached writes body with its validators, or 304 Not Modified when
// If-None-Match matches. Headers are set by direct map assignment: this is
// the hot path of every cached answer.
func SendCached(w http.ResponseWriter, req *http.Request, m Meta, body []byte) error {
	h := w.Header()
	h["Cache-Control"] = []string{m.CacheControl}
	h["Etag"] = []string{m.ETag}
	if m.Vary {
		h["Vary"] = varyEncoding
	}
	if ETagMatches(req.Header.Get("If-None-Match"), m.ETag) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	if m.Coding != Identity {
		h["Content-Encoding"] = []string{m.Coding}
	}
	return WriteBytes(w, req, http.StatusOK, m.ContentType, body)
}

// WriteBytes writes a complete body with its Content-Length (echo's c.Blob
// leaves it out, so larger bodies would go out chunked); a HEAD request gets
// the headers only.
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

// ETag quotes a tag built from parts, for answers not stored as a Rep.
func ETag(parts ...string) string { return `"` + strings.Join(parts, "-") + `"` }

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

// brotliBytes compresses with a 256 KB window: the documents served are
// small, and the default 4 MB window would make every compression allocate
// tens of megabytes of hash tables.
func brotliBytes(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: 9, LGWin: 18})
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}
