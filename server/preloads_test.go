package server

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestPreloads: the chunks the two scripts import statically, through one
// another too, each once; not the chunks loaded later by import(), not the
// scripts themselves.
func TestBundlePreloads(t *testing.T) {
	meta := `{"outputs": {
		"static/bundle/boot.js": {"imports": [{"path": "static/bundle/chunk-A.js", "kind": "import-statement"}]},
		"static/bundle/main.js": {"imports": [
			{"path": "static/bundle/boot.js", "kind": "import-statement"},
			{"path": "static/bundle/chunk-B.js", "kind": "import-statement"},
			{"path": "static/bundle/chunk-D.js", "kind": "dynamic-import"}]},
		"static/bundle/chunk-A.js": {"imports": [{"path": "static/bundle/chunk-C.js", "kind": "import-statement"}]},
		"static/bundle/chunk-B.js": {"imports": [{"path": "static/bundle/chunk-C.js", "kind": "import-statement"}]},
		"static/bundle/chunk-C.js": {"imports": []},
		"static/bundle/chunk-D.js": {"imports": [{"path": "static/bundle/chunk-E.js", "kind": "import-statement"}]},
		"static/bundle/chunk-E.js": {"imports": []}}}`
	got, err := bundlePreloads(fstest.MapFS{"bundle/meta.json": {Data: []byte(meta)}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"bundle/chunk-A.js", "bundle/chunk-C.js", "bundle/chunk-B.js"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bundlePreloads = %v, want %v", got, want)
	}

	if got, err := bundlePreloads(fstest.MapFS{"index.html": {Data: []byte("<html>")}}); got != nil || err != nil {
		t.Errorf("no bundle: %v, %v; want nil, nil", got, err)
	}
	for name, bad := range map[string]string{
		"not JSON":        `{"outputs":`,
		"an entry absent": `{"outputs": {"static/bundle/boot.js": {"imports": []}}}`,
	} {
		if _, err := bundlePreloads(fstest.MapFS{"bundle/meta.json": {Data: []byte(bad)}}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestPagePreloadsChunks: through the server, the page's head names the
// chunks of its bundle, the chunks are served, and the metafile is not.
func TestPagePreloadsChunks(t *testing.T) {
	web := fstest.MapFS{
		"index.html":        {Data: []byte("<!doctype html><head><title>t</title></head><body></body>")},
		"bundle/boot.js":    {Data: []byte(`import "./chunk-A.js";`)},
		"bundle/main.js":    {Data: []byte(`import "./boot.js";`)},
		"bundle/chunk-A.js": {Data: []byte("export {};")},
		"bundle/meta.json":  {Data: []byte(`{"outputs": {"static/bundle/boot.js": {"imports": [{"path": "static/bundle/chunk-A.js", "kind": "import-statement"}]}, "static/bundle/main.js": {"imports": [{"path": "static/bundle/boot.js", "kind": "import-statement"}]}, "static/bundle/chunk-A.js": {}}}`)},
	}
	for _, lang := range languages {
		web["i18n/"+lang+".json"] = testWeb["i18n/"+lang+".json"]
	}
	ds := newFixtureServer(t).ds
	s, err := New(Config{Version: "test", Logger: quietLog}, ds, web)
	if err != nil {
		t.Fatal(err)
	}
	h := s.Handler()
	page := get(t, h, http.MethodGet, "/").Body.String()
	head := page[:strings.Index(page, "</head>")]
	if !strings.Contains(head, `<link rel="modulepreload" href="bundle/chunk-A.js">`) {
		t.Errorf("the page's head names no chunk: %q", head)
	}
	for target, want := range map[string]int{"/bundle/chunk-A.js": 200, "/bundle/main.js": 200, "/bundle/meta.json": 404} {
		if rec := get(t, h, http.MethodGet, target); rec.Code != want {
			t.Errorf("%s: %d, want %d", target, rec.Code, want)
		}
	}
}
