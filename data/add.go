package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// AddRow returns content (a table) with one more row, whose cells are given
// by column name, put in its place by Format. An unknown column is an
// error; a column not given is left empty.
func AddRow(file string, content []byte, cells map[string]string) ([]byte, error) {
	_, body := splitComments(content)
	r := csv.NewReader(bytes.NewReader(body))
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: the header: %w", file, err)
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	for name := range cells {
		if !slices.Contains(header, name) {
			return nil, fmt.Errorf("%s has no column %q (it has %s)", file, name, strings.Join(header, ", "))
		}
	}
	rec := make([]string, len(header))
	for i, name := range header {
		rec[i] = cells[name]
	}
	var row bytes.Buffer
	w := csv.NewWriter(&row)
	if err := w.Write(rec); err != nil {
		return nil, err
	}
	w.Flush()
	out := append(bytes.TrimRight(slices.Clone(content), "\n"), '\n')
	return Format(file, append(out, row.Bytes()...))
}

// NewSourceID is the id of a new source, derived from what it is: the day
// it was published and its URL. Two editors who add different sources on
// one day get different ids, and two who add the same page get the same
// one (the loader then reports it twice): no one hands out numbers.
// "S20220601-3fa2c1": S, the publication day (or "undated"), and 3 bytes of
// the URL's SHA-256.
func NewSourceID(published, url string) string {
	day := strings.ReplaceAll(published, "-", "")
	if day == "" {
		day = "undated"
	}
	return "S" + day + "-" + shortHash(urlKey(url))
}

// NewEventID is the id of a new event, derived from the incident: its day,
// place, type and actors, so one incident entered by two editors has one
// id (the loader refuses the second) and two incidents have two:
// "CM20250601-a3f2c1".
func NewEventID(date, location, eventType, actor1, actor2 string) string {
	return "CM" + strings.ReplaceAll(date, "-", "") + "-" +
		shortHash(strings.ToLower(strings.Join([]string{location, eventType, actor1, actor2}, "|")))
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:3])
}
