package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// maxURILength bounds the request target; no valid request comes near it.
const maxURILength = 2048

// guard sets the security headers, answers preflights and refuses other
// methods, checks the request, and applies the in-flight cap, in that order,
// in one closure: echo rebuilds the pre-middleware chain on every request, so
// each separate middleware would cost an allocation per request.
func (s *Server) guard(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		setSecurityHeaders(c.Response().Header())
		if done, err := s.checkMethod(c); done {
			return err
		}
		if err := validateRequest(c.Request()); err != nil {
			return err
		}
		return s.slots.run(c, next)
	}
}

// slots caps the requests served at once. Past the cap a request gets a
// quick 429 with Retry-After instead of queueing until the machine falls
// over.
type slots chan struct{}

func (sl slots) run(c echo.Context, next echo.HandlerFunc) error {
	select {
	case sl <- struct{}{}:
		defer func() { <-sl }()
		return next(c)
	default:
		return tooMany(c, "1")
	}
}

// checkMethod answers preflights for cross-origin readers and 405 to
// anything but GET and HEAD (the whole service is read-only); done is true
// when it has answered.
func (s *Server) checkMethod(c echo.Context) (done bool, err error) {
	switch c.Request().Method {
	case http.MethodGet, http.MethodHead:
		return false, nil
	case http.MethodOptions:
		h := c.Response().Header()
		h.Set(echo.HeaderAllow, "GET, HEAD, OPTIONS")
		h.Set(echo.HeaderAccessControlAllowMethods, "GET, HEAD")
		h.Set(echo.HeaderAccessControlAllowHeaders, "Accept, Accept-Encoding, If-None-Match, Content-Type")
		h.Set(echo.HeaderAccessControlMaxAge, "86400")
		return true, c.NoContent(http.StatusNoContent)
	}
	c.Response().Header().Set(echo.HeaderAllow, "GET, HEAD, OPTIONS")
	return true, echo.NewHTTPError(http.StatusMethodNotAllowed, "this service is read-only: use GET")
}

// validateRequest rejects requests that carry a body (no endpoint takes
// one), over-long request targets and malformed query strings (which Go's
// parser would otherwise drop silently, answering as if the parameter were
// absent).
func validateRequest(r *http.Request) error {
	if len(r.RequestURI) > maxURILength {
		return echo.NewHTTPError(http.StatusRequestURITooLong, "the request target is longer than "+strconv.Itoa(maxURILength)+" bytes")
	}
	if r.ContentLength > 0 || len(r.TransferEncoding) > 0 {
		return echo.NewHTTPError(http.StatusBadRequest, "no endpoint takes a request body")
	}
	if strings.ContainsRune(r.URL.Path, 0) {
		return echo.ErrNotFound
	}
	if err := validQuery(r.URL.RawQuery); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "malformed query string: "+err.Error())
	}
	return nil
}

// tooMany is the answer when the server is at its limit: come back later.
func tooMany(c echo.Context, retryAfter string) error {
	c.Response().Header().Set(echo.HeaderRetryAfter, retryAfter)
	return echo.NewHTTPError(http.StatusTooManyRequests, "too many requests: retry after "+retryAfter+" s")
}

// perClient limits each client address to perSecond requests a second, with
// bursts of burst; 0 disables it. The address is the connection's own: a
// forwarded-for header is not trusted.
func perClient(perSecond float64, burst int) echo.MiddlewareFunc {
	store := middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
		Rate: rate.Limit(perSecond), Burst: burst,
	})
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Store: store,
		Skipper: func(c echo.Context) bool {
			return c.Path() == "/healthz" || c.Path() == "/readyz"
		},
		DenyHandler: func(c echo.Context, _ string, _ error) error { return tooMany(c, "1") },
	})
}
