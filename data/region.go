package data

import (
	"cmp"
	"fmt"
	"io"
	"io/fs"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// RegionFile describes the region a dataset maps, beside its tables: the
// names and credits its documents, pictures and services carry, and the
// boundary files' fields the build reads its areas from. What is here is
// not code: a newsroom mapping another region edits this table, one
// setting (key, value) per row.
const RegionFile = "region.csv"

// Region is the region a dataset maps (RegionFile).
type Region struct {
	// Name is the map's name in each of the page's languages ("en",
	// "fa"): the pictures' title and credit. Place is what it maps, in a
	// phrase ("Panjshir & Andarab", "a map of the PLACE districts");
	// Country the country around it (the national picture's title).
	Name, Place, Country map[string]string
	// Title and Description name the services (the OGC API's landing
	// page and definition, the KML document).
	Title       string
	Description string
	// Credit is the boundary source's credit, written wherever boundaries
	// are served.
	Credit     string
	Boundaries RegionBoundaries
	// Zone is when the region's days begin (utc_offset).
	Zone Zone
	// Languages are the page's languages (languages), English first: each
	// needs its words file in the page (web/static/js/i18n-LANG.js).
	Languages []string
	// Calendars is the calendar each language writes beside the Gregorian
	// date (calendar.LANG): CalendarGregorian (none) or CalendarSolarHijri.
	Calendars map[string]string
	// Parties are the sides whose control the map draws, in legend order
	// (party.ID.*): their ids are the statuses and claim parties the tables
	// write.
	Parties []PartyDef
	// Actors maps the start of an event's first actor to the side it acted
	// for (actor.PREFIX), longest prefix first.
	Actors []ActorSide
	// Method is the region's own methodology (MethodFile beside its tables,
	// Markdown), which the about page shows; nil when it has none and the
	// engine's (docs/methodology.md, the Panjshir map's) rules.
	Method []byte
}

// MethodFile is a region's own methodology, beside its tables (optional).
const MethodFile = "methodology.md"

// The roles a party plays in the war the map draws. The engine's rules
// speak of roles, never of a party's name: the side that holds the state
// takes provincial capitals and runs operations outside the centres, the
// insurgent side attacks, and the former government held the ground
// before.
type Role string

// The roles.
const (
	RoleFormer    Role = "former"    // the government the offensive overthrew (optional)
	RoleRuling    Role = "ruling"    // the side that holds the state
	RoleInsurgent Role = "insurgent" // the side that fights it
)

// The calendars a language may write beside the Gregorian date.
const (
	CalendarGregorian  = "gregorian"
	CalendarSolarHijri = "solar-hijri"
)

// pageLanguages are the languages the page has words for.
var pageLanguages = []string{"en", "fa"}

// PartyDef is one party of the region: its id (a status and a claim party
// in the tables), its role, its names and its colours.
type PartyDef struct {
	ID   Party
	Role Role
	// Name is the party as a status, in each language (the legend's
	// "Resistance (NRF and allies)"); Short is the side in a phrase, for
	// what it holds and does ("Resistance claims" as a view, "Resistance
	// activity", "fell to the Taliban", "Taliban take Kabul"); Speaker who
	// speaks for it, for what it says ("the NRF claim Khenj", "as claimed
	// by the NRF"), Short when the region names no one.
	Name, Short, Speaker map[string]string
	// Colour fills its areas; Ink writes it on white (badges, text) with
	// enough contrast. Both are #RRGGBB.
	Colour, Ink string
}

// NameIn is the party's status name in lang, or in English.
func (p PartyDef) NameIn(lang string) string { return inLang(p.Name, lang) }

// ShortIn is the party's name in a phrase in lang, or in English.
func (p PartyDef) ShortIn(lang string) string { return inLang(p.Short, lang) }

// SpeakerIn is who speaks for the party in lang (its claims and denials).
func (p PartyDef) SpeakerIn(lang string) string {
	return cmp.Or(inLang(p.Speaker, lang), p.ShortIn(lang))
}

func inLang(m map[string]string, lang string) string { return cmp.Or(m[lang], m["en"]) }

// ActorSide says that an event whose first actor's name starts with Prefix
// counts for Side.
type ActorSide struct {
	Prefix string
	Side   Party
}

// RegionBoundaries says where the build finds the areas in the boundary
// files (OCHA COD-AB style GeoJSON) and how far around them the offline
// background reaches.
type RegionBoundaries struct {
	Districts             AdminFields
	Provinces             AdminFields
	ContextPaddingDegrees float64
}

// AdminFields are the properties of one admin level's features: its
// P-code, its names, and (for districts) the P-code of the province that
// holds it.
type AdminFields struct {
	PCode  string
	Name   string
	NameFa string
	Parent string
}

// setting is where the setting key of RegionFile goes (name.LANG rows,
// the map's name in each language, and the padding are read apart).
func (r *Region) setting(key string) (*string, bool) {
	if f, ok := map[string]*string{"title": &r.Title, "description": &r.Description, "credit": &r.Credit}[key]; ok {
		return f, true
	}
	// Both admin levels have the same fields; only districts name a parent.
	for prefix, level := range map[string]*AdminFields{"boundaries.districts.": &r.Boundaries.Districts, "boundaries.provinces.": &r.Boundaries.Provinces} {
		if field, ok := strings.CutPrefix(key, prefix); ok && (field != "parent" || level == &r.Boundaries.Districts) {
			f, ok := map[string]*string{"pcode": &level.PCode, "name": &level.Name, "name_fa": &level.NameFa, "parent": &level.Parent}[field]
			return f, ok
		}
	}
	return nil, false
}

// ReadRegion reads and checks RegionFile in tables, through the tables'
// reader: a mistake names the file, the line and the column.
func ReadRegion(tables fs.FS) (Region, error) {
	p := &problems{}
	r := Region{Name: map[string]string{}, Place: map[string]string{}, Country: map[string]string{}, Calendars: map[string]string{}}
	seen := map[string]int{}
	padding, offset, languages := "", "", ""
	for row := range readTable(tables, RegionFile, []string{"key", "value"}, p) {
		key, value := row.get("key"), row.get("value")
		if first, ok := seen[key]; ok {
			p.add(RegionFile, row.line, fmt.Errorf("%w: column key: %s is set on line %d already", ErrDuplicate, key, first))
			continue
		}
		seen[key] = row.line
		if lang, ok := strings.CutPrefix(key, "name."); ok && lang != "" {
			r.Name[lang] = value
			continue
		}
		if lang, ok := strings.CutPrefix(key, "place."); ok && lang != "" {
			r.Place[lang] = value
			continue
		}
		if lang, ok := strings.CutPrefix(key, "country."); ok && lang != "" {
			r.Country[lang] = value
			continue
		}
		if lang, ok := strings.CutPrefix(key, "calendar."); ok && lang != "" {
			r.Calendars[lang] = value
			continue
		}
		if prefix, ok := strings.CutPrefix(key, "actor."); ok && prefix != "" {
			r.Actors = append(r.Actors, ActorSide{Prefix: prefix, Side: Party(value)})
			continue
		}
		if rest, ok := strings.CutPrefix(key, "party."); ok {
			if err := r.setParty(rest, value); err != nil {
				p.add(RegionFile, row.line, fmt.Errorf("%w: column key: %s: %v", ErrBadValue, key, err))
			}
			continue
		}
		switch key {
		case "boundaries.context_padding_degrees", "utc_offset":
			if strings.TrimSpace(value) == "" {
				p.add(RegionFile, row.line, fmt.Errorf("%w: %s", ErrMissing, key))
			} else if key == "utc_offset" {
				offset = value
			} else {
				padding = value
			}
			continue
		case "languages":
			languages = value
			continue
		}
		field, ok := r.setting(key)
		if !ok {
			p.add(RegionFile, row.line, fmt.Errorf("%w: column key: no setting %q", ErrBadValue, key))
			continue
		}
		*field = value
	}
	if padding != "" {
		v, err := strconv.ParseFloat(padding, 64)
		if err != nil || math.IsNaN(v) || v < 0 || v > 5 {
			p.add(RegionFile, seen["boundaries.context_padding_degrees"], fmt.Errorf("%w: column value: boundaries.context_padding_degrees %q, want 0 to 5 degrees", ErrBadValue, padding))
		}
		r.Boundaries.ContextPaddingDegrees = v
	}
	if offset != "" {
		z, err := ParseZone(offset)
		if err != nil {
			p.add(RegionFile, seen["utc_offset"], fmt.Errorf("%w: column value: utc_offset: %v", ErrBadValue, err))
		}
		r.Zone = z
	}
	r.Languages = strings.Fields(languages)
	for _, err := range r.checkLanguages() {
		p.add(RegionFile, seen["languages"], fmt.Errorf("%w: column value: %v", ErrBadValue, err))
	}
	for lang, c := range r.Calendars {
		// The page writes the Solar Hijri date in Dari only (Intl's fa-AF
		// Persian calendar, with the Afghan month names in the pictures).
		if !slices.Contains(r.Languages, lang) || c != CalendarGregorian && (c != CalendarSolarHijri || lang != "fa") {
			p.add(RegionFile, seen["calendar."+lang], fmt.Errorf("%w: column value: calendar.%s %q: want %s, or %s in Dari (fa), for a language of the map", ErrBadValue, lang, c, CalendarGregorian, CalendarSolarHijri))
		}
	}
	for _, err := range r.checkParties() {
		p.add(RegionFile, seen[err.key], fmt.Errorf("%w: %v", ErrBadValue, err.err))
	}
	slices.SortStableFunc(r.Actors, func(a, b ActorSide) int { return len(b.Prefix) - len(a.Prefix) })
	if _, err := fs.Stat(tables, MethodFile); err == nil {
		f, err := openRegular(tables, MethodFile)
		if err == nil {
			r.Method, err = io.ReadAll(f)
			f.Close()
		}
		if err != nil {
			p.add(MethodFile, 0, fmt.Errorf("%w: %w", ErrBadValue, err))
		}
	}
	if err := p.err(); err != nil {
		return Region{}, err
	}
	for _, lang := range r.Languages {
		for _, m := range []struct {
			key string
			v   map[string]string
		}{{"name.", r.Name}, {"place.", r.Place}} {
			if strings.TrimSpace(m.v[lang]) == "" {
				p.add(RegionFile, seen["languages"], fmt.Errorf("%w: %s%s: the map is in %s", ErrMissing, m.key, lang, lang))
			}
		}
	}
	if err := p.err(); err != nil {
		return Region{}, err
	}
	required := []string{"name.en", "title", "description", "credit", "boundaries.districts.pcode", "boundaries.districts.name",
		"boundaries.context_padding_degrees", "utc_offset", "languages"}
	if r.Boundaries.Provinces.PCode != "" || r.Boundaries.Provinces.Name != "" {
		// A second admin level is optional; named, it needs both fields,
		// and the districts name their province.
		required = append(required, "boundaries.provinces.pcode", "boundaries.provinces.name", "boundaries.districts.parent")
	}
	for _, key := range required {
		if _, ok := seen[key]; !ok || r.value(key) == "" {
			return Region{}, &RowError{File: RegionFile, Line: seen[key], Err: fmt.Errorf("%w: %s", ErrMissing, key)}
		}
	}
	return r, nil
}

// checkLanguages: English first (the page's base and every fallback), and
// only languages the page has words for.
func (r *Region) checkLanguages() []error {
	var errs []error
	if len(r.Languages) == 0 || r.Languages[0] != "en" {
		errs = append(errs, fmt.Errorf("languages %q: want en first", strings.Join(r.Languages, " ")))
	}
	for i, l := range r.Languages {
		if !slices.Contains(pageLanguages, l) || slices.Index(r.Languages, l) != i {
			errs = append(errs, fmt.Errorf("languages: %q is not a language the page has words for (%s), or is listed twice", l, strings.Join(pageLanguages, ", ")))
		}
	}
	return errs
}

// setParty sets one party.ID.FIELD setting (rest is ID.FIELD), adding the
// party the first time its id is seen: the file's order is the legend's.
func (r *Region) setParty(rest, value string) error {
	id, field, ok := strings.Cut(rest, ".")
	if !ok || !partyID.MatchString(id) || slices.Contains(reservedIDs, id) {
		return fmt.Errorf("want party.ID.FIELD with an id of lower-case letters, digits and _, not %s", strings.Join(reservedIDs, ", "))
	}
	k := slices.IndexFunc(r.Parties, func(p PartyDef) bool { return p.ID == Party(id) })
	if k < 0 {
		r.Parties = append(r.Parties, PartyDef{ID: Party(id), Name: map[string]string{}, Short: map[string]string{}, Speaker: map[string]string{}})
		k = len(r.Parties) - 1
	}
	pd := &r.Parties[k]
	switch {
	case field == "role":
		pd.Role = Role(value)
	case field == "colour":
		pd.Colour = value
	case field == "ink":
		pd.Ink = value
	case strings.HasPrefix(field, "name."):
		pd.Name[strings.TrimPrefix(field, "name.")] = value
	case strings.HasPrefix(field, "short."):
		pd.Short[strings.TrimPrefix(field, "short.")] = value
	case strings.HasPrefix(field, "speaker."):
		pd.Speaker[strings.TrimPrefix(field, "speaker.")] = value
	default:
		return fmt.Errorf("no party setting %q (role, colour, ink, name.LANG, short.LANG, speaker.LANG)", field)
	}
	return nil
}

// partyID is the form of a party's id, as the tables write it.
var partyID = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// reservedIDs are the statuses, parties and views that are not a region's
// parties, and the words the page and its legend already use beside a
// status in their class names (legend-ID, side-ID, cs-ID).
var reservedIDs = []string{string(StatusContested), string(StatusUnknown), string(PartyIndependent), string(PartyState), string(Assessed),
	"stale", "confidence", "disputed", "selected", "events", "high", "medium", "low", "none", "compare", "cs", "province", "country",
	"claim", "denial", "report", "insurgent", "ruling", "former", "presence", "noreport"}

// keyedError is a problem with the setting key.
type keyedError struct {
	key string
	err error
}

// checkParties: one ruling side and one insurgent side (the two sides of
// the countryside, the claims views and the provinces), at most one
// former government; every party named in every language, with colours;
// every actor mapped to a side.
func (r *Region) checkParties() []keyedError {
	var errs []keyedError
	count := map[Role]int{}
	for _, pd := range r.Parties {
		key := "party." + string(pd.ID) + ".role"
		switch pd.Role {
		case RoleFormer, RoleRuling, RoleInsurgent:
			count[pd.Role]++
		default:
			errs = append(errs, keyedError{key, fmt.Errorf("column value: %s: role %q, want %s, %s or %s", key, pd.Role, RoleRuling, RoleInsurgent, RoleFormer)})
		}
		for _, c := range []struct{ name, v string }{{"colour", pd.Colour}, {"ink", pd.Ink}} {
			if !colourPattern.MatchString(c.v) {
				k := "party." + string(pd.ID) + "." + c.name
				errs = append(errs, keyedError{k, fmt.Errorf("column value: %s %q: want #RRGGBB", k, c.v)})
			}
		}
		for _, lang := range r.Languages {
			for _, n := range []struct {
				field string
				m     map[string]string
			}{{"name", pd.Name}, {"short", pd.Short}} {
				if strings.TrimSpace(n.m[lang]) == "" {
					errs = append(errs, keyedError{key, fmt.Errorf("%w: party.%s.%s.%s", ErrMissing, pd.ID, n.field, lang)})
				}
			}
		}
	}
	if count[RoleRuling] != 1 || count[RoleInsurgent] != 1 || count[RoleFormer] > 1 {
		errs = append(errs, keyedError{"", fmt.Errorf("%w: the parties: want one ruling party, one insurgent party and at most one former government, got %d, %d and %d",
			ErrMissing, count[RoleRuling], count[RoleInsurgent], count[RoleFormer])})
	}
	for _, a := range r.Actors {
		if p, ok := r.Party(a.Side); !ok || p.Role == RoleFormer {
			errs = append(errs, keyedError{"actor." + a.Prefix, fmt.Errorf("column value: actor.%s %q: want the id of the ruling or the insurgent party", a.Prefix, a.Side)})
		}
	}
	return errs
}

var colourPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// Party is the party id's definition.
func (r Region) Party(id Party) (PartyDef, bool) {
	k := slices.IndexFunc(r.Parties, func(p PartyDef) bool { return p.ID == id })
	if k < 0 {
		return PartyDef{}, false
	}
	return r.Parties[k], true
}

// As is the id of the party in role, or "" when none plays it.
func (r Region) As(role Role) Party {
	for _, p := range r.Parties {
		if p.Role == role {
			return p.ID
		}
	}
	return ""
}

// StatusAs is the status of the party in role ("" when none plays it).
func (r Region) StatusAs(role Role) Status { return Status(r.As(role)) }

// Statuses returns the statuses a dataset row may use, in legend order:
// the parties, then StatusContested (StatusUnknown excluded), as a new
// slice the caller may modify.
func (r Region) Statuses() []Status {
	out := make([]Status, 0, len(r.Parties)+1)
	for _, p := range r.Parties {
		out = append(out, Status(p.ID))
	}
	return append(out, StatusContested)
}

// Sides returns the two sides of the war, the ruling side first: the
// parties whose claims the map shows apart and whose activity it counts.
func (r Region) Sides() []Party { return []Party{r.As(RoleRuling), r.As(RoleInsurgent)} }

// ClaimParties returns who may make a claim, in the order claims are
// listed: the sides, the independent reports, state media.
func (r Region) ClaimParties() []Party { return append(r.Sides(), PartyIndependent, PartyState) }

// SideOf returns the side an event's first actor acted for, or "" for
// neither (Actors, longest prefix first).
func (r Region) SideOf(actor string) Party {
	for _, a := range r.Actors {
		if strings.HasPrefix(actor, a.Prefix) {
			return a.Side
		}
	}
	return ""
}

// Calendar is the calendar lang writes beside the Gregorian date.
func (r Region) Calendar(lang string) string {
	if c := r.Calendars[lang]; c != "" {
		return c
	}
	return CalendarGregorian
}

// Offers reports whether the map is offered in lang.
func (r Region) Offers(lang string) bool { return slices.Contains(r.Languages, lang) }

// value is the setting key's value, "" when it is empty or unset (a
// setting read apart reads as set once it was seen).
func (r *Region) value(key string) string {
	if lang, ok := strings.CutPrefix(key, "name."); ok {
		return r.Name[lang]
	}
	switch key {
	case "boundaries.context_padding_degrees", "utc_offset":
		return "set"
	case "languages":
		return strings.Join(r.Languages, " ")
	}
	if f, ok := r.setting(key); ok {
		return strings.TrimSpace(*f)
	}
	return ""
}

// NameIn is the map's name in lang, or in English.
func (r Region) NameIn(lang string) string { return inLang(r.Name, lang) }

// PlaceIn is what the map maps, in lang, or in English.
func (r Region) PlaceIn(lang string) string { return inLang(r.Place, lang) }

// CountryIn is the country around the map, in lang (English, else the
// place, when the region names none).
func (r Region) CountryIn(lang string) string {
	return cmp.Or(inLang(r.Country, lang), r.PlaceIn(lang))
}
