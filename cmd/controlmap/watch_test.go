package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeWatch runs the real binary on a copy of the fixture with
// --watch: a saved edit is served without a restart, a broken edit keeps
// the last good data serving and shows its problems on /readyz and the
// page, and mending it clears them. Each wait allows 5 s; the time an edit
// takes to reach the map is measured in BENCHMARKS.md, not here.
func TestServeWatch(t *testing.T) {
	dir := copyFixture(t)
	cmd, addr := serveBinary(t, "--data", dir, "--boundaries", dir, "--watch")
	t.Cleanup(func() { _ = cmd.Process.Signal(syscall.SIGTERM); _ = cmd.Wait() })
	base := "http://" + addr

	southOn := func() string {
		var doc struct {
			Features []struct {
				Properties struct{ PCode, Status string } `json:"properties"`
			} `json:"features"`
		}
		getInto(t, base+"/api/control?date=2021-09-10", &doc)
		for _, f := range doc.Features {
			if f.Properties.PCode == "AF0002" {
				return f.Properties.Status
			}
		}
		return ""
	}
	problems := func() string {
		var r struct{ Problems string }
		getInto(t, base+"/readyz", &r)
		return r.Problems
	}
	until := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if ok() {
				return
			}
		}
		t.Fatalf("after 5 s: %s", what)
	}
	if s := southOn(); s != "contested" {
		t.Fatalf("South on 10 Sept 2021 is %q before the edit", s)
	}
	control := filepath.Join(dir, "control.csv")
	good, _ := os.ReadFile(control)
	edit(t, control, strings.Replace(string(good), "AF0002,2021-09-03,day,contested,low", "AF0002,2021-09-03,day,taliban,low", 1))
	until("the edit is served", func() bool { return southOn() == "taliban" })

	edit(t, control, string(good)+"AF0099,2021-09-20,day,taliban,low,S1,A district that is not mapped.\n")
	until("the broken edit's problems are on /readyz", func() bool { return strings.Contains(problems(), "control.csv:") })
	if s := southOn(); s != "taliban" {
		t.Errorf("after a broken edit South is %q, want the last good data (taliban)", s)
	}
	if page := getBody(t, base+"/"); !strings.Contains(page, `class="watch-problems"`) || !strings.Contains(page, "AF0099") {
		t.Error("the page does not show the broken edit's problems")
	}

	edit(t, control, string(good))
	until("the mended edit is served", func() bool { return problems() == "" && southOn() == "contested" })
	if page := getBody(t, base+"/"); strings.Contains(page, `class="watch-problems"`) {
		t.Error("the banner stays after the edit was mended")
	}
}

// edit saves text to path as an editor does: a new file renamed over the
// old one.
func edit(t *testing.T, path, text string) {
	t.Helper()
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func getBody(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func getInto(t *testing.T, url string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(getBody(t, url)), v); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}

// TestServeSurvivesSIGHUP: a SIGHUP (a closed terminal, a supervisor's
// reload) does not stop the server; it used to exit with 129.
func TestServeSurvivesSIGHUP(t *testing.T) {
	dir := copyFixture(t)
	cmd, addr := serveBinary(t, "--data", dir, "--boundaries", dir)
	t.Cleanup(func() { _ = cmd.Process.Signal(syscall.SIGTERM); _ = cmd.Wait() })
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("after SIGHUP: %v %v", resp, err)
	}
	resp.Body.Close()
}
