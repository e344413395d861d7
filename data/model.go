package data

import (
	"github.com/paulmach/orb"
)

// Status is an area's control status, assessed or claimed.
type Status string

// The statuses that are not a party's. A region's parties (region.csv,
// Region.Parties) are the others: their ids are the statuses and the claim
// parties its tables write. StatusUnknown is never written in the dataset:
// it is the answer for a day before an area's first assessed change.
const (
	StatusContested Status = "contested" // active fighting, or no side clearly in control
	StatusUnknown   Status = "unknown"
)

// Confidence is the analyst's confidence in an assessed status.
type Confidence string

// The confidence vocabulary.
const (
	ConfidenceHigh   Confidence = "high"
	ConfidenceMedium Confidence = "medium"
	ConfidenceLow    Confidence = "low"
)

// Party is who made a claim.
type Party string

// The claim parties that are not sides of the war (Region.ClaimParties
// lists them after the sides).
const (
	PartyIndependent Party = "independent" // news agencies, reporters, NGOs, residents
	// PartyState is state-controlled media (affiliation state:XX) reporting
	// on its own account or relaying others: never independent evidence, so
	// it is listed apart from the independent reports.
	PartyState Party = "state"
)

// Kind is the kind of a claim.
type Kind string

// The claim kinds.
const (
	KindClaim  Kind = "claim"  // a party asserts control or gains
	KindDenial Kind = "denial" // a party rejects the other side's claim
	KindReport Kind = "report" // a third party describes the situation
)

// Area is one mapped district.
type Area struct {
	PCode    string   // COD-AB ADM2_PCODE, e.g. "AF0801"
	Name     string   // English display name
	NameFa   string   // Dari name
	Province string   // English province name
	Aliases  []string // other spellings seen in sources
	AreaKm2  float64  // geodesic area of the full-resolution geometry, km²
	Label    orb.Point
	// ProvinceDistricts is how many districts the province has in COD-AB
	// (0 when unknown): the map holds all of a province only when it shows
	// that many of its districts.
	ProvinceDistricts int
	// Geometry is the full-resolution COD-AB geometry; Display is the
	// topology-preserving simplification served to the map by default.
	Geometry, Display orb.MultiPolygon
}

// Source is a cited publication.
type Source struct {
	ID        string `json:"id"`
	Publisher string `json:"publisher"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"` // YYYY-MM-DD, YYYY-MM, or "" when unknown
	// PublishedPrecision is PrecisionDay, PrecisionMonth or
	// PrecisionUnknown, agreeing with Published.
	PublishedPrecision Precision `json:"published_precision"`
	Tier               Tier      `json:"tier"`
	// CopyOf is the id of the source this one copies; "" unless Tier is
	// TierCopy (and "" for a copy whose primary is not in the dataset,
	// which the linter reports).
	CopyOf string `json:"copy_of,omitempty"`
	// Affiliation is AffiliationIndependent, a side's id (Region.Sides) or
	// "state:XX" with an ISO 3166-1 alpha-2 code.
	Affiliation string    `json:"affiliation"`
	TitleKind   TitleKind `json:"title_kind"`

	// first and last bound the publication day: equal for a dated source,
	// the month's first and last day for a month, zero when unknown.
	first, last Day
	line        int // line in sources.csv, for the linter
}

// Independent reports whether s is independent evidence: the publisher's
// own or a wire story (TierPrimary or TierWire) from an independent
// publisher. Copies, statements, references and state media are not.
func (s Source) Independent() bool {
	return (s.Tier == TierPrimary || s.Tier == TierWire) && s.Affiliation == AffiliationIndependent
}

// PublishedBy returns the last day on which s may have been published: the
// day itself, the last day of the month for a month, and zero (false) for an
// undated source.
func (s Source) PublishedBy() (Day, bool) { return s.last, s.last != 0 }

// PublishedFrom returns the first day on which s may have been published:
// the day itself, the first day of the month for a month, and zero (false)
// for an undated source.
func (s Source) PublishedFrom() (Day, bool) { return s.first, s.first != 0 }

// Tier is what kind of publication a source is.
type Tier string

// The source tiers; see docs/methodology.md.
const (
	TierPrimary   Tier = "primary"   // the publisher's own reporting or an organisation's own report
	TierWire      Tier = "wire"      // a news agency's story carried by a client
	TierCopy      Tier = "copy"      // a rewrite, mirror, proxy or re-post of another source
	TierStatement Tier = "statement" // a party's or an official's own statement
	TierReference Tier = "reference" // an encyclopedia or other compiled reference
)

var tiers = []Tier{TierPrimary, TierWire, TierCopy, TierStatement, TierReference}

// AffiliationIndependent is an independent source's affiliation; the
// others are a side's id (Region.Sides) and "state:XX" for state media.
const AffiliationIndependent = "independent"

// TitleKind says whether a source's title is the page's headline or a
// description written for the dataset.
type TitleKind string

// The title kinds.
const (
	TitleHeadline    TitleKind = "headline"
	TitleDescription TitleKind = "description"
)

// Precision is how precisely a date is known.
type Precision string

// The precisions. A source's published date is day, month or unknown; an
// assessed change's date is day, week, month or inferred.
const (
	PrecisionDay      Precision = "day"
	PrecisionWeek     Precision = "week"  // the date is the earliest plausible day of that week
	PrecisionMonth    Precision = "month" // the date is the earliest plausible day of that month
	PrecisionUnknown  Precision = "unknown"
	PrecisionInferred Precision = "inferred" // no source dates it: the earliest plausible day, from context
)

// Interval is one assessed status of an area over the half-open day range
// [From, To). To is zero for the last, open interval.
type Interval struct {
	PCode    string
	From, To Day
	// DatePrecision says how well From is known: PrecisionDay,
	// PrecisionWeek, PrecisionMonth or PrecisionInferred.
	DatePrecision Precision
	Status        Status
	Confidence    Confidence
	Sources       []string // source ids
	Note          string

	confirm []Day // support days (see State.Confirmed), sorted
	line    int   // line in control.csv, for the linter
}

// Contains reports whether day lies in [From, To).
func (iv Interval) Contains(day Day) bool {
	return day >= iv.From && (iv.To == 0 || day < iv.To)
}

// Claim is a dated statement about the control of one or more areas.
type Claim struct {
	Date    Day
	PCodes  []string
	Party   Party
	Kind    Kind
	Status  Status
	Sources []string
	Note    string

	line int // line in claims.csv, for the linter
}

// Event is a dated point event, with ACLED's field names where they fit.
type Event struct {
	ID            string
	Date          Day
	TimePrecision int // 1 day, 2 within a week, 3 month
	Type          string
	SubType       string
	Actor1        string
	Actor2        string
	// Side is the side Actor1 acted for (Region.SideOf: an attack, a clash
	// or a claimed operation counts for the insurgent side; a raid, an
	// arrest, an eviction or a clearance operation for the ruling side), or
	// "" for neither: civilians or an unknown group count towards no
	// activity, and the linter says so (CheckEventSide).
	Side     Party
	Admin1   string // province as ACLED names it
	Admin2   string // district as ACLED names it; "" for a province-wide event
	PCode    string // "" outside the mapped areas and for a province-wide event
	Location string
	// Point is the event's place; the zero point when GeoPrecision is 3
	// (see HasPoint).
	Point        orb.Point
	GeoPrecision int // 1 exact, 2 near (about 10 km), 3 district or province only: no point
	// Where is the point the event is drawn at, as ACLED places events:
	// its place (Point) at geo_precision 1 or 2; at 3 its district's label
	// point, or for a province-wide event the province's (the mean of its
	// mapped districts' label points; see provincePoints). Set when the
	// dataset is indexed; never the zero point.
	Where      orb.Point
	Fatalities *int
	Notes      string
	Sources    []string

	line int // line in events.csv, for the linter
}

// HasPoint reports whether e has a place to draw: false for geo_precision 3,
// where only the district (or, without a P-code, only the province) is known.
func (e Event) HasPoint() bool { return e.GeoPrecision < 3 }

// ProvinceWide reports whether e is known only at province level: it has no
// district and is never counted in or drawn inside one.
func (e Event) ProvinceWide() bool { return e.PCode == "" && e.Admin2 == "" }
