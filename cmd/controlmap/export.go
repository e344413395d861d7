package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/export"
	"github.com/controlmap/controlmap/wire"
)

// runExport writes the GeoJSON of one day, or the whole history in a GIS
// format, to stdout or --out.
func runExport(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("export", flag.ContinueOnError)
	format := fl.String("format", "geojson", "geojson, gpkg, kml, csv, png or svg")
	date := fl.String("date", "", "one `day` (YYYY-MM-DD; geojson and csv); without it: today for geojson, the whole history for csv")
	dir := fl.String("data", "", "dataset `folder` (default: the embedded dataset)")
	full := fl.Bool("full", false, "geojson: full-resolution geometry instead of the simplified display geometry")
	out := fl.String("out", "", "write to this `file` instead of stdout (a GeoPackage needs one)")
	var pic pictureFlags
	fl.IntVar(&pic.opts.Width, "width", export.PictureDefaultWidth, "png, svg: the picture's width in `pixels` (600-2400)")
	fl.StringVar(&pic.preset, "preset", "", "png, svg: social (1200×675) or portrait (1080×1350)")
	fl.StringVar(&pic.view, "view", "assessed", "png, svg: assessed, or a side of the region (a party's claims: taliban or resistance in the Panjshir map)")
	fl.StringVar(&pic.lang, "lang", "en", "svg: en or fa (Dari)")
	fl.StringVar(&pic.opts.URL, "url", "", "png, svg: the map's public `URL` for the credit line")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	var day data.Day
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
	if day == 0 {
		day = ds.Region.Zone.Today(time.Now()) // today where the region is
	}
	if *format == "gpkg" && *out == "" {
		return fmt.Errorf("%w: --format gpkg needs --out FILE", errUsage)
	}
	var b []byte
	if *format == "png" || *format == "svg" {
		b, err = pic.encode(ds, *format, day)
	} else {
		b, err = encodeExport(ds, *format, day, *date != "", *full)
	}
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
	return nil, fmt.Errorf("%w: --format %q: want geojson, gpkg, kml, csv, png or svg", errUsage, format)
}

// pictureFlags are the flags of a picture of a day.
type pictureFlags struct {
	opts               export.PictureOptions
	preset, view, lang string
}

// encode draws the picture of day, as the server's /api/export/map.png
// and map.svg do.
func (p pictureFlags) encode(ds *data.Dataset, format string, day data.Day) ([]byte, error) {
	if size, ok := export.Presets[p.preset]; ok {
		p.opts.Width, p.opts.Height = size.X, size.Y
	} else if p.preset != "" {
		return nil, fmt.Errorf("%w: --preset %q: want social or portrait", errUsage, p.preset)
	}
	if p.opts.Width < export.PictureMinWidth || p.opts.Width > export.PictureMaxWidth {
		return nil, fmt.Errorf("%w: --width %d: want %d to %d", errUsage, p.opts.Width, export.PictureMinWidth, export.PictureMaxWidth)
	}
	switch p.view {
	case "assessed":
	case string(ds.Region.Sides()[0]), string(ds.Region.Sides()[1]):
		p.opts.View = data.Party(p.view)
	default:
		return nil, fmt.Errorf("%w: --view %q: want assessed or a side of the region (%s, %s)", errUsage, p.view, ds.Region.Sides()[0], ds.Region.Sides()[1])
	}
	if !ds.Region.Offers(p.lang) {
		return nil, fmt.Errorf("%w: --lang %q: the region's map is in %s", errUsage, p.lang, strings.Join(ds.Region.Languages, ", "))
	}
	if format == "svg" {
		return export.MapSVG(ds, day, p.opts, p.lang), nil
	}
	return export.MapPNG(ds, day, p.opts)
}
