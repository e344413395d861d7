package data

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// The corrections log. A revision is a change to a published assessment:
// a control row's date, precision, status, confidence or sources, a row
// added or removed, a claim re-filed or removed. New evidence (a claim, an
// event, a source added) is not a revision: PublicationsFile says what each
// publication brought.
const (
	RevisionsFile    = "revisions.csv"
	PublicationsFile = "publications.csv"
)

var (
	revisionColumns    = []string{"id", "published", "table", "change", "pcodes", "was", "now", "reason", "sources"}
	publicationColumns = []string{"published", "summary"}
)

// RevisionTable is the table a revision changed.
type RevisionTable string

// The revised tables.
const (
	RevisionControl RevisionTable = "control"
	RevisionClaims  RevisionTable = "claims"
)

// RevisionChange is what a revision did to its row.
type RevisionChange string

// The changes. Revised and added/removed apply to control rows; a claim is
// re-filed (as another claim or as an event) or removed.
const (
	ChangeRevised RevisionChange = "revised"
	ChangeAdded   RevisionChange = "added"
	ChangeRemoved RevisionChange = "removed"
	ChangeRefiled RevisionChange = "refiled"
)

// ControlRow is what a revision records of an assessed row: every field
// but the note (a note's wording is not an assessment).
type ControlRow struct {
	From          Day        `json:"from"`
	DatePrecision Precision  `json:"date_precision"`
	Status        Status     `json:"status"`
	Confidence    Confidence `json:"confidence"`
	Sources       []string   `json:"sources"`
}

func (r ControlRow) equal(o ControlRow) bool {
	return r.From == o.From && r.DatePrecision == o.DatePrecision && r.Status == o.Status &&
		r.Confidence == o.Confidence && slices.Equal(r.Sources, o.Sources)
}

// ClaimRow is what a revision records of a claim: its identity (date,
// party, kind, status; the districts are the revision's) and its sources.
type ClaimRow struct {
	// PCodes are the claim's districts when they differ from the
	// revision's (a claim re-filed about other districts), else nil.
	PCodes  []string `json:"pcodes,omitempty"`
	Date    Day      `json:"date"`
	Party   Party    `json:"party"`
	Kind    Kind     `json:"kind"`
	Status  Status   `json:"status"`
	Sources []string `json:"sources"`
}

// Revision is one change to a published assessment (one row of
// RevisionsFile).
type Revision struct {
	ID        string
	Published Day
	Table     RevisionTable
	Change    RevisionChange
	PCodes    []string
	// Control revisions: the row as it was (nil when added) and as it is
	// (nil when removed).
	WasRow, NowRow *ControlRow
	// Claim revisions: the claim as it was, and what it is now: another
	// claim, or the events it was re-filed as (NowEvents), or neither when
	// it was removed.
	WasClaim, NowClaim *ClaimRow
	NowEvents          []string
	// NewEvents are those of NowEvents this revision added to events.csv
	// ("+ID" in the file): the map as published before it had no such event.
	NewEvents []string
	Reason    string
	Sources   []string

	line int
}

// Publication is one day the dataset was published, with what it brought.
type Publication struct {
	Published Day
	Summary   string
}

// Updated is the dataset's last edit: the day of its last publication
// (zero when the dataset has no publications table).
func (d *Dataset) Updated() Day {
	if n := len(d.Publications); n > 0 {
		return d.Publications[n-1].Published
	}
	return 0
}

// FirstPublished is the day the map was first published: before it there
// was no published assessment to revise (zero without a publications table).
func (d *Dataset) FirstPublished() Day {
	if len(d.Publications) > 0 {
		return d.Publications[0].Published
	}
	return 0
}

// RevisionsOf returns the revisions of pcode's rows and claims, newest
// first.
func (d *Dataset) RevisionsOf(pcode string) []*Revision {
	var out []*Revision
	for i := len(d.Revisions) - 1; i >= 0; i-- {
		if slices.Contains(d.Revisions[i].PCodes, pcode) {
			out = append(out, &d.Revisions[i])
		}
	}
	return out
}

func (d *Dataset) loadPublications(tables fs.FS, p *problems) {
	if !exists(tables, PublicationsFile) {
		return
	}
	for r := range readTable(tables, PublicationsFile, publicationColumns, p) {
		day, ok := d.day(PublicationsFile, r.line, "published", r.get("published"), p)
		if !ok {
			continue
		}
		if n := len(d.Publications); n > 0 && d.Publications[n-1].Published >= day {
			p.add(PublicationsFile, r.line, fmt.Errorf("%w: column published: %s does not come after %s", ErrOrder, day, d.Publications[n-1].Published))
			continue
		}
		if r.get("summary") == "" {
			p.add(PublicationsFile, r.line, fmt.Errorf("%w: column summary is empty", ErrMissing))
			continue
		}
		d.Publications = append(d.Publications, Publication{Published: day, Summary: r.get("summary")})
	}
}

// loadRevisions reads RevisionsFile (optional), then checks it against the
// tables by replaying it backwards (see assessmentAt): every revision must
// name a real row, and the "now" side of a row's latest revision must be
// the row as it is.
func (d *Dataset) loadRevisions(tables fs.FS, p *problems) {
	if !exists(tables, RevisionsFile) {
		return
	}
	ids := map[string]bool{}
	for r := range readTable(tables, RevisionsFile, revisionColumns, p) {
		rv, err := d.parseRevision(r, p)
		switch {
		case err != nil:
			p.add(RevisionsFile, r.line, err)
		case rv == nil:
		case ids[rv.ID]:
			p.add(RevisionsFile, r.line, fmt.Errorf("%w: column id: %s used twice", ErrDuplicate, rv.ID))
		default:
			if n := len(d.Revisions); n > 0 && d.Revisions[n-1].Published > rv.Published {
				p.add(RevisionsFile, r.line, fmt.Errorf("%w: column published: %s comes after a revision of %s", ErrOrder, rv.Published, d.Revisions[n-1].Published))
				continue
			}
			if len(d.Publications) > 0 && !slices.ContainsFunc(d.Publications, func(p Publication) bool { return p.Published == rv.Published }) {
				p.add(RevisionsFile, r.line, fmt.Errorf("%w: column published: %s is not a day of %s (%s to %s)",
					ErrBadValue, rv.Published, PublicationsFile, d.FirstPublished(), d.Updated()))
				continue
			}
			ids[rv.ID] = true
			d.Revisions = append(d.Revisions, *rv)
		}
	}
	if p.failed(RevisionsFile) || p.failed(ControlFile) || p.failed(ClaimsFile) || p.failed(EventsFile) {
		return
	}
	if len(d.Revisions) > 0 && len(d.Publications) == 0 {
		p.add(RevisionsFile, 0, fmt.Errorf("%w: revisions need %s: the days they were published", ErrMissing, PublicationsFile))
		return
	}
	if _, err := d.assessmentAt(0); err != nil {
		p.add(RevisionsFile, err.line, err.err)
	}
}

// parseRevision reads one revision; nil, nil when a problem was already
// reported.
func (d *Dataset) parseRevision(r row, p *problems) (*Revision, error) {
	rv := &Revision{ID: r.get("id"), Table: RevisionTable(r.get("table")), Change: RevisionChange(r.get("change")),
		PCodes: splitList(r.get("pcodes")), Reason: r.get("reason"), line: r.line}
	if rv.ID == "" || rv.Reason == "" || len(rv.PCodes) == 0 {
		return nil, fmt.Errorf("%w: columns id, pcodes and reason are required", ErrMissing)
	}
	var ok bool
	if rv.Published, ok = d.day(RevisionsFile, r.line, "published", r.get("published"), p); !ok {
		return nil, nil
	}
	if !oneOf(RevisionsFile, r.line, "table", &rv.Table, []RevisionTable{RevisionControl, RevisionClaims}, p) {
		return nil, nil
	}
	for _, pc := range rv.PCodes {
		if !d.knownArea(RevisionsFile, r.line, pc, p) {
			return nil, nil
		}
	}
	if r.get("sources") != "" {
		if rv.Sources, ok = d.checkSources(RevisionsFile, r.line, r.get("sources"), p); !ok {
			return nil, nil
		}
	}
	was, now := r.get("was"), r.get("now")
	if rv.Table == RevisionControl {
		return rv, d.parseControlRevision(rv, was, now)
	}
	return rv, d.parseClaimRevision(rv, was, now)
}

func (d *Dataset) parseControlRevision(rv *Revision, was, now string) error {
	if len(rv.PCodes) != 1 {
		return fmt.Errorf("%w: column pcodes: a control revision names one district", ErrBadValue)
	}
	var err error
	if was != "" {
		if rv.WasRow, err = d.parseControlRow(was); err != nil {
			return fmt.Errorf("column was: %w", err)
		}
	}
	if now != "" {
		if rv.NowRow, err = d.parseControlRow(now); err != nil {
			return fmt.Errorf("column now: %w", err)
		}
	}
	want := map[RevisionChange][2]bool{ChangeRevised: {true, true}, ChangeAdded: {false, true}, ChangeRemoved: {true, false}}
	w, ok := want[rv.Change]
	if !ok {
		return fmt.Errorf("%w: column change: %q; a control revision is revised, added or removed", ErrVocabulary, rv.Change)
	}
	if rv.Change == ChangeRevised && rv.WasRow != nil && rv.NowRow != nil && rv.WasRow.equal(*rv.NowRow) {
		return fmt.Errorf("%w: columns was and now: a revision that changes nothing", ErrBadValue)
	}
	if w != [2]bool{was != "", now != ""} {
		return fmt.Errorf("%w: columns was and now: a control revision %s needs was %s and now %s", ErrBadValue, rv.Change,
			presence(w[0]), presence(w[1]))
	}
	return nil
}

func presence(set bool) string {
	if set {
		return "set"
	}
	return "empty"
}

func (d *Dataset) parseClaimRevision(rv *Revision, was, now string) error {
	if rv.Change != ChangeRefiled && rv.Change != ChangeRemoved {
		return fmt.Errorf("%w: column change: %q; a claim is refiled or removed", ErrVocabulary, rv.Change)
	}
	var err error
	if rv.WasClaim, err = d.parseClaimRow(was); err != nil {
		return fmt.Errorf("column was: %w", err)
	}
	switch id, isEvent := strings.CutPrefix(now, "event "); {
	case rv.Change == ChangeRemoved && now != "":
		return fmt.Errorf("%w: column now: a removed claim has none", ErrBadValue)
	case rv.Change == ChangeRemoved:
	case isEvent:
		for _, id := range splitList(id) {
			if added, ok := strings.CutPrefix(id, "+"); ok {
				id = added
				rv.NewEvents = append(rv.NewEvents, id)
			}
			if !slices.ContainsFunc(d.Events, func(e Event) bool { return e.ID == id }) {
				return fmt.Errorf("%w: column now: no event %s in %s", ErrBadValue, id, EventsFile)
			}
			rv.NowEvents = append(rv.NowEvents, id)
		}
	default:
		if rv.NowClaim, err = d.parseClaimRow(now); err != nil {
			return fmt.Errorf("column now: %w", err)
		}
		if rv.claimKey(rv.NowClaim) == rv.claimKey(rv.WasClaim) && slices.Equal(rv.NowClaim.Sources, rv.WasClaim.Sources) {
			return fmt.Errorf("%w: columns was and now: a revision that changes nothing", ErrBadValue)
		}
	}
	return nil
}

// parseControlRow reads "from date_precision status confidence sources".
// A source a row cited then may have been withdrawn since (a copy replaced
// by its primary): the log names it, and the map as published then cites
// the sources still listed. The row as it is now must be the data's, which
// the replay checks (assessmentAt), so its sources are listed.
func (d *Dataset) parseControlRow(s string) (*ControlRow, error) {
	f := strings.Fields(s)
	if len(f) != 5 {
		return nil, fmt.Errorf("%w: %q is not \"from date_precision status confidence sources\"", ErrBadValue, s)
	}
	from, err := ParseDay(f[0])
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadValue, err)
	}
	r := &ControlRow{From: from, DatePrecision: Precision(f[1]), Status: Status(f[2]), Confidence: Confidence(f[3]), Sources: splitList(f[4])}
	if !slices.Contains(changePrecisions, r.DatePrecision) || !slices.Contains(d.Region.Statuses(), r.Status) ||
		!slices.Contains([]Confidence{ConfidenceHigh, ConfidenceMedium, ConfidenceLow}, r.Confidence) {
		return nil, fmt.Errorf("%w: %q", ErrVocabulary, s)
	}
	return r, sourceIDs(r.Sources)
}

// parseClaimRow reads "date party kind status sources [pcodes]" (sources
// as parseControlRow; pcodes when they are not the revision's).
func (d *Dataset) parseClaimRow(s string) (*ClaimRow, error) {
	f := strings.Fields(s)
	if len(f) != 5 && len(f) != 6 {
		return nil, fmt.Errorf("%w: %q is not \"date party kind status sources [pcodes]\"", ErrBadValue, s)
	}
	date, err := ParseDay(f[0])
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadValue, err)
	}
	c := &ClaimRow{Date: date, Party: Party(f[1]), Kind: Kind(f[2]), Status: Status(f[3]), Sources: splitList(f[4])}
	if len(f) == 6 {
		c.PCodes = splitList(f[5])
		for _, pc := range c.PCodes {
			if !d.hasArea(pc) {
				return nil, fmt.Errorf("%w: %s", ErrUnknownPCode, pc)
			}
		}
	}
	if !slices.Contains(d.Region.ClaimParties(), c.Party) || !slices.Contains([]Kind{KindClaim, KindDenial, KindReport}, c.Kind) ||
		!slices.Contains(d.Region.Statuses(), c.Status) {
		return nil, fmt.Errorf("%w: %q", ErrVocabulary, s)
	}
	return c, sourceIDs(c.Sources)
}

// sourceIDs checks that ids have a source id's shape (see parseControlRow).
func sourceIDs(ids []string) error {
	for _, id := range ids {
		if !validSourceID(id) {
			return fmt.Errorf("%w: %q is not a source id", ErrBadValue, id)
		}
	}
	return nil
}

// validSourceID reports whether id has a source id's shape: S and digits,
// or S and a derived id (NewSourceID: digits, letters and '-').
func validSourceID(id string) bool {
	if len(id) < 2 || id[0] != 'S' {
		return false
	}
	return !strings.ContainsFunc(id[1:], func(r rune) bool {
		return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-')
	})
}

// replayError is a revision that does not fit the tables.
type replayError struct {
	line int
	err  error
}

// assessment is the dataset's assessment as it stood on a day: the control
// rows by P-code, the claims, and the events added since (which it had not).
type assessment struct {
	intervals  map[string][]Interval
	claims     []Claim
	addedLater map[string]bool // event ids
}

// assessmentAt returns the assessment as it stood at the end of day k: the
// revisions published after k undone, newest first. Undoing checks each
// revision against the rows it finds: the row a revision says it made must
// be there. A restored row's note says what happened to it later.
func (d *Dataset) assessmentAt(k Day) (assessment, *replayError) {
	rows := make(map[string][]Interval, len(d.Intervals))
	for pc, ivs := range d.Intervals {
		rows[pc] = slices.Clone(ivs)
	}
	claims := slices.Clone(d.Claims)
	restored := map[string]bool{} // claims put back, by claimKey: a split claim is put back once
	later := map[string]bool{}
	for i := len(d.Revisions) - 1; i >= 0 && d.Revisions[i].Published > k; i-- {
		rv := &d.Revisions[i]
		var err error
		if rv.Table == RevisionControl {
			rows[rv.PCodes[0]], err = rv.undoControl(rows[rv.PCodes[0]])
		} else {
			claims, err = rv.undoClaim(claims, restored)
			for _, id := range rv.NewEvents {
				later[id] = true
			}
		}
		if err != nil {
			return assessment{}, &replayError{rv.line, fmt.Errorf("%s: %w", rv.ID, err)}
		}
	}
	for pc, ivs := range rows {
		if len(ivs) == 0 {
			delete(rows, pc)
		}
	}
	return assessment{intervals: rows, claims: claims, addedLater: later}, nil
}

func (rv *Revision) undoControl(ivs []Interval) ([]Interval, error) {
	find := func(r ControlRow) int {
		return slices.IndexFunc(ivs, func(iv Interval) bool { return iv.row().equal(r) })
	}
	if rv.NowRow != nil {
		i := find(*rv.NowRow)
		if i < 0 {
			return nil, fmt.Errorf("%w: column now: %s has no row %s as the later data has it", ErrBadValue, rv.PCodes[0], rv.NowRow.From)
		}
		if rv.WasRow == nil {
			return slices.Delete(ivs, i, i+1), nil
		}
		ivs[i] = rv.WasRow.interval(rv.PCodes[0], ivs[i].Note)
	} else {
		if slices.ContainsFunc(ivs, func(iv Interval) bool { return iv.From == rv.WasRow.From }) {
			return nil, fmt.Errorf("%w: column was: %s already has a row from %s", ErrDuplicate, rv.PCodes[0], rv.WasRow.From)
		}
		ivs = append(ivs, rv.WasRow.interval(rv.PCodes[0], fmt.Sprintf("Removed on %s: %s", rv.Published, rv.Reason)))
	}
	slices.SortStableFunc(ivs, func(a, b Interval) int { return cmp.Compare(a.From, b.From) })
	for j := 1; j < len(ivs); j++ {
		if ivs[j].From == ivs[j-1].From {
			return nil, fmt.Errorf("%w: column was: %s would have two rows from %s", ErrDuplicate, rv.PCodes[0], ivs[j].From)
		}
	}
	return ivs, nil
}

// undoClaim takes out the claim rv made (if any) and puts back the one it
// replaced; when several revisions split one claim, the first undone puts
// it back and the others find it there (restored).
func (rv *Revision) undoClaim(claims []Claim, restored map[string]bool) ([]Claim, error) {
	same := func(r *ClaimRow) func(Claim) bool {
		return func(c Claim) bool {
			return c.Date == r.Date && c.Party == r.Party && c.Kind == r.Kind && c.Status == r.Status && sameSet(c.PCodes, rv.claimPCodes(r))
		}
	}
	if rv.NowClaim != nil {
		i := slices.IndexFunc(claims, same(rv.NowClaim))
		if i < 0 {
			return nil, fmt.Errorf("%w: column now: no claim %s %s %s %s about %s as the later data has it", ErrBadValue,
				rv.NowClaim.Date, rv.NowClaim.Party, rv.NowClaim.Kind, rv.NowClaim.Status, strings.Join(rv.PCodes, ";"))
		}
		claims = slices.Delete(claims, i, i+1)
	}
	key := rv.claimKey(rv.WasClaim)
	if slices.ContainsFunc(claims, same(rv.WasClaim)) {
		if restored[key] {
			return claims, nil
		}
		return nil, fmt.Errorf("%w: column was: the claim %s %s %s %s is still in %s", ErrDuplicate,
			rv.WasClaim.Date, rv.WasClaim.Party, rv.WasClaim.Kind, rv.WasClaim.Status, ClaimsFile)
	}
	restored[key] = true
	w := rv.WasClaim
	note := fmt.Sprintf("Re-filed on %s: %s", rv.Published, rv.Reason)
	if rv.Change == ChangeRemoved {
		note = fmt.Sprintf("Removed on %s: %s", rv.Published, rv.Reason)
	}
	claims = append(claims, Claim{Date: w.Date, PCodes: slices.Clone(rv.claimPCodes(w)), Party: w.Party, Kind: w.Kind,
		Status: w.Status, Sources: w.Sources, Note: note, line: rv.line})
	slices.SortStableFunc(claims, func(a, b Claim) int { return cmp.Compare(a.Date, b.Date) })
	return claims, nil
}

// claimKey identifies the claim r, one side of rv.
func (rv *Revision) claimKey(r *ClaimRow) string {
	pcs := slices.Sorted(slices.Values(rv.claimPCodes(r)))
	return fmt.Sprintf("%s %s %s %s %s", r.Date, r.Party, r.Kind, r.Status, strings.Join(pcs, ";"))
}

// claimPCodes returns the districts of r, one side of rv.
func (rv *Revision) claimPCodes(r *ClaimRow) []string {
	if r.PCodes != nil {
		return r.PCodes
	}
	return rv.PCodes
}

func sameSet(a, b []string) bool {
	return len(a) == len(b) && !slices.ContainsFunc(a, func(s string) bool { return !slices.Contains(b, s) })
}

// row is what a revision records of iv.
func (iv Interval) row() ControlRow {
	return ControlRow{From: iv.From, DatePrecision: iv.DatePrecision, Status: iv.Status, Confidence: iv.Confidence, Sources: iv.Sources}
}

func (r ControlRow) interval(pcode, note string) Interval {
	return Interval{PCode: pcode, From: r.From, DatePrecision: r.DatePrecision, Status: r.Status, Confidence: r.Confidence,
		Sources: r.Sources, Note: note}
}

// Changed names the fields a revised control row changed, in column order;
// nil for other revisions.
func (rv *Revision) Changed() []string {
	w, n := rv.WasRow, rv.NowRow
	if w == nil || n == nil {
		return nil
	}
	var out []string
	for _, f := range []struct {
		name string
		same bool
	}{{"from", w.From == n.From}, {"date_precision", w.DatePrecision == n.DatePrecision}, {"status", w.Status == n.Status},
		{"confidence", w.Confidence == n.Confidence}, {"sources", slices.Equal(w.Sources, n.Sources)}} {
		if !f.same {
			out = append(out, f.name)
		}
	}
	return out
}

// Summary says in English what the revision did, naming the districts by
// names: "Bazarak from 6 Sep 2021: was contested (medium), now taliban
// (high)". The corrections page, the feed and the panel's English use it.
func (rv *Revision) Summary(names []string) string {
	who := strings.Join(names, ", ")
	switch {
	case rv.Table == RevisionClaims && len(rv.NowEvents) > 0:
		return fmt.Sprintf("%s: the %s %s of %s re-filed as event %s", who, rv.WasClaim.Party, rv.WasClaim.Kind, shortDay(rv.WasClaim.Date),
			strings.Join(rv.NowEvents, ", "))
	case rv.Table == RevisionClaims && rv.NowClaim != nil:
		return fmt.Sprintf("%s: the %s %s of %s (%s) re-filed as a %s %s (%s)", who, rv.WasClaim.Party, rv.WasClaim.Kind,
			shortDay(rv.WasClaim.Date), rv.WasClaim.Status, rv.NowClaim.Party, rv.NowClaim.Kind, rv.NowClaim.Status)
	case rv.Table == RevisionClaims:
		return fmt.Sprintf("%s: the %s %s of %s (%s) removed", who, rv.WasClaim.Party, rv.WasClaim.Kind, shortDay(rv.WasClaim.Date), rv.WasClaim.Status)
	case rv.WasRow == nil:
		return fmt.Sprintf("%s: a change on %s added: %s (%s)", who, shortDay(rv.NowRow.From), rv.NowRow.Status, rv.NowRow.Confidence)
	case rv.NowRow == nil:
		return fmt.Sprintf("%s: the change on %s to %s (%s) removed", who, shortDay(rv.WasRow.From), rv.WasRow.Status, rv.WasRow.Confidence)
	}
	w, n := rv.WasRow, rv.NowRow
	var parts []string
	if w.From != n.From {
		parts = append(parts, fmt.Sprintf("dated %s, was %s", shortDay(n.From), shortDay(w.From)))
	}
	if w.Status != n.Status || w.Confidence != n.Confidence {
		parts = append(parts, fmt.Sprintf("was %s (%s), now %s (%s)", w.Status, w.Confidence, n.Status, n.Confidence))
	}
	if w.DatePrecision != n.DatePrecision {
		parts = append(parts, fmt.Sprintf("date %s, was %s", n.DatePrecision, w.DatePrecision))
	}
	if !slices.Equal(w.Sources, n.Sources) {
		parts = append(parts, "sources "+strings.Join(n.Sources, ", ")+", were "+strings.Join(w.Sources, ", "))
	}
	return fmt.Sprintf("%s from %s: %s", who, shortDay(n.From), strings.Join(parts, "; "))
}

// Why is the revision's reason as a sentence, with its full stop.
func (rv *Revision) Why() string {
	if strings.HasSuffix(rv.Reason, ".") || strings.HasSuffix(rv.Reason, "?") || strings.HasSuffix(rv.Reason, "!") {
		return rv.Reason
	}
	return rv.Reason + "."
}

func shortDay(d Day) string { return d.Time().Format("2 Jan 2006") }

// IntervalRevisions returns the revisions that made iv what it is, newest
// first: the chain of revisions of its row (each one's "was" the earlier
// one's "now"), and the removals of rows that fell within it (what the map
// showed on those days before). The details panel shows them.
func (d *Dataset) IntervalRevisions(iv *Interval) []*Revision {
	var out []*Revision
	cur := iv.row()
	have := true
	for i := len(d.Revisions) - 1; i >= 0; i-- {
		rv := &d.Revisions[i]
		if rv.Table != RevisionControl || rv.PCodes[0] != iv.PCode {
			continue
		}
		switch {
		case have && rv.NowRow != nil && rv.NowRow.equal(cur):
			out = append(out, rv)
			if rv.WasRow == nil {
				have = false
			} else {
				cur = *rv.WasRow
			}
		case rv.NowRow == nil && iv.Contains(rv.WasRow.From):
			out = append(out, rv)
		}
	}
	return out
}

// AreaNames returns the English names of the areas with the given P-codes,
// in their order (unknown P-codes left out).
func (d *Dataset) AreaNames(pcodes []string) []string {
	out := make([]string, 0, len(pcodes))
	for _, pc := range pcodes {
		if a, ok := d.Area(pc); ok {
			out = append(out, a.Name)
		}
	}
	return out
}
