package data

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
)

// The dataset's files, inside the folder given to Load.
const (
	AreasFile   = "areas.csv"
	SourcesFile = "sources.csv"
	ControlFile = "control.csv"
	ClaimsFile  = "claims.csv"
	EventsFile  = "events.csv"
)

// The columns of each file, in order.
var (
	areaColumns   = []string{"pcode", "name", "name_fa", "province", "aliases"}
	sourceColumns = []string{"id", "publisher", "title", "url", "published", "published_precision",
		"tier", "copy_of", "affiliation", "title_kind"}
	controlColumns = []string{"pcode", "from", "date_precision", "status", "confidence", "sources", "note"}
	claimColumns   = []string{"date", "pcodes", "party", "kind", "status", "sources", "note"}
	eventColumns   = []string{"event_id", "event_date", "time_precision", "event_type", "sub_event_type",
		"actor1", "actor2", "admin1", "admin2", "pcode", "location", "latitude", "longitude", "geo_precision", "fatalities", "notes", "sources"}
)

// Dataset is a loaded, validated dataset. It is immutable after Load and safe
// for concurrent use.
type Dataset struct {
	Areas     []Area
	Sources   []Source
	Intervals map[string][]Interval // per P-code, in date order
	Claims    []Claim               // in date order
	Events    []Event               // in date order
	Periods   []Period              // the named chapters, in file order
	Provinces []Province            // the country around the districts (ProvincesFile), in file order
	Region    Region                // what the dataset maps: names, credits, boundary fields (RegionFile)
	Places    []Place               // labelled places: PlacesFile's, then GeoNames' towns
	Presence  []Presence            // side-valley presence, in date order of From
	// Revisions are the corrections log (RevisionsFile), in order of
	// publication; Publications the days the dataset was published.
	Revisions    []Revision
	Publications []Publication
	// Known is zero for the dataset with hindsight; for a dataset returned
	// by KnownAt it is the first day of what it knows (see KnownAt), and
	// KnownUntil the day its knowledge next changes (zero: never).
	Known, KnownUntil Day
	// Context is the GeoJSON of the neighbouring districts and provinces
	// drawn as the page's offline background (an empty collection when the
	// boundaries were built without it).
	Context []byte
	// Version identifies the dataset's content (tables and boundaries): a
	// hash prefix that changes whenever any file changes. ETags carry it.
	Version string
	// First is the earliest day of any record, LastChange the latest day
	// on which any assessed status, claim or event is dated.
	First, LastChange Day

	areaIndex    map[string]int
	sourceIndex  map[string]int
	claimParties []Party           // Region.ClaimParties: the slots of claimsByArea
	claimsByArea []areaClaims      // by area index
	countryside  []areaCountryside // by area index
	breaks       []Day             // days on which some state can change, in order
	knowledge    []Day             // KnowledgeDays
	evidenceUpTo Day
	changeDays   []Day
}

// Load reads and validates the dataset tables in tables (the five CSV files)
// joined with the derived boundaries in bounds (see ReadBoundaries). It
// reports every problem found, each naming file and line, and returns no
// dataset at all if there is any: a half-loaded dataset is never served.
func Load(tables, bounds fs.FS) (*Dataset, error) {
	tables, bounds = newHashingFS(tables), newHashingFS(bounds)
	p := &problems{}
	d := &Dataset{Intervals: map[string][]Interval{}, areaIndex: map[string]int{}, sourceIndex: map[string]int{}}
	// The region says which statuses and parties the tables may write:
	// without it every row would be a mistake, so its own come alone.
	r, err := ReadRegion(tables)
	if err != nil {
		return nil, err
	}
	d.Region = r
	d.loadAreas(tables, p)
	if len(p.errs) == 0 {
		if err := d.attachBoundaries(bounds); err != nil {
			return nil, err
		}
	}
	d.loadSources(tables, p)
	d.loadControl(tables, p)
	d.loadClaims(tables, p)
	d.loadEvents(tables, p)
	d.loadPeriods(tables, p)
	d.loadProvinces(tables, bounds, p)
	d.loadPlaces(tables, p)
	d.loadPresence(tables, p)
	d.loadPublications(tables, p)
	d.loadRevisions(tables, p)
	if err := p.err(); err != nil {
		return nil, err
	}
	if err := d.loadGeoNames(bounds); err != nil {
		return nil, err
	}
	d.index()
	d.Version = contentVersion(tables.(*hashingFS), bounds.(*hashingFS))
	return d, nil
}

// Area returns the area with P-code pcode.
func (d *Dataset) Area(pcode string) (*Area, bool) {
	i, ok := d.areaIndex[pcode]
	if !ok {
		return nil, false
	}
	return &d.Areas[i], true
}

// AreaIndex returns the position of the area with P-code pcode in Areas, or
// -1.
func (d *Dataset) AreaIndex(pcode string) int {
	if i, ok := d.areaIndex[pcode]; ok {
		return i
	}
	return -1
}

// Source returns the source with id.
func (d *Dataset) Source(id string) (Source, bool) {
	i, ok := d.sourceIndex[id]
	if !ok {
		return Source{}, false
	}
	return d.Sources[i], true
}

var pcodePattern = regexp.MustCompile(`^[A-Z]{2}[0-9]{2,8}$`)

func (d *Dataset) loadAreas(fsys fs.FS, p *problems) {
	for r := range readTable(fsys, AreasFile, areaColumns, p) {
		a := Area{PCode: r.get("pcode"), Name: r.get("name"), NameFa: r.get("name_fa"),
			Province: r.get("province"), Aliases: splitList(r.get("aliases"))}
		switch {
		case !pcodePattern.MatchString(a.PCode):
			p.add(AreasFile, r.line, fmt.Errorf("%w: P-code %q is not like AF0801", ErrBadValue, a.PCode))
		case a.Name == "" || a.NameFa == "" && d.Region.Offers("fa") || a.Province == "" && d.Region.Boundaries.Provinces.PCode != "":
			// name_fa when the map is in Dari, province when the region
			// has a second admin level.
			p.add(AreasFile, r.line, fmt.Errorf("%w: name, name_fa (a map in Dari) and province (a region of two levels) are required", ErrMissing))
		case d.hasArea(a.PCode):
			p.add(AreasFile, r.line, fmt.Errorf("%w: P-code %q listed twice", ErrDuplicate, a.PCode))
		default:
			d.areaIndex[a.PCode] = len(d.Areas)
			d.Areas = append(d.Areas, a)
		}
	}
	if len(d.Areas) == 0 && len(p.errs) == 0 {
		p.add(AreasFile, 0, fmt.Errorf("%w: no areas", ErrMissing))
	}
}

func (d *Dataset) hasArea(pcode string) bool { _, ok := d.areaIndex[pcode]; return ok }

func (d *Dataset) hasSource(id string) bool { _, ok := d.sourceIndex[id]; return ok }

// checkSources validates a ';'-separated list of source ids; at least one.
// The ids returned share the sources table's strings: a long history holds
// no copy of them per row.
func (d *Dataset) checkSources(file string, line int, cell string, p *problems) ([]string, bool) {
	ids := splitList(cell)
	if p.failed(SourcesFile) && file != SourcesFile {
		return nil, false // the sources table is reported; the ids cannot be checked
	}
	if len(ids) == 0 {
		p.add(file, line, fmt.Errorf("%w: every row cites at least one source id", ErrNoSource))
		return nil, false
	}
	for i, id := range ids {
		j, ok := d.sourceIndex[id]
		if !ok {
			p.add(file, line, fmt.Errorf("%w %q (not in %s)", ErrUnknownSrc, id, SourcesFile))
			return nil, false
		}
		ids[i] = d.Sources[j].ID
	}
	if dup := firstDuplicate(ids); dup != "" {
		p.add(file, line, fmt.Errorf("%w: source %q cited twice", ErrDuplicate, dup))
		return nil, false
	}
	return ids, true
}

func firstDuplicate(items []string) string {
	sorted := slices.Sorted(slices.Values(items))
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			return sorted[i]
		}
	}
	return ""
}

// oneOf checks that *v is in allowed, naming the column in the error, and
// makes *v the vocabulary's own string (rows share it instead of a copy).
func oneOf[T ~string](file string, line int, col string, v *T, allowed []T, p *problems) bool {
	if i := slices.Index(allowed, *v); i >= 0 {
		*v = allowed[i]
		return true
	}
	p.add(file, line, fmt.Errorf("%w: %s %q, want one of %v", ErrVocabulary, col, *v, allowed))
	return false
}

func (d *Dataset) day(file string, line int, col, s string, p *problems) (Day, bool) {
	day, err := ParseDay(s)
	if err != nil {
		p.add(file, line, fmt.Errorf("%s: %w", col, err))
		return 0, false
	}
	return day, true
}

// knownArea checks that pcode is in the areas table; when that table failed
// to load it reports nothing and the row is skipped.
func (d *Dataset) knownArea(file string, line int, pcode string, p *problems) bool {
	if d.hasArea(pcode) {
		return true
	}
	if p.failed(AreasFile) {
		return false
	}
	p.add(file, line, fmt.Errorf("%w %q (not in %s)", ErrUnknownPCode, pcode, AreasFile))
	return false
}

// ReadPCodes reads only the areas table of the dataset in fsys and returns
// its P-codes in order; the boundary import uses it to know what to select.
func ReadPCodes(fsys fs.FS) ([]string, error) {
	d := &Dataset{areaIndex: map[string]int{}}
	p := &problems{}
	d.loadAreas(fsys, p)
	if err := p.err(); err != nil {
		return nil, err
	}
	out := make([]string, len(d.Areas))
	for i, a := range d.Areas {
		out[i] = a.PCode
	}
	return out, nil
}
