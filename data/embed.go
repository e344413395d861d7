package data

import (
	"embed"
	"io/fs"
)

// embedded holds the committed CSV tables and the boundaries that 'make build'
// derives into boundaries/ (only its README is committed).
//
//go:embed *.csv boundaries
var embedded embed.FS

// Tables returns the embedded dataset tables.
func Tables() fs.FS { return embedded }

// Boundaries returns the embedded derived boundary files.
func Boundaries() (fs.FS, error) { return fs.Sub(embedded, "boundaries") }

// LoadEmbedded loads the dataset compiled into the binary.
func LoadEmbedded() (*Dataset, error) {
	bounds, err := Boundaries()
	if err != nil {
		return nil, err
	}
	return Load(Tables(), bounds)
}
