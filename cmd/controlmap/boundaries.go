package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/paulmach/orb/geojson"

	"github.com/controlmap/controlmap/data"
)

// runBoundaries derives the boundary files: it reads the areas to select
// from the dataset tables, so adding a district is an edit to areas.csv and
// a rebuild. (It was "import" until the ACLED import took that name.)
func runBoundaries(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("boundaries", flag.ContinueOnError)
	adm2 := fl.String("boundaries", "", "COD-AB style adm2 (district) GeoJSON `file`")
	adm1 := fl.String("provinces", "", "optional COD-AB style adm1 (province) GeoJSON `file`, for the background")
	dir := fl.String("data", "data", "dataset `folder` whose areas.csv lists the P-codes")
	out := fl.String("out", "data/boundaries", "`folder` to write the derived files to")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *adm2 == "" {
		return fmt.Errorf("%w: boundaries needs --boundaries FILE", errUsage)
	}
	tables, err := data.Dir(*dir)
	if err != nil {
		return err
	}
	pcodes, err := data.ReadPCodes(tables)
	if err != nil {
		return err
	}
	districts, err := data.ReadFeatureCollection(*adm2)
	if err != nil {
		return err
	}
	var provinces *geojson.FeatureCollection
	if *adm1 != "" {
		if provinces, err = data.ReadFeatureCollection(*adm1); err != nil {
			return err
		}
	}
	region, err := data.ReadRegion(tables)
	if err != nil {
		return err
	}
	files, err := data.Import(districts, provinces, pcodes, region)
	if err != nil {
		return fmt.Errorf("import %s: %w", *adm2, err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		path := filepath.Join(*out, name)
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", path, len(files[name]))
	}
	return nil
}
