package data

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
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
)

// LateAfter is how many days after an assessed change its sources may be
// published before CheckLateSources warns.
const LateAfter = 30

// Warning is an evidence problem that does not stop the dataset loading.
type Warning struct {
	File  string // file name within the dataset folder, e.g. "control.csv"
	Line  int    // 1-based line number
	Check Check
	Msg   string
}

func (w Warning) String() string { return fmt.Sprintf("%s:%d: %s: %s", w.File, w.Line, w.Check, w.Msg) }

// Lint runs the evidence checks on d and returns the warnings sorted by
// file and line; none for a dataset that follows docs/methodology.md.
func Lint(d *Dataset) []Warning {
	var ws []Warning
	ws = append(ws, d.lintSources()...)
	for _, a := range d.Areas {
		for _, iv := range d.Intervals[a.PCode] {
			ws = append(ws, d.lintInterval(iv)...)
		}
	}
	for _, c := range d.Claims {
		ws = append(ws, d.lintStories(ClaimsFile, c.line, c.Sources)...)
	}
	for _, e := range d.Events {
		ws = append(ws, d.lintStories(EventsFile, e.line, e.Sources)...)
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
		warn := func(c Check, format string, args ...any) {
			ws = append(ws, Warning{SourcesFile, s.line, c, fmt.Sprintf(format, args...)})
		}
		if s.Published == "" {
			warn(CheckUndated, "source %s has no publication date", s.ID)
		}
		if s.Tier == TierCopy && s.CopyOf == "" {
			warn(CheckCopyOf, "source %s is a copy but copy_of does not name its primary", s.ID)
		}
		key := urlKey(s.URL)
		if other, ok := byURL[key]; ok {
			warn(CheckDuplicate, "source %s has the URL of %s", s.ID, other)
		} else {
			byURL[key] = s.ID
		}
	}
	return ws
}

func (d *Dataset) lintInterval(iv Interval) []Warning {
	ws := d.lintStories(ControlFile, iv.line, iv.Sources)
	warn := func(c Check, format string, args ...any) {
		ws = append(ws, Warning{ControlFile, iv.line, c, fmt.Sprintf(format, args...)})
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
		warn(CheckWeakEvidence, "%s from %s is %s but rests only on copies, statements, references or state media",
			iv.PCode, iv.From, iv.Confidence)
	}
	if late && iv.DatePrecision != PrecisionInferred {
		warn(CheckLateSources, "%s from %s: every source was published more than %d days later; mark the date inferred or cite an earlier source",
			iv.PCode, iv.From, LateAfter)
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
				ws = append(ws, Warning{file, line, CheckDuplicate,
					fmt.Sprintf("sources %s and %s are one story; cite it once", other, id)})
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
