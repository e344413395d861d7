package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/data"
)

// copyFixture copies the fixture dataset (tables and boundaries) into a
// new folder.
func copyFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("../../data/testdata/fixture")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("../../data/testdata/fixture", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestAdd: rows go in their place with ids derived from what they are, so
// two editors adding different sources on one day get two ids and the same
// page one; a row that does not load is refused and leaves the file as it
// was.
func TestAdd(t *testing.T) {
	dir := copyFixture(t)
	add := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(context.Background(), append([]string{"add"}, append(args, "--data", dir, "--boundaries", dir)...), &out, &out)
		return out.String(), err
	}
	idOf := func(out string) string {
		m := regexp.MustCompile(` as (\S+)`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("no id in %q", out)
		}
		return m[1]
	}
	source := func(url string) []string {
		return []string{"source", "--publisher", "Wire C", "--title", "A report", "--url", url,
			"--published", "2021-09-07", "--tier", "primary", "--affiliation", "independent"}
	}
	out, err := add(source("https://example.org/e")...)
	if err != nil {
		t.Fatal(err, out)
	}
	s1 := idOf(out)
	other := data.NewSourceID("2021-09-07", "https://example.org/f")
	if s1 == other || !strings.HasPrefix(s1, "S20210907-") {
		t.Errorf("ids %s and %s: want two ids of the day", s1, other)
	}
	// The same page again: the same id, which the loader refuses.
	if out, err := add(source("https://www.example.org/e/")...); err == nil || !strings.Contains(out+err.Error(), "listed twice") {
		t.Errorf("the same page added twice: %v %s", err, out)
	}
	out, err = add("claim", "--date", "2021-09-05", "--pcodes", "AF0002", "--party", "resistance", "--kind", "claim",
		"--status", "resistance", "--sources", s1, "--note", "South is ours, they say.")
	if err != nil {
		t.Fatal(err, out)
	}
	claims, _ := os.ReadFile(filepath.Join(dir, "claims.csv"))
	lines := strings.Split(strings.TrimSpace(string(claims)), "\n")
	if !strings.HasPrefix(lines[3], "2021-09-05,AF0002,resistance") || !strings.HasSuffix(lines[3], `"South is ours, they say."`) {
		t.Errorf("the claim is not in its place, quoted: %q", lines)
	}
	out, err = add("event", "--date", "2021-09-07", "--type", "Battles", "--sub-type", "Armed clash", "--actor1", "Taliban",
		"--actor2", "NRF", "--admin1", "Testland", "--admin2", "North", "--pcode", "AF0001", "--location", "North", "--notes", "A clash.", "--sources", s1)
	if err != nil || !strings.HasPrefix(idOf(out), "CM20210907-") {
		t.Fatalf("event: %v %s", err, out)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "control.csv"))
	if _, err := add("change", "--pcode", "AF0099", "--from", "2021-09-08", "--status", "taliban", "--confidence", "low", "--sources", s1, "--note", "x"); err == nil || !strings.Contains(err.Error(), `control.csv:5: data: unknown P-code "AF0099"`) {
		t.Errorf("a change in no mapped district: %v", err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "control.csv")); !bytes.Equal(before, after) {
		t.Error("a refused row changed the file")
	}
}
