package data

import (
	"reflect"
	"testing"
)

// The headline's rule on the fixture: the day's changes grouped by
// transition, each side's claims, then denials that name what they deny;
// observers' reports are not a side's news.
func TestHeadline(t *testing.T) {
	d := loadFixture(t)
	tests := []struct {
		day  string
		want []Phrase
	}{
		{"2021-09-01", []Phrase{{Kind: PhraseChange, From: StatusUnknown, To: StatusResistance, Places: Places{PCodes: []string{"AF0001"}}}}},
		{"2021-09-04", []Phrase{
			{Kind: PhraseClaim, Party: PartyTaliban, Status: StatusTaliban, Places: Places{PCodes: []string{"AF0001"}}},
			{Kind: PhraseDenyClaim, Party: PartyResistance, Other: PartyTaliban},
		}},
		// Middleland follows North: its capital falls with it, the
		// Taliban then hold two of three (Westland has no day).
		{"2021-09-05", []Phrase{
			{Kind: PhraseCapitals, Capitals: []string{"AF00"}, Held: 2, Of: 3, Unknown: 1},
			{Kind: PhraseChange, From: StatusResistance, To: StatusTaliban, Places: Places{PCodes: []string{"AF0001"}}},
		}},
		{"2021-09-03", []Phrase{
			{Kind: PhraseCapitals, Capitals: []string{"AF02"}, Held: 1, Of: 3, Unknown: 1},
			{Kind: PhraseChange, From: StatusUnknown, To: StatusContested, Places: Places{PCodes: []string{"AF0002"}}},
		}},
		{"2021-09-06", nil}, // an independent report only
		{"2021-09-07", nil},
	}
	for _, tt := range tests {
		if got := d.Headline(day(t, tt.day)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %+v, want %+v", tt.day, got, tt.want)
		}
	}
}

// A denial with no claim of the other side that day names its districts;
// a province is named whole only when the map holds all its districts.
func TestHeadlineDenialAboutAndPlaces(t *testing.T) {
	d := loadFixture(t)
	d.Claims = d.Claims[1:] // the Taliban's claim of 4 September gone
	got := d.Headline(day(t, "2021-09-04"))
	// The fixture's province has two districts, both mapped: it is named whole.
	want := []Phrase{{Kind: PhraseDenyAbout, Party: PartyResistance, Places: Places{Provinces: []string{"Testland"}}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%+v, want %+v", got, want)
	}
	if p := d.PlacesOf([]string{"AF0002", "AF0001"}); !reflect.DeepEqual(p, Places{Provinces: []string{"Testland"}}) {
		t.Errorf("both of Testland's two districts: %+v", p)
	}
	d.Areas[0].ProvinceDistricts, d.Areas[1].ProvinceDistricts = 3, 3
	if p := d.PlacesOf([]string{"AF0002", "AF0001"}); p.Provinces != nil || len(p.PCodes) != 2 || p.PCodes[0] != "AF0001" {
		t.Errorf("two of Testland's three districts: %+v", p)
	}
}
