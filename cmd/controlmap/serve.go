package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/controlmap/controlmap/server"
	"github.com/controlmap/controlmap/tempdir"
	"github.com/controlmap/controlmap/web"
)

func runServe(ctx context.Context, args []string, stderr io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fl.String("addr", "127.0.0.1:8080", "`HOST:PORT` to listen on")
	dir := fl.String("data", "", "serve the CSV dataset in this `folder` instead of the embedded one")
	boundsDir := fl.String("boundaries", "", "`folder` of derived boundary files (default: the embedded ones)")
	webDir := fl.String("web", "", "serve the page from this `folder` (development) instead of the embedded one")
	maxInFlight := fl.Int("max-in-flight", 1024, "requests served at once; past it clients get 429 with Retry-After")
	rate := fl.Float64("rate", 0, "requests a second allowed per client address (0: no per-client limit; the in-flight cap still applies)")
	public := fl.String("public-url", "", "the map's public `URL`, named in picture credits, link previews and embeds (default http://ADDR/)")
	burst := fl.Int("burst", 0, "bursts allowed above --rate (default 2×rate)")
	baseURL := fl.String("base-url", "", "the public `URL` clients reach the server at (e.g. https://example.org/controlmap), written into OGC links and the .qlr; default: --public-url if given, else from the request's Host")
	trustProxy := fl.Bool("trust-proxy", false, "take the public URL from the Forwarded or X-Forwarded-Proto/Host headers (only behind a proxy that sets them)")
	watch := fl.Bool("watch", false, "reload --data (and --boundaries) within a second or two of a save; a bad edit keeps the last good data serving and shows its problems on /readyz and the page")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *baseURL == "" && *public != "" { // one public address, unless the OGC API lives elsewhere
		*baseURL = strings.TrimSuffix(*public, "/")
	}
	if *watch && *dir == "" {
		return fmt.Errorf("%w: --watch needs --data: the embedded dataset never changes", errUsage)
	}
	ds, err := loadDataset(*dir, *boundsDir)
	if err != nil {
		return fmt.Errorf("invalid dataset, not serving:\n%w", err)
	}
	debug.FreeOSMemory() // hand the loader's garbage back before serving: idle RSS is what the host sees
	assets, err := web.FS(*webDir)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	for _, p := range tempdir.RemoveStale() { // a crashed process's GeoPackage and exports
		log.Info("removed a temporary folder left behind", "path", p)
	}
	cfg := server.Config{Addr: *addr, Version: version, Logger: log,
		PublicURL: *public, MaxInFlight: *maxInFlight, RatePerClient: *rate, RateBurst: *burst,
		BaseURL: *baseURL, TrustProxy: *trustProxy}
	// SIGHUP (a closed terminal, a supervisor's "reload") never stops the
	// server: with --watch it reloads the data at once, else it is logged
	// and ignored.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	if !*watch {
		srv, err := server.New(cfg, ds, assets)
		if err != nil {
			return err
		}
		go onSignal(ctx, hup, func() { log.Info("SIGHUP ignored: serve --watch reloads the data on it") })
		return srv.Run(ctx, nil)
	}
	live, err := server.NewLive(cfg, ds, assets)
	if err != nil {
		return err
	}
	reload := func() {
		if ds, err := loadDataset(*dir, *boundsDir); err != nil {
			live.Fail(err)
		} else {
			_ = live.Update(ds) // a failure is recorded as the edit's problem
		}
	}
	go watchData(ctx, []string{*dir, *boundsDir}, watchEvery, reload)
	go onSignal(ctx, hup, reload)
	return live.Run(ctx, nil)
}

// onSignal calls f for every signal on c until ctx ends.
func onSignal(ctx context.Context, c <-chan os.Signal, f func()) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-c:
			f()
		}
	}
}
