package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// maxURILength bounds the request target; no valid request comes near it.
const maxURILength = 2048

// ServeHTTP is the server's front door, around echo: it sets the security
// headers, answers preflights and refuses other methods, checks the
// request, and applies the in-flight cap, in that order. /healthz is never
// capped: it says the process lives, and a liveness probe refused under
// load would restart a server that is merely busy; /readyz, the readiness
// probe, says 503 busy at the cap. Written as one plain handler rather than
// echo pre-middleware, which echo wraps in fresh closures on every request;
// its refusals still go through the one error handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if _, crossOrigin := r.Header["Origin"]; crossOrigin {
		// A page on another origin may read these (its revalidation needs
		// the ETag); only a request with an Origin pays for the header.
		w.Header()[echo.HeaderAccessControlExposeHeaders] = exposedHeaders
	}
	if hasBody(r) {
		w.Header().Set(echo.HeaderConnection, "close")
	}
	err := checkMethod(w, r)
	if err == nil {
		err = validateRequest(r)
	}
	if err == nil {
		if r.URL.Path == livenessPath {
			s.echo.ServeHTTP(w, r)
			return
		}
		if s.inFlight.Add(1) <= s.maxInFlight {
			defer s.inFlight.Add(-1)
			s.echo.ServeHTTP(w, r)
			return
		}
		s.inFlight.Add(-1)
		err = tooMany(w.Header(), "1")
		if r.URL.Path == readinessPath {
			err = echo.NewHTTPError(http.StatusServiceUnavailable, "busy: at the cap of requests in flight")
		}
	}
	if errors.Is(err, errAnswered) {
		return
	}
	s.handleError(err, s.echo.NewContext(r, w))
}

// The probes' paths.
const (
	livenessPath  = "/healthz"
	readinessPath = "/readyz"
)

// errAnswered says a check has written the whole answer (a preflight).
var errAnswered = errors.New("answered")

// checkMethod answers preflights for cross-origin readers and 405 to
// anything but GET and HEAD (the whole service is read-only).
func checkMethod(w http.ResponseWriter, r *http.Request) error {
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		return nil
	case http.MethodOptions:
		if hasBody(r) {
			return errBody
		}
		h := w.Header()
		h.Set(echo.HeaderAllow, "GET, HEAD, OPTIONS")
		h.Set(echo.HeaderAccessControlAllowMethods, "GET, HEAD")
		h.Set(echo.HeaderAccessControlAllowHeaders, "Accept, Accept-Encoding, If-None-Match, Content-Type")
		h.Set(echo.HeaderAccessControlMaxAge, "86400")
		w.WriteHeader(http.StatusNoContent)
		return errAnswered
	}
	w.Header().Set(echo.HeaderAllow, "GET, HEAD, OPTIONS")
	return echo.NewHTTPError(http.StatusMethodNotAllowed, "this service is read-only: use GET")
}

// validateRequest rejects requests that carry a body (no endpoint takes
// one), over-long request targets and malformed query strings (which Go's
// parser would otherwise drop silently, answering as if the parameter were
// absent). A request with a body is answered with the connection closed:
// when its framing is ambiguous (Content-Length and Transfer-Encoding
// both), the bytes after it cannot be trusted to be the next request
// (RFC 9112 §6.1), and no client of a read-only service sends one.
func validateRequest(r *http.Request) error {
	if len(r.RequestURI) > maxURILength {
		return echo.NewHTTPError(http.StatusRequestURITooLong, "the request target is longer than "+strconv.Itoa(maxURILength)+" bytes")
	}
	if hasBody(r) {
		return errBody
	}
	if strings.ContainsRune(r.URL.Path, 0) {
		return echo.ErrNotFound
	}
	if err := validQuery(r.URL.RawQuery); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "malformed query string: "+err.Error())
	}
	return nil
}

// hasBody reports whether r carries a body (or says it does); ServeHTTP
// closes the connection after answering any such request.
func hasBody(r *http.Request) bool { return r.ContentLength != 0 || len(r.TransferEncoding) > 0 }

var errBody = echo.NewHTTPError(http.StatusBadRequest, "no endpoint takes a request body")

// tooMany is the answer when the server is at its limit: come back later.
func tooMany(h http.Header, retryAfter string) error {
	h.Set(echo.HeaderRetryAfter, retryAfter)
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
			return c.Path() == livenessPath || c.Path() == readinessPath
		},
		DenyHandler: func(c echo.Context, _ string, _ error) error { return tooMany(c.Response().Header(), "1") },
	})
}
