package export

import (
	"fmt"
	"image/color"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// paint is a region's palette and status labels for every file written
// here: the colours are wire.Colours (the parties' from region.csv), the
// same the page draws with, so a GeoPackage styled from the .qlr and the
// map agree.
type paint struct {
	colours  map[data.Status]color.RGBA
	labels   map[data.Status]string   // English, as the legends and the .qlr name them
	ink      map[data.Role]color.RGBA // the sides' badge grounds: each party's ink
	ruling   data.Status              // the legend's sample of a faded fill
	statuses []data.Status            // legend order
}

// paintOf is region r's paint.
func paintOf(r data.Region) *paint {
	p := &paint{colours: map[data.Status]color.RGBA{}, ink: map[data.Role]color.RGBA{}, ruling: r.StatusAs(data.RoleRuling), statuses: r.Statuses(),
		labels: map[data.Status]string{data.StatusContested: "Contested", data.StatusUnknown: "Unknown"}}
	for st, hex := range wire.Colours(r) {
		p.colours[st] = rgb(hex)
	}
	for _, pd := range r.Parties {
		p.labels[data.Status(pd.ID)] = pd.NameIn("en")
		p.ink[pd.Role] = rgb(pd.Ink)
	}
	return p
}

// rgb reads a #RRGGBB colour (the loader checked its form).
func rgb(hex string) color.RGBA {
	var c color.RGBA
	fmt.Sscanf(hex, "#%02x%02x%02x", &c.R, &c.G, &c.B)
	c.A = 0xff
	return c
}

// colour returns a status's colour (grey for unknown).
func (p *paint) colour(st data.Status) color.RGBA {
	if c, ok := p.colours[st]; ok {
		return c
	}
	return colUnknown
}

// label returns a status's legend label.
func (p *paint) label(st data.Status) string { return p.labels[st] }

// Colours outside the statuses.
var (
	colUnknown = rgb(wire.ColourUnknown)
	colBorder  = color.RGBA{0x33, 0x33, 0x33, 0xff}
	colLand    = color.RGBA{0xf4, 0xf1, 0xea, 0xff}
	colHatchBg = color.RGBA{0xfb, 0xe3, 0xb0, 0xff}
)
