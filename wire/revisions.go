package wire

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/controlmap/controlmap/data"
)

// TypeAtom is the media type of the feed of revisions (RFC 4287).
const TypeAtom = "application/atom+xml"

// revisionJSON is one revision as /api/revisions and the timeline write it.
type revisionJSON struct {
	ID        string              `json:"id"`
	Published data.Day            `json:"published"`
	Table     data.RevisionTable  `json:"table"`
	Change    data.RevisionChange `json:"change"`
	PCodes    []string            `json:"pcodes"`
	Names     []string            `json:"names"`
	// Fields names what a revised control row changed: from, date_precision,
	// status, confidence, sources (data.Revision.Changed).
	Fields    []string `json:"fields"`
	Was       any      `json:"was"` // a control row or a claim; null when added
	Now       any      `json:"now"` // a control row or a claim; null when removed or re-filed as an event
	NowEvents []string `json:"now_events,omitempty"`
	Reason    string   `json:"reason"`
	Sources   []string `json:"sources"`
	Summary   string   `json:"summary"` // data.Revision.Summary, in English
}

type publicationJSON struct {
	Published data.Day `json:"published"`
	Summary   string   `json:"summary"`
}

func (e *Encoder) revisionJSON(rv *data.Revision) revisionJSON {
	out := revisionJSON{ID: rv.ID, Published: rv.Published, Table: rv.Table, Change: rv.Change, PCodes: rv.PCodes,
		Names: e.ds.AreaNames(rv.PCodes), Fields: nonNil(rv.Changed()), NowEvents: rv.NowEvents, Reason: rv.Why(),
		Sources: nonNil(rv.Sources), Summary: rv.Summary(e.ds.AreaNames(rv.PCodes))}
	switch {
	case rv.WasRow != nil || rv.NowRow != nil:
		out.Was, out.Now = rowOrNil(rv.WasRow), rowOrNil(rv.NowRow)
	default:
		out.Was, out.Now = claimOrNil(rv.WasClaim), claimOrNil(rv.NowClaim)
	}
	return out
}

func rowOrNil(r *data.ControlRow) any {
	if r == nil {
		return nil
	}
	return r
}

func claimOrNil(c *data.ClaimRow) any {
	if c == nil {
		return nil
	}
	return c
}

// revisionsNewestFirst returns the revisions published on or after since,
// newest first (file order reversed: the file is in order of publication).
func (e *Encoder) revisionsNewestFirst(since data.Day) []revisionJSON {
	out := []revisionJSON{}
	for i := len(e.ds.Revisions) - 1; i >= 0; i-- {
		if rv := &e.ds.Revisions[i]; rv.Published >= since {
			out = append(out, e.revisionJSON(rv))
		}
	}
	return out
}

// Revisions writes /api/revisions: the corrections log, newest first, with
// the publications, from since on (0: all).
func (e *Encoder) Revisions(since data.Day) ([]byte, error) {
	m := e.meta()
	m["since"] = dayOrNil(since)
	m["revisions"] = e.revisionsNewestFirst(since)
	pubs := []publicationJSON{}
	for i := len(e.ds.Publications) - 1; i >= 0; i-- {
		if p := e.ds.Publications[i]; p.Published >= since {
			pubs = append(pubs, publicationJSON{p.Published, p.Summary})
		}
	}
	m["publications"] = pubs
	return json.Marshal(m)
}

// The Atom feed (RFC 4287): one entry per publication (what it brought)
// and one per revision, newest first.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomAuthor  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Rights  string      `xml:"rights"`
	Entries []atomEntry `xml:"entry"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID       string       `xml:"id"`
	Title    string       `xml:"title"`
	Updated  string       `xml:"updated"`
	Link     atomLink     `xml:"link"`
	Category atomCategory `xml:"category"`
	Summary  string       `xml:"summary"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// atomTime is a day as an RFC 3339 date-time (RFC 4287 section 3.3).
func atomTime(d data.Day) string { return d.Time().Format(time.RFC3339) }

// Feed writes /feed.atom. base is the map's public address with its final
// slash: the feed's and the entries' ids and links are under it (an
// entry's id is its link on the corrections page, stable across
// publications).
func (e *Encoder) Feed(base string) ([]byte, error) {
	updated := e.ds.Updated()
	if updated == 0 { // no publications: the last record stands for them
		updated = e.ds.LastChange
	}
	f := atomFeed{Lang: "en", ID: base + "feed.atom", Title: "controlmap: corrections and new evidence",
		Updated: atomTime(updated), Author: atomAuthor{"controlmap"}, Rights: e.ds.Region.Credit,
		Links: []atomLink{{Rel: "self", Type: TypeAtom, Href: base + "feed.atom"}, {Rel: "alternate", Type: "text/html", Href: base + "corrections"}}}
	var entries []atomEntry
	for _, p := range e.ds.Publications {
		id := base + "corrections#publication-" + p.Published.String()
		entries = append(entries, atomEntry{ID: id, Title: "Published " + p.Published.Time().Format("2 January 2006"),
			Updated: atomTime(p.Published), Link: atomLink{Rel: "alternate", Href: id}, Category: atomCategory{"publication"},
			Summary: p.Summary})
	}
	for i := range e.ds.Revisions {
		rv := &e.ds.Revisions[i]
		id := base + "corrections#" + rv.ID
		entries = append(entries, atomEntry{ID: id, Title: rv.Summary(e.ds.AreaNames(rv.PCodes)), Updated: atomTime(rv.Published),
			Link: atomLink{Rel: "alternate", Href: id}, Category: atomCategory{"revision"},
			Summary: fmt.Sprintf("%s Revision %s, published %s.", rv.Why(), rv.ID, rv.Published)})
	}
	// Newest first; a publication before its revisions of the same day.
	slices.SortStableFunc(entries, func(a, b atomEntry) int { return strings.Compare(b.Updated, a.Updated) })
	f.Entries = entries
	b, err := xml.MarshalIndent(f, "", " ")
	if err != nil {
		return nil, fmt.Errorf("wire: encode the feed: %w", err)
	}
	return append([]byte(xml.Header), b...), nil
}
