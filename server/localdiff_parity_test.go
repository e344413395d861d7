package server

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLocalDiffEqualsDiffOnEveryDay: the comparison a static copy computes
// in the page (web/static/js/localdiff.js) equals /api/diff for every day
// of the data, against the day before and against the first day: the rule
// lives in Go and the page's form of it is held equal over all the data,
// not six samples (issue 27). Node runs the page's module.
func TestLocalDiffEqualsDiffOnEveryDay(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("node client test: not run under -short")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node not found: make deps installs it")
	}
	s := newEmbeddedServer(t)
	h := s.Handler()
	dir := t.TempDir()
	timeline := get(t, h, http.MethodGet, "/api/timeline")
	if err := os.WriteFile(filepath.Join(dir, "timeline.json"), timeline.Body.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var answers []json.RawMessage
	for d := s.ds.First; d <= s.today(); d++ {
		for _, from := range []string{d.AddDays(-1).String(), s.ds.First.String()} {
			if from > d.String() {
				continue
			}
			rec := get(t, h, http.MethodGet, "/api/diff?from="+from+"&to="+d.String())
			if rec.Code != 200 {
				t.Fatalf("diff %s..%s: %d %s", from, d, rec.Code, rec.Body)
			}
			answers = append(answers, json.RawMessage(rec.Body.Bytes()))
		}
	}
	b, _ := json.Marshal(answers)
	if err := os.WriteFile(filepath.Join(dir, "expected.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, "../web/parity/localdiff.mjs", filepath.Join(dir, "timeline.json"), filepath.Join(dir, "expected.json")).CombinedOutput()
	if err != nil || !strings.Contains(string(out), " 0 differ") {
		t.Errorf("localdiff.js against /api/diff: %v\n%s", err, out)
	}
	t.Log(strings.TrimSpace(string(out)))
}
