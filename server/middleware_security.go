package server

import (
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
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set(echo.HeaderXContentTypeOptions, "nosniff")
		h.Set(echo.HeaderReferrerPolicy, "strict-origin-when-cross-origin")
		h.Set(echo.HeaderAccessControlAllowOrigin, "*")
		h.Set("Cross-Origin-Resource-Policy", "cross-origin")
		return next(c)
	}
}
