package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

// The region table is read as the other tables are, and checked: a mistake
// names the file, the line and the column, and an unknown setting, a
// repeated one or a missing one is a mistake.
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
		{"unknown setting", strings.Replace(valid, "title,", "titel,", 1), "region.csv:5: data: bad value: column key: no setting \"titel\""},
		{"set twice", valid + "credit,again\n", "column key: credit is set on line 7 already"},
		{"no credit", strings.Replace(valid, "credit,Boundaries: hand-drawn for the tests", "credit,", 1), "region.csv:7: data: missing value: credit"},
		{"no district field", strings.Replace(valid, "boundaries.districts.pcode,ADM2_PCODE\n", "", 1), "missing value: boundaries.districts.pcode"},
		{"a padding too wide", strings.Replace(valid, ",0.3", ",40", 1), "column value: boundaries.context_padding_degrees \"40\""},
		{"a wrong header", strings.Replace(valid, "key,value", "setting,value", 1), "region.csv"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadRegion(fstest.MapFS{RegionFile: {Data: []byte(tc.text)}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := ReadRegion(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "region.csv") {
		t.Errorf("no region file: %v", err)
	}
}
