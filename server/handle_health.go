package server

import (
	"encoding/json"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// handleHealth serves GET /healthz: the process is alive.
func (s *Server) handleHealth(c echo.Context, _ *request) error {
	return rep.ServeOnce(c.Response(), c.Request(), wire.TypeText, rep.CacheNone, []byte("ok "+s.cfg.Version+"\n"))
}

// handleReady serves GET /readyz: the dataset is loaded and indexed, so the
// server answers for real. A server is only built from a valid dataset, so
// once it listens it is ready; the body says what it serves, and under
// serve --watch what is wrong with the last edit ("problems"), which did
// not replace it.
func (s *Server) handleReady(c echo.Context, _ *request) error {
	body := map[string]any{"ready": true, "version": s.cfg.Version, "dataset": s.ds.Version, "areas": len(s.ds.Areas),
		"claims": len(s.ds.Claims), "events": len(s.ds.Events), "first": s.ds.First, "last_change": s.ds.LastChange}
	if s.cfg.Problems != nil {
		body["problems"] = s.cfg.Problems()
	}
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	return rep.ServeOnce(c.Response(), c.Request(), wire.TypeJSON, rep.CacheNone, b)
}
