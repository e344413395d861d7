package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"
)

// RegionFile describes the region a dataset maps, beside its tables: the
// names and credits its documents, pictures and services carry, and the
// boundary files' fields the build reads its areas from. What is here is
// not code: a newsroom mapping another region edits this file.
const RegionFile = "region.json"

// Region is the region a dataset maps (RegionFile).
type Region struct {
	// Name is the map's name in each of the page's languages ("en",
	// "fa"): the pictures' title and credit.
	Name map[string]string `json:"name"`
	// Title and Description name the services (the OGC API's landing
	// page and definition, the KML document).
	Title       string `json:"title"`
	Description string `json:"description"`
	// Credit is the boundary source's credit, written wherever boundaries
	// are served.
	Credit     string           `json:"credit"`
	Boundaries RegionBoundaries `json:"boundaries"`
}

// RegionBoundaries says where the build finds the areas in the boundary
// files (OCHA COD-AB style GeoJSON) and how far around them the offline
// background reaches.
type RegionBoundaries struct {
	Districts             AdminFields `json:"districts"`
	Provinces             AdminFields `json:"provinces"`
	ContextPaddingDegrees float64     `json:"context_padding_degrees"`
}

// AdminFields are the properties of one admin level's features: its
// P-code, its names, and (for districts) the P-code of the province that
// holds it.
type AdminFields struct {
	PCode  string `json:"pcode"`
	Name   string `json:"name"`
	NameFa string `json:"name_fa"`
	Parent string `json:"parent,omitempty"`
}

// ReadRegion reads and checks RegionFile in tables. A mistake is reported
// with its line and column, as the tables' are.
func ReadRegion(tables fs.FS) (Region, error) {
	b, err := readFile(tables, RegionFile) // the tables' size guards
	if err != nil {
		return Region{}, &RowError{File: RegionFile, Err: fmt.Errorf("%w: %v", ErrMissing, err)}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var r Region
	if err := dec.Decode(&r); err != nil {
		line, col := 0, 0
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			line, col = position(b, syn.Offset-1) // the offending byte
		case errors.As(err, &typ):
			line, col = position(b, typ.Offset)
		}
		return Region{}, &RowError{File: RegionFile, Line: line, Err: fmt.Errorf("%w: column %d: %v", ErrBadValue, col, err)}
	}
	if err := r.check(); err != nil {
		return Region{}, &RowError{File: RegionFile, Line: lineOf(b, err.key), Err: err}
	}
	return r, nil
}

// regionError is a missing or bad value of the region, by its key.
type regionError struct {
	key string
	err error
}

func (e *regionError) Error() string { return fmt.Sprintf("%s: %v", e.key, e.err) }
func (e *regionError) Unwrap() error { return e.err }

// check holds the region to what every document needs.
func (r Region) check() *regionError {
	for key, v := range map[string]string{"name.en": r.Name["en"], "title": r.Title, "description": r.Description, "credit": r.Credit,
		"boundaries.districts.pcode": r.Boundaries.Districts.PCode, "boundaries.districts.name": r.Boundaries.Districts.Name,
		"boundaries.districts.parent": r.Boundaries.Districts.Parent, "boundaries.provinces.pcode": r.Boundaries.Provinces.PCode,
		"boundaries.provinces.name": r.Boundaries.Provinces.Name} {
		if strings.TrimSpace(v) == "" {
			return &regionError{key, ErrMissing}
		}
	}
	if p := r.Boundaries.ContextPaddingDegrees; math.IsNaN(p) || p < 0 || p > 5 {
		return &regionError{"boundaries.context_padding_degrees", fmt.Errorf("%w: %v, want 0 to 5 degrees", ErrBadValue, p)}
	}
	return nil
}

// NameIn is the map's name in lang, or in English.
func (r Region) NameIn(lang string) string {
	if n := r.Name[lang]; n != "" {
		return n
	}
	return r.Name["en"]
}

// position is the 1-based line and column of byte offset off in b.
func position(b []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(b)))
	before := b[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	return line, int(off) - bytes.LastIndexByte(before, '\n')
}

// lineOf is the line of the last part of a dotted key in b ("credit":
// the line with "credit"), or 0.
func lineOf(b []byte, key string) int {
	last := key[strings.LastIndexByte(key, '.')+1:]
	if i := bytes.Index(b, []byte(`"`+last+`"`)); i >= 0 {
		l, _ := position(b, int64(i))
		return l
	}
	return 0
}
