package data

import (
	"fmt"
	"io/fs"
)

// PeriodsFile holds the named chapters of the history (the page's presets).
const PeriodsFile = "periods.csv"

var periodColumns = []string{"id", "title", "title_fa", "from", "to", "summary", "sources"}

// Period is a named chapter: [From, To], both days inclusive.
type Period struct {
	ID, Title, TitleFa string
	From, To           Day
	Summary            string
	Sources            []string // ids in SourcesFile
}

// loadPeriods reads PeriodsFile after the sources: every period needs a
// title, a summary, from <= to, a unique id and at least one known source.
// The file is optional (a dataset without chapters has no presets).
func (d *Dataset) loadPeriods(tables fs.FS, p *problems) {
	if !exists(tables, PeriodsFile) {
		return
	}
	seen := map[string]bool{}
	for r := range readTable(tables, PeriodsFile, periodColumns, p) {
		pr, err := d.periodOf(r)
		if err == nil && seen[pr.ID] {
			err = fmt.Errorf("%w: period id %q", ErrDuplicate, pr.ID)
		}
		if err != nil {
			p.add(PeriodsFile, r.line, err)
			continue
		}
		seen[pr.ID] = true
		d.Periods = append(d.Periods, pr)
	}
}

// KeyDay is the day a chapter opens on: its first day with something
// recorded (an assessed change, a claim, a denial or an event), else its
// first day. A chapter should open on something happening, not on a
// "no change recorded" day.
func (d *Dataset) KeyDay(p Period) Day {
	key := p.To + 1 // nothing found yet
	if evs := d.EventsBetween(p.From, p.To); len(evs) > 0 {
		key = evs[0].Date
	}
	for day := p.From; day < key; day++ {
		if len(d.Headline(day)) > 0 {
			return day
		}
	}
	if key <= p.To {
		return key
	}
	return p.From
}

func (d *Dataset) periodOf(r row) (Period, error) {
	pr := Period{ID: r.get("id"), Title: r.get("title"), TitleFa: r.get("title_fa"), Summary: r.get("summary"), Sources: splitList(r.get("sources"))}
	for col, v := range map[string]string{"id": pr.ID, "title": pr.Title, "title_fa": pr.TitleFa, "summary": pr.Summary} {
		if v == "" {
			return pr, fmt.Errorf("%w: %s", ErrMissing, col)
		}
	}
	var err error
	if pr.From, err = ParseDay(r.get("from")); err != nil {
		return pr, fmt.Errorf("%w: from: %v", ErrBadValue, err)
	}
	if pr.To, err = ParseDay(r.get("to")); err != nil {
		return pr, fmt.Errorf("%w: to: %v", ErrBadValue, err)
	}
	if pr.To < pr.From {
		return pr, fmt.Errorf("%w: %s ends (%s) before it starts (%s)", ErrOrder, pr.ID, pr.To, pr.From)
	}
	if len(pr.Sources) == 0 {
		return pr, fmt.Errorf("%w: period %s", ErrNoSource, pr.ID)
	}
	for _, id := range pr.Sources {
		if !d.hasSource(id) {
			return pr, fmt.Errorf("%w: %q", ErrUnknownSrc, id)
		}
	}
	return pr, nil
}
