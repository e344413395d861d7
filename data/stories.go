package data

// Stories counts what the sources amount to: stories (a copy is the story
// of its primary, so copies add none) and, of those, independent stories
// (a primary or wire story from an independent publisher; a party's
// statement and state media are stories, not independent ones). The README
// quotes these numbers rather than the count of rows in sources.csv, which
// would count one wire story carried by four sites as four.
func (d *Dataset) Stories() (stories, independent int) {
	for _, s := range d.Sources {
		if s.Tier == TierCopy {
			continue
		}
		stories++
		if s.Independent() {
			independent++
		}
	}
	return stories, independent
}
