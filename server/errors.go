package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/ogc"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// ParamError is a bad query parameter: it becomes a 400 problem that names
// the parameter.
type ParamError struct {
	Param string
	Err   error
}

func (e *ParamError) Error() string { return fmt.Sprintf("parameter %q: %v", e.Param, e.Err) }
func (e *ParamError) Unwrap() error { return e.Err }

// problem is an RFC 9457 problem details document.
type problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	Param    string `json:"parameter,omitempty"` // the offending query parameter
}

// handleError is the one echo error handler: it maps errors to problem
// details, logs 5xx as errors and 4xx as warnings, and never shows a 5xx's
// internal message to the client.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed { // a streamed answer cut short: the client saw the connection close
		s.log.Warn("answer cut short", "path", c.Request().URL.Path, "err", err)
		return
	}
	if errors.Is(err, context.Canceled) && c.Request().Context().Err() != nil {
		s.log.Debug("client gone", "path", c.Request().URL.Path)
		return // nobody to answer
	}
	p := problem{Type: "about:blank", Status: http.StatusInternalServerError, Instance: c.Request().URL.Path}
	var pe *ParamError
	var he *echo.HTTPError
	switch {
	case errors.As(err, &pe):
		p.Status, p.Detail, p.Param = http.StatusBadRequest, pe.Error(), pe.Param
	case errors.Is(err, ogc.ErrNotFound):
		p.Status, p.Detail = http.StatusNotFound, err.Error()
	case errors.As(err, &he):
		p.Status = he.Code
		if msg, ok := he.Message.(string); ok && (he.Code < 500 || he.Code == http.StatusServiceUnavailable) {
			p.Detail = msg
		}
	}
	p.Title = http.StatusText(p.Status)
	if p.Status >= 500 {
		s.log.Error("request failed", "path", c.Request().URL.Path, "status", p.Status, "err", err)
	} else {
		s.log.Warn("bad request", "path", c.Request().URL.Path, "status", p.Status, "err", err)
	}
	b, _ := json.Marshal(p)
	if c.Request().Method == http.MethodHead {
		b = nil
	}
	if werr := rep.WriteBytes(c.Response(), c.Request(), p.Status, wire.TypeProblem, b); werr != nil {
		s.log.Error("write problem", "err", werr)
	}
}
