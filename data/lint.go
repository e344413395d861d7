package data

import (
	"cmp"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"

	"github.com/paulmach/orb"
)

// Check names one of the evidence checks of Lint.
type Check string

// The evidence checks (docs/methodology.md, "The evidence checks").
const (
	// CheckWeakEvidence: a medium or high assessed row with no independent
	// source (only copies, statements, references or state media).
	CheckWeakEvidence Check = "weak-evidence"
	// CheckLateSources: an assessed row whose sources were all published more
	// than LateAfter days after its date, and whose date is not marked
	// inferred.
	CheckLateSources Check = "late-sources"
	// CheckUndated: a source without a publication date.
	CheckUndated Check = "undated-source"
	// CheckDuplicate: two sources with one URL, or one row citing one story
	// twice (a copy and its primary, or two copies of one primary).
	CheckDuplicate Check = "duplicate-story"
	// CheckCopyOf: a copy that does not name its primary.
	CheckCopyOf Check = "copy-without-primary"
	// CheckStateAsIndependent: an independent report that cites no
	// independent publisher (only state media, party outlets): the panel
	// would call state media independent. File it as party "state".
	CheckStateAsIndependent Check = "state-media-as-independent"
	// CheckUnsourcedPoint: an event placed at a point (geo_precision 1 or 2)
	// that is not a place in places.csv, whose coordinate a cited file gives.
	CheckUnsourcedPoint Check = "unsourced-point"
	// CheckEventSide: an event whose actor1 is neither side, so it counts
	// towards no countryside activity.
	CheckEventSide Check = "event-side"
)

// LateAfter is how many days after an assessed change its sources may be
// published before CheckLateSources warns.
const LateAfter = 30

// Warning is an evidence problem that does not stop the dataset loading.
type Warning struct {
	File   string // file name within the dataset folder, e.g. "control.csv"
	Line   int    // 1-based line number
	Column string // the column at fault, "" when it is the whole row
	Check  Check
	Msg    string
}

func (w Warning) String() string {
	if w.Column != "" {
		return fmt.Sprintf("%s:%d: column %s: %s: %s", w.File, w.Line, w.Column, w.Check, w.Msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", w.File, w.Line, w.Check, w.Msg)
}

// Lint runs the evidence checks on d as of day today and returns the
// warnings sorted by file and line; none for a dataset that follows
// docs/methodology.md.
func Lint(d *Dataset, today Day) []Warning {
	var ws []Warning
	ws = append(ws, d.lintSources()...)
	ws = append(ws, d.lintEditor(today)...)
	for _, a := range d.Areas {
		for _, iv := range d.Intervals[a.PCode] {
			ws = append(ws, d.lintInterval(iv)...)
		}
	}
	for _, c := range d.Claims {
		ws = append(ws, d.lintStories(ClaimsFile, c.line, c.Sources)...)
		ws = append(ws, d.lintClaimParty(c)...)
	}
	for _, e := range d.Events {
		ws = append(ws, d.lintStories(EventsFile, e.line, e.Sources)...)
		ws = append(ws, d.lintEvent(e)...)
	}
	for _, pr := range d.Presence {
		ws = append(ws, d.lintStories(PresenceFile, pr.line, pr.Sources)...)
	}
	for _, pr := range d.Provinces {
		ws = append(ws, d.lintProvince(pr)...)
	}
	slices.SortStableFunc(ws, func(a, b Warning) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	return ws
}

func (d *Dataset) lintSources() []Warning {
	var ws []Warning
	byURL := map[string]string{}
	for _, s := range d.Sources {
		warn := func(c Check, col, format string, args ...any) {
			ws = append(ws, Warning{File: SourcesFile, Line: s.line, Column: col, Check: c, Msg: fmt.Sprintf(format, args...)})
		}
		if s.Published == "" {
			warn(CheckUndated, "published", "source %s has no publication date", s.ID)
		}
		if s.Tier == TierCopy && s.CopyOf == "" {
			warn(CheckCopyOf, "copy_of", "source %s is a copy but copy_of does not name its primary", s.ID)
		}
		key := urlKey(s.URL)
		if other, ok := byURL[key]; ok {
			warn(CheckDuplicate, "url", "source %s has the URL of %s", s.ID, other)
		} else {
			byURL[key] = s.ID
		}
	}
	return ws
}

func (d *Dataset) lintInterval(iv Interval) []Warning {
	ws := d.lintStories(ControlFile, iv.line, iv.Sources)
	warn := func(c Check, col, format string, args ...any) {
		ws = append(ws, Warning{File: ControlFile, Line: iv.line, Column: col, Check: c, Msg: fmt.Sprintf(format, args...)})
	}
	independent, late := false, true
	for _, id := range iv.Sources {
		s, _ := d.Source(id)
		independent = independent || s.Independent()
		if from, ok := s.PublishedFrom(); !ok || from <= iv.From.AddDays(LateAfter) {
			late = false
		}
	}
	if iv.Confidence != ConfidenceLow && !independent {
		warn(CheckWeakEvidence, "confidence", "%s from %s is %s but rests only on copies, statements, references or state media",
			iv.PCode, iv.From, iv.Confidence)
	}
	if late && iv.DatePrecision != PrecisionInferred {
		warn(CheckLateSources, "sources", "%s from %s: every source was published more than %d days later; mark the date inferred or cite an earlier source",
			iv.PCode, iv.From, LateAfter)
	}
	return ws
}

// lintProvince holds a province's confidence to the method's rule, as
// for an assessed status: high needs two independent stories, medium one.
func (d *Dataset) lintProvince(pr Province) []Warning {
	ws := d.lintStories(ProvincesFile, pr.line, pr.Sources)
	want := map[Confidence]int{ConfidenceHigh: 2, ConfidenceMedium: 1}[pr.Confidence]
	if n := d.independentStories(pr.Sources); n < want {
		ws = append(ws, Warning{File: ProvincesFile, Line: pr.line, Column: "confidence", Check: CheckWeakEvidence,
			Msg: fmt.Sprintf("province %s is %s but rests on %d independent source(s)", pr.PCode, pr.Confidence, n)})
	}
	return ws
}

// lintStories warns when one row cites one story twice: two sources with one
// URL, or two that are one story (a copy and its primary, two copies of one
// primary).
func (d *Dataset) lintStories(file string, line int, ids []string) []Warning {
	var ws []Warning
	seen := map[string]string{}
	for _, id := range ids {
		s, _ := d.Source(id)
		for _, key := range []string{"story:" + cmp.Or(s.CopyOf, s.ID), "url:" + urlKey(s.URL)} {
			if other, ok := seen[key]; ok && other != id {
				ws = append(ws, Warning{File: file, Line: line, Column: "sources", Check: CheckDuplicate,
					Msg: fmt.Sprintf("sources %s and %s are one story; cite it once", other, id)})
				break
			}
			seen[key] = id
		}
	}
	return ws
}

// urlKey normalises a URL for comparison: no scheme, no "www.", no trailing
// slash, host in lower case.
func urlKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	key := host + strings.TrimSuffix(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		key += "?" + u.RawQuery
	}
	return key
}

// lintClaimParty warns when an independent report rests on no independent
// publisher: state media relaying an observer are party "state", and the
// note names the observer.
func (d *Dataset) lintClaimParty(c Claim) []Warning {
	if c.Party != PartyIndependent {
		return nil
	}
	for _, id := range c.Sources {
		if s, _ := d.Source(id); s.Affiliation == AffiliationIndependent {
			return nil
		}
	}
	return []Warning{{File: ClaimsFile, Line: c.line, Column: "party", Check: CheckStateAsIndependent,
		Msg: "an independent report cites no independent publisher (only state media or party outlets); file it as party state"}}
}

// lintEvent warns when an event's point is not a sourced place (every
// coordinate is read on a cited page or file, and places.csv cites it) and
// when its first actor is on neither side.
func (d *Dataset) lintEvent(e Event) []Warning {
	var ws []Warning
	if e.HasPoint() && !d.isPlace(e.Point) && !d.citesACLED(e) {
		ws = append(ws, Warning{File: EventsFile, Line: e.line, Column: "latitude", Check: CheckUnsourcedPoint,
			Msg: fmt.Sprintf("event %s is placed at %v, which is no place in %s: add the place with the file its coordinate was read in", e.ID, e.Point, PlacesFile)})
	}
	if e.Side == "" {
		ws = append(ws, Warning{File: EventsFile, Line: e.line, Column: "actor1", Check: CheckEventSide,
			Msg: fmt.Sprintf("event %s: actor1 %q is on neither side (see the actor.PREFIX rows of %s)", e.ID, e.Actor1, RegionFile)})
	}
	return ws
}

// isPlace reports whether pt is the coordinate of a place of places.csv
// (to the 1e-5 degree the file writes).
func (d *Dataset) isPlace(pt orb.Point) bool {
	for _, pl := range d.Places {
		if pl.Source != GeoNamesSource && math.Abs(pl.Lon-pt[0]) < 5e-6 && math.Abs(pl.Lat-pt[1]) < 5e-6 {
			return true
		}
	}
	return false
}

// citesACLED reports whether e cites an ACLED event (ImportACLED): then its
// point is ACLED's, read in the file it cites.
func (d *Dataset) citesACLED(e Event) bool {
	return slices.ContainsFunc(e.Sources, func(id string) bool { s, _ := d.Source(id); return s.Publisher == "ACLED" })
}
