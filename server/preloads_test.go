package server

import (
	"reflect"
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
