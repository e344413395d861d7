package data

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Format writes a dataset table in its one canonical form, so that two
// editors' edits merge and a review shows only what changed: the comment
// lines at the top as they are, the header, then the rows with every cell
// trimmed, quoted only where CSV needs it, LF line ends, and in the table's
// order. A row may be added anywhere (at the end, say): Format puts it in
// its place. Tables whose order is the editor's (areas, chapters, places,
// the corrections log) keep it. `controlmap fmt` runs it; `--check` fails
// when a file is not in this form.
func Format(file string, content []byte) ([]byte, error) {
	comments, body := splitComments(content)
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = -1
	var rows [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := r.FieldPos(0)
		if len(rows) > 0 && len(rec) != len(rows[0]) {
			return nil, fmt.Errorf("%s:%d: %w: %d cells where the header names %d", file, line+len(strings.Split(string(comments), "\n"))-1,
				ErrColumns, len(rec), len(rows[0]))
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		rows = append(rows, rec)
	}
	if len(rows) == 0 {
		return content, nil
	}
	header, data := rows[0], rows[1:]
	if key := rowOrder(file, header); key != nil {
		slices.SortStableFunc(data, key)
	}
	var out bytes.Buffer
	out.Write(comments)
	w := csv.NewWriter(&out)
	if err := w.WriteAll(append([][]string{header}, data...)); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out.Bytes(), nil
}

// splitComments cuts the comment lines at the top of a table from the rest.
func splitComments(content []byte) (comments, body []byte) {
	rest := content
	for len(rest) > 0 && rest[0] == '#' {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			i = len(rest) - 1
		}
		rest = rest[i+1:]
	}
	n := len(content) - len(rest)
	comments = slices.Clone(content[:n])
	if n > 0 && comments[n-1] != '\n' {
		comments = append(comments, '\n')
	}
	return comments, rest
}

// rowOrder is the order of a table's rows: by date for the dated tables
// (stable: rows of one day keep their order, which the panel reads: the
// latest row of a day is the one shown), control by district then date,
// sources by the number of their id. Nil: the file's own order.
func rowOrder(file string, header []string) func(a, b []string) int {
	col := func(name string) int { return slices.Index(header, name) }
	by := func(cols ...int) func(a, b []string) int {
		if slices.Contains(cols, -1) {
			return nil
		}
		return func(a, b []string) int {
			for _, c := range cols {
				if v := cmp.Compare(a[c], b[c]); v != 0 {
					return v
				}
			}
			return 0
		}
	}
	switch file {
	case ControlFile:
		return by(col("pcode"), col("from"))
	case ClaimsFile:
		return by(col("date"))
	case EventsFile:
		return by(col("event_date"))
	case PresenceFile:
		return by(col("from"))
	case ProvincesFile:
		return by(col("pcode"))
	case SourcesFile:
		id := col("id")
		if id < 0 {
			return nil
		}
		// The numbered ids by number (S2 before S10), then the derived ones
		// (NewSourceID) by their day and hash.
		return func(a, b []string) int {
			na, nb := sourceNumber(a[id]), sourceNumber(b[id])
			derived := func(n int) int { return min(0, n) * -1 } // 1 for a derived id, 0 for a numbered one
			return cmp.Or(cmp.Compare(derived(na), derived(nb)), cmp.Compare(na, nb), cmp.Compare(a[id], b[id]))
		}
	}
	return nil
}

// sourceNumber is the number of a source id (S12 → 12); -1 for a derived
// id (NewSourceID).
func sourceNumber(id string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "S"))
	if err != nil {
		return -1
	}
	return n
}

// FormatFiles are the tables Format knows, in the order fmt reports them.
var FormatFiles = []string{AreasFile, SourcesFile, ControlFile, ClaimsFile, EventsFile, PeriodsFile, PlacesFile,
	PresenceFile, RevisionsFile, PublicationsFile, ProvincesFile, RegionFile}
