package data

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
)

// contentVersion combines the hashes of the files the dataset was read
// from (recorded as the loader read them: no file is read twice). A file
// that was never read, such as a missing context, counts as empty.
func contentVersion(tables, bounds *hashingFS) string {
	h := sha256.New()
	for _, f := range []struct {
		fsys *hashingFS
		name string
	}{{tables, AreasFile}, {tables, SourcesFile}, {tables, ControlFile}, {tables, ClaimsFile}, {tables, EventsFile},
		{tables, PeriodsFile}, {tables, PlacesFile}, {tables, PresenceFile}, {tables, RevisionsFile}, {tables, PublicationsFile},
		{bounds, FullBoundsFile}, {bounds, DisplayBoundsFile}, {bounds, ContextFile}, {bounds, GeoNamesFile}} {
		fmt.Fprintf(h, "%s %x\n", f.name, f.fsys.sums[f.name])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// hashingFS records the SHA-256 of every file read to its end through it.
type hashingFS struct {
	fsys fs.FS
	sums map[string][]byte
}

func newHashingFS(fsys fs.FS) fs.FS { return &hashingFS{fsys: fsys, sums: map[string][]byte{}} }

func (h *hashingFS) Open(name string) (fs.File, error) {
	f, err := h.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	return &hashingFile{File: f, name: name, hash: sha256.New(), owner: h}, nil
}

// Stat looks without opening (see openRegular): a FIFO must not be opened.
func (h *hashingFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(h.fsys, name) }

type hashingFile struct {
	fs.File
	name  string
	hash  hash.Hash
	owner *hashingFS
}

func (f *hashingFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.hash.Write(p[:n])
	if errors.Is(err, io.EOF) {
		f.owner.sums[f.name] = f.hash.Sum(nil)
	}
	return n, err
}
