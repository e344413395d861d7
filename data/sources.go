package data

import (
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
)

// The sources table: one row per cited publication, checked for its own
// values here; every other table cites it by id.

var publishedPattern = regexp.MustCompile(`^$|^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$`)

func (d *Dataset) loadSources(fsys fs.FS, p *problems) {
	lines := map[string]int{}
	for r := range readTable(fsys, SourcesFile, sourceColumns, p) {
		s := Source{ID: r.get("id"), Publisher: r.get("publisher"), Title: r.get("title"),
			URL: r.get("url"), Published: r.get("published"), PublishedPrecision: Precision(r.get("published_precision")),
			Tier: Tier(r.get("tier")), CopyOf: r.get("copy_of"), Affiliation: r.get("affiliation"),
			TitleKind: TitleKind(r.get("title_kind"))}
		if err := d.checkSource(&s); err != nil {
			p.add(SourcesFile, r.line, err)
			continue
		}
		lines[s.ID], s.line = r.line, r.line
		d.sourceIndex[s.ID] = len(d.Sources)
		d.Sources = append(d.Sources, s)
	}
	for _, s := range d.Sources {
		if s.CopyOf != "" && !d.hasSource(s.CopyOf) && !p.failed(SourcesFile) {
			p.add(SourcesFile, lines[s.ID], fmt.Errorf("%w: copy_of %q (not in %s)", ErrUnknownSrc, s.CopyOf, SourcesFile))
		}
	}
}

// affiliationPattern is an affiliation that is no side's (those are the
// region's, Region.Sides).
var affiliationPattern = regexp.MustCompile(`^(independent|state:[A-Z]{2})$`)

// checkSource validates one source row and fills its publication bounds.
func (d *Dataset) checkSource(s *Source) error {
	u, err := url.Parse(s.URL)
	switch {
	case s.ID == "" || s.Publisher == "" || s.Title == "":
		return fmt.Errorf("%w: id, publisher and title are required", ErrMissing)
	case s.URL == "":
		return fmt.Errorf("%w: source %s has no URL", ErrMissing, s.ID)
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return fmt.Errorf("%w: source %s URL %q is not an absolute http(s) URL", ErrBadValue, s.ID, s.URL)
	case !publishedPattern.MatchString(s.Published) || !validPublished(s.Published):
		return fmt.Errorf("%w: published %q: want YYYY-MM-DD, YYYY-MM or empty", ErrBadDate, s.Published)
	case d.hasSource(s.ID):
		return fmt.Errorf("%w: source id %q listed twice", ErrDuplicate, s.ID)
	case !slices.Contains(tiers, s.Tier):
		return fmt.Errorf("%w: tier %q, want one of %v", ErrVocabulary, s.Tier, tiers)
	case s.TitleKind != TitleHeadline && s.TitleKind != TitleDescription:
		return fmt.Errorf("%w: title_kind %q, want headline or description", ErrVocabulary, s.TitleKind)
	case !affiliationPattern.MatchString(s.Affiliation) && !slices.Contains(d.Region.Sides(), Party(s.Affiliation)):
		return fmt.Errorf("%w: affiliation %q, want independent, a side of the region (%s, %s) or state:XX (ISO country code)", ErrVocabulary, s.Affiliation, d.Region.Sides()[0], d.Region.Sides()[1])
	case s.CopyOf != "" && s.Tier != TierCopy:
		return fmt.Errorf("%w: copy_of %q on a source of tier %s (only a copy names its primary)", ErrBadValue, s.CopyOf, s.Tier)
	case s.CopyOf == s.ID && s.ID != "":
		return fmt.Errorf("%w: source %s is a copy of itself", ErrBadValue, s.ID)
	}
	want := map[int]Precision{0: PrecisionUnknown, 7: PrecisionMonth, 10: PrecisionDay}[len(s.Published)]
	if s.PublishedPrecision != want {
		return fmt.Errorf("%w: published_precision %q does not agree with published %q (want %s)",
			ErrVocabulary, s.PublishedPrecision, s.Published, want)
	}
	s.PublishedPrecision, s.Tier, s.TitleKind = want, tierOf(s.Tier), titleKindOf(s.TitleKind)
	s.first, s.last = publishedBounds(s.Published)
	return nil
}

// tierOf and titleKindOf return the vocabulary's own strings, so rows share
// them instead of holding a copy each.
func tierOf(t Tier) Tier { return tiers[slices.Index(tiers, t)] }

func titleKindOf(k TitleKind) TitleKind {
	if k == TitleHeadline {
		return TitleHeadline
	}
	return TitleDescription
}

// publishedBounds returns the first and last day a published cell allows.
func publishedBounds(s string) (Day, Day) {
	switch len(s) {
	case 10:
		d, _ := ParseDay(s)
		return d, d
	case 7:
		first, _ := ParseDay(s + "-01")
		next := first.Time().AddDate(0, 1, 0)
		return first, DayOf(next) - 1
	}
	return 0, 0
}

func validPublished(s string) bool {
	switch len(s) {
	case 7:
		_, err := ParseDay(s + "-01")
		return err == nil
	case 10:
		_, err := ParseDay(s)
		return err == nil
	}
	return s == ""
}
