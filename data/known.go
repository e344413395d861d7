package data

import (
	"fmt"
	"iter"
	"slices"
	"sort"
)

// The map as known at the time. KnownAt(k) is the dataset built only from
// the evidence published by the end of day k, the assessment as it stood
// then: this is the one rule of "at the time"; the API, the pictures and the
// page ask it and never filter sources themselves.
//
//   - A source counts from its KnownFrom day: its publication day, or for a
//     source dated only by its month the month's last day (it may have come
//     out on any day of it). An undated source never counts.
//   - A row (assessed change, claim, event, presence) keeps only the sources
//     known by k, and goes when none is left: nothing published by then
//     showed it.
//   - A row that lost sources has its confidence recomputed by the method's
//     rule from the sources left (two independent stories high, one
//     medium, none low), never above the analyst's. A single source on the
//     ground counts as medium here: the tables do not mark sources on the
//     ground, so at-the-time confidence may understate, never overstate.
//   - From the map's first publication on, the revisions published after k
//     are undone: the map as it was published that day. Before it there was
//     no map, and at the time means today's reading of the evidence then.

// KnownFrom returns the first day on which s counts as published: the day,
// or the last day of its month; false when s is undated.
func (s Source) KnownFrom() (Day, bool) { return s.last, s.last != 0 }

// KnownBy reports whether s counts as published by the end of day k.
func (s Source) KnownBy(k Day) bool { return s.last != 0 && s.last <= k }

// KnowledgeDays returns, in order, the days on which what the dataset knows
// changes: the days its sources count from, and the days revisions were
// published. KnownAt answers the same for every day from one of them to the
// next.
func (d *Dataset) KnowledgeDays() []Day { return d.knowledge }

func (d *Dataset) indexKnowledge() {
	var days []Day
	for _, s := range d.Sources {
		if s.last != 0 {
			days = append(days, s.last)
		}
	}
	// Every publication: the map as published changes with it, and so do
	// the publications and "updated" a dataset as known then says.
	for _, p := range d.Publications {
		days = append(days, p.Published)
	}
	slices.Sort(days)
	d.knowledge = slices.Compact(days)
}

// knowledgeEpoch returns the knowledge day on or before k (zero when k is
// before every source) and the next one (zero when none).
func (d *Dataset) knowledgeEpoch(k Day) (from, until Day) {
	j := sort.Search(len(d.knowledge), func(j int) bool { return d.knowledge[j] > k })
	if j > 0 {
		from = d.knowledge[j-1]
	}
	if j < len(d.knowledge) {
		until = d.knowledge[j]
	}
	return from, until
}

// KnownEpoch returns the first day of the knowledge epoch holding k: every
// day from it until the next knowledge day has the same KnownAt. Callers
// cache by it.
func (d *Dataset) KnownEpoch(k Day) Day { from, _ := d.knowledgeEpoch(k); return from }

// KnownAt returns the dataset as it could be known at the end of day k (see
// the rule above). The result shares the boundaries, places and chapters
// with d; its Known and KnownUntil bound the days for which it is the same
// answer. It is built in about a millisecond; callers cache it by KnownEpoch.
func (d *Dataset) KnownAt(k Day) *Dataset {
	from, until := d.knowledgeEpoch(k)
	nd := &Dataset{Region: d.Region, Areas: d.Areas, Periods: d.Periods, Places: d.Places, Context: d.Context,
		Known: max(from, beforeAnySource), KnownUntil: until,
		areaIndex: d.areaIndex, Intervals: map[string][]Interval{}, sourceIndex: map[string]int{}}
	nd.Version = d.Version + "-k" + nd.Known.String()
	for _, s := range d.Sources {
		if s.KnownBy(k) {
			nd.sourceIndex[s.ID] = len(nd.Sources)
			nd.Sources = append(nd.Sources, s)
		}
	}
	for _, p := range d.Publications {
		if p.Published <= k {
			nd.Publications = append(nd.Publications, p)
		}
	}
	for _, rv := range d.Revisions {
		if rv.Published <= k {
			nd.Revisions = append(nd.Revisions, rv)
		}
	}
	as := assessment{intervals: d.Intervals, claims: d.Claims}
	if first := d.FirstPublished(); first != 0 && k >= first {
		var err *replayError
		if as, err = d.assessmentAt(k); err != nil {
			panic("data: the revisions were checked when loaded: " + err.err.Error()) // Load refuses a log that does not replay
		}
	}
	nd.keepKnown(d, as)
	nd.Provinces = d.provincesKnownBy(nd)
	nd.index()
	nd.First = d.First // the same range of days: the map's, not the evidence's
	return nd
}

// provincesKnownBy are d's provinces as known, the day each capital fell
// resting only on the sources known (known's), with the confidence they
// support then; a day no source known then gives is no day yet.
func (d *Dataset) provincesKnownBy(known *Dataset) []Province {
	out := make([]Province, len(d.Provinces))
	for i, p := range d.Provinces {
		if p.Fell != 0 {
			ids, later := known.knownOf(p.Sources), len(d.knownOf(p.Sources))
			later -= len(ids)
			if len(ids) == 0 {
				p.Fell, p.Confidence = 0, ""
			} else {
				p.Confidence = known.confidenceKnown(p.Confidence, later, ids)
			}
			p.Note, p.Sources = laterNote(later, p.Note), ids
		}
		out[i] = p
	}
	return out
}

// keepKnown fills d's rows from the assessment as of the dataset with
// hindsight (full), each with the sources d knows. A source the row cited
// that full no longer lists (withdrawn since: a copy replaced by its
// primary) is left out without counting as published later.
func (d *Dataset) keepKnown(full *Dataset, as assessment) {
	for pc, ivs := range as.intervals {
		var kept []Interval
		for _, iv := range ivs {
			known, later := d.knownOf(iv.Sources), len(full.knownOf(iv.Sources))
			if len(known) == 0 {
				continue
			}
			later -= len(known)
			iv.Confidence = d.confidenceKnown(iv.Confidence, later, known)
			iv.Note = laterNote(later, iv.Note)
			iv.Sources, iv.To = known, 0
			if n := len(kept); n > 0 {
				kept[n-1].To = iv.From
			}
			kept = append(kept, iv)
		}
		if len(kept) > 0 {
			d.Intervals[pc] = kept
		}
	}
	for _, c := range as.claims {
		if c.Sources = d.knownOf(c.Sources); len(c.Sources) > 0 {
			d.Claims = append(d.Claims, c)
		}
	}
	for _, e := range full.Events {
		if e.Sources = d.knownOf(e.Sources); len(e.Sources) > 0 && !as.addedLater[e.ID] {
			d.Events = append(d.Events, e)
		}
	}
	for _, pr := range full.Presence {
		if known := d.knownOf(pr.Sources); len(known) > 0 {
			pr.Confidence = d.confidenceKnown(pr.Confidence, len(full.knownOf(pr.Sources))-len(known), known)
			pr.Sources = known
			d.Presence = append(d.Presence, pr)
		}
	}
}

// laterNote marks a note written with hindsight: it may tell of sources
// published later, which the map at the time leaves out.
func laterNote(later int, note string) string {
	if later == 0 || note == "" {
		return note
	}
	return fmt.Sprintf("[Written later; %d of the sources it rests on were published after this day and are left out here.] %s", later, note)
}

// knownOf returns the ids of d's sources among ids, in their order.
func (d *Dataset) knownOf(ids []string) []string {
	var out []string
	for _, id := range ids {
		if d.hasSource(id) {
			out = append(out, id)
		}
	}
	return out
}

// confidenceKnown is a row's confidence when later of its sources were not
// yet published: the analyst's when none was later, else the method's rule
// on those known (d knows them), capped by the analyst's.
func (d *Dataset) confidenceKnown(analyst Confidence, later int, known []string) Confidence {
	if later == 0 {
		return analyst
	}
	return lowerConfidence(analyst, d.ConfidenceOf(known))
}

// beforeAnySource is the Known of a dataset as known before any source was
// published: a real day (its documents write it), before every record.
var beforeAnySource = civilDay(1000, 1, 1)

// ConfidenceOf applies the method's rule to sources: two independent
// stories give high, one medium, none low. (A single source on the ground
// also gives high; the tables do not record it, so an analyst sets it.)
func (d *Dataset) ConfidenceOf(ids []string) Confidence {
	n := 0
	for _, id := range ids {
		if s, ok := d.Source(id); ok && s.Independent() {
			n++
		}
	}
	switch {
	case n >= 2:
		return ConfidenceHigh
	case n == 1:
		return ConfidenceMedium
	}
	return ConfidenceLow
}

var confidenceRank = map[Confidence]int{ConfidenceLow: 0, ConfidenceMedium: 1, ConfidenceHigh: 2}

func lowerConfidence(a, b Confidence) Confidence {
	if confidenceRank[a] <= confidenceRank[b] {
		return a
	}
	return b
}

// EvidenceUpTo returns the latest day any source about control (cited by an
// assessed change, a claim or a presence row) counts from: the evidence the
// map's control rests on goes up to that day. Events are not counted: an
// arrest is evidence of activity, not of who holds a district.
func (d *Dataset) EvidenceUpTo() Day { return d.evidenceUpTo }

func (d *Dataset) indexEvidence() {
	var last Day
	for ids := range d.citations(aboutControl) {
		for _, id := range ids {
			if s, ok := d.Source(id); ok {
				last = max(last, s.last)
			}
		}
	}
	d.evidenceUpTo = last
}

// The rows whose citations a caller wants (citations).
const (
	aboutControl = iota // assessed changes, claims, presence: the evidence about who holds ground
	everyRow            // those, and events, chapters and revisions
)

// citations yields the source lists of d's rows of the kind asked for.
func (d *Dataset) citations(which int) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		lists := [][]string{}
		for _, ivs := range d.Intervals {
			for _, iv := range ivs {
				lists = append(lists, iv.Sources)
			}
		}
		for _, c := range d.Claims {
			lists = append(lists, c.Sources)
		}
		for _, pr := range d.Presence {
			lists = append(lists, pr.Sources)
		}
		if which == everyRow {
			for _, e := range d.Events {
				lists = append(lists, e.Sources)
			}
			for _, p := range d.Periods {
				lists = append(lists, p.Sources)
			}
			for _, rv := range d.Revisions {
				lists = append(lists, rv.Sources)
			}
			for _, pr := range d.Provinces {
				lists = append(lists, pr.Sources)
			}
		}
		for _, ids := range lists {
			if !yield(ids) {
				return
			}
		}
	}
}
