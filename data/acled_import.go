package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// acledColumns are the columns of an ACLED export that the import reads
// (its other columns are ignored).
var acledColumns = []string{"event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
	"actor1", "actor2", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source",
	"notes", "fatalities", "timestamp"}

// ACLEDImport is what an ACLED export brings to the dataset: the rows to add
// to events.csv and sources.csv (cells by column), and what was left out,
// each with why.
type ACLEDImport struct {
	Events, Sources []map[string]string
	Skipped         []string // "AFG123: …", in the export's order
}

// ImportACLED maps the rows of an ACLED export (CSV, ACLED's column names)
// onto d's tables. A row is kept when it lies in a mapped district: by its
// point (in the district's polygon), or, without a point, by its admin2
// name (a district's name or alias). It becomes an event under ACLED's own
// id (event_id_cnty) and cites a source of its own that keeps ACLED's
// source field and timestamp: publisher ACLED, tier reference (a compiled
// dataset: it never confirms a status by itself). A row already in the
// dataset (its id) is skipped, so importing the same export twice adds
// nothing; so is a row with the day, district, type and sub-type of an
// event already there under another id (one incident, two ids).
func (d *Dataset) ImportACLED(r io.Reader) (*ACLEDImport, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("acled: the header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range acledColumns {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("acled: no column %q in the export (want ACLED's columns: %s)", c, strings.Join(acledColumns, ", "))
		}
	}
	out := &ACLEDImport{}
	seen := map[string]bool{}
	for _, e := range d.Events {
		seen[e.ID] = true
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("acled: line %d: %w", line, err)
		}
		if len(rec) != len(header) {
			return nil, fmt.Errorf("acled: line %d: %d cells where the header names %d", line, len(rec), len(header))
		}
		get := func(c string) string { return strings.TrimSpace(rec[col[c]]) }
		id := get("event_id_cnty")
		ev, src, why := d.acledRow(get)
		switch {
		case why != "":
			out.Skipped = append(out.Skipped, id+": "+why)
		case seen[id]:
			out.Skipped = append(out.Skipped, id+": already in the dataset")
		default:
			if other := d.sameIncident(ev); other != "" {
				out.Skipped = append(out.Skipped, fmt.Sprintf("%s: the day, district, type and sub-type of %s: one incident under two ids? Not imported", id, other))
				continue
			}
			seen[id] = true
			out.Events = append(out.Events, ev)
			out.Sources = append(out.Sources, src)
		}
	}
	return out, nil
}

// acledRow maps one export row; why says why it is left out ("" when kept).
func (d *Dataset) acledRow(get func(string) string) (ev, src map[string]string, why string) {
	id := get("event_id_cnty")
	date, err := acledDate(get("event_date"))
	if id == "" || err != nil {
		return nil, nil, fmt.Sprintf("no id, or a date that is not one (%q)", get("event_date"))
	}
	geo := get("geo_precision")
	lat, errLat := strconv.ParseFloat(get("latitude"), 64)
	lon, errLon := strconv.ParseFloat(get("longitude"), 64)
	hasPoint := errLat == nil && errLon == nil && geo != "3"
	area := d.areaOfPoint(orb.Point{lon, lat}, errLat == nil && errLon == nil)
	if area == nil {
		area = d.areaNamed(get("admin2"))
	}
	if area == nil {
		return nil, nil, fmt.Sprintf("outside the mapped districts (%s, %s)", get("admin2"), get("admin1"))
	}
	srcID := "S" + id // one source per ACLED event, named after it
	ev = map[string]string{"event_id": id, "event_date": date.String(), "time_precision": get("time_precision"),
		"event_type": get("event_type"), "sub_event_type": get("sub_event_type"), "actor1": get("actor1"), "actor2": get("actor2"),
		"admin1": get("admin1"), "admin2": get("admin2"), "pcode": area.PCode, "location": get("location"),
		"geo_precision": cmpOr(geo, "3"), "fatalities": get("fatalities"), "notes": get("notes"), "sources": srcID}
	if hasPoint {
		ev["latitude"], ev["longitude"] = get("latitude"), get("longitude")
	} else {
		ev["geo_precision"] = "3"
	}
	published, precision := "", string(PrecisionUnknown)
	if ts, err := strconv.ParseInt(get("timestamp"), 10, 64); err == nil && ts > 0 {
		published, precision = DayOf(time.Unix(ts, 0)).String(), string(PrecisionDay)
	}
	src = map[string]string{"id": srcID, "publisher": "ACLED", "title": "ACLED event " + id + " (sources: " + get("source") + ")",
		"url": "https://acleddata.com/data-export-tool/?event_id_cnty=" + id, "published": published,
		"published_precision": precision, "tier": string(TierReference), "affiliation": AffiliationIndependent,
		"title_kind": string(TitleDescription)}
	return ev, src, ""
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// acledDate reads ACLED's event_date: "2022-05-06" (the API) or
// "06 May 2022" (the export tool).
func acledDate(s string) (Day, error) {
	if d, err := ParseDay(s); err == nil {
		return d, nil
	}
	t, err := time.Parse("02 January 2006", s)
	if err != nil {
		return 0, err
	}
	return DayOf(t), nil
}

// areaOfPoint returns the mapped area whose polygon holds pt, or nil.
func (d *Dataset) areaOfPoint(pt orb.Point, ok bool) *Area {
	if !ok {
		return nil
	}
	for i := range d.Areas {
		if planar.MultiPolygonContains(d.Areas[i].Geometry, pt) {
			return &d.Areas[i]
		}
	}
	return nil
}

// areaNamed returns the mapped area called name (its name or an alias, in
// any case), or nil.
func (d *Dataset) areaNamed(name string) *Area {
	for i := range d.Areas {
		a := &d.Areas[i]
		if strings.EqualFold(a.Name, name) || slices.ContainsFunc(a.Aliases, func(s string) bool { return strings.EqualFold(s, name) }) {
			return a
		}
	}
	return nil
}

// sameIncident returns the id of an event with ev's day, district, type and
// sub-type, or "".
func (d *Dataset) sameIncident(ev map[string]string) string {
	for _, e := range d.Events {
		if e.Date.String() == ev["event_date"] && e.PCode == ev["pcode"] && e.Type == ev["event_type"] && e.SubType == ev["sub_event_type"] {
			return e.ID
		}
	}
	return ""
}
