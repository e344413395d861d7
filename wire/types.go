package wire

// Content types served.
const (
	TypeGeoJSON = "application/geo+json"
	TypeJSON    = "application/json"
	TypeText    = "text/plain; charset=utf-8"
	TypeHTML    = "text/html; charset=utf-8"
	TypeProblem = "application/problem+json"
	TypeOpenAPI = "application/vnd.oai.openapi+json;version=3.0"
	TypeSchema  = "application/schema+json"
	TypeGPKG    = "application/geopackage+sqlite3"
	TypeKML     = "application/vnd.google-earth.kml+xml"
	TypeCSV     = "text/csv; charset=utf-8"
	TypeQLR     = "application/xml; charset=utf-8"
	TypeGIF     = "image/gif"
	TypePNG     = "image/png"
	TypeSVG     = "image/svg+xml"
)

// Link relations used in OGC API links (IANA and OGC registers).
const (
	RelSelf        = "self"
	RelAlternate   = "alternate"
	RelNext        = "next"
	RelPrev        = "prev"
	RelCollection  = "collection"
	RelItems       = "items"
	RelDescribedBy = "describedby"
	RelServiceDesc = "service-desc"
	RelServiceDoc  = "service-doc"
	RelConformance = "conformance"
	RelData        = "data"
)

// Link is a web link as OGC API documents carry it.
type Link struct {
	Href  string `json:"href"`
	Rel   string `json:"rel"`
	Type  string `json:"type,omitempty"`
	Title string `json:"title,omitempty"`
}
