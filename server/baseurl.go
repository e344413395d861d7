package server

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/labstack/echo/v4"
)

// validHost is a host name or address with an optional port: what may go
// into a link or an XML attribute unescaped. net/http lets through Host
// headers with quotes, ampersands and angle brackets (RFC 3986 sub-delims);
// those are refused here, not copied into OGC links or the .qlr.
var validHost = regexp.MustCompile(`^([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?$`)

// errBadHost is a request whose Host (or forwarded host) cannot name the
// server in a link.
var errBadHost = echo.NewHTTPError(http.StatusBadRequest, "the Host header is not a host name or address with an optional port")

// checkBaseURL validates --base-url: an absolute http(s) URL without query
// or fragment; the final slash is dropped.
func checkBaseURL(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || strings.ContainsAny(s, "'\"<>&\\ ") || (u.Scheme != "http" && u.Scheme != "https") || !validHost.MatchString(u.Host) || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("server: base URL %q: want http(s)://host[:port][/path], no query", s)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// baseURL is the absolute URL of the server as clients know it: the
// configured one, else the one a trusted proxy forwarded, else the
// request's scheme and Host.
func (s *Server) baseURL(c echo.Context) (string, error) {
	if s.cfg.BaseURL != "" {
		return s.cfg.BaseURL, nil
	}
	req := c.Request()
	scheme, host := "http", req.Host
	if req.TLS != nil {
		scheme = "https"
	}
	if s.cfg.TrustProxy {
		scheme, host = forwarded(req, scheme, host)
	}
	if host == "" { // HTTP/1.0 may omit it
		host = "localhost"
	}
	if !validHost.MatchString(host) || (scheme != "http" && scheme != "https") {
		return "", errBadHost
	}
	return scheme + "://" + host, nil
}

// forwarded reads the first Forwarded element's proto and host (RFC 7239),
// else X-Forwarded-Proto and X-Forwarded-Host (their first values).
func forwarded(req *http.Request, scheme, host string) (string, string) {
	if f := req.Header.Get("Forwarded"); f != "" {
		first, _, _ := strings.Cut(f, ",")
		for _, pair := range strings.Split(first, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(pair), "=")
			v = strings.Trim(v, `"`)
			switch strings.ToLower(k) {
			case "proto":
				scheme = strings.ToLower(v)
			case "host":
				host = v
			}
		}
		return scheme, host
	}
	firstOf := func(h string) string { v, _, _ := strings.Cut(h, ","); return strings.TrimSpace(v) }
	if p := firstOf(req.Header.Get("X-Forwarded-Proto")); p != "" {
		scheme = strings.ToLower(p)
	}
	if h := firstOf(req.Header.Get("X-Forwarded-Host")); h != "" {
		host = h
	}
	return scheme, host
}
