package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The region file is read whole and checked: a mistake names the file, the
// line and the column or key, and an unknown key is a mistake.
func TestReadRegion(t *testing.T) {
	good, err := ReadRegion(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if good.Title != "controlmap: Testland" || good.NameIn("fa") != "سرزمین آزمایش" || good.NameIn("de") != "Testland: who held what" ||
		good.Boundaries.Districts.PCode != "ADM2_PCODE" || good.Boundaries.ContextPaddingDegrees != 0.3 {
		t.Errorf("fixture region: %+v", good)
	}
	valid := string(fixture(t)[RegionFile].Data)
	tests := []struct{ name, text, want string }{
		{"not JSON", "{\n \"name\": {\"en\": \"x\"},\n \"title\": oops\n}", "region.json:3: data: bad value: column 11"},
		{"unknown key", strings.Replace(valid, `"title"`, `"titel"`, 1), `unknown field "titel"`},
		{"a number for a name", strings.Replace(valid, `"credit": "Boundaries: hand-drawn for the tests"`, `"credit": 7`, 1), "region.json:5: data: bad value"},
		{"no credit", strings.Replace(valid, `"Boundaries: hand-drawn for the tests"`, `""`, 1), "region.json:5: credit: data: missing value"},
		{"no district field", strings.Replace(valid, `"pcode": "ADM2_PCODE"`, `"pcode": ""`, 1), "boundaries.districts.pcode: data: missing value"},
		{"a padding too wide", strings.Replace(valid, `0.3`, `40`, 1), "context_padding_degrees: data: bad value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadRegion(fstest.MapFS{RegionFile: {Data: []byte(tc.text)}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := ReadRegion(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "region.json") {
		t.Errorf("no region file: %v", err)
	}
}
