package export

import (
	"image/color"

	"github.com/controlmap/controlmap/data"
)

// palette is the page's status colours (Okabe–Ito, safe for the common
// colour-vision deficiencies), for every file written here. The page's own
// copy is web/static/js/style.js; a test keeps the two equal.
var palette = map[data.Status]color.RGBA{
	data.StatusRepublic:   {0x00, 0x72, 0xB2, 0xff},
	data.StatusTaliban:    {0xD5, 0x5E, 0x00, 0xff},
	data.StatusResistance: {0x00, 0x9E, 0x73, 0xff},
	data.StatusContested:  {0xE6, 0x9F, 0x00, 0xff},
}

// Badge grounds (badges.go): each side's colour darkened so that white
// digits on it stay legible at small sizes; the page's copy is badgeColours
// in web/static/js/style.js.
var (
	colResistanceBadge = color.RGBA{0x00, 0x7A, 0x59, 0xff}
	colTalibanBadge    = color.RGBA{0xB3, 0x4F, 0x00, 0xff}
)

// Colours outside the statuses.
var (
	colUnknown = color.RGBA{0xbd, 0xbd, 0xbd, 0xff}
	colBorder  = color.RGBA{0x33, 0x33, 0x33, 0xff}
	colLand    = color.RGBA{0xf4, 0xf1, 0xea, 0xff}
	colHatchBg = color.RGBA{0xfb, 0xe3, 0xb0, 0xff}
)

// Colour returns a status's colour (grey for unknown).
func Colour(st data.Status) color.RGBA {
	if c, ok := palette[st]; ok {
		return c
	}
	return colUnknown
}

// labels are the statuses as legends name them.
var labels = map[data.Status]string{
	data.StatusRepublic:   "Islamic Republic",
	data.StatusTaliban:    "Taliban",
	data.StatusResistance: "Resistance (NRF and allies)",
	data.StatusContested:  "Contested",
	data.StatusUnknown:    "Unknown",
}

// Label returns a status's legend label.
func Label(st data.Status) string { return labels[st] }
