package server

import (
	"strconv"
	"strings"
)

// Content codings served.
const (
	codingIdentity = ""
	codingGzip     = "gzip"
	codingBrotli   = "br"
)

// acceptedCodings parses Accept-Encoding into the codings with q > 0 (a
// "*" accepts both). Identity is always acceptable here: nothing we serve
// refuses it.
func acceptedCodings(header string) (gzip, br bool) {
	for rest := header; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		if q <= 0 {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "gzip", "x-gzip":
			gzip = true
		case "br":
			br = true
		case "*":
			gzip, br = true, true
		}
	}
	return gzip, br
}

// etagMatches reports whether an If-None-Match header matches etag, with
// the weak comparison RFC 9110 prescribes for If-None-Match.
func etagMatches(ifNoneMatch, etag string) bool {
	if ifNoneMatch == "" {
		return false
	}
	for _, tag := range strings.Split(ifNoneMatch, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(etag, "W/") {
			return true
		}
	}
	return false
}
