package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/controlmap/controlmap/data"
)

// loadDataset loads the embedded dataset, or the CSV tables in dir when dir
// is not empty, with the embedded boundaries or those derived into
// boundsDir. Folders are opened with data.Dir: nothing outside them is read.
func loadDataset(dir, boundsDir string) (*data.Dataset, error) {
	if dir == "" && boundsDir == "" {
		return data.LoadEmbedded()
	}
	for flag, d := range map[string]string{"--data": dir, "--boundaries": boundsDir} {
		if st, err := os.Stat(d); d != "" && (err != nil || !st.IsDir()) {
			return nil, fmt.Errorf("%s %s: not a folder", flag, d)
		}
	}
	tables, bounds := data.Tables(), fs.FS(nil)
	var err error
	if dir != "" {
		if tables, err = data.Dir(dir); err != nil {
			return nil, err
		}
	}
	if boundsDir != "" {
		bounds, err = data.Dir(boundsDir)
	} else {
		bounds, err = data.Boundaries()
	}
	if err != nil {
		return nil, err
	}
	return data.Load(tables, bounds)
}

// errInvalid marks a dataset that fails validation: exit status 1.
var errInvalid = errors.New("invalid dataset")

func runValidate(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("validate", flag.ContinueOnError)
	dir := fl.String("data", "", "dataset `folder` of CSV files (default: the embedded dataset)")
	boundsDir := fl.String("boundaries", "", "`folder` of derived boundary files (default: the embedded ones)")
	strict := fl.Bool("strict", false, "treat evidence warnings as errors")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	d, err := loadDataset(*dir, *boundsDir)
	if err != nil {
		return fmt.Errorf("invalid dataset:\n%w", err)
	}
	warnings := data.Lint(d, d.Region.Zone.Today(time.Now()))
	for _, w := range warnings {
		if _, err := fmt.Fprintf(stdout, "warning: %s\n", w); err != nil {
			return err
		}
	}
	if *strict && len(warnings) > 0 {
		return fmt.Errorf("%w: %d evidence warnings (--strict)", errInvalid, len(warnings))
	}
	stories, independent := d.Stories()
	_, err = fmt.Fprintf(stdout, "ok: %d areas, %d assessed changes, %d claims, %d events, %d sources (%d stories, %d independent); %s to %s; %d warnings\n",
		len(d.Areas), len(d.History()), len(d.Claims), len(d.Events), len(d.Sources), stories, independent, d.First, d.LastChange, len(warnings))
	return err
}
