package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/controlmap/controlmap/server"
	"github.com/controlmap/controlmap/web"
)

// runPublish writes the static copy of the map (see server.Publish).
func runPublish(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("publish", flag.ContinueOnError)
	out := fl.String("out", "", "the `folder` to write (created if needed)")
	base := fl.String("base-path", "/", "the `path` the folder is served under, e.g. /maps/panjshir/")
	site := fl.String("site", "http://127.0.0.1:8080", "the site's `origin` (scheme and host), named in link previews and credits")
	dir := fl.String("data", "", "dataset `folder` (default: the embedded dataset)")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *out == "" {
		return fmt.Errorf("%w: publish needs --out DIR", errUsage)
	}
	if !strings.HasPrefix(*base, "/") || !strings.HasSuffix(*base, "/") {
		return fmt.Errorf("%w: --base-path %q: want a path that starts and ends with /", errUsage, *base)
	}
	ds, err := loadDataset(*dir, "")
	if err != nil {
		return fmt.Errorf("invalid dataset:\n%w", err)
	}
	assets, err := web.FS("")
	if err != nil {
		return err
	}
	srv, err := server.New(server.Config{Version: version, PublicURL: strings.TrimSuffix(*site, "/") + *base,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, ds, assets)
	if err != nil {
		return err
	}
	m, err := srv.Publish(*out)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "published %d files, %.1f MB, into %s (page files under %s): %d written, %d unchanged, %d removed\n",
		len(m.Files)+1, float64(m.Bytes)/1e6, *out, m.Assets, m.Written, m.Unchanged, len(m.Removed))
	return err
}
