package data

import (
	"github.com/paulmach/orb"
)

// Status is an area's control status, assessed or claimed.
type Status string

// The status vocabulary. StatusUnknown is never written in the dataset: it is
// the answer for a day before an area's first assessed change.
const (
	StatusRepublic   Status = "republic"   // the Islamic Republic's government, until its collapse
	StatusTaliban    Status = "taliban"    // the Taliban (Islamic Emirate)
	StatusResistance Status = "resistance" // the NRF and allied local anti-Taliban forces
	StatusContested  Status = "contested"  // active fighting, or no side clearly in control
	StatusUnknown    Status = "unknown"
)

// statuses lists the statuses a dataset row may use, in legend order.
var statuses = []Status{StatusRepublic, StatusTaliban, StatusResistance, StatusContested}

// Statuses returns the statuses a dataset row may use, in legend order (a
// new slice each call: callers may append to it).
func Statuses() []Status { return append([]Status(nil), statuses...) }

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

// The claim parties, in the order claims are listed.
const (
	PartyTaliban     Party = "taliban"
	PartyResistance  Party = "resistance"
	PartyIndependent Party = "independent" // news agencies, reporters, NGOs, residents
)

// parties lists the parties in display order.
var parties = []Party{PartyTaliban, PartyResistance, PartyIndependent}

// Parties returns the parties in display order (a new slice each call).
func Parties() []Party { return append([]Party(nil), parties...) }

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
}

// Interval is one assessed status of an area over the half-open day range
// [From, To). To is zero for the last, open interval.
type Interval struct {
	PCode      string
	From, To   Day
	Status     Status
	Confidence Confidence
	Sources    []string // source ids
	Note       string
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
	PCode         string // "" outside the mapped areas
	Location      string
	Point         orb.Point
	GeoPrecision  int // 1 exact, 2 near, 3 district or province (label point)
	Fatalities    *int
	Notes         string
	Sources       []string
}
