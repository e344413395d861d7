package server

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/controlmap/controlmap/data"
)

// Live serves the newest of a series of servers built on one configuration,
// one per good version of the data being edited (serve --watch): an edit
// that loads swaps a new server in; one that does not keeps the last good
// server serving and shows its problems, on /readyz and as a banner on the
// page. Requests in flight finish on the server they started on.
type Live struct {
	cfg      Config
	web      fs.FS
	cur      atomic.Pointer[Server]
	problems atomic.Pointer[string]
}

// NewLive builds the first server, on ds.
func NewLive(cfg Config, ds *data.Dataset, web fs.FS) (*Live, error) {
	l := &Live{web: web}
	cfg.Problems = l.Problems
	l.cfg = cfg
	s, err := New(cfg, ds, web)
	if err != nil {
		return nil, err
	}
	l.cur.Store(s)
	return l, nil
}

// Update serves ds from now on and clears the problems.
func (l *Live) Update(ds *data.Dataset) error {
	s, err := New(l.cfg, ds, l.web)
	if err != nil {
		l.Fail(err)
		return err
	}
	old := l.cur.Swap(s)
	l.problems.Store(nil)
	go s.Warm()
	// The old server's files on disk go once its last request can no longer
	// be running.
	time.AfterFunc(s.cfg.WriteTimeout+shutdownMargin, old.docs.close)
	s.log.Info("reloaded", "dataset", ds.Version)
	return nil
}

// Fail records why the last edit could not be served; the last good
// dataset keeps serving.
func (l *Live) Fail(err error) {
	msg := err.Error()
	l.problems.Store(&msg)
	l.cur.Load().log.Warn("the edited data does not load; still serving the last good dataset", "err", err)
}

// Problems returns the problems of the last edit, "" when it loaded.
func (l *Live) Problems() string {
	if p := l.problems.Load(); p != nil {
		return *p
	}
	return ""
}

// Current returns the server answering now.
func (l *Live) Current() *Server { return l.cur.Load() }

func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) { l.cur.Load().ServeHTTP(w, r) }

// Run serves on the configured address until ctx is cancelled, as
// Server.Run does, always with the current server.
func (l *Live) Run(ctx context.Context, ready func(addr net.Addr)) error {
	s := l.cur.Load()
	if s == nil {
		return errors.New("server: live: no server")
	}
	go func() { // the first server stops its renders itself (run); a later one must be told
		<-ctx.Done()
		if cur := l.cur.Load(); cur != s {
			cur.stopRenders()
		}
	}()
	err := s.run(ctx, ready, l)
	if cur := l.cur.Load(); cur != s {
		cur.docs.close()
	}
	return err
}
