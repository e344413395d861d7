package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/export"
	"github.com/controlmap/controlmap/ogc"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// Config is what the command line decides about the server.
type Config struct {
	Addr    string // HOST:PORT to listen on
	Version string // reported by /healthz
	// PublicURL is the map's public address, named in the pictures' credit
	// line, the link previews and the embeds; "http://Addr/" when empty.
	PublicURL string
	Now       func() time.Time // the clock; time.Now when nil (tests fix it)
	Logger    *slog.Logger     // slog.Default() when nil
	// MaxInFlight caps the requests served at once (default 1024, and never
	// more than MaxConns); past it a request gets 429 with Retry-After.
	MaxInFlight int
	// MaxConns caps the connections held at once; 0 derives it from the
	// file descriptors the process may open (RLIMIT_NOFILE less a reserve).
	// Past it the longest-idle connection is closed to make room.
	MaxConns int
	// RatePerClient limits each client address to this many requests a
	// second with bursts of RateBurst (0: no per-client limit).
	RatePerClient float64
	RateBurst     int
	// BaseURL is the public URL of the server (scheme, host, any path
	// prefix, no final slash) written into OGC links and the .qlr; empty:
	// taken from the request. TrustProxy takes it from the Forwarded or
	// X-Forwarded-Proto/Host headers instead, which only a proxy in front
	// may set.
	BaseURL    string
	TrustProxy bool
	// RenderSlots caps the expensive renders at once, GIFs and pictures
	// each; default half the CPUs, at least one (each render uses every CPU).
	RenderSlots int
	// Timeouts of the http.Server; zero values take the defaults below.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// ShutdownTimeout is how long a stop waits for the requests in flight:
	// by default the write timeout and a margin, so that no request that
	// could still be answered is dropped.
	ShutdownTimeout time.Duration
	// MaxHeld is the largest history-sized document held in memory, in
	// bytes (default 32 MB); a longer history is streamed (see
	// documents_large.go).
	MaxHeld int
	// Problems, when set, says what is wrong with the data being edited
	// ("" when nothing is): serve --watch keeps the last good dataset
	// serving and shows the problems of the last edit on /readyz and on
	// the page (live.go).
	Problems func() string
}

// Server is the controlmap HTTP server. It holds no package-level state:
// tests build as many as they like.
type Server struct {
	cfg  Config
	ds   *data.Dataset
	enc  *wire.Encoder
	log  *slog.Logger
	echo *echo.Echo
	docs *documents
	ogc  *rep.Lazy[*ogc.Service] // built on the first OGC request
	// ogcAnswers keeps OGC answers (pages QGIS and GDAL ask for again and
	// again) with their encodings and ETags, bounded in bytes.
	ogcAnswers *rep.LRU[string, *rep.Rep]
	// inFlight counts the requests being served; past maxInFlight a request
	// gets a quick 429 with Retry-After instead of queueing until the machine
	// falls over. An atomic counter, not a channel: every request passes here.
	inFlight    atomic.Int64
	maxInFlight int64
	// renders bounds the GIFs and pictures the pictures (two pools: a
	// client's GIFs never starve the link previews); stopRenders, called
	// when the server starts shutting down, stops those in progress.
	renders, pictures *renders
	// words are the page's words by language (its i18n files), for the
	// link previews and the pictures; dari the page's Naskh font, for the
	// Dari pictures (nil when the page's files lack it: they are English).
	words       map[string]words
	shell       *regionShell // the region in the page's shell (shellOf)
	dari        *export.DariFont
	stopRenders context.CancelFunc
	pages       *rep.LRU[pageKey, *rep.Rep] // the page with each state's link preview
	// knownEncoders holds the datasets as known at the time, by knowledge
	// epoch, and knownDocs their answers (known.go).
	knownEncoders *rep.LRU[data.Day, *wire.Encoder]
	knownDocs     *rep.LRU[knownKey, *rep.Rep]
}

// The server's timeouts: a slow client cannot hold a connection open.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 120 * time.Second
	shutdownMargin    = 5 * time.Second
	// maxHeaderBytes bounds the request line and headers together; net/http
	// allows 4 KB more than its MaxHeaderBytes, so that is set lower.
	maxHeaderBytes = 16 << 10
	netHTTPSlack   = 4 << 10
)

func (cfg Config) withDefaults() Config {
	orDuration := func(d, def time.Duration) time.Duration {
		if d <= 0 {
			return def
		}
		return d
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxConns <= 0 {
		cfg.MaxConns = connLimit(nofileLimit())
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = 1024
	}
	cfg.MaxInFlight = min(cfg.MaxInFlight, cfg.MaxConns)
	if cfg.PublicURL == "" {
		cfg.PublicURL = "http://" + cfg.Addr + "/"
	}
	if cfg.RenderSlots <= 0 {
		cfg.RenderSlots = max(1, runtime.GOMAXPROCS(0)/2)
	}
	if cfg.MaxHeld <= 0 {
		cfg.MaxHeld = defaultMaxHeld
	}
	if cfg.RateBurst <= 0 {
		cfg.RateBurst = int(2*cfg.RatePerClient) + 1
	}
	cfg.ReadHeaderTimeout = orDuration(cfg.ReadHeaderTimeout, readHeaderTimeout)
	cfg.ReadTimeout = orDuration(cfg.ReadTimeout, readTimeout)
	cfg.WriteTimeout = orDuration(cfg.WriteTimeout, writeTimeout)
	cfg.IdleTimeout = orDuration(cfg.IdleTimeout, idleTimeout)
	cfg.ShutdownTimeout = orDuration(cfg.ShutdownTimeout, cfg.WriteTimeout+shutdownMargin)
	return cfg
}

// New builds a server for dataset ds with the page's files in web.
func New(cfg Config, ds *data.Dataset, web fs.FS) (*Server, error) {
	cfg = cfg.withDefaults()
	var err error
	if cfg.BaseURL, err = checkBaseURL(cfg.BaseURL); err != nil {
		return nil, err
	}
	enc, err := wire.NewEncoder(ds)
	if err != nil {
		return nil, err
	}
	docs, err := newDocuments(enc, web, cfg.MaxHeld, cfg.Version)
	if err != nil {
		return nil, err
	}
	w, err := loadWords(web)
	if err != nil {
		return nil, err
	}
	w = regionWords(w, ds)
	shell, err := shellOf(ds)
	if err != nil {
		return nil, err
	}
	log := slog.New(newSampled(cfg.Logger.Handler(), logBurst, time.Now))
	s := &Server{cfg: cfg, ds: ds, enc: enc, log: log, docs: docs, words: w, shell: shell, dari: loadDariFont(web, log), maxInFlight: int64(cfg.MaxInFlight),
		ogc: rep.NewLazy(func() (*ogc.Service, error) { return ogc.New(ds) }), ogcAnswers: newOGCAnswers()}
	stop, cancel := context.WithCancel(context.Background())
	s.renders, s.stopRenders = newRenders(cfg.RenderSlots, 0, cfg.WriteTimeout, stop), cancel
	s.pictures = newRenders(cfg.RenderSlots, pictureQueue, cfg.WriteTimeout, stop)
	s.pages = rep.NewLRU[pageKey](pageCacheBytes, repSize)
	s.docs.feed = rep.NewDeferred(wire.TypeAtom, rep.CacheRevalidate, func() ([]byte, error) { return enc.Feed(cfg.PublicURL) })
	s.knownEncoders = rep.NewLRU[data.Day](knownViews, func(*wire.Encoder) int { return 1 })
	s.knownDocs = rep.NewLRU[knownKey](knownDocsBytes, repSize)
	s.echo = echo.New()
	s.echo.HideBanner, s.echo.HidePort = true, true
	s.echo.HTTPErrorHandler = s.handleError
	s.routes()
	return s, nil
}

// Handler returns the server's HTTP handler (the server itself), for tests
// and for Run.
func (s *Server) Handler() http.Handler { return s }

// today is the current day in the region (its zone), on the configured clock.
func (s *Server) today() data.Day { return s.ds.Region.Zone.Today(s.cfg.Now()) }

// Run serves on cfg.Addr until ctx is cancelled, then shuts down gracefully:
// new connections are refused and requests in flight finish, for up to
// cfg.ShutdownTimeout. Every request's context ends when its client goes or
// when that grace is over, so long work (exports) stops then, and Run
// still returns nil: a stop asked for is a clean stop. ready, if not nil,
// receives the listening address once accepting.
func (s *Server) Run(ctx context.Context, ready func(addr net.Addr)) error {
	return s.run(ctx, ready, s)
}

// run is Run serving h: the server itself, or a Live that swaps servers.
func (s *Server) run(ctx context.Context, ready func(addr net.Addr), h http.Handler) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("server: listen: %w", err)
	}
	guard := newConnGuard(ln, s.cfg.MaxConns)
	ln = guard
	work, stopWork := context.WithCancel(context.Background())
	defer stopWork()
	defer s.docs.close()
	hs := &http.Server{Handler: h, ReadHeaderTimeout: s.cfg.ReadHeaderTimeout, ReadTimeout: s.cfg.ReadTimeout,
		WriteTimeout: s.cfg.WriteTimeout, IdleTimeout: s.cfg.IdleTimeout, MaxHeaderBytes: maxHeaderBytes - netHTTPSlack,
		BaseContext: func(net.Listener) context.Context { return work }, ConnState: guard.ConnState,
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String(), "version", s.cfg.Version, "dataset", s.ds.Version,
		"max_conns", s.cfg.MaxConns, "max_in_flight", s.cfg.MaxInFlight)
	if ready != nil {
		ready(ln.Addr())
	}
	go s.Warm()
	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	s.stopRenders() // a render would outlive the drain: its waiters get 503
	return s.shutdown(hs, errc, stopWork)
}

// shutdown stops hs within the grace; past it, the work still running is
// told to stop and its connections are closed.
func (s *Server) shutdown(hs *http.Server, errc <-chan error, stopWork func()) error {
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		s.log.Warn("stop: requests still running after the grace; closing them", "grace", s.cfg.ShutdownTimeout, "err", err)
		stopWork()
		_ = hs.Close()
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server: %w", err)
	}
	s.log.Info("stopped")
	return nil
}

// warmTimelineRows is the largest history whose timeline Warm prepares.
const warmTimelineRows = 100_000

// Warm computes the compressed forms of the page's files and of the
// documents the page loads first, so that the first visitor does not wait for
// them. Run calls it in the background once the server listens: start-up is
// not delayed, and a request that comes first simply does the work itself.
func (s *Server) Warm() {
	for _, r := range s.docs.static {
		_ = r.Prepare()
	}
	for _, r := range []*rep.Rep{s.docs.areas[data.DetailDisplay], s.docs.context, s.docs.sources} {
		_ = r.Prepare()
	}
	// The timeline grows with the history; a history too long to animate in a
	// browser is not worth holding compressed before anyone asks.
	rows := len(s.ds.Claims)
	for _, ivs := range s.ds.Intervals {
		rows += len(ivs)
	}
	if rows <= warmTimelineRows {
		if r, err := s.docs.timeline(s.today()); err == nil {
			_ = r.Prepare()
		}
	}
	debug.FreeOSMemory() // the compressors' scratch space is garbage now
}
