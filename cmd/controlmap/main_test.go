package main

import (
	"github.com/controlmap/controlmap/data"

	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb/geojson"
)

// TestVersionStamp builds the binary the way the Makefile does and checks
// that -ldflags -X reaches 'controlmap version'.
func TestVersionStamp(t *testing.T) {
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "controlmap")
	build := exec.Command("go", "build", "-ldflags", "-X main.version=v9.8.7-test", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil || strings.TrimSpace(string(out)) != "controlmap v9.8.7-test" {
		t.Errorf("got %q, %v; want \"controlmap v9.8.7-test\"", out, err)
	}
}

// damagedCopies writes two copies of the dataset: bad, with a status
// outside the vocabulary (an error), and warned, with an undated source (a
// warning, not an error).
func damagedCopies(t *testing.T) (bad, warned string) {
	bad, warned = t.TempDir(), t.TempDir()
	for _, f := range []string{"areas.csv", "sources.csv", "control.csv", "claims.csv", "events.csv", "region.csv"} {
		b, err := os.ReadFile(filepath.Join("../../data", f))
		if err != nil {
			t.Fatal(err)
		}
		weak := b
		if f == "sources.csv" { // an undated source: a warning, not an error
			weak = bytes.Replace(b, []byte(",2021-09-06,day,wire,,independent,"), []byte(",,unknown,wire,,independent,"), 1)
		}
		if err := os.WriteFile(filepath.Join(warned, f), weak, 0o644); err != nil {
			t.Fatal(err)
		}
		if f == "control.csv" {
			b = bytes.Replace(b, []byte("AF0805,2021-09-04,day,taliban"), []byte("AF0805,2021-09-04,day,talibn"), 1)
		}
		if err := os.WriteFile(filepath.Join(bad, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return bad, warned
}

func TestValidate(t *testing.T) {
	t.Parallel()
	needBoundaries(t)
	bad, warned := damagedCopies(t)
	tests := []struct {
		name    string
		args    []string
		wantErr string // "" for success
		wantOut string
	}{
		{"embedded dataset", []string{"validate"}, "", "ok: 10 areas"},
		{"embedded dataset, strict", []string{"validate", "--strict"}, "", "; 0 warnings"},
		{"warnings are not errors", []string{"validate", "--data", warned}, "", "warning: sources.csv:"},
		{"strict turns warnings into errors", []string{"validate", "--strict", "--data", warned}, "--strict", ""},
		{"folder on disk", []string{"validate", "--data", "../../data"}, "", "ok: 10 areas"},
		{"bad folder", []string{"validate", "--data", bad}, "control.csv:", ""},
		{"missing folder", []string{"validate", "--data", filepath.Join(bad, "nope")}, "not a folder", ""},
		{"serve refuses a bad dataset", []string{"serve", "--addr", "127.0.0.1:0", "--data", bad}, "not serving", ""},
		{"unknown command", []string{"frobnicate"}, "unknown command", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), tt.args, &out, &errb)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("got error %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("got output %q, want %q in it", out.String(), tt.wantOut)
			}
		})
	}
	if err := run(context.Background(), []string{"export", "--date", "2021-02-30"}, &bytes.Buffer{}, &bytes.Buffer{}); !errors.Is(err, errUsage) {
		t.Errorf("export with a bad date: got %v, want a usage error", err)
	}
}

func TestExport(t *testing.T) {
	t.Parallel()
	needBoundaries(t)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"export", "--date", "2021-09-06"}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(out.Bytes())
	if err != nil || len(fc.Features) != 10 {
		t.Fatalf("got %v, %v; want 10 features", fc, err)
	}
	if got := fc.Features[0].Properties.MustString("date"); got != "2021-09-06" {
		t.Errorf("got date %q, want 2021-09-06", got)
	}
}

func TestExportFormats(t *testing.T) {
	t.Parallel()
	needBoundaries(t)
	dir := t.TempDir()
	tests := []struct {
		args    []string
		file    string
		prefix  string // how the file starts
		wantErr bool
	}{
		{[]string{"--format", "gpkg"}, "h.gpkg", "SQLite format 3", false},
		{[]string{"--format", "kml"}, "h.kml", "<?xml", false},
		{[]string{"--format", "csv"}, "h.csv", "pcode,name,valid_from", false},
		{[]string{"--format", "csv", "--date", "2021-09-06"}, "d.csv", "pcode,name,name_fa,date,status,since", false},
		{[]string{"--format", "geojson", "--date", "2021-09-06"}, "d.geojson", `{"type":"FeatureCollection"`, false},
		{[]string{"--format", "shp"}, "x.shp", "", true},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, tt.file)
		err := run(context.Background(), append(append([]string{"export"}, tt.args...), "--out", out), &bytes.Buffer{}, &bytes.Buffer{})
		if (err != nil) != tt.wantErr {
			t.Fatalf("%v: got error %v", tt.args, err)
		}
		if err != nil {
			continue
		}
		b, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(b, []byte(tt.prefix)) {
			t.Errorf("%v: file starts %.40q, want %q", tt.args, b, tt.prefix)
		}
	}
	if err := run(context.Background(), []string{"export", "--format", "gpkg"}, &bytes.Buffer{}, &bytes.Buffer{}); !errors.Is(err, errUsage) {
		t.Errorf("gpkg to stdout: got %v, want a usage error", err)
	}
}

// needBoundaries skips a test of the embedded dataset under -short when the
// boundaries that 'make build' derives are missing.
func needBoundaries(t *testing.T) {
	t.Helper()
	if _, err := data.LoadEmbedded(); err != nil && testing.Short() {
		t.Skipf("no derived boundaries ('make build' makes them): %v", err)
	}
}
