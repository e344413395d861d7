package data

import (
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
// first other line is the header, which must name each of columns once, in
// any order (a spreadsheet may have moved them) and nothing else. The file
// goes through openRegular and a lineReader, so a device, a FIFO, an
// oversized file or line, bad UTF-8 or a control character is one error
// naming the line. A malformed record (wrong field count, bad quoting) is
// reported at its first line and reading stops there: one unterminated
// quote is one error. Rows are yielded as they are read, so a large table
// is never held in memory twice.
func readTable(fsys fs.FS, file string, columns []string, p *problems) iter.Seq[row] {
	return func(yield func(row) bool) {
		f, err := openRegular(fsys, file)
		if err != nil {
			p.add(file, 0, fmt.Errorf("%w: %w", ErrMissing, err))
			return
		}
		defer f.Close()
		lr := newLineReader(f)
		r := csv.NewReader(lr)
		r.Comment = '#'
		header, err := r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) && lr.err == nil {
				err = fmt.Errorf("%w: no header (the file holds only comments)", ErrColumns)
			}
			p.add(file, recordLine(lr, err), readErr(lr, err))
			return
		}
		cols, err := headerColumns(header, columns)
		if err != nil {
			line, _ := r.FieldPos(0)
			p.add(file, line, err)
			return
		}
		r.FieldsPerRecord = -1 // a row with too many or too few cells is named as such, and the rest still read
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) && lr.err == nil {
				return
			}
			if err != nil {
				p.add(file, recordLine(lr, err), readErr(lr, err))
				return
			}
			line, _ := r.FieldPos(0)
			if len(rec) != len(header) {
				p.add(file, line, cellCount(r, header, rec))
				continue
			}
			if !yield(row{line: line, rec: rec, cols: cols}) {
				return
			}
		}
	}
}

// cellCount says what is wrong with a row whose cells do not match the
// header, and where: more cells are most often a comma in a cell that is not
// in quotes; fewer, a cell left out.
func cellCount(r *csv.Reader, header, rec []string) error {
	if len(rec) > len(header) {
		line, col := r.FieldPos(len(header))
		return fmt.Errorf("%w: %d cells where the header names %d: an unquoted comma? The cells after column %q start at line %d, column %d: put the cell with the comma in double quotes",
			ErrColumns, len(rec), len(header), strings.TrimSpace(header[len(header)-1]), line, col)
	}
	return fmt.Errorf("%w: %d cells where the header names %d: column %q and those after it are missing",
		ErrColumns, len(rec), len(header), strings.TrimSpace(header[len(rec)]))
}

// headerColumns maps each of columns to its position in header.
func headerColumns(header, columns []string) (map[string]int, error) {
	cols := make(map[string]int, len(columns))
	for i, h := range header {
		h = strings.TrimSpace(h)
		_, seen := cols[h]
		switch {
		case !slices.Contains(columns, h):
			return nil, fmt.Errorf("%w: unknown column %q in the header (want %q in any order)", ErrColumns, h, strings.Join(columns, ","))
		case seen:
			return nil, fmt.Errorf("%w: column %q twice in the header", ErrColumns, h)
		}
		cols[h] = i
	}
	for _, c := range columns {
		if _, ok := cols[c]; !ok {
			return nil, fmt.Errorf("%w: no column %q in the header (want %q in any order)", ErrColumns, c, strings.Join(columns, ","))
		}
	}
	return cols, nil
}

// recordLine is the line to report a read error at: the bad physical line
// when the lineReader refused one, else the first line of the record the
// CSV parser could not read (not the line where it noticed).
func recordLine(lr *lineReader, err error) int {
	if lr.err != nil {
		return lr.err.line
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.StartLine
	}
	return 0
}

// readErr is the error to report: the lineReader's own, or the parser's
// message without its position (the report names the line).
func readErr(lr *lineReader, err error) error {
	if lr.err != nil {
		return lr.err.err
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%w: %w", ErrColumns, pe.Err)
	}
	return err
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
