package data

import (
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
)

// RegionFile describes the region a dataset maps, beside its tables: the
// names and credits its documents, pictures and services carry, and the
// boundary files' fields the build reads its areas from. What is here is
// not code: a newsroom mapping another region edits this table, one
// setting (key, value) per row.
const RegionFile = "region.csv"

// Region is the region a dataset maps (RegionFile).
type Region struct {
	// Name is the map's name in each of the page's languages ("en",
	// "fa"): the pictures' title and credit.
	Name map[string]string
	// Title and Description name the services (the OGC API's landing
	// page and definition, the KML document).
	Title       string
	Description string
	// Credit is the boundary source's credit, written wherever boundaries
	// are served.
	Credit     string
	Boundaries RegionBoundaries
}

// RegionBoundaries says where the build finds the areas in the boundary
// files (OCHA COD-AB style GeoJSON) and how far around them the offline
// background reaches.
type RegionBoundaries struct {
	Districts             AdminFields
	Provinces             AdminFields
	ContextPaddingDegrees float64
}

// AdminFields are the properties of one admin level's features: its
// P-code, its names, and (for districts) the P-code of the province that
// holds it.
type AdminFields struct {
	PCode  string
	Name   string
	NameFa string
	Parent string
}

// setting is where the setting key of RegionFile goes (name.LANG rows,
// the map's name in each language, and the padding are read apart).
func (r *Region) setting(key string) (*string, bool) {
	if f, ok := map[string]*string{"title": &r.Title, "description": &r.Description, "credit": &r.Credit}[key]; ok {
		return f, true
	}
	// Both admin levels have the same fields; only districts name a parent.
	for prefix, level := range map[string]*AdminFields{"boundaries.districts.": &r.Boundaries.Districts, "boundaries.provinces.": &r.Boundaries.Provinces} {
		if field, ok := strings.CutPrefix(key, prefix); ok && (field != "parent" || level == &r.Boundaries.Districts) {
			f, ok := map[string]*string{"pcode": &level.PCode, "name": &level.Name, "name_fa": &level.NameFa, "parent": &level.Parent}[field]
			return f, ok
		}
	}
	return nil, false
}

// ReadRegion reads and checks RegionFile in tables, through the tables'
// reader: a mistake names the file, the line and the column.
func ReadRegion(tables fs.FS) (Region, error) {
	p := &problems{}
	r := Region{Name: map[string]string{}}
	seen := map[string]int{}
	padding := ""
	for row := range readTable(tables, RegionFile, []string{"key", "value"}, p) {
		key, value := row.get("key"), row.get("value")
		if first, ok := seen[key]; ok {
			p.add(RegionFile, row.line, fmt.Errorf("%w: column key: %s is set on line %d already", ErrDuplicate, key, first))
			continue
		}
		seen[key] = row.line
		if lang, ok := strings.CutPrefix(key, "name."); ok && lang != "" {
			r.Name[lang] = value
			continue
		}
		if key == "boundaries.context_padding_degrees" {
			padding = value
			continue
		}
		field, ok := r.setting(key)
		if !ok {
			p.add(RegionFile, row.line, fmt.Errorf("%w: column key: no setting %q", ErrBadValue, key))
			continue
		}
		*field = value
	}
	if padding != "" {
		v, err := strconv.ParseFloat(padding, 64)
		if err != nil || math.IsNaN(v) || v < 0 || v > 5 {
			p.add(RegionFile, seen["boundaries.context_padding_degrees"], fmt.Errorf("%w: column value: boundaries.context_padding_degrees %q, want 0 to 5 degrees", ErrBadValue, padding))
		}
		r.Boundaries.ContextPaddingDegrees = v
	}
	if err := p.err(); err != nil {
		return Region{}, err
	}
	for _, key := range []string{"name.en", "title", "description", "credit", "boundaries.districts.pcode", "boundaries.districts.name",
		"boundaries.districts.parent", "boundaries.provinces.pcode", "boundaries.provinces.name", "boundaries.context_padding_degrees"} {
		if _, ok := seen[key]; !ok || key != "boundaries.context_padding_degrees" && r.value(key) == "" {
			return Region{}, &RowError{File: RegionFile, Line: seen[key], Err: fmt.Errorf("%w: %s", ErrMissing, key)}
		}
	}
	return r, nil
}

// value is the setting key's value.
func (r *Region) value(key string) string {
	if lang, ok := strings.CutPrefix(key, "name."); ok {
		return r.Name[lang]
	}
	if f, ok := r.setting(key); ok {
		return strings.TrimSpace(*f)
	}
	return ""
}

// NameIn is the map's name in lang, or in English.
func (r Region) NameIn(lang string) string {
	if n := r.Name[lang]; n != "" {
		return n
	}
	return r.Name["en"]
}
