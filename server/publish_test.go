package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
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

// tree maps every file under dir to its bytes (symbolic links to their
// target, marked).
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if d.Type()&os.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			out[p] = "-> " + target
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPublishFailureLeavesThePreviousCopy: a publish that fails half-way
// (a full disk) leaves the previous copy whole and no folder of its own
// behind; a crashed publish's folder is removed by the next (issue 24).
func TestPublishFailureLeavesThePreviousCopy(t *testing.T) {
	// Not parallel: publishFault is the package's.
	s := newFixtureServer(t)
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := s.Publish(dir); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dir)
	// A change, so that the next publish writes files, then a full disk.
	if err := os.WriteFile(filepath.Join(dir, "api", "timeline.json"), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	before[filepath.Join(dir, "api", "timeline.json")] = "edited"
	publishFault = func(string) error { return syscall.ENOSPC }
	_, err := s.Publish(dir)
	publishFault = nil
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("publish on a full disk: %v, want ENOSPC", err)
	}
	if after := tree(t, dir); !maps.Equal(before, after) {
		t.Error("a failed publish changed the previous copy")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".site.publishing-*"))
	if len(leftovers) != 0 {
		t.Errorf("a failed publish left %v", leftovers)
	}
	// A crash leaves its folder; the next publish removes it (its process
	// is gone), and leaves a live publish's alone.
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	crashed := filepath.Join(filepath.Dir(dir), ".site.publishing-"+strconv.Itoa(dead.Process.Pid)+"-1")
	live := filepath.Join(filepath.Dir(dir), ".site.publishing-"+strconv.Itoa(os.Getpid())+"-live")
	if err := os.MkdirAll(live, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(crashed, "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(crashed); !os.IsNotExist(err) {
		t.Errorf("the crashed publish's folder is still there: %v", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("a live publish's folder was removed: %v", err)
	}
}

// TestPublishFollowsNoSymlink: symbolic links planted in the folder (to a
// file and to a folder outside it) are never written through, and a
// folder that is itself a link is refused (issue 24).
func TestPublishFollowsNoSymlink(t *testing.T) {
	t.Parallel()
	s := newFixtureServer(t)
	root := t.TempDir()
	dir, outside := filepath.Join(root, "site"), filepath.Join(root, "outside")
	if _, err := s.Publish(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(outside, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	timeline := filepath.Join(dir, "api", "timeline.json")
	_ = os.Remove(timeline)
	if err := os.Symlink(secret, timeline); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "api", "export")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "assets"), filepath.Join(dir, "api", "export")); err != nil {
		t.Fatal(err)
	}
	before := tree(t, outside)
	if _, err := s.Publish(dir); err != nil {
		t.Fatal(err)
	}
	if after := tree(t, outside); !maps.Equal(before, after) {
		t.Errorf("the publish wrote outside its folder: %v", after)
	}
	for _, p := range []string{timeline, filepath.Join(dir, "api", "export", "history.gpkg")} {
		if st, err := os.Lstat(p); err != nil || !st.Mode().IsRegular() {
			t.Errorf("%s: %v, want the publisher's own file", p, err)
		}
	}
	if b, _ := os.ReadFile(timeline); string(b) == "secret" {
		t.Error("the published timeline is the planted file's")
	}
	link := filepath.Join(root, "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish(link); err == nil {
		t.Error("a publish into a symbolic link was not refused")
	}
}
