package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// The fixture's sources: S1 published 1 Sept 2021 (independent wire), S2 in
// September 2021 (state media, dated by its month), S3 undated.

// revisionsFixture adds a corrections log to the fixture: the map was
// published on 25 November 2026 with South resistance from 2 September and
// an NRF claim of 4 September; on the 26th South became contested from the
// 3rd and the claim was re-filed as the denial it is.
func revisionsFixture(t *testing.T, revisions string) fstest.MapFS {
	t.Helper()
	m := fixture(t)
	m[PublicationsFile] = &fstest.MapFile{Data: []byte("published,summary\n" +
		"2026-11-25,First publication.\n2026-11-26,Corrections.\n2026-11-30,New evidence only.\n")}
	m[RevisionsFile] = &fstest.MapFile{Data: []byte("id,published,table,change,pcodes,was,now,reason,sources\n" + revisions)}
	return m
}

const fixtureRevisions = `R1,2026-11-26,control,revised,AF0002,2021-09-02 day resistance medium S1,2021-09-03 day contested low S1;S2,Fighting reported from the 3rd.,S2
R2,2026-11-26,claims,refiled,AF0001;AF0002,2021-09-04 resistance claim contested S1,2021-09-04 resistance denial resistance S1,It denies the Taliban's claim.,
R3,2026-11-26,claims,refiled,AF0001,2021-09-05 taliban claim taliban S2,event +E1,The fall of North town is an event.,
`

func loadKnownFixture(t *testing.T) *Dataset {
	t.Helper()
	m := revisionsFixture(t, fixtureRevisions)
	d, err := Load(m, m)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestKnownAt(t *testing.T) {
	d := loadKnownFixture(t)
	tests := []struct {
		known, day string
		north      Status
		northConf  Confidence
		south      Status
		southConf  Confidence
		sources    []string // the sources the known dataset holds
		claims     int
	}{
		// Only S1 is out: North's fall (S2, S3) is not known, South's
		// fighting rests on S1 alone, which cannot lift its "low".
		{"2021-09-06", "2021-09-06", StatusResistance, ConfidenceHigh, StatusContested, ConfidenceLow, []string{"S1"}, 1},
		// S2 counts from the last day of its month: North falls, and with
		// S3 unpublished its confidence is the rule's for S2 (state media): low.
		{"2021-09-29", "2021-09-06", StatusResistance, ConfidenceHigh, StatusContested, ConfidenceLow, []string{"S1"}, 1},
		{"2021-09-30", "2021-09-06", StatusTaliban, ConfidenceLow, StatusContested, ConfidenceLow, []string{"S1", "S2"}, 2},
		// Before the first publication there was no map: today's reading.
		{"2022-01-01", "2021-09-06", StatusTaliban, ConfidenceLow, StatusContested, ConfidenceLow, []string{"S1", "S2"}, 2},
		// As published on 25 November 2026: South resistance, the NRF's
		// claim, and the Taliban's claim of the 5th (an event since).
		{"2026-11-25", "2021-09-06", StatusTaliban, ConfidenceLow, StatusResistance, ConfidenceMedium, []string{"S1", "S2"}, 3},
		{"2026-11-25", "2021-09-02", StatusResistance, ConfidenceHigh, StatusResistance, ConfidenceMedium, []string{"S1", "S2"}, 3},
		// After the revisions: as now (less the undated S3).
		{"2026-11-26", "2021-09-06", StatusTaliban, ConfidenceLow, StatusContested, ConfidenceLow, []string{"S1", "S2"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.known+" "+tt.day, func(t *testing.T) {
			k := d.KnownAt(day(t, tt.known))
			north, south := k.stateOf(k.AreaIndex("AF0001"), day(t, tt.day)), k.stateOf(k.AreaIndex("AF0002"), day(t, tt.day))
			if north.Status() != tt.north || north.Interval.Confidence != tt.northConf {
				t.Errorf("North: %s %s, want %s %s", north.Status(), north.Interval.Confidence, tt.north, tt.northConf)
			}
			if south.Status() != tt.south || south.Interval.Confidence != tt.southConf {
				t.Errorf("South: %s %s, want %s %s", south.Status(), south.Interval.Confidence, tt.south, tt.southConf)
			}
			var ids []string
			for _, s := range k.Sources {
				ids = append(ids, s.ID)
			}
			if !slices.Equal(ids, tt.sources) {
				t.Errorf("sources %v, want %v", ids, tt.sources)
			}
			if len(k.Claims) != tt.claims {
				t.Errorf("%d claims, want %d", len(k.Claims), tt.claims)
			}
			for _, c := range k.Claims {
				for _, id := range c.Sources {
					if s, _ := d.Source(id); !s.KnownBy(day(t, tt.known)) {
						t.Errorf("claim of %s cites %s, published after %s", c.Date, id, tt.known)
					}
				}
			}
		})
	}
}

// TestKnownAtWithdrawnSource: a row as it was may cite a source withdrawn
// since; the map as published then cites the sources still listed.
func TestKnownAtWithdrawnSource(t *testing.T) {
	m := revisionsFixture(t, "R1,2026-11-26,control,revised,AF0002,2021-09-02 day resistance medium S1;S7,2021-09-03 day contested low S1;S2,x,\n")
	d, err := Load(m, m)
	if err != nil {
		t.Fatal(err)
	}
	k := d.KnownAt(day(t, "2026-11-25"))
	iv := k.stateOf(k.AreaIndex("AF0002"), day(t, "2021-09-02")).Interval
	if iv == nil || iv.Status != StatusResistance || !slices.Equal(iv.Sources, []string{"S1"}) {
		t.Fatalf("as published on 25 Nov: %+v, want resistance citing S1 only", iv)
	}
	// A withdrawn source was not published later: the confidence stays the
	// analyst's and the note is not marked.
	if iv.Confidence != ConfidenceMedium || strings.Contains(iv.Note, "Written later") {
		t.Errorf("confidence %s, note %q", iv.Confidence, iv.Note)
	}
}

func TestKnownAtRestoresARefiledClaim(t *testing.T) {
	d := loadKnownFixture(t)
	before := d.KnownAt(day(t, "2026-11-25"))
	i := slices.IndexFunc(before.Claims, func(c Claim) bool { return c.Party == PartyResistance })
	if i < 0 || before.Claims[i].Kind != KindClaim || before.Claims[i].Status != StatusContested ||
		!strings.Contains(before.Claims[i].Note, "Re-filed on 2026-11-26") {
		t.Fatalf("as published on 25 Nov the NRF's row is %+v, want the claim 'contested' with a note on its re-filing", before.Claims[i])
	}
	after := d.KnownAt(day(t, "2026-11-26"))
	i = slices.IndexFunc(after.Claims, func(c Claim) bool { return c.Party == PartyResistance })
	if after.Claims[i].Kind != KindDenial {
		t.Errorf("after the revision the NRF's row is a %s", after.Claims[i].Kind)
	}
	// E1 came with R3: the map as published before it had the claim only.
	hasE1 := func(k *Dataset) bool {
		return slices.ContainsFunc(k.Events, func(e Event) bool { return e.ID == "E1" })
	}
	if hasE1(before) || !hasE1(after) {
		t.Errorf("E1, added on 26 Nov: on the 25th %v, on the 26th %v", hasE1(before), hasE1(after))
	}
}

func TestKnowledgeDays(t *testing.T) {
	d := loadKnownFixture(t)
	want := []string{"2021-09-01", "2021-09-30", "2026-11-25", "2026-11-26", "2026-11-30"}
	var got []string
	for _, k := range d.KnowledgeDays() {
		got = append(got, k.String())
	}
	if !slices.Equal(got, want) {
		t.Fatalf("knowledge days %v, want %v", got, want)
	}
	k := d.KnownAt(day(t, "2021-09-10"))
	if k.Known != day(t, "2021-09-01") || k.KnownUntil != day(t, "2021-09-30") {
		t.Errorf("known %s until %s, want 2021-09-01 until 2021-09-30", k.Known, k.KnownUntil)
	}
	if d.KnownEpoch(day(t, "2021-09-29")) != d.KnownEpoch(day(t, "2021-09-01")) {
		t.Error("two days of one knowledge epoch have different epochs")
	}
	if k.Version == d.Version || k.Version == d.KnownAt(day(t, "2021-09-30")).Version {
		t.Error("known datasets share a version with another answer: their ETags would collide")
	}
	if got := d.EvidenceUpTo(); got != day(t, "2021-09-30") {
		t.Errorf("evidence up to %s, want 2021-09-30 (S2's month; S3 is undated)", got)
	}
	if d.Updated() != day(t, "2026-11-30") || d.FirstPublished() != day(t, "2026-11-25") {
		t.Errorf("updated %s, first published %s", d.Updated(), d.FirstPublished())
	}
	// A publication with no revision still starts a period: what the map
	// as known then says of its last update changes with it.
	if a, b := d.KnownAt(day(t, "2026-11-29")), d.KnownAt(day(t, "2026-11-30")); a.Updated() != day(t, "2026-11-26") || b.Updated() != day(t, "2026-11-30") {
		t.Errorf("updated as known on 29 Nov %s, on 30 Nov %s", a.Updated(), b.Updated())
	}
	// Before any source: a real day, never a zero one.
	if k := d.KnownAt(day(t, "2021-08-01")); k.Known.String() != "1000-01-01" || k.KnownUntil != day(t, "2021-09-01") {
		t.Errorf("known before any source: %s until %s", k.Known, k.KnownUntil)
	}
}

func TestRevisionsThatDoNotFitFail(t *testing.T) {
	tests := []struct {
		name, revisions, want string
	}{
		{"now is not the row", "R1,2026-11-26,control,revised,AF0002,2021-09-02 day resistance medium S1,2021-09-03 day contested high S1;S2,x,\n",
			"revisions.csv:2: R1: data: bad value: column now"},
		{"removed row still there", "R1,2026-11-26,control,removed,AF0002,2021-09-03 day contested low S1,,x,\n",
			"revisions.csv:2: R1: data: duplicate: column was"},
		{"claim not there", "R1,2026-11-26,claims,refiled,AF0001,2021-09-04 resistance claim contested S1,2021-09-05 taliban claim taliban S2,x,\n",
			"revisions.csv:2: R1: data: bad value: column now: no claim"},
		{"event not there", "R1,2026-11-26,claims,refiled,AF0001,2021-09-04 resistance claim contested S1,event E99,x,\n",
			"revisions.csv:2: data: bad value: column now: no event E99"},
		{"published on no publication day", "R1,2026-11-27,control,added,AF0002,,2021-09-03 day contested low S1;S2,x,\n",
			"revisions.csv:2: data: bad value: column published: 2026-11-27 is not a day of publications.csv"},
		{"nothing changed", "R1,2026-11-26,control,revised,AF0002,2021-09-03 day contested low S1;S2,2021-09-03 day contested low S1;S2,x,\n",
			"a revision that changes nothing"},
		{"added with a was", "R1,2026-11-26,control,added,AF0002,2021-09-03 day contested low S1;S2,2021-09-03 day contested low S1;S2,x,\n",
			"a control revision added needs was empty and now set"},
		{"unknown source now", "R1,2026-11-26,control,revised,AF0002,2021-09-02 day resistance medium S1,2021-09-03 day contested low S1;S9,x,\n",
			"column now: "},
		{"unknown prompting source", "R1,2026-11-26,control,revised,AF0002,2021-09-02 day resistance medium S1,2021-09-03 day contested low S1;S2,x,S9\n",
			"unknown source id \"S9\""},
		{"not a source id", "R1,2026-11-26,control,revised,AF0002,2021-09-02 day resistance medium X1,2021-09-03 day contested low S1;S2,x,\n",
			"\"X1\" is not a source id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := revisionsFixture(t, tt.revisions)
			_, err := Load(m, m)
			var re *RowError
			if err == nil || !errors.As(err, &re) || re.File != RevisionsFile || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error in %s containing %q", err, RevisionsFile, tt.want)
			}
		})
	}
}
