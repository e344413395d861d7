package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestPublishIncremental: a second publish with nothing changed writes
// nothing (bytes and modification times stay), the manifest gives each
// file's size and SHA-256, and a file the previous publish made that this
// one does not is removed, while a file the publisher did not make, or one
// a manifest names outside the folder, is left alone.
func TestPublishIncremental(t *testing.T) {
	t.Parallel()
	s := newFixtureServer(t)
	dir := t.TempDir()
	first, err := s.Publish(dir)
	if err != nil {
		t.Fatal(err)
	}
	if first.Written != len(first.Files) || first.Unchanged != 0 {
		t.Fatalf("first publish: %d written, %d unchanged of %d", first.Written, first.Unchanged, len(first.Files))
	}
	for name, f := range first.Files {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != f.SHA256 || int64(len(b)) != f.Size {
			t.Fatalf("%s: the manifest's digest or size is not the file's", name)
		}
	}
	mtimes := func() map[string]time.Time {
		out := map[string]time.Time{}
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				info, _ := d.Info()
				out[p] = info.ModTime()
			}
			return err
		})
		return out
	}
	before := mtimes()
	time.Sleep(20 * time.Millisecond) // a rewrite would show in the modification times
	second, err := s.Publish(dir)
	if err != nil {
		t.Fatal(err)
	}
	if second.Written != 0 || second.Unchanged != len(second.Files) {
		t.Errorf("second publish: %d written, %d unchanged of %d; want none written", second.Written, second.Unchanged, len(second.Files))
	}
	for p, mt := range mtimes() {
		if !before[p].Equal(mt) {
			t.Errorf("%s was rewritten", p)
		}
	}

	// A file of an earlier publish, a file of someone else's, and a name
	// outside the folder.
	outside := filepath.Join(filepath.Dir(dir), filepath.Base(dir)+"-outside.txt")
	for _, p := range []string{filepath.Join(dir, "api", "old", "gone.json"), filepath.Join(dir, "keep.txt"), outside} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.Remove(outside) })
	var m map[string]any
	raw, _ := os.ReadFile(filepath.Join(dir, manifestFile))
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	files := m["files"].(map[string]any)
	files["api/old/gone.json"] = map[string]any{"cache_control": cacheShort, "size": 1, "sha256": "x"}
	files["../"+filepath.Base(outside)] = map[string]any{"cache_control": cacheShort, "size": 1, "sha256": "x"}
	raw, _ = json.Marshal(m)
	if err := os.WriteFile(filepath.Join(dir, manifestFile), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	third, err := s.Publish(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(third.Removed, []string{"api/old/gone.json"}) {
		t.Errorf("removed %v, want only the earlier publish's file", third.Removed)
	}
	for _, p := range []string{filepath.Join(dir, "api", "old"), filepath.Join(dir, "keep.txt"), outside} {
		_, err := os.Stat(p)
		if gone := os.IsNotExist(err); gone != (p == filepath.Join(dir, "api", "old")) {
			t.Errorf("%s: gone %v", p, gone)
		}
	}
}
