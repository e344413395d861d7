package server

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// sampled is a slog.Handler that lets through at most `burst` records of
// one kind (level and message) a second, and then one line saying how
// many it dropped: one client sending bad requests in a loop wrote 41 MB
// of log in 3.9 s (issue 24). Errors are never dropped.
type sampled struct {
	next  slog.Handler
	burst int
	now   func() time.Time
	state *sampleState // shared by the handlers WithAttrs and WithGroup make
}

type sampleState struct {
	mu    sync.Mutex
	kinds map[sampleKey]*sampleCount
}

type sampleKey struct {
	level slog.Level
	msg   string
}

type sampleCount struct {
	second  int64 // the Unix second counted
	n       int   // records of the kind in that second
	dropped int   // records dropped since the last line said so
}

// logBurst is how many records of one kind a second the log keeps.
const logBurst = 20

func newSampled(next slog.Handler, burst int, now func() time.Time) *sampled {
	return &sampled{next: next, burst: burst, now: now, state: &sampleState{kinds: map[sampleKey]*sampleCount{}}}
}

func (h *sampled) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

func (h *sampled) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		return h.next.Handle(ctx, r)
	}
	k := sampleKey{r.Level, r.Message}
	sec := h.now().Unix()
	h.state.mu.Lock()
	c := h.state.kinds[k]
	if c == nil {
		if len(h.state.kinds) > 1024 { // messages are constants; a bound all the same
			clear(h.state.kinds)
		}
		c = &sampleCount{}
		h.state.kinds[k] = c
	}
	var report int
	if c.second != sec {
		c.second, c.n = sec, 0
		report, c.dropped = c.dropped, 0
	}
	c.n++
	keep := c.n <= h.burst
	if !keep {
		c.dropped++
	}
	h.state.mu.Unlock()
	if report > 0 {
		s := slog.NewRecord(r.Time, r.Level, "log lines dropped", 0)
		s.AddAttrs(slog.String("kind", r.Message), slog.Int("dropped", report))
		if err := h.next.Handle(ctx, s); err != nil {
			return err
		}
	}
	if !keep {
		return nil
	}
	return h.next.Handle(ctx, r)
}

func (h *sampled) WithAttrs(as []slog.Attr) slog.Handler {
	return &sampled{next: h.next.WithAttrs(as), burst: h.burst, now: h.now, state: h.state}
}

func (h *sampled) WithGroup(name string) slog.Handler {
	return &sampled{next: h.next.WithGroup(name), burst: h.burst, now: h.now, state: h.state}
}
