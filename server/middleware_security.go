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

// securityHeaders sets the headers every response carries. The API may be
// read from any origin (GET, no credentials); nothing sets X-Frame-Options.
// The header values are shared, read-only slices: setting them costs no
// allocation on the hot path.
var securityHeaderValues = map[string][]string{
	"Content-Security-Policy":           {contentSecurityPolicy},
	echo.HeaderXContentTypeOptions:      {"nosniff"},
	echo.HeaderReferrerPolicy:           {"strict-origin-when-cross-origin"},
	echo.HeaderAccessControlAllowOrigin: {"*"},
	"Cross-Origin-Resource-Policy":      {"cross-origin"},
}

func setSecurityHeaders(h http.Header) {
	for k, v := range securityHeaderValues {
		h[k] = v
	}
}
