package rep

import (
	"strconv"
	"strings"
)

// MediaQ returns the q-value an Accept header (RFC 9110 §12.5.1) gives the
// media type typ ("type/subtype"): the most specific range that matches
// decides (type/subtype, then type/*, then */*); 0 when none matches. An
// empty header accepts everything at q=1.
func MediaQ(header, typ string) float64 {
	if strings.TrimSpace(header) == "" {
		return 1
	}
	major, _, _ := strings.Cut(typ, "/")
	best, spec := 0.0, -1
	for rest := header; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		s := -1
		switch {
		case name == typ:
			s = 2
		case name == major+"/*":
			s = 1
		case name == "*/*":
			s = 0
		}
		if s <= spec {
			continue
		}
		best, spec = qOf(params), s
	}
	return best
}

// qOf reads the q parameter among a media range's parameters (1 without).
func qOf(params string) float64 {
	for rest := params; rest != ""; {
		var p string
		p, rest, _ = strings.Cut(rest, ";")
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 && f <= 1 {
				return f
			}
			return 1 // unreadable, as ParseAcceptEncoding takes it
		}
	}
	return 1
}

// PreferHTML reports whether an Accept header ranks text/html above every
// JSON type (application/json, application/geo+json): a browser's header
// does, a GIS client's or q-weighted ones like "text/html;q=0.5,
// application/json" do not. On a tie JSON wins, and no header means JSON.
func PreferHTML(header string) bool {
	if strings.TrimSpace(header) == "" {
		return false
	}
	html := MediaQ(header, "text/html")
	json := max(MediaQ(header, "application/json"), MediaQ(header, "application/geo+json"))
	return html > 0 && html > json
}
