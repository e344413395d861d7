package export

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"iter"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	_ "modernc.org/sqlite" // pure Go: the binary stays free of cgo

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/tempdir"
	"github.com/controlmap/controlmap/wire"
)

// gpkgWGS84 is the definition of EPSG:4326 in gpkg_spatial_ref_sys.
const gpkgWGS84 = `GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]`

// gpkgLayer is one feature table of the GeoPackage: the flat form of a
// wire layer, its rows made one by one while they are inserted.
type gpkgLayer struct {
	name, description, geomType string
	// lastChange is gpkg_contents.last_change: the dataset's last edit, not
	// the time of writing, so the same data gives the same file (a
	// republish leaves it as it is).
	lastChange string
	columns    []string // "name TYPE"
	rows       iter.Seq[gpkgRow]
}

type gpkgRow struct {
	geom   orb.Geometry
	values []any
}

// HistoryGPKG writes the dataset as a GeoPackage 1.3 (see WriteHistoryGPKG)
// and returns its bytes.
func HistoryGPKG(ds *data.Dataset) ([]byte, error) {
	dir, err := tempdir.New("gpkg")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "controlmap.gpkg")
	if err := WriteHistoryGPKG(context.Background(), path, ds); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// WriteHistoryGPKG writes the dataset to a new GeoPackage 1.3 file at path
// with its layers (areas, control, events, countryside, and provinces when
// the dataset has them), full-resolution district geometry,
// dates typed DATE and an R-tree spatial index per layer. SQLite needs a
// file; rows go in one by one, so memory stays at SQLite's page cache
// however long the history. It stops with ctx's error.
func WriteHistoryGPKG(ctx context.Context, path string, ds *data.Dataset) error {
	book, err := wire.NewBook(ds)
	if err != nil {
		return err
	}
	areas := func(yield func(*data.Area) bool) {
		for i := range ds.Areas {
			if !yield(&ds.Areas[i]) {
				return
			}
		}
	}
	intervals := func(yield func(wire.IntervalRec) bool) {
		for a, iv := range ds.AllIntervals() {
			if !yield(wire.IntervalRec{Area: a, Interval: iv, Book: book}) {
				return
			}
		}
	}
	events := func(yield func(wire.EventRec) bool) {
		for i := range ds.Events {
			if !yield(wire.EventRec{Event: &ds.Events[i], Book: book}) {
				return
			}
		}
	}
	countryside := func(yield func(wire.CountrysideRec) bool) {
		for i := range ds.Areas {
			for _, r := range ds.CountrysideRanges(ds.Areas[i].PCode) {
				if !yield(wire.CountrysideRec{Area: &ds.Areas[i], Range: r, Book: book}) {
					return
				}
			}
		}
	}
	layers := []gpkgLayer{
		newGPKGLayer(wire.Areas, "MULTIPOLYGON", areas, func(a *data.Area) orb.Geometry { return a.Geometry }),
		newGPKGLayer(wire.Intervals, "MULTIPOLYGON", intervals, func(r wire.IntervalRec) orb.Geometry { return r.Area.Geometry }),
		newGPKGLayer(wire.Events, "POINT", events, wire.EventRec.Geometry),
		// The countryside repeats each district for every range of days:
		// its display geometry keeps the file small (the control layer has
		// the full one).
		newGPKGLayer(wire.Countryside, "MULTIPOLYGON", countryside, func(r wire.CountrysideRec) orb.Geometry { return r.Area.Display }),
	}
	// The country around the districts, when the dataset maps it: each
	// province and the day its capital fell, simplified for a national map.
	if len(ds.Provinces) > 0 {
		provinces := slices.Values(wire.ProvinceRecs(ds, book))
		layers = append(layers, newGPKGLayer(wire.Provinces, "MULTIPOLYGON", provinces, func(r wire.ProvinceRec) orb.Geometry { return r.Province.Geometry }))
	}
	// Each table says which dataset it comes from (issue 22): the version, the
	// last edit and the latest evidence about control, in its description.
	last := ds.Updated()
	if last == 0 {
		last = ds.LastChange
	}
	for i := range layers {
		layers[i].description += " " + DatasetLine(ds)
		layers[i].lastChange = last.Time().Format("2006-01-02T15:04:05.000Z")
	}
	if err := writeGPKG(ctx, path, layers); err != nil {
		return fmt.Errorf("export: geopackage: %w", err)
	}
	return nil
}

// newGPKGLayer lays out the table of schema s.
func newGPKGLayer[T any](s *wire.Schema[T], geomType string, recs iter.Seq[T], geom func(T) orb.Geometry) gpkgLayer {
	l := gpkgLayer{name: s.Name, description: s.Description, geomType: geomType}
	for _, f := range s.Flat() {
		l.columns = append(l.columns, f.Name+" "+wire.SQLType(f))
	}
	l.rows = func(yield func(gpkgRow) bool) {
		for r := range recs {
			if !yield(gpkgRow{geom(r), s.FlatValues(r)}) {
				return
			}
		}
	}
	return l
}

// gpkgCore marks the file a GeoPackage 1.3 and creates the tables every
// GeoPackage has (the spatial reference systems, the contents, the geometry
// columns and the extensions), before any layer.
var gpkgCore = []string{
	`PRAGMA application_id = 1196444487`, // "GPKG"
	`PRAGMA user_version = 10300`,        // GeoPackage 1.3.0
	`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
		organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)`,
	`INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),
		('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL), ('WGS 84 geodetic', 4326, 'EPSG', 4326, '` + gpkgWGS84 + `', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')`,
	`CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
		description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
		min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id))`,
	`CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
		srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name))`,
	`CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
		scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))`,
}

// writeGPKG writes a new GeoPackage at path: the core tables, then each
// layer, in one transaction.
func writeGPKG(ctx context.Context, path string, layers []gpkgLayer) (err error) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}()
	// One connection, so that the pragmas hold for the transaction: the
	// file is new and private until written, so it needs no journal and no
	// sync (a crash leaves a file nobody serves).
	db.SetMaxOpenConns(1)
	for _, p := range []string{`PRAGMA journal_mode = OFF`, `PRAGMA synchronous = OFF`} {
		if _, err := db.Exec(p); err != nil {
			return err
		}
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	for _, s := range gpkgCore {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("%.40s: %w", s, err)
		}
	}
	for _, l := range layers {
		if err := writeGPKGLayer(ctx, tx, l); err != nil {
			return fmt.Errorf("layer %s: %w", l.name, err)
		}
	}
	return tx.Commit()
}

func writeGPKGLayer(ctx context.Context, tx *sql.Tx, l gpkgLayer) error {
	var names, marks []string
	for _, c := range l.columns {
		names = append(names, strings.Fields(c)[0])
		marks = append(marks, "?")
	}
	if _, err := tx.Exec(fmt.Sprintf(`CREATE TABLE %q (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom %s, %s)`,
		l.name, l.geomType, strings.Join(l.columns, ", "))); err != nil {
		return err
	}
	if _, err := tx.Exec(fmt.Sprintf(`CREATE VIRTUAL TABLE "rtree_%s_geom" USING rtree(id, minx, maxx, miny, maxy)`, l.name)); err != nil {
		return err
	}
	insert, err := tx.Prepare(fmt.Sprintf(`INSERT INTO %q (fid, geom, %s) VALUES (?, ?, %s)`, l.name, strings.Join(names, ", "), strings.Join(marks, ", ")))
	if err != nil {
		return err
	}
	defer insert.Close()
	index, err := tx.Prepare(fmt.Sprintf(`INSERT INTO "rtree_%s_geom" VALUES (?, ?, ?, ?, ?)`, l.name))
	if err != nil {
		return err
	}
	defer index.Close()
	bound, err := insertGPKGRows(ctx, insert, index, l.rows)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
		VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, 4326)`, l.name, l.name, l.description, l.lastChange, bound.Min[0], bound.Min[1], bound.Max[0], bound.Max[1]); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)`, l.name, l.geomType); err != nil {
		return err
	}
	if _, err = tx.Exec(`INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')`, l.name); err != nil {
		return err
	}
	return createRTreeTriggers(tx, l.name)
}

// insertGPKGRows inserts the rows and their index entries, and returns
// their bounds.
func insertGPKGRows(ctx context.Context, insert, index *sql.Stmt, rows iter.Seq[gpkgRow]) (orb.Bound, error) {
	bound := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	fid := 0
	for r := range rows {
		if fid%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return bound, err
			}
		}
		fid++
		if r.geom == nil { // an event with no place: NULL geometry, not in the index
			if _, err := insert.Exec(append([]any{fid, nil}, r.values...)...); err != nil {
				return bound, err
			}
			continue
		}
		blob, err := gpkgGeometry(r.geom)
		if err != nil {
			return bound, err
		}
		if _, err := insert.Exec(append([]any{fid, blob}, r.values...)...); err != nil {
			return bound, err
		}
		b := r.geom.Bound()
		if _, err := index.Exec(fid, b.Min[0], b.Max[0], b.Min[1], b.Max[1]); err != nil {
			return bound, err
		}
		bound = bound.Union(b)
	}
	return bound, nil
}

// gpkgGeometry encodes g as a GeoPackage binary geometry: the "GP" header
// (version 0, little-endian, an [minx, maxx, miny, maxy] envelope except for
// points), SRS 4326, then WKB.
func gpkgGeometry(g orb.Geometry) ([]byte, error) {
	w, err := wkb.Marshal(g, binary.LittleEndian)
	if err != nil {
		return nil, err
	}
	_, isPoint := g.(orb.Point)
	flags := byte(0x01) // little-endian, no envelope
	if !isPoint {
		flags |= 1 << 1 // envelope [minx, maxx, miny, maxy]
	}
	out := []byte{'G', 'P', 0, flags}
	out = binary.LittleEndian.AppendUint32(out, 4326)
	if !isPoint {
		b := g.Bound()
		for _, v := range []float64{b.Min[0], b.Max[0], b.Min[1], b.Max[1]} {
			out = binary.LittleEndian.AppendUint64(out, math.Float64bits(v))
		}
	}
	return append(out, w...), nil
}
