package server

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/controlmap/controlmap/data"
)

// Query parameter names.
const (
	paramDate   = "date"
	paramDetail = "detail"
	paramFrom   = "from"
	paramTo     = "to"
)

var errUnknownParam = errors.New("unknown parameter")

// maxParams is more parameters than any endpoint takes.
const maxParams = 8

// query is a parsed query string: the few name=value pairs an endpoint
// takes, kept in a fixed array (no map per request; echo's QueryParams
// builds one).
type query struct {
	pairs [maxParams][2]string
	n     int
}

// parseQuery splits a raw query (already checked by validQuery) into pairs,
// unescaping only what is escaped.
func parseQuery(raw string) (query, error) {
	var q query
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" {
			continue
		}
		if q.n == maxParams {
			return q, &ParamError{Param: "", Err: fmt.Errorf("more than %d parameters", maxParams)}
		}
		k, v, _ := strings.Cut(pair, "=")
		var err error
		if k, err = unescape(k); err != nil {
			return q, &ParamError{Param: k, Err: err}
		}
		if v, err = unescape(v); err != nil {
			return q, &ParamError{Param: k, Err: err}
		}
		q.pairs[q.n] = [2]string{k, v}
		q.n++
	}
	return q, nil
}

func unescape(s string) (string, error) {
	if !strings.ContainsAny(s, "%+") {
		return s, nil
	}
	return url.QueryUnescape(s)
}

// Has reports whether name was given.
func (q *query) Has(name string) bool {
	_, ok := q.lookup(name)
	return ok
}

// Get returns the value of name, "" when absent.
func (q *query) Get(name string) string {
	v, _ := q.lookup(name)
	return v
}

func (q *query) lookup(name string) (string, bool) {
	for _, p := range q.pairs[:q.n] {
		if p[0] == name {
			return p[1], true
		}
	}
	return "", false
}

// checkParams rejects parameters not in allowed, and parameters given twice:
// a typo such as ?data= must not silently answer for today.
func checkParams(q *query, allowed ...string) error {
	for i, p := range q.pairs[:q.n] {
		if !slices.Contains(allowed, p[0]) {
			return &ParamError{Param: p[0], Err: fmt.Errorf("%w; this endpoint takes %v", errUnknownParam, allowed)}
		}
		for _, other := range q.pairs[i+1 : q.n] {
			if other[0] == p[0] {
				return &ParamError{Param: p[0], Err: errors.New("given more than once")}
			}
		}
	}
	return nil
}

// params parses the request's query and checks it against allowed.
func params(c interface{ QueryString() string }, allowed ...string) (*query, error) {
	q, err := parseQuery(c.QueryString())
	if err != nil {
		return nil, err
	}
	return &q, checkParams(&q, allowed...)
}

// parseDate parses a YYYY-MM-DD parameter; an absent one gives def.
func parseDate(q *query, name string, def data.Day) (data.Day, error) {
	if !q.Has(name) {
		return def, nil
	}
	d, err := data.ParseDay(q.Get(name))
	if err != nil {
		return 0, &ParamError{Param: name, Err: err}
	}
	return d, nil
}

// parseDetail parses detail=display|full; absent means display.
func parseDetail(q *query) (Detail, error) {
	if !q.Has(paramDetail) {
		return DetailDisplay, nil
	}
	switch v := q.Get(paramDetail); v {
	case "display":
		return DetailDisplay, nil
	case "full":
		return DetailFull, nil
	default:
		return 0, &ParamError{Param: paramDetail, Err: fmt.Errorf("%q: want display or full", v)}
	}
}

// parseRange parses from and to (YYYY-MM-DD; defaults when absent) and
// rejects a range that ends before it starts, naming to.
func parseRange(q *query, defFrom, defTo data.Day) (from, to data.Day, err error) {
	if from, err = parseDate(q, paramFrom, defFrom); err != nil {
		return 0, 0, err
	}
	if to, err = parseDate(q, paramTo, defTo); err != nil {
		return 0, 0, err
	}
	if to != 0 && from > to {
		return 0, 0, &ParamError{Param: paramTo, Err: errors.New("is before from")}
	}
	return from, to, nil
}
