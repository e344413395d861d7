package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/controlmap/controlmap/data"
)

// runFmt is `controlmap fmt [--check] [--data DIR]`: every table of the
// folder in its one form (data.Format). With --check nothing is written and
// the command fails naming the files that are not in that form.
func runFmt(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("fmt", flag.ContinueOnError)
	dir := fl.String("data", "data", "the dataset `folder`")
	check := fl.Bool("check", false, "write nothing; fail if a file is not in its form")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	var unformatted []string
	for _, name := range data.FormatFiles {
		p := filepath.Join(*dir, name)
		b, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue // an optional table
		}
		if err != nil {
			return err
		}
		out, err := data.Format(name, b)
		if err != nil {
			return err
		}
		if bytes.Equal(out, b) {
			continue
		}
		unformatted = append(unformatted, p)
		if *check {
			continue
		}
		if err := os.WriteFile(p, out, 0o644); err != nil {
			return err
		}
		if _, err := fmt.Fprintf(stdout, "formatted %s\n", p); err != nil {
			return err
		}
	}
	if *check && len(unformatted) > 0 {
		for _, p := range unformatted {
			if _, err := fmt.Fprintf(stdout, "not formatted: %s\n", p); err != nil {
				return err
			}
		}
		return fmt.Errorf("%w: %d files not in their form: run controlmap fmt --data %s", errInvalid, len(unformatted), *dir)
	}
	return nil
}
