package data

import (
	"fmt"

	"github.com/paulmach/orb"
)

// Detail selects an area's geometry: the seamless simplified display
// geometry (the map's default) or the full COD-AB resolution (the GIS
// default).
type Detail int

// The geometry details.
const (
	DetailDisplay Detail = iota
	DetailFull
)

var detailNames = [...]string{DetailDisplay: "display", DetailFull: "full"}

// String returns "display" or "full", as the detail parameter spells it.
func (d Detail) String() string { return detailNames[d] }

// ParseDetail parses "display" or "full".
func ParseDetail(s string) (Detail, error) {
	switch s {
	case "display":
		return DetailDisplay, nil
	case "full":
		return DetailFull, nil
	}
	return 0, fmt.Errorf("%q: want display or full", s)
}

// Geom returns the area's geometry at detail.
func (a *Area) Geom(d Detail) orb.MultiPolygon {
	if d == DetailFull {
		return a.Geometry
	}
	return a.Display
}
