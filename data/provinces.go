package data

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"github.com/controlmap/controlmap/geo"
)

// ProvincesFile holds the country around the mapped districts: each
// province (COD-AB adm1) and the day its provincial capital fell to the
// Taliban in the 2021 offensive. A province's status is its capital's, not
// every district's (docs/methodology.md, "Provinces"). The file is
// optional: a dataset without it maps its districts alone.
const ProvincesFile = "provinces.csv"

var provinceColumns = []string{"pcode", "capital", "fell", "follows", "confidence", "sources", "note"}

var provincePattern = regexp.MustCompile(`^[A-Z]{2}[0-9]{2}$`)

// Province is one province of the country and the fall of its capital.
type Province struct {
	PCode, Name, NameFa string // names from the boundaries (COD-AB ADM1_EN, ADM1_DA)
	Capital             string
	// Fell is the day the capital fell to the Taliban; zero when no
	// source written at the time gives it.
	Fell Day
	// Follows is a mapped district whose assessed status the province
	// takes, day by day: the district of its capital, when the map holds
	// it (Panjshir's Bazarak). Fell is then zero.
	Follows string
	// Confidence in Fell, by the method's rule for sources; empty when
	// there is no Fell (a province that follows a district has its
	// district's confidence on each run, ProvinceRanges).
	Confidence Confidence
	Sources    []string // ids in SourcesFile
	Note       string
	Geometry   orb.MultiPolygon // simplified for a national map (ProvinceBoundsFile)
	AreaKm2    float64
	Label      orb.Point

	line int
}

// loadProvinces reads ProvincesFile after the areas and the sources, and
// joins each row to its outline in ProvinceBoundsFile.
func (d *Dataset) loadProvinces(tables, bounds fs.FS, p *problems) {
	if !exists(tables, ProvincesFile) || p.failed(AreasFile) || p.failed(SourcesFile) {
		return // (a table it refers to is reported: its rows cannot be checked)
	}
	outlines, err := readFC(bounds, ProvinceBoundsFile)
	if err != nil {
		var re *RowError
		if errors.As(err, &re) {
			p.add(re.File, re.Line, re.Err)
		} else {
			p.add(ProvinceBoundsFile, 0, err)
		}
		return
	}
	seen := map[string]bool{}
	for r := range readTable(tables, ProvincesFile, provinceColumns, p) {
		pr, err := d.provinceOf(r)
		if err == nil && seen[pr.PCode] {
			err = fmt.Errorf("%w: province %s", ErrDuplicate, pr.PCode)
		}
		if err != nil {
			p.add(ProvincesFile, r.line, err)
			continue
		}
		f := outlines[pr.PCode]
		if f == nil {
			p.add(ProvincesFile, r.line, fmt.Errorf("%w for province %s in %s: rebuild the boundaries with 'make build'", ErrNoBoundary, pr.PCode, ProvinceBoundsFile))
			continue
		}
		if pr.Geometry, err = geo.AsMultiPolygon(f.Geometry); err != nil || len(pr.Geometry) == 0 {
			p.add(ProvincesFile, r.line, fmt.Errorf("%w: province %s's outline in %s is not a polygon (%v)", ErrNoBoundary, pr.PCode, ProvinceBoundsFile, err))
			continue
		}
		pr.Name, pr.NameFa = f.Properties.MustString("name", ""), f.Properties.MustString("name_fa", "")
		pr.AreaKm2 = f.Properties.MustFloat64("area_km2", 0)
		pr.Label = labelOf(f)
		seen[pr.PCode] = true
		d.Provinces = append(d.Provinces, pr)
	}
}

// provinceOf reads one row: a P-code, a capital, and either the day the
// capital fell with the sources that say so, or the mapped district the
// province follows, or neither (then a note says why).
func (d *Dataset) provinceOf(r row) (Province, error) {
	pr := Province{PCode: r.get("pcode"), Capital: r.get("capital"), Follows: r.get("follows"),
		Confidence: Confidence(r.get("confidence")), Sources: splitList(r.get("sources")), Note: r.get("note"), line: r.line}
	if !provincePattern.MatchString(pr.PCode) {
		return pr, fmt.Errorf("%w: pcode %q is not a province's P-code (two letters, two digits)", ErrBadValue, pr.PCode)
	}
	if pr.Capital == "" {
		return pr, fmt.Errorf("%w: capital", ErrMissing)
	}
	if s := r.get("fell"); s != "" {
		var err error
		if pr.Fell, err = ParseDay(s); err != nil {
			return pr, fmt.Errorf("%w: fell: %v", ErrBadValue, err)
		}
	}
	switch {
	case pr.Follows != "" && !d.hasArea(pr.Follows):
		return pr, fmt.Errorf("%w %q in follows (not in %s)", ErrUnknownPCode, pr.Follows, AreasFile)
	case pr.Follows != "" && !strings.HasPrefix(pr.Follows, pr.PCode):
		return pr, fmt.Errorf("%w: follows: %s is not a district of province %s (its P-code extends the province's)", ErrBadValue, pr.Follows, pr.PCode)
	case pr.Follows != "" && pr.Fell != 0:
		return pr, fmt.Errorf("%w: fell: province %s follows %s, so its capital's fall is that district's", ErrBadValue, pr.PCode, pr.Follows)
	case pr.Fell == 0 && pr.Follows == "" && pr.Note == "":
		return pr, fmt.Errorf("%w: note: say why province %s has no day its capital fell", ErrMissing, pr.PCode)
	case pr.Fell != 0 && len(pr.Sources) == 0:
		return pr, fmt.Errorf("%w: province %s: the day its capital fell needs a source", ErrNoSource, pr.PCode)
	}
	switch {
	case pr.Fell == 0 && pr.Confidence != "":
		return pr, fmt.Errorf("%w: confidence: province %s has no day its capital fell, so no confidence in it", ErrBadValue, pr.PCode)
	case pr.Fell != 0 && !slices.Contains([]Confidence{ConfidenceHigh, ConfidenceMedium, ConfidenceLow}, pr.Confidence):
		return pr, fmt.Errorf("%w: confidence %q, want high, medium or low", ErrVocabulary, pr.Confidence)
	}
	for _, id := range pr.Sources {
		if !d.hasSource(id) {
			return pr, fmt.Errorf("%w %q in sources (not in %s)", ErrUnknownSrc, id, SourcesFile)
		}
	}
	return pr, nil
}

// Province returns the province with P-code pcode.
func (d *Dataset) Province(pcode string) (*Province, bool) {
	for i := range d.Provinces {
		if d.Provinces[i].PCode == pcode {
			return &d.Provinces[i], true
		}
	}
	return nil, false
}

// ProvinceRun is a run of days [From, To) over which the national map draws
// a province one way: the status of its capital and the confidence in it
// (empty: no doubt to show, as for the Republic before the fall). To is
// zero for the last, open run.
type ProvinceRun struct {
	From, To   Day
	Status     Status
	Confidence Confidence
}

// ProvinceRanges are the runs of what the national map draws for the
// province from the dataset's first day: for one that follows a mapped
// district, that district's assessed status and confidence, run by run;
// for one whose capital fell, the Republic's until the day before and the
// Taliban's, with the row's confidence, from it; for one with no day,
// unknown. Neighbouring runs alike are one. The page, the pictures, the
// exports and the headline only look them up: the one rule is here.
func (d *Dataset) ProvinceRanges(pr *Province) []ProvinceRun {
	var out []ProvinceRun
	add := func(r ProvinceRun) {
		r.From = max(r.From, d.First)
		if n := len(out); n > 0 && out[n-1].Status == r.Status && out[n-1].Confidence == r.Confidence {
			out[n-1].To = r.To
			return
		}
		if n := len(out); n > 0 {
			out[n-1].To = r.From
		}
		out = append(out, r)
	}
	switch {
	case pr.Follows != "":
		ivs := d.Intervals[pr.Follows]
		if len(ivs) == 0 || ivs[0].From > d.First {
			add(ProvinceRun{From: d.First, Status: StatusUnknown})
		}
		for _, iv := range ivs {
			add(ProvinceRun{From: iv.From, To: iv.To, Status: iv.Status, Confidence: iv.Confidence})
		}
	case pr.Fell != 0:
		if pr.Fell > d.First {
			// Before its fall the former government held it (unknown in a
			// region whose war overthrew none).
			add(ProvinceRun{From: d.First, To: pr.Fell, Status: cmp.Or(d.Region.StatusAs(RoleFormer), StatusUnknown)})
		}
		add(ProvinceRun{From: pr.Fell, Status: d.Region.StatusAs(RoleRuling), Confidence: pr.Confidence})
	default:
		add(ProvinceRun{From: d.First, Status: StatusUnknown})
	}
	return out
}

// ProvinceOn is the run of the province holding day.
func (d *Dataset) ProvinceOn(pr *Province, day Day) ProvinceRun {
	for _, r := range d.ProvinceRanges(pr) {
		if day >= r.From && (r.To == 0 || day < r.To) {
			return r
		}
	}
	return ProvinceRun{From: day, Status: StatusUnknown}
}

// CapitalDays are the days on which a provincial capital fell to the
// Taliban (a run of theirs begins after one that was not), in order: the
// days of the national headline. A province that follows a district falls
// with it.
func (d *Dataset) CapitalDays() []Day {
	var out []Day
	for i := range d.Provinces {
		for _, day := range d.fallsOf(&d.Provinces[i]) {
			if !slices.Contains(out, day) {
				out = append(out, day)
			}
		}
	}
	slices.Sort(out)
	return out
}

// fallsOf are the days the province's capital fell to the Taliban.
func (d *Dataset) fallsOf(pr *Province) []Day {
	var out []Day
	runs := d.ProvinceRanges(pr)
	for k, r := range runs {
		if ruling := d.Region.StatusAs(RoleRuling); r.Status == ruling && (k == 0 && r.From > d.First || k > 0 && runs[k-1].Status != ruling) {
			out = append(out, r.From)
		}
	}
	return out
}

// CountryStats is the country's area under each province's status on every
// day a province's run begins (ProvinceRanges), in order: the national map's area chart
// and /api/stats' "country". Empty for a dataset without provinces.
func (d *Dataset) CountryStats() []DayStats {
	days := map[Day]bool{}
	for i := range d.Provinces {
		for _, r := range d.ProvinceRanges(&d.Provinces[i]) {
			days[r.From] = true
		}
	}
	var out []DayStats
	for _, day := range slices.Sorted(maps.Keys(days)) {
		s := DayStats{Day: day, Assessed: StatusArea{}}
		for i := range d.Provinces {
			s.Assessed[d.ProvinceOn(&d.Provinces[i], day).Status] += d.Provinces[i].AreaKm2
		}
		out = append(out, s)
	}
	return out
}

// CountryKm2 is the area of every province.
func (d *Dataset) CountryKm2() float64 {
	total := 0.0
	for _, p := range d.Provinces {
		total += p.AreaKm2
	}
	return total
}
