package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
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
	build        func() ([]byte, error) // makes body on first use, when not nil
	err          error
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

// newLazyRep is newRep for a body made by build on first use: documents
// that grow with the history (the full history) cost nothing at start-up.
func newLazyRep(contentType, cacheControl string, build func() ([]byte, error)) *rep {
	return &rep{contentType: contentType, cacheControl: cacheControl, build: build}
}

func compressibleType(ct string) bool {
	for _, p := range []string{"text/", "application/json", "application/geo+json", "application/javascript",
		"image/svg+xml", "application/problem+json", "application/xml", "application/vnd.google-earth.kml+xml",
		"application/geopackage+sqlite3"} {
		if len(ct) >= len(p) && ct[:len(p)] == p {
			return true
		}
	}
	return false
}

func (r *rep) prepare() error {
	r.once.Do(func() {
		if r.build != nil {
			if r.body, r.err = r.build(); r.err != nil {
				return
			}
			r.compressible = len(r.body) > 512 && compressibleType(r.contentType)
		}
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
	return r.err
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

// brotliBytes compresses with a 256 KB window: no body here is larger, and
// the default 4 MB window would make every compression allocate tens of
// megabytes of hash tables.
func brotliBytes(b []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: 9, LGWin: 18})
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

// serve writes r in the best encoding the client accepts, or 304 when the
// client already has it.
func (r *rep) serve(c echo.Context) error {
	if err := r.prepare(); err != nil {
		return err
	}
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
	h := c.Response().Header()
	h[echo.HeaderCacheControl] = []string{cacheControl}
	h["Etag"] = []string{etag}
	if vary {
		h[echo.HeaderVary] = varyEncoding
	}
	if etagMatches(c.Request().Header.Get("If-None-Match"), etag) {
		c.Response().WriteHeader(http.StatusNotModified)
		return nil
	}
	if coding != codingIdentity {
		h[echo.HeaderContentEncoding] = []string{coding}
	}
	return writeBytes(c, http.StatusOK, contentType, body)
}

var varyEncoding = []string{echo.HeaderAcceptEncoding}

// etagFor quotes a tag built from parts, for answers not stored as a rep.
func etagFor(parts ...string) string {
	return `"` + strings.Join(parts, "-") + `"`
}
