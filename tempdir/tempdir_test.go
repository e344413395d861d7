package tempdir

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// A dead process's folder goes, a live one's stays, and an old folder
// without a process id goes; other files are never touched.
func TestRemoveStale(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	mk := func(name string, age time.Duration) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Join(p, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p, "sub", "f.gpkg"), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-age)
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
		return p
	}
	deadDir := mk("controlmap-gpkg-"+strconv.Itoa(dead.Process.Pid)+"-123", 0)
	liveDir := mk("controlmap-exports-"+strconv.Itoa(os.Getpid())+"-456", 48*time.Hour)
	legacyOld := mk("controlmap-gpkg-789", 48*time.Hour)
	legacyNew := mk("controlmap-exports-790", time.Hour)
	other := mk("someone-else-1-2", 48*time.Hour)
	removed := removeStale(dir, time.Now())
	for p, gone := range map[string]bool{deadDir: true, liveDir: false, legacyOld: true, legacyNew: false, other: false} {
		if _, err := os.Stat(p); os.IsNotExist(err) != gone {
			t.Errorf("%s: gone %v, want %v", filepath.Base(p), !gone, gone)
		}
	}
	if len(removed) != 2 {
		t.Errorf("removed %v, want the dead process's and the old one", removed)
	}
}

// New names the folder after this process.
func TestNew(t *testing.T) {
	t.Parallel()
	p, err := New("gpkg")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(p)
	if e, _ := os.Stat(p); e == nil || !e.IsDir() {
		t.Fatal("no folder")
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	for _, e := range entries {
		if filepath.Join(filepath.Dir(p), e.Name()) == p && stale(e, e.Name(), time.Now()) {
			t.Errorf("%s, this process's own folder, counts as stale", e.Name())
		}
	}
}
