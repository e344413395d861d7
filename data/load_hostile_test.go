package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// TestLoadAccepts: edits a spreadsheet makes to a valid file are valid.
func TestLoadAccepts(t *testing.T) {
	tests := []struct {
		name, file string
		edit       func(string) string
	}{
		{"BOM before the first comment", "areas.csv", func(s string) string { return "\ufeff" + s }},
		{"BOM before a header", "control.csv", func(s string) string { return "\ufeff" + s }},
		{"BOM where two exports were joined", "claims.csv", func(s string) string {
			return strings.Replace(s, "\n2021-09-06", "\n\ufeff2021-09-06", 1)
		}},
		{"CRLF line ends", "sources.csv", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
		{"reordered header", "areas.csv", func(s string) string {
			return strings.NewReplacer("pcode,name,name_fa,province,aliases", "name,pcode,province,name_fa,aliases",
				"AF0001,North,شمال,Testland,Nord", "North,AF0001,Testland,شمال,Nord",
				"AF0002,South,جنوب,Testland,", "South,AF0002,Testland,جنوب,").Replace(s)
		}},
		{"tab in a note", "control.csv", func(s string) string { return strings.Replace(s, "North taken.", "North\ttaken.", 1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := fixture(t)
			m[tt.file] = &fstest.MapFile{Data: []byte(tt.edit(string(m[tt.file].Data)))}
			d, err := Load(m, m)
			if err != nil {
				t.Fatalf("got %v, want the edited dataset accepted", err)
			}
			if a, _ := d.Area("AF0001"); len(d.Areas) != 2 || a.Name != "North" || a.NameFa != "شمال" {
				t.Errorf("got areas %+v, want North and South with their names", d.Areas)
			}
		})
	}
}

// TestLoadRefusesHostile: every broken file gives a few errors naming the
// file and line, never a panic, and nothing spurious in the other tables.
func TestLoadRefusesHostile(t *testing.T) {
	long := strings.Repeat("x", MaxLineBytes)
	tests := []struct {
		name, file, content string
		want                error
		where               []string // each error's "file:line", in order
	}{
		{"only a header", "areas.csv", "pcode,name,name_fa,province,aliases\n", ErrMissing, []string{"areas.csv"}},
		{"only comments", "control.csv", "# nothing\n", ErrColumns, []string{"control.csv"}},
		{"empty", "sources.csv", "", ErrColumns, []string{"sources.csv"}},
		{"unterminated quote", "sources.csv", "id,publisher,title,url,published,published_precision,tier,copy_of,affiliation,title_kind\n" +
			"S1,A,B,https://a.org/,2021-09-01,day,wire,,independent,headline\n" +
			"S2,\"A,B,https://a.org/,2021-09-01,day,wire,,independent,headline\n" +
			"S3,A,B,https://a.org/,2021-09-01,day,wire,,independent,headline\n", ErrColumns, []string{"sources.csv:3"}},
		{"invalid UTF-8", "areas.csv", "pcode,name,name_fa,province,aliases\nAF0001,N\xffrth,x,T,\n", ErrEncoding, []string{"areas.csv:2"}},
		{"NUL byte", "control.csv", "pcode,from,date_precision,status,confidence,sources,note\nAF0001,2021-09-01,day,resistance,high,S1,a\x00b\n", ErrEncoding, []string{"control.csv:2"}},
		{"escape character", "claims.csv", "date,pcodes,party,kind,status,sources,note\n2021-09-01,AF0001,taliban,claim,taliban,S1,\x1b[31m\n", ErrEncoding, []string{"claims.csv:2"}},
		{"a line over the cap", "events.csv", "# " + long + "\n", ErrTooLarge, []string{"events.csv:1"}},
		{"unknown column", "control.csv", "pcode,from,date_precision,status,confidence,sources,note,extra\n", ErrColumns, []string{"control.csv:1"}},
		{"column twice", "control.csv", "pcode,from,date_precision,status,confidence,sources,note,note\n", ErrColumns, []string{"control.csv:1"}},
		{"column missing", "control.csv", "# a comment\npcode,from,date_precision,status,confidence,sources\n", ErrColumns, []string{"control.csv:2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := fixture(t)
			m[tt.file] = &fstest.MapFile{Data: []byte(tt.content)}
			checkRefused(t, m, tt.want, tt.where)
		})
	}
}

func checkRefused(t *testing.T, m fstest.MapFS, want error, where []string) {
	t.Helper()
	d, err := Load(m, m)
	if err == nil || d != nil {
		t.Fatalf("got dataset %v, error %v; want no dataset and %v", d != nil, err, want)
	}
	if !errors.Is(err, want) {
		t.Errorf("got %v, want it to wrap %v", err, want)
	}
	got := strings.Split(err.Error(), "\n")
	if len(got) != len(where) {
		t.Fatalf("got %d errors, want %d:\n%v", len(got), len(where), err)
	}
	for i, w := range where {
		if !strings.HasPrefix(got[i], w+":") {
			t.Errorf("error %d is %q, want it at %s", i, got[i], w)
		}
	}
}

// TestLoadFolderRefuses: in a real folder, only regular files inside it
// are read; a device, a FIFO, a link out or a huge file is one quick error.
// folderHazard is a file that a dataset folder must not be able to pass
// off as a table: how to make it, and the error it must give.
type folderHazard struct {
	name, file string
	make       func(t *testing.T, path string)
	want       error
	plain      bool // through os.DirFS, which follows links anywhere
}

func folderHazards() []folderHazard {
	return []folderHazard{
		{"link to /dev/zero", "events.csv", func(t *testing.T, p string) { must(t, os.Symlink("/dev/zero", p)) }, ErrMissing, false},
		{"link to /dev/zero, followed", "events.csv", func(t *testing.T, p string) { must(t, os.Symlink("/dev/zero", p)) }, ErrNotRegular, true},
		{"FIFO", "control.csv", func(t *testing.T, p string) { must(t, syscall.Mkfifo(p, 0o600)) }, ErrNotRegular, false},
		{"folder", "claims.csv", func(t *testing.T, p string) { must(t, os.Mkdir(p, 0o700)) }, ErrNotRegular, false},
		{"link out of the folder", "areas.csv", func(t *testing.T, p string) {
			out := filepath.Join(t.TempDir(), "areas.csv")
			must(t, os.WriteFile(out, fixture(t)["areas.csv"].Data, 0o600))
			must(t, os.Symlink(out, p))
		}, ErrMissing, false},
		{"file over the cap", "sources.csv", func(t *testing.T, p string) {
			must(t, os.WriteFile(p, nil, 0o600))
			must(t, os.Truncate(p, MaxFileBytes+1)) // sparse: no disk used
		}, ErrTooLarge, false},
		// The derived GeoNames towns pass the same guards (issue 27: they
		// were read whole, whatever the file was).
		{"GeoNames FIFO", "geonames.json", func(t *testing.T, p string) { must(t, syscall.Mkfifo(p, 0o600)) }, ErrNotRegular, false},
		{"GeoNames over the cap", "geonames.json", func(t *testing.T, p string) {
			must(t, os.WriteFile(p, nil, 0o600))
			must(t, os.Truncate(p, MaxFileBytes+1))
		}, ErrTooLarge, false},
	}
}

func TestLoadFolderRefuses(t *testing.T) {
	for _, tt := range folderHazards() {
		t.Run(tt.name, func(t *testing.T) {
			dir := fixtureDir(t)
			path := filepath.Join(dir, tt.file)
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				t.Fatal(err)
			}
			tt.make(t, path)
			fsys, err := Dir(dir)
			must(t, err)
			if tt.plain {
				fsys = os.DirFS(dir)
			}
			done := make(chan error, 1)
			go func() { _, err := Load(fsys, fsys); done <- err }()
			select {
			case err := <-done:
				if !errors.Is(err, tt.want) || !strings.HasPrefix(err.Error(), tt.file+": ") {
					t.Errorf("got %v, want %v on %s", err, tt.want, tt.file)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("the load blocked")
			}
		})
	}
}

// A link that stays inside the folder is followed.
func TestLoadFolderLinkInside(t *testing.T) {
	dir := fixtureDir(t)
	must(t, os.Rename(filepath.Join(dir, "areas.csv"), filepath.Join(dir, "areas-v2.csv")))
	must(t, os.Symlink("areas-v2.csv", filepath.Join(dir, "areas.csv")))
	fsys, err := Dir(dir)
	must(t, err)
	if _, err := Load(fsys, fsys); err != nil {
		t.Errorf("got %v, want a link inside the folder followed", err)
	}
}

func fixtureDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range fixture(t) {
		must(t, os.WriteFile(filepath.Join(dir, name), f.Data, 0o600))
	}
	return dir
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
