package wire

import "github.com/controlmap/controlmap/data"

// The colours of the statuses that are no party's: the parties' come from
// the region (region.csv). Okabe–Ito, as the parties' of the Panjshir map,
// safe for the common colour-vision deficiencies.
const (
	ColourContested = "#E69F00"
	ColourUnknown   = "#BDBDBD"
)

// Colours is every status's fill colour (#RRGGBB) in region r: the one
// palette the page (through the timeline), the pictures, the KML and the
// QGIS layer file draw with.
func Colours(r data.Region) map[data.Status]string {
	out := map[data.Status]string{data.StatusContested: ColourContested, data.StatusUnknown: ColourUnknown}
	for _, p := range r.Parties {
		out[data.Status(p.ID)] = p.Colour
	}
	return out
}
