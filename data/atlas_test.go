package data

import (
	"os"
	"strings"
	"testing"
)

// The second atlas (testdata/riverland) loads as a dataset of its own: its
// parties are the vocabulary, its actors count for its sides, it has one
// admin level and no Dari, its methodology is its own, and the evidence
// checks find nothing to say.
func TestSecondAtlasLoads(t *testing.T) {
	fsys := os.DirFS("testdata/riverland")
	d, err := Load(fsys, fsys)
	if err != nil {
		t.Fatal(err)
	}
	r := d.Region
	if r.Zone.Minutes() != -300 || r.Offers("fa") || len(d.Provinces) != 0 || !strings.HasPrefix(string(r.Method), "# How the Riverland map is made") {
		t.Errorf("zone %s, Dari %v, %d provinces, method %q", r.Zone, r.Offers("fa"), len(d.Provinces), r.Method)
	}
	if got := d.Events[0].Side; got != "rebels" || r.As(RoleFormer) != "" {
		t.Errorf("the River Front's clash counts for %q; the former government is %q", got, r.As(RoleFormer))
	}
	if ws := Lint(d, civilDay(2024, 6, 1)); len(ws) != 0 {
		t.Errorf("lint: %v", ws)
	}
	if p := d.PlacesOf([]string{"RL0001", "RL0002", "RL0003"}); len(p.Provinces) != 0 || len(p.PCodes) != 3 {
		t.Errorf("a region of one level named a whole province: %+v", p)
	}
	// A claim or a status of a party the region does not have is refused,
	// with its line.
	for file, row := range map[string]string{ControlFile: "RL0001,2024-03-20,day,taliban,high,R1,Not a party here.\n", ClaimsFile: "2024-03-20,RL0001,resistance,claim,rebels,R3,Not a party here.\n"} {
		bad := mapFS(t, "testdata/riverland")
		bad[file].Data = append(bad[file].Data, row...)
		if _, err := Load(bad, bad); err == nil || !strings.Contains(err.Error(), file+":") || !strings.Contains(err.Error(), "outside the vocabulary") {
			t.Errorf("%s with another region's party: %v", file, err)
		}
	}
}
