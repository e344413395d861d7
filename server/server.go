package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/data"
)

// Config is what the command line decides about the server.
type Config struct {
	Addr    string           // HOST:PORT to listen on
	Version string           // reported by /healthz
	Now     func() time.Time // the clock; time.Now when nil (tests fix it)
	Logger  *slog.Logger     // slog.Default() when nil
	// MaxInFlight caps the requests served at once (default 1024); past it a
	// request gets 429 with Retry-After.
	MaxInFlight int
	// RatePerClient limits each client address to this many requests a
	// second with bursts of RateBurst (0: no per-client limit).
	RatePerClient float64
	RateBurst     int
	// Timeouts of the http.Server; zero values take the defaults below.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
}

// Server is the controlmap HTTP server. It holds no package-level state:
// tests build as many as they like.
type Server struct {
	cfg  Config
	ds   *data.Dataset
	enc  *encoder
	web  fs.FS
	log  *slog.Logger
	echo *echo.Echo

	// answers encoded once, with their compressed forms made on first use
	areas, history [2]*rep
	sources        *rep
	context        *rep
	static         map[string]*rep // by file name in web
	answers        *answerCache

	ogc   ogcState
	slots slots // the in-flight cap

	statsOnce sync.Once
	stats     *rep
	statsErr  error

	gifMu sync.Mutex
	gifs  map[animationKey]*rep

	exportsOnce sync.Once
	exports     map[string]*rep

	timelineMu  sync.Mutex
	timelineDay data.Day // the day timelineRep was made for ("end" is today)
	timelineRep *rep
}

// The server's timeouts: a slow client cannot hold a connection open.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 120 * time.Second
	shutdownTimeout   = 10 * time.Second
	maxHeaderBytes    = 16 << 10
)

func orDuration(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// New builds a server for dataset ds with the page's files in web.
func New(cfg Config, ds *data.Dataset, web fs.FS) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = 1024
	}
	if cfg.RateBurst <= 0 {
		cfg.RateBurst = int(2*cfg.RatePerClient) + 1
	}
	cfg.ReadHeaderTimeout = orDuration(cfg.ReadHeaderTimeout, readHeaderTimeout)
	cfg.ReadTimeout = orDuration(cfg.ReadTimeout, readTimeout)
	cfg.WriteTimeout = orDuration(cfg.WriteTimeout, writeTimeout)
	cfg.IdleTimeout = orDuration(cfg.IdleTimeout, idleTimeout)
	enc, err := newEncoder(ds)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, ds: ds, enc: enc, web: web, log: cfg.Logger, slots: make(slots, cfg.MaxInFlight),
		answers: newAnswerCache(newControlCache(enc)),
		gifs:    map[animationKey]*rep{}}
	for _, d := range []Detail{DetailDisplay, DetailFull} {
		b, err := enc.areas(d)
		if err != nil {
			return nil, fmt.Errorf("server: encode areas: %w", err)
		}
		s.areas[d] = newRep(typeGeoJSON, cacheRevalidate, b)
		s.history[d] = newLazyRep(typeGeoJSON, cacheRevalidate, func() ([]byte, error) { return enc.history(d) })
	}
	b, err := enc.sourceIndex()
	if err != nil {
		return nil, err
	}
	s.sources = newRep(typeJSON, cacheRevalidate, b)
	s.context = newRep(typeGeoJSON, cacheRevalidate, ds.Context)
	if s.static, err = staticReps(web); err != nil {
		return nil, fmt.Errorf("server: page files: %w", err)
	}
	s.echo = echo.New()
	s.echo.HideBanner, s.echo.HidePort = true, true
	s.echo.HTTPErrorHandler = s.handleError
	s.routes()
	return s, nil
}

// Handler returns the server's HTTP handler, for tests and for Run.
func (s *Server) Handler() http.Handler { return s.echo }

// today is the current day in Afghanistan.
func (s *Server) today() data.Day { return data.Today(s.cfg.Now()) }

// Run serves on cfg.Addr until ctx is cancelled, then shuts down gracefully:
// requests in flight finish (for up to shutdownTimeout), new ones are refused.
// ready, if not nil, receives the listening address once accepting.
func (s *Server) Run(ctx context.Context, ready func(addr net.Addr)) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("server: listen: %w", err)
	}
	return s.serve(ctx, ln, s.echo, ready)
}

// serve is Run on a listener and handler of the caller's choosing (tests
// wrap the handler to hold a request in flight).
func (s *Server) serve(ctx context.Context, ln net.Listener, h http.Handler, ready func(addr net.Addr)) error {
	hs := &http.Server{Handler: h, ReadHeaderTimeout: s.cfg.ReadHeaderTimeout, ReadTimeout: s.cfg.ReadTimeout,
		WriteTimeout: s.cfg.WriteTimeout, IdleTimeout: s.cfg.IdleTimeout, MaxHeaderBytes: maxHeaderBytes,
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String(), "version", s.cfg.Version, "dataset", s.ds.Version)
	if ready != nil {
		ready(ln.Addr())
	}
	go s.Warm()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: %w", err)
	}
	s.log.Info("stopped")
	return nil
}

// writeBytes writes a complete body with its Content-Length (echo's c.Blob
// leaves it out, so larger bodies would go out chunked).
func writeBytes(c echo.Context, status int, contentType string, b []byte) error {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, contentType)
	h.Set(echo.HeaderContentLength, strconv.Itoa(len(b)))
	c.Response().WriteHeader(status)
	if c.Request().Method == http.MethodHead {
		return nil
	}
	_, err := c.Response().Write(b)
	return err
}

// timeline returns the /api/timeline answer for today, made once a day.
func (s *Server) timeline() (*rep, error) {
	today := s.today()
	s.timelineMu.Lock()
	defer s.timelineMu.Unlock()
	if s.timelineRep == nil || s.timelineDay != today {
		b, err := s.enc.timeline(today)
		if err != nil {
			return nil, err
		}
		s.timelineRep, s.timelineDay = newRep(typeJSON, cacheRevalidate, b), today
	}
	return s.timelineRep, nil
}

// warmTimelineRows is the largest history whose timeline Warm prepares.
const warmTimelineRows = 100_000

// Warm computes the compressed forms of the page's files and of the
// documents the page loads first, so that the first visitor does not wait for
// them. Run calls it in the background once the server listens: start-up is
// not delayed, and a request that comes first simply does the work itself.
func (s *Server) Warm() {
	for _, r := range s.static {
		_ = r.prepare()
	}
	for _, r := range []*rep{s.areas[DetailDisplay], s.context, s.sources} {
		_ = r.prepare()
	}
	// The timeline grows with the history; a history too long to animate in a
	// browser is not worth holding compressed before anyone asks.
	rows := len(s.ds.Claims)
	for _, ivs := range s.ds.Intervals {
		rows += len(ivs)
	}
	if rows <= warmTimelineRows {
		if r, err := s.timeline(); err == nil {
			_ = r.prepare()
		}
	}
	debug.FreeOSMemory() // the compressors' scratch space is garbage now
}
