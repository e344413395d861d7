package data

import (
	"fmt"
	"slices"
	"strings"
)

// The checks that catch what hurts an editor's day (issue 23): a row dated
// in the future, a source nothing cites, one incident entered twice, an
// event outside the map, "high" on one story, a new row that leaves its
// district without the confirmation it had.
const (
	// CheckFuture: a date after today (a change, a claim, an event, a
	// presence row or a source's publication): the map would show it
	// coming, or count a source not yet published.
	CheckFuture Check = "future-date"
	// CheckImplausibleDate: a date before EarliestPlausible, most often a
	// typo in the year (1021 for 2021): the map would start a thousand years
	// early, and a static copy would write a file for every day of them.
	CheckImplausibleDate Check = "implausible-date"
	// CheckUncited: a source that no row cites (a leftover, or a row that
	// cites another editor's id by mistake).
	CheckUncited Check = "uncited-source"
	// CheckDuplicateIncident: two events of one day, place, type and
	// actors: one incident entered twice, under two ids. (The place counts:
	// two arrests of one month in two villages are two incidents.)
	CheckDuplicateIncident Check = "duplicate-incident"
	// CheckOutsideMap: an event in a district the map does not show (an
	// admin2 with no pcode): it is never drawn or counted.
	CheckOutsideMap Check = "outside-map"
	// CheckOneStory: a high assessed row resting on one independent story;
	// the method asks for two, or one on the ground (then the note says so).
	CheckOneStory Check = "high-on-one-story"
	// CheckDropsConfirmation: a row with the status of the row before it
	// whose own sources first confirm it more than DropsAfter days after its
	// first day (or never), while the row before was confirmed: the
	// district turns stale for weeks. Cite the earlier support too.
	CheckDropsConfirmation Check = "drops-confirmation"
)

// EarliestPlausible is the first day a row or a source of this dataset may
// be dated: the war it maps began in 2021, and the oldest sources it cites
// (references on the valleys) are of this century.
var EarliestPlausible = civilDay(2000, 1, 1)

// DropsAfter is how many days a row that keeps its district's status may
// go without a confirmation of its own before CheckDropsConfirmation warns.
const DropsAfter = 14

// groundWords are what a note says of a source on the ground: a reporter,
// an NGO or a rights group that was there (the method's other way to
// "high").
var groundWords = []string{"on the ground", "witness", "visited", "reporter", "documented", "found them"}

// lintEditor runs the editor's checks of d as of day today.
func (d *Dataset) lintEditor(today Day) []Warning {
	var ws []Warning
	add := func(file string, line int, col string, c Check, format string, args ...any) {
		ws = append(ws, Warning{File: file, Line: line, Column: col, Check: c, Msg: fmt.Sprintf(format, args...)})
	}
	future := func(file string, line int, col string, day Day) {
		switch {
		case day > today:
			add(file, line, col, CheckFuture, "%s is after today (%s)", day, today)
		case day < EarliestPlausible:
			add(file, line, col, CheckImplausibleDate, "%s is before %s: a typo in the year?", day, EarliestPlausible)
		}
	}
	for _, s := range d.Sources {
		switch {
		case s.first > today:
			add(SourcesFile, s.line, "published", CheckFuture, "source %s is dated %s, after today (%s)", s.ID, s.Published, today)
		case s.first != 0 && s.first < EarliestPlausible:
			add(SourcesFile, s.line, "published", CheckImplausibleDate, "source %s is dated %s, before %s: a typo in the year?", s.ID, s.Published, EarliestPlausible)
		}
	}
	for _, a := range d.Areas {
		ivs := d.Intervals[a.PCode]
		for k := range ivs {
			iv := &ivs[k]
			future(ControlFile, iv.line, "from", iv.From)
			if iv.Confidence == ConfidenceHigh && d.independentStories(iv.Sources) < 2 && !mentionsGround(iv.Note) {
				add(ControlFile, iv.line, "confidence", CheckOneStory,
					"%s from %s is high on one independent story: cite a second, or say in the note which source was on the ground", iv.PCode, iv.From)
			}
			if k > 0 && ivs[k-1].Status == iv.Status && ivs[k-1].confirmedOn(iv.From-1) != 0 && iv.confirmedOn(iv.From.AddDays(DropsAfter)) == 0 {
				add(ControlFile, iv.line, "sources", CheckDropsConfirmation,
					"%s from %s keeps the status %s but none of its sources confirms it within %d days, while the row before was confirmed (last %s): the district turns stale; cite the earlier support too",
					iv.PCode, iv.From, iv.Status, DropsAfter, ivs[k-1].confirmedOn(iv.From-1))
			}
		}
	}
	for _, c := range d.Claims {
		future(ClaimsFile, c.line, "date", c.Date)
	}
	for _, pr := range d.Presence {
		future(PresenceFile, pr.line, "from", pr.From)
	}
	incidents := map[string]string{}
	for _, e := range d.Events {
		future(EventsFile, e.line, "event_date", e.Date)
		key := strings.Join([]string{e.Date.String(), e.PCode, e.Admin1, e.Admin2, strings.ToLower(e.Location), e.Type, e.SubType, e.Actor1, e.Actor2}, "|")
		if other, ok := incidents[key]; ok {
			add(EventsFile, e.line, "event_id", CheckDuplicateIncident,
				"event %s has the day, place, type and actors of %s: one incident entered twice? Keep one, with both sources", e.ID, other)
		} else {
			incidents[key] = e.ID
		}
		if e.PCode == "" && e.Admin2 != "" {
			add(EventsFile, e.line, "admin2", CheckOutsideMap,
				"event %s is in %s, %s, a district the map does not show: it is never drawn or counted", e.ID, e.Admin2, e.Admin1)
		}
	}
	cited := d.citedSources()
	for _, s := range d.Sources {
		if !cited[s.ID] {
			add(SourcesFile, s.line, "id", CheckUncited, "source %s is cited by no row", s.ID)
		}
	}
	return ws
}

// citedSources returns the ids any row cites, a copy's primary included (a
// primary named by its copies is in use).
func (d *Dataset) citedSources() map[string]bool {
	cited := map[string]bool{}
	for ids := range d.citations(everyRow) {
		for _, id := range ids {
			cited[id] = true
			if s, ok := d.Source(id); ok && s.CopyOf != "" {
				cited[s.CopyOf] = true
			}
		}
	}
	return cited
}

// independentStories counts the independent sources among ids, a copy and
// its primary once.
func (d *Dataset) independentStories(ids []string) int {
	var stories []string
	for _, id := range ids {
		if s, ok := d.Source(id); ok && s.Independent() && !slices.Contains(stories, id) {
			stories = append(stories, id)
		}
	}
	return len(stories)
}

func mentionsGround(note string) bool {
	note = strings.ToLower(note)
	return slices.ContainsFunc(groundWords, func(w string) bool { return strings.Contains(note, w) })
}
