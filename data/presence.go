package data

import (
	"fmt"
	"io/fs"
)

// PresenceFile holds the analyst's side-valley presence: where sources say
// a side held ground outside a district's centre (side valleys, bases,
// positions) over a span of days. It never changes the assessed status, which is
// about the centre and the main road only.
const PresenceFile = "presence.csv"

var presenceColumns = []string{"pcode", "side", "from", "to", "confidence", "sources", "note"}

// Presence is one side's assessed presence outside one district's centre
// over the days [From, To], both inclusive.
type Presence struct {
	PCode      string
	Side       Party // one of Region.Sides
	Role       Role  // Side's role
	From, To   Day
	Confidence Confidence
	Sources    []string
	Note       string

	line int // line in presence.csv, for the linter
}

// Covers reports whether day lies in [From, To].
func (pr *Presence) Covers(day Day) bool { return day >= pr.From && day <= pr.To }

// loadPresence reads PresenceFile, which is optional; rows are in date order
// of from, and one side's periods in one district never overlap (a reader
// would not know which confidence holds).
func (d *Dataset) loadPresence(tables fs.FS, p *problems) {
	if !exists(tables, PresenceFile) {
		return
	}
	var last Day
	for r := range readTable(tables, PresenceFile, presenceColumns, p) {
		pr, ok := d.presenceOf(r, p)
		if !ok {
			continue
		}
		switch prev := d.overlappingPresence(pr); {
		case pr.From < last:
			p.add(PresenceFile, r.line, fmt.Errorf("%w: presence from %s after one from %s", ErrOrder, pr.From, last))
		case prev != nil:
			p.add(PresenceFile, r.line, fmt.Errorf("%w: %s presence in %s from %s overlaps line %d", ErrOrder, pr.Side, pr.PCode, pr.From, prev.line))
		default:
			last = pr.From
			d.Presence = append(d.Presence, pr)
		}
	}
}

func (d *Dataset) presenceOf(r row, p *problems) (Presence, bool) {
	pr := Presence{PCode: r.get("pcode"), Side: Party(r.get("side")), Confidence: Confidence(r.get("confidence")),
		Note: r.get("note"), line: r.line}
	var okFrom, okTo bool
	pr.From, okFrom = d.day(PresenceFile, r.line, "from", r.get("from"), p)
	pr.To, okTo = d.day(PresenceFile, r.line, "to", r.get("to"), p)
	if !okFrom || !okTo || !d.knownArea(PresenceFile, r.line, pr.PCode, p) ||
		!oneOf(PresenceFile, r.line, "side", &pr.Side, d.Region.Sides(), p) ||
		!oneOf(PresenceFile, r.line, "confidence", &pr.Confidence, []Confidence{ConfidenceHigh, ConfidenceMedium, ConfidenceLow}, p) {
		return pr, false
	}
	sd, _ := d.Region.Party(pr.Side)
	pr.Role = sd.Role
	if pr.To < pr.From {
		p.add(PresenceFile, r.line, fmt.Errorf("%w: presence ends (%s) before it starts (%s)", ErrOrder, pr.To, pr.From))
		return pr, false
	}
	if pr.Note == "" {
		p.add(PresenceFile, r.line, fmt.Errorf("%w: note (name the places)", ErrMissing))
		return pr, false
	}
	var ok bool
	pr.PCode = d.Areas[d.areaIndex[pr.PCode]].PCode
	pr.Sources, ok = d.checkSources(PresenceFile, r.line, r.get("sources"), p)
	return pr, ok
}

func (d *Dataset) overlappingPresence(pr Presence) *Presence {
	for i := range d.Presence {
		q := &d.Presence[i]
		if q.PCode == pr.PCode && q.Side == pr.Side && q.From <= pr.To && pr.From <= q.To {
			return q
		}
	}
	return nil
}
