// Package tempdir makes the temporary folders controlmap works in (the
// GeoPackage export, the server's large exports, an edit by `add`) and
// removes the ones a crashed process left behind. A folder's name carries
// its process id, "controlmap-KIND-PID-RANDOM", so that a server starting
// can tell a dead process's folder from a live one's: several servers and
// tests may share one temporary directory.
package tempdir

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const prefix = "controlmap-"

// New makes a temporary folder for kind (a word: "gpkg", "exports").
func New(kind string) (string, error) {
	return os.MkdirTemp("", prefix+kind+"-"+strconv.Itoa(os.Getpid())+"-")
}

// legacyAge is how old a folder without a process id (made before names
// carried one) must be to be taken as left behind.
const legacyAge = 24 * time.Hour

// RemoveStale removes the folders of processes that are gone from the
// temporary directory, and returns their paths.
func RemoveStale() []string {
	return removeStale(os.TempDir(), time.Now())
}

func removeStale(dir string, now time.Time) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !strings.HasPrefix(name, prefix) {
			continue
		}
		if !stale(e, name, now) {
			continue
		}
		p := filepath.Join(dir, name)
		if os.RemoveAll(p) == nil {
			removed = append(removed, p)
		}
	}
	return removed
}

// stale reports whether the folder's process is gone: its id names no
// process (a process that is not ours still counts as alive), or, for a
// name without one, the folder is older than legacyAge.
func stale(e os.DirEntry, name string, now time.Time) bool {
	parts := strings.Split(strings.TrimPrefix(name, prefix), "-")
	if len(parts) == 3 {
		if pid, err := strconv.Atoi(parts[1]); err == nil && pid > 0 {
			return !alive(pid)
		}
	}
	info, err := e.Info()
	return err == nil && now.Sub(info.ModTime()) > legacyAge
}

func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
