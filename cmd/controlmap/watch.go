package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// watchEvery is how often serve --watch looks at the data folders: a save
// is served within two looks (the second confirms the files stopped
// changing, so a half-written file is not loaded).
const watchEvery = 400 * time.Millisecond

// watchData calls reload whenever the files of dirs ("" skipped) change and
// have then stayed the same for one more look, until ctx ends. It looks at
// names, sizes and modification times: no notification API to miss an
// editor's save-by-rename, and nothing to install.
func watchData(ctx context.Context, dirs []string, every time.Duration, reload func()) {
	last := snapshot(dirs)
	pending := ""
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		now := snapshot(dirs)
		switch {
		case now != last:
			last, pending = now, now // changed: wait for it to settle
		case pending != "" && now == pending:
			pending = ""
			reload()
		}
	}
}

// snapshot describes the regular files directly in dirs: name, size and
// modification time, in name order.
func snapshot(dirs []string) string {
	var lines []string
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			lines = append(lines, dir+": "+err.Error())
			continue
		}
		for _, e := range entries {
			if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
				lines = append(lines, fmt.Sprintf("%s %d %d", filepath.Join(dir, e.Name()), info.Size(), info.ModTime().UnixNano()))
			}
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
