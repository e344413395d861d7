package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"

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
	book, err := wire.NewBook(ds)
	if err != nil {
		return nil, err
	}
	var recs []wire.IntervalRec
	for i := range ds.Areas {
		a := &ds.Areas[i]
		for j := range ds.Intervals[a.PCode] {
			recs = append(recs, wire.IntervalRec{Area: a, Interval: &ds.Intervals[a.PCode][j], Book: book})
		}
	}
	return writeCSV(wire.Intervals, recs, func(r wire.IntervalRec) orb.Geometry { return r.Area.Geometry })
}

// ControlCSV writes every district's state on day (wire.Days) with
// full-resolution geometry.
func ControlCSV(ds *data.Dataset, day data.Day) ([]byte, error) {
	book, err := wire.NewBook(ds)
	if err != nil {
		return nil, err
	}
	var recs []wire.DayRec
	for _, s := range ds.StatesAt(day) {
		recs = append(recs, wire.DayRec{State: s, Day: day, Date: day.String(), Book: book})
	}
	return writeCSV(wire.Days, recs, func(r wire.DayRec) orb.Geometry { return r.State.Area.Geometry })
}

func writeCSV[T any](s *wire.Schema[T], recs []T, geom func(T) orb.Geometry) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(append(s.FlatNames(), "wkt")); err != nil {
		return nil, err
	}
	for _, r := range recs {
		var row []string
		for _, v := range s.FlatValues(r) {
			row = append(row, cell(v))
		}
		if err := w.Write(append(row, wkt.MarshalString(geom(r)))); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// cell writes a flat value as CSV text: null is empty.
func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}
