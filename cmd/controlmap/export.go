package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/export"
	"github.com/controlmap/controlmap/wire"
)

// runExport writes the GeoJSON of one day, or the whole history in a GIS
// format, to stdout or --out.
func runExport(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("export", flag.ContinueOnError)
	format := fl.String("format", "geojson", "geojson, gpkg, kml or csv")
	date := fl.String("date", "", "one `day` (YYYY-MM-DD; geojson and csv); without it: today for geojson, the whole history for csv")
	dir := fl.String("data", "", "dataset `folder` (default: the embedded dataset)")
	full := fl.Bool("full", false, "geojson: full-resolution geometry instead of the simplified display geometry")
	out := fl.String("out", "", "write to this `file` instead of stdout (a GeoPackage needs one)")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	day := data.Today(time.Now())
	if *date != "" {
		var err error
		if day, err = data.ParseDay(*date); err != nil {
			return fmt.Errorf("%w: --date: %v", errUsage, err)
		}
	}
	ds, err := loadDataset(*dir, "")
	if err != nil {
		return fmt.Errorf("invalid dataset:\n%w", err)
	}
	if *format == "gpkg" && *out == "" {
		return fmt.Errorf("%w: --format gpkg needs --out FILE", errUsage)
	}
	b, err := encodeExport(ds, *format, day, *date != "", *full)
	if err != nil {
		return err
	}
	if *out != "" {
		return os.WriteFile(*out, b, 0o644)
	}
	_, err = stdout.Write(b)
	return err
}

// controlGeoJSON is the /api/control answer for day: the same bytes the
// server sends.
func controlGeoJSON(ds *data.Dataset, day data.Day, detail data.Detail) ([]byte, error) {
	enc, err := wire.NewEncoder(ds)
	if err != nil {
		return nil, err
	}
	return enc.Control(day, detail)
}

// encodeExport writes ds in format: one day (geojson, and csv when dated)
// or the whole history (csv undated, kml, gpkg).
func encodeExport(ds *data.Dataset, format string, day data.Day, dated, full bool) ([]byte, error) {
	switch format {
	case "geojson":
		detail := data.DetailDisplay
		if full {
			detail = data.DetailFull
		}
		b, err := controlGeoJSON(ds, day, detail)
		return append(b, '\n'), err
	case "csv":
		if dated {
			return export.ControlCSV(ds, day)
		}
		return export.HistoryCSV(ds)
	case "kml":
		return export.HistoryKML(ds)
	case "gpkg":
		return export.HistoryGPKG(ds)
	}
	return nil, fmt.Errorf("%w: --format %q: want geojson, gpkg, kml or csv", errUsage, format)
}
