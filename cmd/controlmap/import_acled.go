package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/controlmap/controlmap/data"
)

// runImport is `controlmap import acled FILE.csv [--data DIR]`: the events
// of an ACLED export that lie in the mapped districts, added to events.csv
// with a source each in sources.csv (data.ImportACLED). Importing one
// export twice adds nothing; what is left out is listed with why.
func runImport(args []string, stdout io.Writer) error {
	if len(args) < 2 || args[0] != "acled" {
		return fmt.Errorf("%w: controlmap import acled FILE.csv [--data DIR] [--boundaries DIR] (the boundary files: controlmap boundaries)", errUsage)
	}
	fl := flag.NewFlagSet("import acled", flag.ContinueOnError)
	dir := fl.String("data", "data", "the dataset `folder`")
	boundsDir := fl.String("boundaries", "", "`folder` of derived boundary files (default: the embedded ones)")
	if err := fl.Parse(args[2:]); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	ds, err := loadDataset(*dir, *boundsDir)
	if err != nil {
		return err
	}
	f, err := os.Open(args[1])
	if err != nil {
		return err
	}
	defer f.Close()
	imp, err := ds.ImportACLED(f)
	if err != nil {
		return err
	}
	changed := map[string][]byte{}
	for file, rows := range map[string][]map[string]string{data.SourcesFile: imp.Sources, data.EventsFile: imp.Events} {
		b, err := os.ReadFile(filepath.Join(*dir, file))
		if err != nil {
			return err
		}
		for _, row := range rows {
			if b, err = data.AddRow(file, b, row); err != nil {
				return err
			}
		}
		changed[file] = b
	}
	warnings, err := checkWith(*dir, *boundsDir, changed)
	if err != nil {
		return fmt.Errorf("nothing was imported:\n%w", err)
	}
	if len(imp.Events) > 0 {
		for file, b := range changed {
			if err := os.WriteFile(filepath.Join(*dir, file), b, 0o644); err != nil {
				return err
			}
		}
	}
	if _, err := fmt.Fprintf(stdout, "imported %d events (and a source each); left out %d\n", len(imp.Events), len(imp.Skipped)); err != nil {
		return err
	}
	for _, s := range imp.Skipped {
		if _, err := fmt.Fprintf(stdout, "left out %s\n", s); err != nil {
			return err
		}
	}
	for _, w := range warnings {
		if _, err := fmt.Fprintf(stdout, "warning: %s\n", w); err != nil {
			return err
		}
	}
	return nil
}
