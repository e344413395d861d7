package data

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/controlmap/controlmap/geo"
)

// The files that Import derives from COD-AB and Load reads back. They are
// build output: never committed (the COD-AB licence asks for the source to be
// credited, and the project keeps no copy of it).
const (
	FullBoundsFile     = "areas.geojson"         // full resolution, with area_km2, label and province_districts
	DisplayBoundsFile  = "areas-display.geojson" // simplified, seamless
	ContextFile        = "context.geojson"       // neighbouring districts and provinces, for the page's background
	ProvinceBoundsFile = "provinces.geojson"     // every province, simplified for a national map, with area_km2 and label
)

// Display simplification: borders move at most DisplayTolerance metres, and
// coordinates are rounded to 1e-5 degrees (about 1 m).
const (
	DisplayTolerance = 100.0
	displayRounding  = 1e5
	// The background's own borders are drawn coarser; how far around the
	// mapped areas it reaches is the region's (context_padding_degrees).
	contextTolerance  = 400.0
	provinceTolerance = 1000.0
	// nationalTolerance simplifies the whole country's provinces, drawn
	// zoomed out: at zoom 6 a pixel is about 2 km.
	nationalTolerance = 2000.0
)

// Import derives the boundary files from a COD-AB style adm2
// FeatureCollection (selecting pcodes by the region's district P-code
// field) and, when adm1 is not nil, the province
// outlines for the background. The mapped areas and their neighbours are
// simplified together, so that the background's borders meet the areas'
// borders exactly. It returns the file contents by name.
func Import(adm2, adm1 *geojson.FeatureCollection, pcodes []string, region Region) (map[string][]byte, error) {
	dist, prov := region.Boundaries.Districts, region.Boundaries.Provinces
	selected, err := geo.Select(adm2, dist.PCode, pcodes)
	if err != nil {
		return nil, err
	}
	var full []orb.MultiPolygon
	for _, f := range selected {
		full = append(full, f.Geometry.(orb.MultiPolygon))
	}
	bound := orb.MultiPolygon(nil).Bound()
	for i, mp := range full {
		if i == 0 {
			bound = mp.Bound()
		}
		bound = bound.Union(mp.Bound())
	}
	around := neighbours(adm2, bound.Pad(region.Boundaries.ContextPaddingDegrees), dist.PCode, pcodes)
	simple, err := simplifyTogether(full, around.geoms)
	if err != nil {
		return nil, err
	}
	// How many districts each province has, so that "all of Baghlan" is
	// never said of the three Andarab districts the map holds of its 15.
	// A region of one admin level names no parent: no province is whole.
	inProvince := map[string]int{}
	for _, f := range adm2.Features {
		if dist.Parent != "" {
			inProvince[f.Properties.MustString(dist.Parent, "")]++
		}
	}
	fullFC, displayFC := geojson.NewFeatureCollection(), geojson.NewFeatureCollection()
	for i, f := range selected {
		props := geojson.Properties{"area_km2": geo.AreaKm2(full[i]), "label": geo.LabelPoint(full[i], 50),
			"province_districts": inProvince[f.Properties.MustString(dist.Parent, "")]}
		fullFC.Append(feature(pcodes[i], full[i], props))
		displayFC.Append(feature(pcodes[i], simple[i], geojson.Properties{"name": f.Properties.MustString(dist.Name, "")}))
	}
	ctx := contextFC(around, simple[len(full):], adm1, bound, region)
	fcs := map[string]*geojson.FeatureCollection{FullBoundsFile: fullFC, DisplayBoundsFile: displayFC, ContextFile: ctx}
	if adm1 != nil {
		if fcs[ProvinceBoundsFile], err = nationalFC(adm1, prov); err != nil {
			return nil, err
		}
	}
	out := map[string][]byte{}
	for name, fc := range fcs {
		fc.ExtraMembers = geojson.Properties{"attribution": region.Credit}
		if out[name], err = fc.MarshalJSON(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// simplifyTogether simplifies the mapped areas and their neighbours in one
// topology (the areas at DisplayTolerance, the neighbours coarser), rounds
// them, and refuses a result whose borders cross.
func simplifyTogether(areas, around []orb.MultiPolygon) ([]orb.MultiPolygon, error) {
	all := append(append([]orb.MultiPolygon{}, areas...), around...)
	tols := make([]float64, len(all))
	for i := range tols {
		tols[i] = DisplayTolerance
		if i >= len(areas) {
			tols[i] = contextTolerance
		}
	}
	simple := geo.SimplifySharedEach(all, tols)
	for i := range simple {
		simple[i] = orb.Round(simple[i], displayRounding).(orb.MultiPolygon)
	}
	if bad := geo.Crossings(simple); len(bad) > 0 {
		return nil, fmt.Errorf("data: simplified borders cross at %d places, first %v", len(bad), bad[0])
	}
	return simple, nil
}

// contextFC is the offline background: the neighbouring districts (already
// simplified with the areas) and, when adm1 is not nil, the provinces.
func contextFC(around featureSet, simple []orb.MultiPolygon, adm1 *geojson.FeatureCollection, bound orb.Bound, region Region) *geojson.FeatureCollection {
	dist, prov := region.Boundaries.Districts, region.Boundaries.Provinces
	ctx := geojson.NewFeatureCollection()
	for i, f := range around.feats {
		ctx.Append(feature(f.Properties.MustString(dist.PCode, ""), simple[i],
			geojson.Properties{"kind": "district", "name": f.Properties.MustString(dist.Name, "")}))
	}
	if adm1 != nil {
		provinces := neighbours(adm1, bound.Pad(region.Boundaries.ContextPaddingDegrees), prov.PCode, nil)
		for i, mp := range geo.SimplifyShared(provinces.geoms, provinceTolerance) {
			f := provinces.feats[i]
			ctx.Append(feature(f.Properties.MustString(prov.PCode, ""), orb.Round(mp, displayRounding),
				geojson.Properties{"kind": "province", "name": f.Properties.MustString(prov.Name, "")}))
		}
	}
	return ctx
}

// nationalFC is every province of adm1, simplified together for a map of
// the whole country (their borders still meet), with its names, its area
// and a label point from the full geometry.
func nationalFC(adm1 *geojson.FeatureCollection, prov AdminFields) (*geojson.FeatureCollection, error) {
	all := neighbours(adm1, orb.Bound{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}}, prov.PCode, nil)
	simple := geo.SimplifyShared(all.geoms, nationalTolerance)
	for i := range simple {
		simple[i] = orb.Round(simple[i], displayRounding/10).(orb.MultiPolygon)
	}
	fc := geojson.NewFeatureCollection()
	for i, f := range all.feats {
		pcode := f.Properties.MustString(prov.PCode, "")
		if pcode == "" {
			return nil, fmt.Errorf("data: province %d of the adm1 file has no %s", i, prov.PCode)
		}
		fc.Append(feature(pcode, simple[i], geojson.Properties{
			"name": f.Properties.MustString(prov.Name, ""), "name_fa": f.Properties.MustString(prov.NameFa, ""),
			"area_km2": geo.AreaKm2(all.geoms[i]), "label": geo.LabelPoint(all.geoms[i], 50)}))
	}
	if bad := geo.Crossings(simple); len(bad) > 0 {
		return nil, fmt.Errorf("data: simplified province borders cross at %d places, first %v", len(bad), bad[0])
	}
	return fc, nil
}

func feature(id string, g orb.Geometry, props geojson.Properties) *geojson.Feature {
	f := geojson.NewFeature(g)
	f.ID = id
	f.Properties = props
	return f
}

type featureSet struct {
	feats []*geojson.Feature
	geoms []orb.MultiPolygon
}

// neighbours returns the polygonal features of fc whose bounds meet b,
// leaving out those whose P-code (field) is in skip.
func neighbours(fc *geojson.FeatureCollection, b orb.Bound, field string, skip []string) featureSet {
	var s featureSet
	skipped := map[string]bool{}
	for _, p := range skip {
		skipped[p] = true
	}
	for _, f := range fc.Features {
		mp, err := geo.AsMultiPolygon(f.Geometry)
		if err != nil || !mp.Bound().Intersects(b) || skipped[f.Properties.MustString(field, "")] {
			continue
		}
		s.feats = append(s.feats, f)
		s.geoms = append(s.geoms, geo.Orient(mp))
	}
	return s
}

// attachBoundaries joins the derived boundary files to the loaded areas.
func (d *Dataset) attachBoundaries(bounds fs.FS) error {
	full, err := readFC(bounds, FullBoundsFile)
	if err != nil {
		return err
	}
	display, err := readFC(bounds, DisplayBoundsFile)
	if err != nil {
		return err
	}
	d.Context, err = readFile(bounds, ContextFile)
	if errors.Is(err, fs.ErrNotExist) {
		d.Context, err = []byte(`{"type":"FeatureCollection","features":[]}`), nil
	}
	if err != nil {
		return &RowError{File: ContextFile, Err: err}
	}
	for i := range d.Areas {
		a := &d.Areas[i]
		f, g := full[a.PCode], display[a.PCode]
		if f == nil || g == nil {
			return &RowError{File: FullBoundsFile, Err: fmt.Errorf("%w for %s (%s): rebuild the boundaries with 'make build' after editing %s",
				ErrNoBoundary, a.PCode, a.Name, AreasFile)}
		}
		a.Geometry, _ = geo.AsMultiPolygon(f.Geometry)
		a.Display, _ = geo.AsMultiPolygon(g.Geometry)
		a.AreaKm2 = f.Properties.MustFloat64("area_km2", 0)
		a.ProvinceDistricts = int(f.Properties.MustFloat64("province_districts", 0))
		a.Label = labelOf(f)
	}
	return nil
}

// labelOf is the label point a derived boundary file gives a feature
// ("label": [lon, lat]); the zero point when it gives none.
func labelOf(f *geojson.Feature) orb.Point {
	lbl, ok := f.Properties["label"].([]any)
	if !ok || len(lbl) != 2 {
		return orb.Point{}
	}
	x, okX := lbl[0].(float64)
	y, okY := lbl[1].(float64)
	if !okX || !okY {
		return orb.Point{}
	}
	return orb.Point{x, y}
}

func readFC(fsys fs.FS, name string) (map[string]*geojson.Feature, error) {
	b, err := readFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &RowError{File: name, Err: fmt.Errorf("%w: the derived boundaries are missing: run 'make build'", ErrNoBoundary)}
	}
	if err != nil {
		return nil, &RowError{File: name, Err: err}
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		return nil, &RowError{File: name, Err: fmt.Errorf("%w: %v", ErrBadValue, err)}
	}
	out := map[string]*geojson.Feature{}
	for _, f := range fc.Features {
		if id, ok := f.ID.(string); ok {
			out[id] = f
		}
	}
	return out, nil
}
