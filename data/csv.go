package data

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"slices"
	"strings"
)

// row is one data line of a CSV table: its line number and its fields in
// the order of the table's columns.
type row struct {
	line int
	rec  []string
	cols map[string]int
}

func (r row) get(col string) string { return strings.TrimSpace(r.rec[r.cols[col]]) }

// readTable reads file from fsys row by row: '#' lines are comments, the
// first other line is the header, which must hold exactly columns in that
// order. A malformed line (wrong field count, bad quoting) is reported with
// its line and reading stops there. Rows are yielded as they are read, so a
// large table is never held in memory twice.
func readTable(fsys fs.FS, file string, columns []string, p *problems) iter.Seq[row] {
	return func(yield func(row) bool) {
		f, err := fsys.Open(file)
		if err != nil {
			p.add(file, 0, fmt.Errorf("%w: %v", ErrMissing, err))
			return
		}
		defer f.Close()
		r := csv.NewReader(bufio.NewReaderSize(f, 64<<10))
		r.Comment = '#'
		header, err := r.Read()
		if err != nil {
			p.add(file, lineOf(err), fmt.Errorf("%w: no header: %v", ErrColumns, err))
			return
		}
		if header[0] = strings.TrimPrefix(header[0], "\ufeff"); !slices.Equal(header, columns) {
			line, _ := r.FieldPos(0)
			p.add(file, line, fmt.Errorf("%w: header is %q, want %q", ErrColumns, strings.Join(header, ","), strings.Join(columns, ",")))
			return
		}
		cols := make(map[string]int, len(columns))
		for i, c := range columns {
			cols[c] = i
		}
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				p.add(file, lineOf(err), fmt.Errorf("%w: %v", ErrColumns, errors.Unwrap(err)))
				return
			}
			line, _ := r.FieldPos(0)
			if !yield(row{line: line, rec: rec, cols: cols}) {
				return
			}
		}
	}
}

func lineOf(err error) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line
	}
	return 0
}

// splitList splits a ';'-separated cell into trimmed, non-empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ";") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
