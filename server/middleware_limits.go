package server

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// maxURILength bounds the request target; no valid request comes near it.
const maxURILength = 2048

// methods answers preflights for cross-origin readers and 405 to anything
// but GET and HEAD: the whole service is read-only.
func (s *Server) methods(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		switch c.Request().Method {
		case http.MethodGet, http.MethodHead:
			return next(c)
		case http.MethodOptions:
			h := c.Response().Header()
			h.Set(echo.HeaderAllow, "GET, HEAD, OPTIONS")
			h.Set(echo.HeaderAccessControlAllowMethods, "GET, HEAD")
			h.Set(echo.HeaderAccessControlAllowHeaders, "Accept, Accept-Encoding, If-None-Match, Content-Type")
			h.Set(echo.HeaderAccessControlMaxAge, "86400")
			return c.NoContent(http.StatusNoContent)
		}
		c.Response().Header().Set(echo.HeaderAllow, "GET, HEAD, OPTIONS")
		return echo.NewHTTPError(http.StatusMethodNotAllowed, "this service is read-only: use GET")
	}
}

// checkRequest rejects requests that carry a body (no endpoint takes one),
// over-long request targets and malformed query strings (which Go's parser
// would otherwise drop silently, answering as if the parameter were absent).
func checkRequest(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
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
		return next(c)
	}
}

// validQuery finds what url.ParseQuery would reject (bad percent escapes,
// ';' separators) without parsing: echo parses the query once, later.
func validQuery(q string) error {
	for i := 0; i < len(q); i++ {
		switch q[i] {
		case ';':
			return errors.New("';' is not a parameter separator")
		case '%':
			if i+2 >= len(q) || !isHex(q[i+1]) || !isHex(q[i+2]) {
				end := min(i+3, len(q))
				return fmt.Errorf("bad escape %q", q[i:end])
			}
			i += 2
		}
	}
	return nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// tooMany is the answer when the server is at its limit: come back later.
func tooMany(c echo.Context, retryAfter string) error {
	c.Response().Header().Set(echo.HeaderRetryAfter, retryAfter)
	return echo.NewHTTPError(http.StatusTooManyRequests, "too many requests: retry after "+retryAfter+" s")
}

// inFlight caps the requests served at once. Past the cap a request gets a
// quick 429 with Retry-After instead of queueing until the machine falls
// over.
func inFlight(limit int) echo.MiddlewareFunc {
	slots := make(chan struct{}, limit)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			select {
			case slots <- struct{}{}:
				defer func() { <-slots }()
				return next(c)
			default:
				return tooMany(c, "1")
			}
		}
	}
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
