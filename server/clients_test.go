package server

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/controlmap/controlmap/wire"
)

// The OGC API and the exports through the clients GIS users have (issue
// 14): headless QGIS, OWSLib and redocly. The Python scripts live in
// ../ogc/testdata/clients and print one line per problem.

// realClient skips under -short and fails when the client is missing: make
// test installs it (make deps).
func realClient(t *testing.T, what, path string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("%s client test: not run under -short", what)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%s not found at %s: make deps installs it", what, path)
	}
}

// run runs a client and fails the test with its output if it fails.
func run(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestQGIS: the .qlr loads with provider OAPIF, the OAPIF layers have date
// fields, QGIS's temporal filter agrees with items?datetime=D on every day
// since 2021-08-01, the GeoPackage and the KML load, and a map renders.
func TestQGIS(t *testing.T) {
	t.Parallel()
	realClient(t, "QGIS", "/usr/lib/python3/dist-packages/qgis/core/__init__.py")
	s := newEmbeddedServer(t)
	base := "http://" + startServer(t, s)
	dir := t.TempDir()
	qlr, _ := download(t, base+"/api/export/controlmap.qlr", dir, "controlmap.qlr")
	gpkg, _ := download(t, base+"/api/export/history.gpkg", dir, "history.gpkg")
	kml, _ := download(t, base+"/api/export/history.kml", dir, "history.kml")
	png := filepath.Join(dir, "render.png")
	runtime := filepath.Join(dir, "xdg")
	if err := os.Mkdir(runtime, 0o700); err != nil {
		t.Fatal(err)
	}
	out := run(t, []string{"QT_QPA_PLATFORM=offscreen", "XDG_RUNTIME_DIR=" + runtime}, "/usr/bin/python3",
		"../ogc/testdata/clients/check_qgis.py", base, qlr, gpkg, kml, png, s.today().String())
	t.Log(strings.TrimSpace(out))
}

// TestOWSLib: OWSLib's Features client over landing, conformance,
// collections, items with datetime, bbox and limit, queryables and CQL2.
func TestOWSLib(t *testing.T) {
	t.Parallel()
	realClient(t, "OWSLib", "/usr/lib/python3/dist-packages/owslib/ogcapi/features.py")
	base := "http://" + startServer(t, newEmbeddedServer(t))
	run(t, nil, "/usr/bin/python3", "../ogc/testdata/clients/check_owslib.py", base)
}

// TestRedoclyLint: the OpenAPI document is valid OpenAPI 3.0 with no error
// under redocly's recommended rules (web/package.json pins @redocly/cli).
func TestRedoclyLint(t *testing.T) {
	t.Parallel()
	redocly, _ := filepath.Abs("../web/node_modules/.bin/redocly")
	realClient(t, "redocly", redocly)
	base := "http://" + startServer(t, newFixtureServer(t))
	out := run(t, []string{"REDOCLY_TELEMETRY=off", "REDOCLY_SUPPRESS_UPDATE_NOTICE=true"}, redocly, "lint", base+"/ogc/api")
	if !strings.Contains(out, "Your API description is valid") {
		t.Errorf("redocly lint:\n%s", out)
	}
}

// TestOpenAPITypes: a client generator (openapi-typescript, pinned in
// web/package.json) turns the OpenAPI document into real types: each
// collection's items answer is a feature collection of its features, whose
// properties have their types, not an empty object (issue 24).
func TestOpenAPITypes(t *testing.T) {
	t.Parallel()
	gen, _ := filepath.Abs("../web/node_modules/.bin/openapi-typescript")
	realClient(t, "openapi-typescript", gen)
	base := "http://" + startServer(t, newEmbeddedServer(t))
	out := filepath.Join(t.TempDir(), "api.d.ts")
	run(t, nil, gen, base+"/ogc/api", "-o", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	ts := string(b)
	for _, want := range []string{
		`"application/geo+json": components["schemas"]["controlFeatureCollection"];`,
		`features: components["schemas"]["controlFeature"][];`,
		`properties: components["schemas"]["controlProperties"];`,
		`numberMatched?: number;`,
		`"application/geo+json": components["schemas"]["eventsFeatureCollection"];`,
		`collections: components["schemas"]["collection"][];`,
		`conformsTo: string[];`,
	} {
		if !strings.Contains(ts, want) {
			t.Errorf("the generated types lack %s", want)
		}
	}
	// Every property of the control layer is typed, as the schema says.
	for _, f := range wire.Intervals.Flat() {
		typ := map[string]string{"string": "string", "number": "number", "integer": "number", "boolean": "boolean"}[f.Type]
		if !regexp.MustCompile(`(?s)controlProperties: \{.*?\b` + f.Name + `\?: ` + typ + `\b`).MatchString(ts) {
			t.Errorf("controlProperties.%s is not a %s in the generated types", f.Name, typ)
		}
	}
}
