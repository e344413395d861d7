package geo

import (
	"errors"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// ErrNotPolygonal is returned for a feature whose geometry is neither a
// Polygon nor a MultiPolygon.
var ErrNotPolygonal = errors.New("geo: geometry is not a polygon")

// ErrMissing is returned when a requested code is not in the collection.
var ErrMissing = errors.New("geo: no feature with that code")

// Select returns the features of fc whose string property field equals one of
// codes, in the order of codes, with their geometry normalised to an
// RFC 7946-wound MultiPolygon. field is "ADM2_PCODE" for COD-AB districts. A
// code with no feature, or two features, is an error naming the code.
func Select(fc *geojson.FeatureCollection, field string, codes []string) ([]*geojson.Feature, error) {
	byCode := make(map[string]*geojson.Feature, len(codes))
	for _, f := range fc.Features {
		code := f.Properties.MustString(field, "")
		if code == "" {
			continue
		}
		if _, dup := byCode[code]; dup {
			return nil, fmt.Errorf("geo: two features with %s %q", field, code)
		}
		byCode[code] = f
	}
	out := make([]*geojson.Feature, 0, len(codes))
	for _, code := range codes {
		f, ok := byCode[code]
		if !ok {
			return nil, fmt.Errorf("%w: %s %q", ErrMissing, field, code)
		}
		mp, err := AsMultiPolygon(f.Geometry)
		if err != nil {
			return nil, fmt.Errorf("%s %q: %w", field, code, err)
		}
		g := geojson.NewFeature(Orient(mp))
		g.ID = code
		g.Properties = f.Properties.Clone()
		out = append(out, g)
	}
	return out, nil
}

// AsMultiPolygon returns g as a MultiPolygon (a copy, for a Polygon).
func AsMultiPolygon(g orb.Geometry) (orb.MultiPolygon, error) {
	switch v := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{v.Clone()}, nil
	case orb.MultiPolygon:
		return v.Clone(), nil
	}
	if g == nil {
		return nil, fmt.Errorf("%w: none", ErrNotPolygonal)
	}
	return nil, fmt.Errorf("%w: %s", ErrNotPolygonal, g.GeoJSONType())
}
