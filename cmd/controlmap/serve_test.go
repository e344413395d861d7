package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestServeStopsOnSIGTERM runs the real binary, serves a request, sends
// SIGTERM and expects a clean exit 0.
func TestServeStopsOnSIGTERM(t *testing.T) {
	needBoundaries(t)
	// A folder a crashed server left behind (its process is gone) is
	// removed when the next one starts (issue 24).
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	left := filepath.Join(os.TempDir(), "controlmap-gpkg-"+strconv.Itoa(dead.Process.Pid)+"-test"+strconv.Itoa(os.Getpid()))
	if err := os.MkdirAll(left, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(left, "controlmap.gpkg"), make([]byte, 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(left) })
	cmd, addr := serveBinary(t)
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("the crashed process's temporary folder is still there: %v", err)
	}
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("readyz: %v %v", resp, err)
	}
	resp.Body.Close()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after SIGTERM: %v, want exit status 0", err)
		}
	case <-time.After(15 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("the server did not stop within 15 s of SIGTERM")
	}
}

// serveBinary builds the command, runs `serve --addr 127.0.0.1:0` with
// args, and returns the process and the address it says it listens on (its
// log is drained from then on). The caller stops it.
func serveBinary(t *testing.T, args ...string) (*exec.Cmd, string) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "controlmap")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	addrRE := regexp.MustCompile(`msg=serving addr=(\S+)`)
	var addr string
	for addr == "" && lines.Scan() {
		if m := addrRE.FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		_ = cmd.Process.Kill()
		t.Fatal("the server never said where it listens")
	}
	go func() { _, _ = io.Copy(io.Discard, stderr) }()
	return cmd, addr
}

// The same binary serves another region: the second atlas's folder (its
// region.csv, its tables and its boundaries) is all it takes.
func TestServeAnotherRegion(t *testing.T) {
	dir := "../../data/testdata/riverland"
	cmd, addr := serveBinary(t, "--data", dir, "--boundaries", dir)
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	for path, want := range map[string]string{
		"/api/timeline": `"statuses":["government","rebels","contested"]`,
		"/ogc":          `"title":"controlmap: Riverland"`,
		"/":             `<title>controlmap: Riverland</title>`,
	} {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !regexp.MustCompile(regexp.QuoteMeta(want)).Match(b) {
			t.Errorf("%s: %d, no %s", path, resp.StatusCode, want)
		}
	}
}
