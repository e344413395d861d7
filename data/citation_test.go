package data_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/controlmap/controlmap/data/datatest"
)

// TestCitationNamesTheDatasetVersion: CITATION.cff's version and release
// day are the day of the dataset's last publication, so a researcher who
// cites it names what they used; a publication that forgets the file
// fails here.
func TestCitationNamesTheDatasetVersion(t *testing.T) {
	b, err := os.ReadFile("../CITATION.cff")
	if err != nil {
		t.Fatal(err)
	}
	want := datatest.Embedded(t).Updated().String()
	for _, key := range []string{"version", "date-released"} {
		m := regexp.MustCompile(`(?m)^` + key + `: "([^"]*)"$`).FindSubmatch(b)
		if m == nil || string(m[1]) != want {
			t.Errorf("CITATION.cff %s: %q, want %s (the last day of data/publications.csv)", key, m, want)
		}
	}
	for _, f := range []string{"../LICENSE", "LICENSE.md"} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("the licence %s: %v", f, err)
		}
	}
}
