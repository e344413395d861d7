package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"
)

// The loader's ceilings. A dataset file is edited by hand or saved by a
// spreadsheet: anything past these is a mistake (a device, a runaway
// export), and refusing it keeps a load bounded in memory and time.
const (
	// MaxFileBytes is the largest dataset file read (tables and boundaries):
	// a 10⁶-row control table is about 60 MB.
	MaxFileBytes = 256 << 20
	// MaxLineBytes is the longest physical line of a table, line break
	// included.
	MaxLineBytes = 64 << 10
)

// Sentinels for files that are refused before or while reading them.
var (
	ErrNotRegular = errors.New("data: not a regular file")
	ErrTooLarge   = errors.New("data: too large")
	ErrEncoding   = errors.New("data: bad encoding")
)

// Dir returns the dataset folder dir as a file system that opens only
// what lies inside it: a symbolic link that leads out of the folder is
// refused (os.Root), so a dataset cannot read /etc/passwd by linking to it.
// The folder stays open for the life of the process.
func Dir(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("data: %w", err)
	}
	return root.FS(), nil
}

// openRegular opens name in fsys if it is a regular file of at most
// MaxFileBytes. It looks before it opens: opening a FIFO blocks until a
// writer comes, and /dev/zero never ends. The returned reader stops with
// ErrTooLarge past the cap even if the file grows or lied about its size.
func openRegular(fsys fs.FS, name string) (io.ReadCloser, error) {
	if err := checkRegular(fs.Stat(fsys, name)); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(f.Stat()); err != nil { // replaced since the first look
		f.Close()
		return nil, err
	}
	return &cappedFile{File: f, left: MaxFileBytes}, nil
}

func checkRegular(st fs.FileInfo, err error) error {
	switch {
	case err != nil:
		return err
	case !st.Mode().IsRegular():
		return fmt.Errorf("%w (%s)", ErrNotRegular, st.Mode().Type())
	case st.Size() > MaxFileBytes:
		return fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, st.Size(), MaxFileBytes)
	}
	return nil
}

// cappedFile reads at most left bytes and fails past them.
type cappedFile struct {
	fs.File
	left int64
}

func (c *cappedFile) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var one [1]byte
		if n, _ := c.File.Read(one[:]); n > 0 {
			return 0, fmt.Errorf("%w: over %d bytes", ErrTooLarge, MaxFileBytes)
		}
		return 0, io.EOF
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.File.Read(p)
	c.left -= int64(n)
	return n, err
}

// readFile reads a whole file through openRegular.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := openRegular(fsys, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

var bom = []byte("\ufeff")

// lineReader hands a table to encoding/csv one checked physical line at a
// time: at most MaxLineBytes, valid UTF-8, no C0 control character but tab
// (line breaks end lines; a CR only before LF). A byte-order mark is
// dropped wherever a spreadsheet writes one: at the start of the file, or
// of a line when exports were concatenated. The first bad line stops the
// reader with a *lineError naming it.
type lineReader struct {
	br   *bufio.Reader
	line int    // physical lines read
	buf  []byte // the rest of the current line
	err  *lineError
}

type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, MaxLineBytes)}
}

func (l *lineReader) Read(p []byte) (int, error) {
	for len(l.buf) == 0 {
		if l.err != nil {
			return 0, l.err
		}
		line, err := l.br.ReadSlice('\n')
		if len(line) == 0 && err != nil {
			return 0, l.fail(err)
		}
		l.line++
		if errors.Is(err, bufio.ErrBufferFull) {
			return 0, l.fail(fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, MaxLineBytes))
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, l.fail(err)
		}
		line = bytes.TrimPrefix(line, bom)
		if bad := checkLine(line); bad != nil {
			return 0, l.fail(bad)
		}
		l.buf = line
	}
	n := copy(p, l.buf)
	l.buf = l.buf[n:]
	return n, nil
}

// fail records err against the current line; io.EOF passes through.
func (l *lineReader) fail(err error) error {
	if errors.Is(err, io.EOF) {
		return io.EOF
	}
	l.err = &lineError{line: max(l.line, 1), err: err}
	return l.err
}

// checkLine checks one physical line, its line break included.
func checkLine(line []byte) error {
	body := bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
	if !utf8.Valid(body) {
		return fmt.Errorf("%w: not UTF-8 (save the file as UTF-8)", ErrEncoding)
	}
	for i, c := range body {
		if c < 0x20 && c != '\t' || c == 0x7f {
			return fmt.Errorf("%w: control character %U at byte %d", ErrEncoding, rune(c), i+1)
		}
	}
	return nil
}
