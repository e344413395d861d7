package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// The CSV exports: the flat form of a wire layer, one row per record,
// geometry as WKT in the last column (GDAL: -oo GEOM_POSSIBLE_NAMES=wkt;
// QGIS: WKT field).

// HistoryCSV writes every assessed interval (wire.Intervals) with
// full-resolution geometry.
func HistoryCSV(ds *data.Dataset) ([]byte, error) {
	var buf bytes.Buffer
	err := WriteHistoryCSV(context.Background(), &buf, ds)
	return buf.Bytes(), err
}

// WriteHistoryCSV streams HistoryCSV to w, row by row: a long history is
// never held whole. It stops with ctx's error.
func WriteHistoryCSV(ctx context.Context, w io.Writer, ds *data.Dataset) error {
	book, err := wire.NewBook(ds)
	if err != nil {
		return err
	}
	recs := func(yield func(wire.IntervalRec) bool) {
		for a, iv := range ds.AllIntervals() {
			if !yield(wire.IntervalRec{Area: a, Interval: iv, Book: book}) {
				return
			}
		}
	}
	return writeCSV(ctx, w, ds, wire.Intervals, recs, func(r wire.IntervalRec) orb.Geometry { return r.Area.Geometry })
}

// ControlCSV writes every district's state on day (wire.Days) with
// full-resolution geometry.
func ControlCSV(ds *data.Dataset, day data.Day) ([]byte, error) {
	book, err := wire.NewBook(ds)
	if err != nil {
		return nil, err
	}
	states := ds.StatesAt(day)
	recs := func(yield func(wire.DayRec) bool) {
		for _, s := range states {
			if !yield(wire.DayRec{State: s, Day: day, Date: day.String(), Book: book}) {
				return
			}
		}
	}
	var buf bytes.Buffer
	err = writeCSV(context.Background(), &buf, ds, wire.Days, recs, func(r wire.DayRec) orb.Geometry { return r.State.Area.Geometry })
	return buf.Bytes(), err
}

// EventsCSV writes every event (wire.Events) with its point as WKT: the
// place, or at geo_precision 3 the district's or province's point, as ACLED
// writes its latitude and longitude.
func EventsCSV(ds *data.Dataset) ([]byte, error) {
	book, err := wire.NewBook(ds)
	if err != nil {
		return nil, err
	}
	recs := func(yield func(wire.EventRec) bool) {
		for i := range ds.Events {
			if !yield(wire.EventRec{Event: &ds.Events[i], Book: book}) {
				return
			}
		}
	}
	var buf bytes.Buffer
	err = writeCSV(context.Background(), &buf, ds, wire.Events, recs, wire.EventRec.Geometry)
	return buf.Bytes(), err
}

// ProvincesCSV writes every province (wire.Provinces): the day its capital
// fell, the confidence, the sources, and its outline as WKT; a header only
// for a dataset without provinces.
func ProvincesCSV(ds *data.Dataset) ([]byte, error) {
	book, err := wire.NewBook(ds)
	if err != nil {
		return nil, fmt.Errorf("export: provinces.csv: %w", err)
	}
	var buf bytes.Buffer
	if err := writeCSV(context.Background(), &buf, ds, wire.Provinces, slices.Values(wire.ProvinceRecs(ds, book)), func(r wire.ProvinceRec) orb.Geometry { return r.Province.Geometry }); err != nil {
		return nil, fmt.Errorf("export: provinces.csv: %w", err)
	}
	return buf.Bytes(), nil
}

// checkEvery is how many records a streamed export writes between looks
// at its context.
const checkEvery = 1024

// writeCSV writes the records of schema s, then the geometry as WKT and,
// on every row, the dataset's version and last edit (a CSV has no other
// place to say which dataset it comes from).
func writeCSV[T any](ctx context.Context, out io.Writer, ds *data.Dataset, s *wire.Schema[T], recs iter.Seq[T], geom func(T) orb.Geometry) error {
	w := csv.NewWriter(out)
	if err := w.Write(append(s.FlatNames(), "wkt", "dataset_version", "updated")); err != nil {
		return err
	}
	updated := ""
	if d := ds.Updated(); d != 0 {
		updated = d.String()
	}
	n, row := 0, []string{}
	for r := range recs {
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n++
		row = row[:0]
		for _, v := range s.FlatValues(r) {
			row = append(row, cell(v))
		}
		if err := w.Write(append(row, wkt.MarshalString(geom(r)), ds.Version, updated)); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// cell writes a flat value as CSV text: null is empty.
func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return neutralise(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// neutralise keeps a text cell from being run as a formula by a spreadsheet
// (OWASP's advice on CSV injection): a cell that starts with =, +, -, @, a
// tab or a carriage return gets a leading apostrophe, which spreadsheets
// show as text. Numbers are written by cell's other cases and never pass
// here.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
