package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/controlmap/controlmap/data"
)

// loadDataset loads the embedded dataset, or the CSV tables in dir (with the
// embedded boundaries) when dir is not empty.
func loadDataset(dir string) (*data.Dataset, error) {
	if dir == "" {
		return data.LoadEmbedded()
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("--data %s: not a folder", dir)
	}
	bounds, err := data.Boundaries()
	if err != nil {
		return nil, err
	}
	return data.Load(os.DirFS(dir), bounds)
}

func runValidate(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("validate", flag.ContinueOnError)
	dir := fl.String("data", "", "dataset `folder` of CSV files (default: the embedded dataset)")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	d, err := loadDataset(*dir)
	if err != nil {
		return fmt.Errorf("invalid dataset:\n%w", err)
	}
	_, err = fmt.Fprintf(stdout, "ok: %d areas, %d assessed changes, %d claims, %d events, %d sources; %s to %s\n",
		len(d.Areas), len(d.History()), len(d.Claims), len(d.Events), len(d.Sources), d.First, d.LastChange)
	return err
}
