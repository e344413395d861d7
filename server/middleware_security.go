package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// contentSecurityPolicy allows the page's own scripts and styles only (no
// inline script), the optional tile servers for images, and embedding in
// any site: journalists put the map in iframes.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data: https://tile.openstreetmap.org https://a.tile.opentopomap.org " +
	"https://b.tile.opentopomap.org https://c.tile.opentopomap.org; connect-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *"

// securityHeaderValues are the headers every answer carries: the API may
// be read from any origin (GET, no credentials), no answer may be sniffed
// into another type, and nothing sets X-Frame-Options (journalists embed the
// map). A slice, not a map: ranging over a map costs a random start. The values are
// shared, read-only slices: setting them costs no allocation on the hot
// path, and each header costs every answer its bytes, its sort and its copy
// in net/http, so data answers carry only these.
var securityHeaderValues = [...]struct {
	name  string
	value []string
}{
	{echo.HeaderXContentTypeOptions, []string{"nosniff"}},
	{echo.HeaderAccessControlAllowOrigin, []string{"*"}},
}

// exposedHeaders are the response headers a page on another origin may
// read besides the CORS-safelisted ones.
var exposedHeaders = []string{"ETag, Content-Disposition, Link"}

// documentHeaderValues are the headers of the documents a browser renders
// (the page, the OGC API's HTML pages): the content security policy and the
// referrer policy govern what a rendered document may load and send, the
// opener policy keeps a page that opened ours out of our window, the
// permissions policy turns off the powerful features the map never uses,
// and no Flash or PDF reader may take a cross-domain policy from us (OWASP
// secure headers). They mean nothing on a JSON or GeoJSON answer, and each
// header costs every answer throughput, so data answers go without.
var documentHeaderValues = map[string][]string{
	"Content-Security-Policy":           {contentSecurityPolicy},
	echo.HeaderReferrerPolicy:           {"strict-origin-when-cross-origin"},
	crossOriginResource:                 {"cross-origin"},
	"Cross-Origin-Opener-Policy":        {"same-origin"},
	"Permissions-Policy":                {permissionsPolicy},
	"X-Permitted-Cross-Domain-Policies": {"none"},
}

// permissionsPolicy denies the features a map of past control has no use
// for, so an injected script could not ask for them either.
const permissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), " +
	"microphone=(), payment=(), usb=()"

// crossOriginResource lets pages that isolate themselves (COEP) embed a
// document or an image of ours; a CORS-read data answer does not need it.
const crossOriginResource = "Cross-Origin-Resource-Policy"

func setSecurityHeaders(h http.Header) {
	for _, kv := range securityHeaderValues {
		h[kv.name] = kv.value
	}
}

// setDocumentHeaders adds the rendered documents' headers.
func setDocumentHeaders(h http.Header) {
	for k, v := range documentHeaderValues {
		h[k] = v
	}
}
