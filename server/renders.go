package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/server/internal/rep"
)

// renders runs the expensive renders (the GIF, the pictures) under bounds:
//
//   - at most `slots` at once; past that a request not yet cached waits
//     up to `queue` for a slot (pictures: a fraction of a second each),
//     then gets 429 with Retry-After instead of a share of a starved CPU;
//   - one client holds at most half the slots (at least one): a client
//     asking for many distinct renders gets 429 for its own excess, and
//     the pictures and the GIFs have a pool each (Server.pictures and
//     Server.renders), so a client's GIFs never starve the link previews;
//   - one render per normalised key however many ask for it, its answer
//     kept in a byte-bounded cache;
//   - a render stops when every client waiting for it has gone, or when the
//     server shuts down;
//   - a client waits at most `patience` (under the write timeout), then gets
//     503 with Retry-After and the frames done so far, never an empty reply;
//     the render then finishes in the background for its retry.
type renders struct {
	slots     chan struct{}
	perClient int           // renders one client may hold at once
	queue     time.Duration // how long a request waits for a free slot
	patience  time.Duration
	stop      context.Context // done when the server shuts down
	done      *rep.LRU[any, *rep.Rep]

	mu   sync.Mutex
	jobs map[any]*renderJob
	held map[string]int // renders running, by client
}

// renderJob is one render in progress.
type renderJob struct {
	client          string // who started it
	finished        chan struct{}
	rep             *rep.Rep
	err             error
	cancel          context.CancelFunc
	waiters         int  // clients waiting, under renders.mu
	detached        bool // a client was told to retry: finish even if all go
	progress, total atomic.Int64
}

// Render cache and concurrency bounds. A picture takes a fraction of a
// second: a request for one waits up to pictureQueue for a slot.
const (
	pictureQueue     = 2 * time.Second
	renderCacheBytes = 96 << 20
	retryRender      = 10 // seconds a client is asked to wait when all slots are busy
)

func newRenders(slots int, queue, writeTimeout time.Duration, stop context.Context) *renders {
	slots = max(1, slots)
	return &renders{slots: make(chan struct{}, slots), perClient: max(1, slots/2), queue: queue,
		patience: max(time.Second, writeTimeout-5*time.Second),
		stop:     stop, done: rep.NewLRU[any](renderCacheBytes, repSize), jobs: map[any]*renderJob{}, held: map[string]int{}}
}

// renderFunc renders; it reports progress and stops when ctx is done.
type renderFunc func(ctx context.Context, progress func(done, total int)) (*rep.Rep, error)

// get answers the representation for key: from the cache, by joining the
// render in progress, or by starting one when a slot is free and the
// client holds less than its share.
func (rs *renders) get(c echo.Context, key any, render renderFunc) (*rep.Rep, error) {
	if r, ok := rs.done.Peek(key); ok {
		return r, nil
	}
	job, err := rs.join(c.Request().Context(), c.RealIP(), key, render)
	if errors.Is(err, errDrawn) {
		if r, ok := rs.done.Peek(key); ok {
			return r, nil
		}
	}
	if err != nil {
		return nil, tooMany(c.Response().Header(), strconv.Itoa(retryRender))
	}
	return rs.wait(c, key, job)
}

// join finds the job for key or starts it for client; an error when the
// client holds its share, or no slot frees up within the queue time.
func (rs *renders) join(ctx context.Context, client string, key any, render renderFunc) (*renderJob, error) {
	rs.mu.Lock()
	if job, ok := rs.jobs[key]; ok {
		job.waiters++
		rs.mu.Unlock()
		return job, nil
	}
	if rs.held[client] >= rs.perClient {
		rs.mu.Unlock()
		return nil, errRenderShare
	}
	rs.held[client]++ // counted now, so that its other requests do not queue too
	rs.mu.Unlock()
	if !rs.takeSlot(ctx) {
		rs.release(client)
		return nil, errRendersBusy
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if job, ok := rs.jobs[key]; ok { // started by another client while this one queued
		<-rs.slots
		rs.releaseLocked(client)
		job.waiters++
		return job, nil
	}
	if _, ok := rs.done.Peek(key); ok { // drawn while this one queued: no second render
		<-rs.slots
		rs.releaseLocked(client)
		return nil, errDrawn
	}
	jctx, cancel := context.WithCancel(rs.stop)
	job := &renderJob{client: client, finished: make(chan struct{}), cancel: cancel, waiters: 1}
	rs.jobs[key] = job
	go rs.run(jctx, key, job, render)
	return job, nil
}

// takeSlot takes a slot, waiting up to the queue time (and no longer than
// the client stays).
func (rs *renders) takeSlot(ctx context.Context) bool {
	select {
	case rs.slots <- struct{}{}:
		return true
	default:
	}
	if rs.queue <= 0 {
		return false
	}
	t := time.NewTimer(rs.queue)
	defer t.Stop()
	select {
	case rs.slots <- struct{}{}:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	return false
}

func (rs *renders) release(client string) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.releaseLocked(client)
}

func (rs *renders) releaseLocked(client string) {
	if rs.held[client]--; rs.held[client] <= 0 {
		delete(rs.held, client)
	}
}

var (
	errDrawn       = errors.New("server: drawn while queued")
	errRendersBusy = errors.New("server: every render slot is busy")
	errRenderShare = errors.New("server: the client holds its share of the render slots")
)

func (rs *renders) run(ctx context.Context, key any, job *renderJob, render renderFunc) {
	r, err := render(ctx, func(done, total int) { job.progress.Store(int64(done)); job.total.Store(int64(total)) })
	if err == nil {
		r, err = rs.done.Get(key, func() (*rep.Rep, error) { return r, nil })
	}
	rs.mu.Lock()
	job.rep, job.err = r, err
	if rs.jobs[key] == job { // a cancelled job left the table already (leave)
		delete(rs.jobs, key)
	}
	rs.releaseLocked(job.client)
	rs.mu.Unlock()
	job.cancel()
	<-rs.slots // free before the waiters wake: their next request must find the slot
	close(job.finished)
}

// wait waits for job for at most the patience, as long as the client is
// there.
func (rs *renders) wait(c echo.Context, key any, job *renderJob) (*rep.Rep, error) {
	timer := time.NewTimer(rs.patience)
	defer timer.Stop()
	select {
	case <-job.finished:
		if job.err != nil && rs.stop.Err() != nil {
			return nil, echo.NewHTTPError(http.StatusServiceUnavailable, "the server is shutting down")
		}
		return job.rep, job.err
	case <-c.Request().Context().Done():
		rs.leave(job)
		return nil, fmt.Errorf("server: render: the client left: %w", c.Request().Context().Err())
	case <-timer.C:
		rs.mu.Lock()
		job.detached = true
		rs.mu.Unlock()
		return nil, stillRendering(c.Response().Header(), job, rs.patience)
	}
}

// leave drops a waiter; the last to go cancels a render nobody will fetch.
func (rs *renders) leave(job *renderJob) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	job.waiters--
	if job.waiters == 0 && !job.detached {
		job.cancel()
		// Out of the table now: a request arriving before the render
		// returns starts a new one instead of joining a cancelled job.
		for k, j := range rs.jobs {
			if j == job {
				delete(rs.jobs, k)
			}
		}
	}
}

// stillRendering is the 503 of a render that outlasted the client's
// patience: how far it got, and when to come back for it.
func stillRendering(h http.Header, job *renderJob, spent time.Duration) error {
	done, total := job.progress.Load(), job.total.Load()
	retry := int64(retryRender)
	if done > 0 && total > done {
		retry = max(1, int64(spent.Seconds())*(total-done)/done+1)
	}
	h.Set(echo.HeaderRetryAfter, strconv.FormatInt(retry, 10))
	return echo.NewHTTPError(http.StatusServiceUnavailable,
		fmt.Sprintf("still rendering: %d of %d frames drawn; the render goes on: retry after %d s", done, total, retry))
}
