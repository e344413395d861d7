package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/labstack/echo/v4"
)

// Cache-Control values.
const (
	cacheRevalidate = "public, no-cache"                                     // may be stored, but ask every time (304 is cheap)
	cachePastDay    = "public, max-age=86400, stale-while-revalidate=604800" // a past day never changes for a dataset version
	cacheAsset      = "public, max-age=300"                                  // the page's files: short, with ETags
)

// rep is one resource with its encodings computed once: the body, its gzip
// and brotli forms (for compressible types), a strong ETag per encoding, and
// how caches may keep it. Build it with newRep; the encodings are computed on
// first use, so start-up stays fast.
type rep struct {
	contentType  string
	cacheControl string
	body         []byte
	compressible bool

	once       sync.Once
	gz, br     []byte
	etag       string // of the identity body, quoted
	etagGz     string
	etagBrotli string
}

func newRep(contentType, cacheControl string, body []byte) *rep {
	return &rep{contentType: contentType, cacheControl: cacheControl, body: body,
		compressible: len(body) > 512 && compressibleType(contentType)}
}

func compressibleType(ct string) bool {
	for _, p := range []string{"text/", "application/json", "application/geo+json", "application/javascript",
		"image/svg+xml", "application/problem+json", "application/xml", "application/vnd.google-earth.kml+xml"} {
		if len(ct) >= len(p) && ct[:len(p)] == p {
			return true
		}
	}
	return false
}

func (r *rep) prepare() {
	r.once.Do(func() {
		sum := sha256.Sum256(r.body)
		tag := hex.EncodeToString(sum[:12])
		r.etag = `"` + tag + `"`
		if !r.compressible {
			return
		}
		r.gz = gzipBytes(r.body)
		r.br = brotliBytes(r.body)
		r.etagGz = `"` + tag + `-gz"`
		r.etagBrotli = `"` + tag + `-br"`
	})
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

func brotliBytes(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, 9)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

// serve writes r in the best encoding the client accepts, or 304 when the
// client already has it.
func (r *rep) serve(c echo.Context) error {
	r.prepare()
	body, etag, coding := r.body, r.etag, codingIdentity
	if r.compressible {
		gz, br := acceptedCodings(c.Request().Header.Get(echo.HeaderAcceptEncoding))
		switch {
		case br:
			body, etag, coding = r.br, r.etagBrotli, codingBrotli
		case gz:
			body, etag, coding = r.gz, r.etagGz, codingGzip
		}
	}
	return sendCached(c, r.contentType, r.cacheControl, etag, coding, r.compressible, body)
}

// sendCached writes a body with its validators, or 304 Not Modified when
// If-None-Match matches.
func sendCached(c echo.Context, contentType, cacheControl, etag, coding string, vary bool, body []byte) error {
	return sendCachedFunc(c, contentType, cacheControl, etag, coding, vary, len(body), func(w io.Writer) error {
		_, err := w.Write(body)
		return err
	})
}

// sendCachedFunc is sendCached for a body of known length written in pieces.
func sendCachedFunc(c echo.Context, contentType, cacheControl, etag, coding string, vary bool, length int, write func(io.Writer) error) error {
	h := c.Response().Header()
	h.Set(echo.HeaderCacheControl, cacheControl)
	h.Set("ETag", etag)
	if vary {
		h.Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
	}
	if etagMatches(c.Request().Header.Get("If-None-Match"), etag) {
		c.Response().WriteHeader(http.StatusNotModified)
		return nil
	}
	if coding != codingIdentity {
		h.Set(echo.HeaderContentEncoding, coding)
	}
	h.Set(echo.HeaderContentType, contentType)
	h.Set(echo.HeaderContentLength, strconv.Itoa(length))
	c.Response().WriteHeader(http.StatusOK)
	if c.Request().Method == http.MethodHead {
		return nil
	}
	return write(c.Response())
}

// etagFor quotes a tag built from parts, for answers not stored as a rep.
func etagFor(parts ...string) string {
	var b bytes.Buffer
	b.WriteByte('"')
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(p)
	}
	b.WriteByte('"')
	return b.String()
}
