package server

import (
	"errors"
	"fmt"
	"net/url"
	"slices"

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

// checkParams rejects parameters not in allowed, and parameters given twice:
// a typo such as ?data= must not silently answer for today.
func checkParams(q url.Values, allowed ...string) error {
	for name, vals := range q {
		if !slices.Contains(allowed, name) {
			return &ParamError{Param: name, Err: fmt.Errorf("%w; this endpoint takes %v", errUnknownParam, allowed)}
		}
		if len(vals) > 1 {
			return &ParamError{Param: name, Err: errors.New("given more than once")}
		}
	}
	return nil
}

// parseDate parses a YYYY-MM-DD parameter; an absent one gives def.
func parseDate(q url.Values, name string, def data.Day) (data.Day, error) {
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
func parseDetail(q url.Values) (Detail, error) {
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
