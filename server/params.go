package server

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/controlmap/controlmap/data"
)

// Query parameter names.
const (
	paramDate     = "date"
	paramDetail   = "detail"
	paramFrom     = "from"
	paramTo       = "to"
	paramWidth    = "width"
	paramStep     = "step"
	paramF        = "f"
	paramBBox     = "bbox"
	paramDatetime = "datetime"
	paramLimit    = "limit"
	paramOffset   = "offset"
	// OGC API – Features Part 3 (CQL2 text).
	paramFilter     = "filter"
	paramFilterLang = "filter-lang"
	paramView       = "view"
	paramLang       = "lang"
	paramPreset     = "preset"
	paramLevel      = "level"
	paramSince      = "since"
)

var errUnknownParam = errors.New("unknown parameter")

// maxParams is more parameters than any endpoint takes.
const maxParams = 8

// request is a parsed query string with the route's defaults: the few
// name=value pairs an endpoint takes, kept in a fixed array (no map per
// request; echo's QueryParams builds one).
type request struct {
	pairs  [maxParams][2]string
	n      int
	detail data.Detail // the route's default
}

// parse splits a raw query (already checked by validQuery) into pairs,
// unescaping only what is escaped, and rejects parameters not in allowed
// and parameters given twice: a typo such as ?data= must not silently
// answer for today.
func (r *request) parse(raw string, allowed []string) error {
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" {
			continue
		}
		if r.n == maxParams {
			return &ParamError{Param: "", Err: fmt.Errorf("more than %d parameters", maxParams)}
		}
		k, v, _ := strings.Cut(pair, "=")
		var err error
		if k, err = unescape(k); err != nil {
			return &ParamError{Param: k, Err: err}
		}
		if v, err = unescape(v); err != nil {
			return &ParamError{Param: k, Err: err}
		}
		if !slices.Contains(allowed, k) {
			return &ParamError{Param: k, Err: fmt.Errorf("%w; this endpoint takes %v", errUnknownParam, allowed)}
		}
		if r.has(k) && !repeatable(k) {
			return &ParamError{Param: k, Err: errors.New("given more than once")}
		}
		r.pairs[r.n] = [2]string{k, v}
		r.n++
	}
	return nil
}

func unescape(s string) (string, error) {
	if !strings.ContainsAny(s, "%+") {
		return s, nil
	}
	return url.QueryUnescape(s)
}

// repeatable reports whether a parameter may be given more than once:
// only datetime, whose parts then all hold (GDAL 3.6 turns the -where
// "valid_from <= D AND valid_to > D" into datetime=../D&datetime=D/..).
func repeatable(name string) bool { return name == paramDatetime }

// all returns every value given for name, in order.
func (r *request) all(name string) []string {
	var vs []string
	for _, p := range r.pairs[:r.n] {
		if p[0] == name {
			vs = append(vs, p[1])
		}
	}
	return vs
}

// has reports whether name was given.
func (r *request) has(name string) bool {
	_, ok := r.lookup(name)
	return ok
}

// get returns the value of name, "" when absent.
func (r *request) get(name string) string {
	v, _ := r.lookup(name)
	return v
}

func (r *request) lookup(name string) (string, bool) {
	for _, p := range r.pairs[:r.n] {
		if p[0] == name {
			return p[1], true
		}
	}
	return "", false
}

// given returns the parameters in the order given.
func (r *request) given() [][2]string { return r.pairs[:r.n] }

// date parses a YYYY-MM-DD parameter; an absent one gives def.
func (r *request) date(name string, def data.Day) (data.Day, error) {
	if !r.has(name) {
		return def, nil
	}
	d, err := data.ParseDay(r.get(name))
	if err != nil {
		return 0, &ParamError{Param: name, Err: err}
	}
	return d, nil
}

// geometry parses detail=display|full; absent means the route's default.
func (r *request) geometry() (data.Detail, error) {
	if !r.has(paramDetail) {
		return r.detail, nil
	}
	d, err := data.ParseDetail(r.get(paramDetail))
	if err != nil {
		return 0, &ParamError{Param: paramDetail, Err: err}
	}
	return d, nil
}

// span parses from and to (YYYY-MM-DD; defaults when absent) and rejects
// a range that ends before it starts, naming to.
func (r *request) span(defFrom, defTo data.Day) (from, to data.Day, err error) {
	if from, err = r.date(paramFrom, defFrom); err != nil {
		return 0, 0, err
	}
	if to, err = r.date(paramTo, defTo); err != nil {
		return 0, 0, err
	}
	if to != 0 && from > to {
		return 0, 0, &ParamError{Param: paramTo, Err: errors.New("is before from")}
	}
	return from, to, nil
}

// int parses a whole-number parameter in [lo, hi]; absent gives def. It is
// the one integer parser of the server.
func (r *request) int(name string, def, lo, hi int) (int, error) {
	if !r.has(name) {
		return def, nil
	}
	n, err := strconv.Atoi(r.get(name))
	if err != nil || n < lo || n > hi {
		return 0, &ParamError{Param: name, Err: fmt.Errorf("%q: want a whole number from %d to %d", r.get(name), lo, hi)}
	}
	return n, nil
}

// validQuery finds what url.ParseQuery would reject (bad percent escapes,
// ';' separators) without parsing: the guard runs it on every request,
// before routing.
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

// choice reads a parameter that takes one of allowed; absent gives the first.
func (r *request) choice(name string, allowed ...string) (string, error) {
	v, ok := r.lookup(name)
	if !ok {
		return allowed[0], nil
	}
	if !slices.Contains(allowed, v) {
		return "", &ParamError{Param: name, Err: fmt.Errorf("%q: want one of %s", v, strings.Join(allowed, ", "))}
	}
	return v, nil
}
