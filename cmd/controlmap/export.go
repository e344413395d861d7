package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/server"
)

// runExport writes the GeoJSON of one day (today in Afghanistan by default).
func runExport(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("export", flag.ContinueOnError)
	date := fl.String("date", "", "the `day` (YYYY-MM-DD); default today in Afghanistan")
	dir := fl.String("data", "", "dataset `folder` (default: the embedded dataset)")
	full := fl.Bool("full", false, "full-resolution geometry instead of the simplified display geometry")
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
	detail := server.DetailDisplay
	if *full {
		detail = server.DetailFull
	}
	b, err := server.ControlGeoJSON(ds, day, detail)
	if err != nil {
		return err
	}
	_, err = stdout.Write(append(b, '\n'))
	return err
}
