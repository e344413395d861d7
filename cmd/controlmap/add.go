package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/tempdir"
)

// addKinds are the rows `controlmap add` writes: the table and the flags,
// each flag a column ("" in the column means the flag's own name).
var addKinds = map[string]struct {
	file  string
	flags [][3]string // flag, column, usage
}{
	"source": {data.SourcesFile, [][3]string{
		{"publisher", "", "who published it (\"Los Angeles Times (AP)\")"}, {"title", "", "the page's headline"},
		{"url", "", "the page's address"}, {"published", "", "YYYY-MM-DD, YYYY-MM, or empty"},
		{"published-precision", "published_precision", "day, month or unknown (default from --published)"},
		{"tier", "", "primary, wire, copy, statement or reference"}, {"copy-of", "copy_of", "for a copy: the id of its primary"},
		{"affiliation", "", "independent, taliban, resistance or state:XX"}, {"title-kind", "title_kind", "headline (default) or description"}}},
	"claim": {data.ClaimsFile, [][3]string{
		{"date", "", "YYYY-MM-DD"}, {"pcodes", "", "P-codes, ';'-separated"}, {"party", "", "taliban, resistance, independent or state"},
		{"kind", "", "claim, denial or report"}, {"status", "", "what the statement says"}, {"sources", "", "source ids, ';'-separated"},
		{"note", "", "what it says, in a sentence"}}},
	"change": {data.ControlFile, [][3]string{
		{"pcode", "", "the district"}, {"from", "", "YYYY-MM-DD"}, {"date-precision", "date_precision", "day (default), week, month or inferred"},
		{"status", "", "republic, taliban, resistance or contested"}, {"confidence", "", "high, medium or low"},
		{"sources", "", "source ids, ';'-separated"}, {"note", "", "why, in a sentence"}}},
	"event": {data.EventsFile, [][3]string{
		{"date", "event_date", "YYYY-MM-DD"}, {"time-precision", "time_precision", "1 day (default), 2 week, 3 month"},
		{"type", "event_type", "ACLED event type"}, {"sub-type", "sub_event_type", "ACLED sub-event type"},
		{"actor1", "", "who acted"}, {"actor2", "", "against whom"}, {"admin1", "", "province"}, {"admin2", "", "district"},
		{"pcode", "", "the district's P-code (empty for a province-wide event)"}, {"location", "", "the place"},
		{"latitude", "", "at geo precision 1 or 2"}, {"longitude", "", "at geo precision 1 or 2"},
		{"geo-precision", "geo_precision", "1 exact, 2 near, 3 district or province only (default)"},
		{"fatalities", "", "a whole number, or empty"}, {"notes", "", "what happened, in a sentence"}, {"sources", "", "source ids, ';'-separated"}}},
}

// runAdd is `controlmap add KIND --flag value ... [--data DIR]`: one row
// written in its place, with an id no other editor can take (a source's and
// an event's are derived from what they are: data.NewSourceID,
// NewEventID). The dataset is loaded with the row before the file is
// replaced: a row that does not load is refused with its problems.
func runAdd(args []string, stdout io.Writer) error {
	if len(args) == 0 || addKinds[args[0]].file == "" {
		return fmt.Errorf("%w: controlmap add source|claim|change|event [flags]", errUsage)
	}
	kind := addKinds[args[0]]
	fl := flag.NewFlagSet("add "+args[0], flag.ContinueOnError)
	dir := fl.String("data", "data", "the dataset `folder`")
	boundsDir := fl.String("boundaries", "", "`folder` of derived boundary files (default: the embedded ones)")
	values := map[string]*string{}
	for _, f := range kind.flags {
		values[f[0]] = fl.String(f[0], "", f[2])
	}
	if err := fl.Parse(args[1:]); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	cells := map[string]string{}
	for _, f := range kind.flags {
		col := f[1]
		if col == "" {
			col = f[0]
		}
		cells[col] = strings.TrimSpace(*values[f[0]])
	}
	id := addDefaults(args[0], cells)
	path := filepath.Join(*dir, kind.file)
	before, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	after, err := data.AddRow(kind.file, before, cells)
	if err != nil {
		return err
	}
	warnings, err := checkWith(*dir, *boundsDir, map[string][]byte{kind.file: after})
	if err != nil {
		return fmt.Errorf("the row was not added:\n%w", err)
	}
	if err := os.WriteFile(path, after, 0o644); err != nil {
		return err
	}
	if _, err = fmt.Fprintf(stdout, "added to %s%s\n", path, id); err != nil {
		return err
	}
	for _, w := range warnings { // validate --strict will refuse these until they are mended
		if _, err := fmt.Fprintf(stdout, "warning: %s\n", w); err != nil {
			return err
		}
	}
	return nil
}

// addDefaults fills what a row of kind may leave out and the derived id;
// it returns " as ID" for the message ("" when the row has no id).
func addDefaults(kind string, cells map[string]string) string {
	orDefault := func(col, def string) {
		if cells[col] == "" {
			cells[col] = def
		}
	}
	switch kind {
	case "source":
		orDefault("title_kind", string(data.TitleHeadline))
		switch p := cells["published"]; {
		case len(p) == len("2006-01-02"):
			orDefault("published_precision", string(data.PrecisionDay))
		case len(p) == len("2006-01"):
			orDefault("published_precision", string(data.PrecisionMonth))
		default:
			orDefault("published_precision", string(data.PrecisionUnknown))
		}
		cells["id"] = data.NewSourceID(cells["published"], cells["url"])
		return " as " + cells["id"]
	case "change":
		orDefault("date_precision", string(data.PrecisionDay))
	case "event":
		orDefault("time_precision", "1")
		orDefault("geo_precision", "3")
		cells["event_id"] = data.NewEventID(cells["event_date"], cells["location"], cells["event_type"], cells["actor1"], cells["actor2"])
		return " as " + cells["event_id"]
	}
	return ""
}

// checkWith loads the dataset of dir with the files of changed replaced by
// their new content (from a copy of the folder): an error when it does not
// load, else the evidence warnings about the changed files (a source added
// before the row that cites it is uncited for a moment: a warning, not a
// refusal).
func checkWith(dir, boundsDir string, changed map[string][]byte) ([]string, error) {
	tmp, err := tempdir.New("add")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".csv") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if c, ok := changed[e.Name()]; ok {
			b = c
		}
		if err := os.WriteFile(filepath.Join(tmp, e.Name()), b, 0o644); err != nil {
			return nil, err
		}
	}
	ds, err := loadDataset(tmp, boundsDir)
	if err != nil {
		return nil, err
	}
	var warnings []string
	for _, w := range data.Lint(ds, ds.Region.Zone.Today(time.Now())) {
		if _, ok := changed[w.File]; ok {
			warnings = append(warnings, w.String())
		}
	}
	return warnings, nil
}
