package data

import (
	"os"
	"testing"
)

func TestStories(t *testing.T) {
	t.Parallel()
	fsys := os.DirFS("testdata/fixture")
	d, err := Load(fsys, fsys)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                 string
		sources              []Source
		stories, independent int
	}{
		{"fixture", d.Sources, 3, 2},
		{"none", nil, 0, 0},
		{"a copy adds nothing", []Source{{Tier: TierWire, Affiliation: AffiliationIndependent}, {Tier: TierCopy, CopyOf: "S1", Affiliation: AffiliationIndependent}}, 1, 1},
		{"statements and state media are not independent", []Source{{Tier: TierStatement, Affiliation: "taliban"}, {Tier: TierWire, Affiliation: "state:CN"}}, 2, 0},
	}
	for _, tt := range tests {
		ds := &Dataset{Sources: tt.sources}
		if s, i := ds.Stories(); s != tt.stories || i != tt.independent {
			t.Errorf("%s: got %d stories, %d independent; want %d, %d", tt.name, s, i, tt.stories, tt.independent)
		}
	}
}
