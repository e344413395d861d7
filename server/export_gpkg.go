package server

import (
	"database/sql"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	_ "modernc.org/sqlite" // pure Go: the binary stays free of cgo

	"github.com/controlmap/controlmap/data"
)

// gpkgWGS84 is the definition of EPSG:4326 in gpkg_spatial_ref_sys.
const gpkgWGS84 = `GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]`

// gpkgLayer is one feature table of the GeoPackage.
type gpkgLayer struct {
	name, description, geomType string
	columns                     []string // "name TYPE"
	rows                        []gpkgRow
}

type gpkgRow struct {
	geom   orb.Geometry
	values []any
}

// HistoryGPKG writes the dataset as a GeoPackage 1.3 with three layers
// (areas, control, events), full-resolution geometry, dates typed DATE and an
// R-tree spatial index per layer. SQLite needs a file, so it is built in a
// temporary folder and read back.
func HistoryGPKG(ds *data.Dataset) ([]byte, error) {
	dir, err := os.MkdirTemp("", "controlmap-gpkg-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "controlmap.gpkg")
	if err := writeGPKG(path, gpkgLayers(ds)); err != nil {
		return nil, fmt.Errorf("server: geopackage: %w", err)
	}
	return os.ReadFile(path)
}

func gpkgLayers(ds *data.Dataset) []gpkgLayer {
	areas := gpkgLayer{name: "areas", geomType: "MULTIPOLYGON", description: "Districts (OCHA COD-AB, AGCHO 2018)",
		columns: []string{"pcode TEXT", "name TEXT", "name_fa TEXT", "province TEXT", "aliases TEXT", "area_km2 REAL"}}
	control := gpkgLayer{name: "control", geomType: "MULTIPOLYGON", description: "Assessed control: one feature per district and interval [valid_from, valid_to)",
		columns: []string{"pcode TEXT", "name TEXT", "valid_from DATE", "valid_to DATE", "status TEXT", "confidence TEXT", "note TEXT", "source_ids TEXT", "source_urls TEXT"}}
	events := gpkgLayer{name: "events", geomType: "POINT", description: "Events (ACLED field names)",
		columns: []string{"event_id TEXT", "event_date DATE", "time_precision INTEGER", "event_type TEXT", "sub_event_type TEXT",
			"actor1 TEXT", "actor2 TEXT", "pcode TEXT", "location TEXT", "geo_precision INTEGER", "fatalities INTEGER", "notes TEXT", "source_ids TEXT"}}
	null := func(d data.Day) any {
		if d == 0 {
			return nil
		}
		return d.String()
	}
	for _, a := range ds.Areas {
		areas.rows = append(areas.rows, gpkgRow{a.Geometry, []any{a.PCode, a.Name, a.NameFa, a.Province, strings.Join(a.Aliases, "; "), round(a.AreaKm2, 10)}})
		for _, iv := range ds.Intervals[a.PCode] {
			control.rows = append(control.rows, gpkgRow{a.Geometry, []any{a.PCode, a.Name, iv.From.String(), null(iv.To), string(iv.Status),
				string(iv.Confidence), iv.Note, strings.Join(iv.Sources, ";"), sourceURLs(ds, iv.Sources)}})
		}
	}
	for _, e := range ds.Events {
		var fatalities any
		if e.Fatalities != nil {
			fatalities = *e.Fatalities
		}
		events.rows = append(events.rows, gpkgRow{e.Point, []any{e.ID, e.Date.String(), e.TimePrecision, e.Type, e.SubType,
			e.Actor1, e.Actor2, e.PCode, e.Location, e.GeoPrecision, fatalities, e.Notes, strings.Join(e.Sources, ";")}})
	}
	return []gpkgLayer{areas, control, events}
}

func writeGPKG(path string, layers []gpkgLayer) (err error) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	stmts := []string{
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
	for _, s := range stmts {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("%.40s: %w", s, err)
		}
	}
	for _, l := range layers {
		if err := writeGPKGLayer(tx, l); err != nil {
			return fmt.Errorf("layer %s: %w", l.name, err)
		}
	}
	return tx.Commit()
}

func writeGPKGLayer(tx *sql.Tx, l gpkgLayer) error {
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
	bound := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for i, r := range l.rows {
		blob, err := gpkgGeometry(r.geom)
		if err != nil {
			return err
		}
		if _, err := insert.Exec(append([]any{i + 1, blob}, r.values...)...); err != nil {
			return err
		}
		b := r.geom.Bound()
		if _, err := tx.Exec(fmt.Sprintf(`INSERT INTO "rtree_%s_geom" VALUES (?, ?, ?, ?, ?)`, l.name), i+1, b.Min[0], b.Max[0], b.Min[1], b.Max[1]); err != nil {
			return err
		}
		bound = bound.Union(b)
	}
	if _, err := tx.Exec(`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
		VALUES (?, 'features', ?, ?, ?, ?, ?, ?, 4326)`, l.name, l.name, l.description, bound.Min[0], bound.Min[1], bound.Max[0], bound.Max[1]); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)`, l.name, l.geomType); err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')`, l.name)
	return err
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
