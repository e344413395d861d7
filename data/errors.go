package data

import (
	"errors"
	"fmt"
)

// Sentinel errors wrapped by the loader, to test with errors.Is.
var (
	ErrColumns      = errors.New("data: wrong columns")
	ErrUnknownPCode = errors.New("data: unknown P-code")
	ErrUnknownSrc   = errors.New("data: unknown source id")
	ErrNoSource     = errors.New("data: no source")
	ErrVocabulary   = errors.New("data: value outside the vocabulary")
	ErrOrder        = errors.New("data: out of date order")
	ErrDuplicate    = errors.New("data: duplicate")
	ErrMissing      = errors.New("data: missing value")
	ErrBadValue     = errors.New("data: bad value")
	ErrOutOfBounds  = errors.New("data: coordinates outside the area")
	ErrNoBoundary   = errors.New("data: no boundary")
)

// RowError is a problem with one line of one dataset file.
type RowError struct {
	File string // file name within the dataset folder, e.g. "control.csv"
	Line int    // 1-based line number; 0 when the problem is the whole file
	Err  error
}

func (e *RowError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *RowError) Unwrap() error { return e.Err }

// maxErrors bounds how many problems one load reports, so that a badly broken
// file gives a readable list rather than thousands of lines.
const maxErrors = 50

// problems collects row errors while a load goes on, so that an analyst sees
// every mistake in one run. It remembers which files had any, past the cap
// too: checks against a table that failed to load are skipped, since every
// row citing it would report a mistake that is not there.
type problems struct {
	errs  []error
	files map[string]bool
}

func (p *problems) add(file string, line int, err error) {
	if p.files == nil {
		p.files = map[string]bool{}
	}
	p.files[file] = true
	if len(p.errs) < maxErrors {
		p.errs = append(p.errs, &RowError{File: file, Line: line, Err: err})
	}
}

func (p *problems) err() error { return errors.Join(p.errs...) }

// failed reports whether file had any problem: its rows are not all loaded.
func (p *problems) failed(file string) bool { return p.files[file] }
