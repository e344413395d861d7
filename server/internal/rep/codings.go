package rep

import (
	"strconv"
	"strings"
)

// Content codings served.
const (
	Identity = ""
	Gzip     = "gzip"
	Brotli   = "br"
)

// Accept is a parsed Accept-Encoding header: the q-value of each coding the
// server can send (0: not acceptable).
type Accept struct {
	Gzip, Brotli, Identity float64
}

// ParseAcceptEncoding parses an Accept-Encoding header (RFC 9110 §12.5.3).
// "*" stands for every coding not named; identity is acceptable unless it is
// refused by name or by "*;q=0". It allocates nothing: it runs on every
// request.
func ParseAcceptEncoding(header string) Accept {
	a := Accept{Gzip: -1, Brotli: -1, Identity: -1}
	star := -1.0
	for rest := header; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 && f <= 1 {
				q = f
			}
		}
		switch name = strings.TrimSpace(name); {
		case strings.EqualFold(name, "gzip"), strings.EqualFold(name, "x-gzip"):
			a.Gzip = q
		case strings.EqualFold(name, "br"):
			a.Brotli = q
		case strings.EqualFold(name, "identity"):
			a.Identity = q
		case name == "*":
			star = q
		}
	}
	if a.Gzip < 0 {
		a.Gzip = max(star, 0)
	}
	if a.Brotli < 0 {
		a.Brotli = max(star, 0)
	}
	if a.Identity < 0 {
		// Identity unnamed: acceptable (unless "*;q=0"), but no client
		// that lists a compression means to prefer the plain body.
		a.Identity = 0.001
		if star == 0 {
			a.Identity = 0
		}
	}
	return a
}

// Best returns the coding to send among those available (brotli only when
// hasBrotli): the one with the highest q-value, brotli before gzip before
// identity on a tie; identity wins only when the client names it. Identity is the answer when nothing else is
// acceptable, even if the client refused it: a body it may not decode is no
// better than the plain one (RFC 9110 allows either that or 415).
func (a Accept) Best(hasBrotli bool) string {
	best, q := Identity, a.Identity
	if a.Gzip > 0 && a.Gzip >= q {
		best, q = Gzip, a.Gzip
	}
	if hasBrotli && a.Brotli > 0 && a.Brotli >= q {
		best = Brotli
	}
	return best
}

// ETagMatches reports whether an If-None-Match header matches etag, with
// the weak comparison RFC 9110 prescribes for If-None-Match.
func ETagMatches(ifNoneMatch, etag string) bool {
	if ifNoneMatch == "" {
		return false
	}
	for rest := ifNoneMatch; rest != ""; {
		var tag string
		tag, rest, _ = strings.Cut(rest, ",")
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(etag, "W/") {
			return true
		}
	}
	return false
}
