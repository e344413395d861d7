package server

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkt"

	"github.com/controlmap/controlmap/data"
)

// csvColumns are the columns of the CSV exports: one row per assessed
// interval (history) or per district on a day (control), geometry as WKT in
// the last column (GDAL: -oo GEOM_POSSIBLE_NAMES=wkt; QGIS: WKT field).
var csvColumns = []string{"pcode", "name", "valid_from", "valid_to", "status", "confidence", "disputed", "source_ids", "source_urls", "note", "wkt"}

func csvRow(ds *data.Dataset, a *data.Area, iv *data.Interval, disputed string, g orb.Geometry) []string {
	row := []string{a.PCode, a.Name, "", "", string(data.StatusUnknown), "", disputed, "", "", "", wkt.MarshalString(g)}
	if iv != nil {
		row[2], row[3], row[4], row[5] = iv.From.String(), iv.To.String(), string(iv.Status), string(iv.Confidence)
		row[7], row[8], row[9] = strings.Join(iv.Sources, ";"), sourceURLs(ds, iv.Sources), iv.Note
	}
	return row
}

// HistoryCSV writes every assessed interval with full-resolution geometry.
func HistoryCSV(ds *data.Dataset) ([]byte, error) {
	var rows [][]string
	for i := range ds.Areas {
		a := &ds.Areas[i]
		for j := range ds.Intervals[a.PCode] {
			rows = append(rows, csvRow(ds, a, &ds.Intervals[a.PCode][j], "", a.Geometry))
		}
	}
	return writeCSV(rows)
}

// ControlCSV writes every district's state on day with full geometry.
func ControlCSV(ds *data.Dataset, day data.Day) ([]byte, error) {
	var rows [][]string
	for _, s := range ds.StatesAt(day) {
		disputed := "false"
		if s.Disputed {
			disputed = "true"
		}
		rows = append(rows, csvRow(ds, s.Area, s.Interval, disputed, s.Area.Geometry))
	}
	return writeCSV(rows)
}

func writeCSV(rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(csvColumns); err != nil {
		return nil, err
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
