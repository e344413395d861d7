package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/export"
)

// cql2AsSQL are CQL2 filters that are also SQLite's SQL (DATE('…') is
// SQLite's date function), to be answered by both.
var cql2AsSQL = []string{
	"status = 'taliban'",
	"status <> 'taliban'",
	"pcode = 'AF0001' AND confidence = 'high'",
	"confidence = 'low' OR status = 'taliban'",
	"NOT status = 'taliban'",
	"NOT (pcode = 'AF0001' OR status = 'contested')",
	"status IN ('taliban', 'contested')",
	"status NOT IN ('taliban')",
	"valid_to IS NULL",
	"valid_to IS NOT NULL",
	"valid_from >= DATE('2021-09-03')",
	"NOT (valid_to > DATE('2021-09-04'))",
	"NOT (valid_to < '2021-09-01')",
	"valid_to > DATE('2021-09-04') OR status = 'contested'",
	"NOT (valid_to > DATE('2021-09-04') AND status = 'taliban')",
	"NOT (valid_to IN ('2021-09-05'))",
	"NOT (valid_to IS NULL OR status = 'resistance')",
	"TRUE",
	"FALSE",
	"NOT FALSE AND status <> 'taliban'",
	"'taliban' = status",
	"DATE('2021-09-03') <= valid_from",
	"valid_from < valid_to",
	"NOT (valid_from < valid_to)",
	"valid_from <> valid_to OR status = 'contested'",
	"1 = 1",
	"valid_to NOT IN ('2021-09-05')", // a missing date is null in IN as in a comparison
}

// TestCQL2AgreesWithSQLite: every filter of the table gives the features
// SQLite gives for the same expression over the GeoPackage export of the
// same data (three-valued logic included: a null compares unknown).
func TestCQL2AgreesWithSQLite(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("SQLite client test: not run under -short")
	}
	s := newFixtureServer(t)
	b, err := export.HistoryGPKG(s.ds)
	if err != nil {
		t.Fatal(err)
	}
	gpkg := filepath.Join(t.TempDir(), "h.gpkg")
	if err := os.WriteFile(gpkg, b, 0o644); err != nil {
		t.Fatal(err)
	}
	h := s.Handler()
	for _, f := range cql2AsSQL {
		rec := get(t, h, http.MethodGet, "/ogc/collections/control/items?limit=1000&filter="+url.QueryEscape(f))
		if rec.Code != http.StatusOK {
			t.Errorf("%s: %d %s", f, rec.Code, rec.Body)
			continue
		}
		var fc struct {
			Features []struct{ ID string } `json:"features"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &fc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ft := range fc.Features {
			got = append(got, ft.ID)
		}
		slices.Sort(got)
		out, err := exec.Command("/usr/bin/python3", "-c", `import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for (i,) in c.execute("SELECT pcode || '_' || valid_from FROM control WHERE " + sys.argv[2] + " ORDER BY 1"):
    print(i)`, gpkg, f).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: SQLite: %v\n%s", f, err, out)
		}
		want := strings.Fields(string(out))
		if !slices.Equal(got, want) {
			t.Errorf("%s: the server gives %v, SQLite %v", f, got, want)
		}
	}
}
