package data

import (
	"fmt"
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
		{"unknown setting", strings.Replace(valid, "title,", "titel,", 1), "region.csv:9: data: bad value: column key: no setting \"titel\""},
		{"set twice", valid + "credit,again\n", "column key: credit is set on line 11 already"},
		{"no credit", strings.Replace(valid, "credit,Boundaries: hand-drawn for the tests", "credit,", 1), "region.csv:11: data: missing value: credit"},
		{"no zone", strings.Replace(valid, "utc_offset,+04:30\n", "", 1), "missing value: utc_offset"},
		{"an empty zone", strings.Replace(valid, "utc_offset,+04:30", "utc_offset,", 1), "missing value: utc_offset"},
		{"an empty padding", strings.Replace(valid, ",0.3", ",", 1), "missing value: boundaries.context_padding_degrees"},
		{"a Solar Hijri English", valid + "calendar.en,solar-hijri\n", "calendar.en \"solar-hijri\": want gregorian, or solar-hijri in Dari"},
		{"a party named as a legend's word", valid + "party.stale.role,former\n", "want party.ID.FIELD"},
		{"a zone by name", strings.Replace(valid, "utc_offset,+04:30", "utc_offset,Asia/Kabul", 1), "column value: utc_offset: offset \"Asia/Kabul\""},
		{"a language without words", strings.Replace(valid, "languages,en fa", "languages,en ps", 1), "\"ps\" is not a language the page has words for"},
		{"English not first", strings.Replace(valid, "languages,en fa", "languages,fa en", 1), "want en first"},
		{"no Dari name of the place", strings.Replace(valid, "place.fa,سرزمین آزمایش\n", "", 1), "missing value: place.fa: the map is in fa"},
		{"a calendar unknown", strings.Replace(valid, "calendar.fa,solar-hijri", "calendar.fa,lunar", 1), "calendar.fa \"lunar\""},
		{"two ruling parties", strings.Replace(valid, "party.resistance.role,insurgent", "party.resistance.role,ruling", 1), "want one ruling party, one insurgent party and at most one former government, got 2, 0 and 1"},
		{"a role unknown", strings.Replace(valid, "party.republic.role,former", "party.republic.role,rebel", 1), "role \"rebel\""},
		{"a colour by name", strings.Replace(valid, "party.taliban.colour,#D55E00", "party.taliban.colour,orange", 1), "party.taliban.colour \"orange\": want #RRGGBB"},
		{"a party without its Dari short name", strings.Replace(valid, "party.taliban.short.fa,طالبان\n", "", 1), "missing value: party.taliban.short.fa"},
		{"a reserved id", valid + "party.contested.role,ruling\n", "want party.ID.FIELD"},
		{"an unknown party setting", valid + "party.taliban.flag,black\n", "no party setting \"flag\""},
		{"an actor of no side", valid + "actor.Civilians,republic\n", "actor.Civilians \"republic\": want the id of the ruling or the insurgent party"},
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
	if good.Zone.String() != "+04:30" || fmt.Sprintf("%v %s %s %v %v", good.Languages, good.Calendar("fa"), good.Calendar("en"), good.Sides(), good.Statuses()) != "[en fa] solar-hijri gregorian [taliban resistance] [republic taliban resistance contested]" ||
		good.SideOf("NRF (National Resistance Front)") != "resistance" || good.SideOf("Civilians") != "" || good.PlaceIn("fa") != "سرزمین آزمایش" || good.CountryIn("de") != "Testcountry" {
		t.Errorf("fixture region's zone, languages and parties: %+v", good)
	}
	if _, err := ReadRegion(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "region.csv") {
		t.Errorf("no region file: %v", err)
	}
}
