package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// row is one data line of a CSV table, with its line number and its fields
// by column name.
type row struct {
	line   int
	fields map[string]string
}

func (r row) get(col string) string { return strings.TrimSpace(r.fields[col]) }

// readTable reads file from fsys: '#' lines are comments, the first other
// line is the header, which must hold exactly columns in that order. A
// malformed line (wrong field count, bad quoting) is reported with its line
// and reading stops there.
func readTable(fsys fs.FS, file string, columns []string, p *problems) []row {
	f, err := fsys.Open(file)
	if err != nil {
		p.add(file, 0, fmt.Errorf("%w: %v", ErrMissing, err))
		return nil
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	header, err := r.Read()
	if err != nil {
		p.add(file, lineOf(err), fmt.Errorf("%w: no header: %v", ErrColumns, err))
		return nil
	}
	if header[0] = strings.TrimPrefix(header[0], "\ufeff"); !slices.Equal(header, columns) {
		line, _ := r.FieldPos(0)
		p.add(file, line, fmt.Errorf("%w: header is %q, want %q", ErrColumns, strings.Join(header, ","), strings.Join(columns, ",")))
		return nil
	}
	var rows []row
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows
		}
		if err != nil {
			p.add(file, lineOf(err), fmt.Errorf("%w: %v", ErrColumns, errors.Unwrap(err)))
			return rows
		}
		line, _ := r.FieldPos(0)
		fields := make(map[string]string, len(columns))
		for i, c := range columns {
			fields[c] = rec[i]
		}
		rows = append(rows, row{line: line, fields: fields})
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
