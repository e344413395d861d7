package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"strconv"

	"golang.org/x/image/font"

	"github.com/controlmap/controlmap/data"
)

// badgePart is one part of a district's countryside badge, as the page's
// badge draws it (web/static/js/layers/countryside.js): resistance activity
// (▲) and Taliban operations (■) by count, a side's presence (○ resistance,
// □ Taliban), "?" for no independent reporting.
type badgePart struct {
	text   string
	fill   color.RGBA // the part's ground
	ink    color.RGBA // its text
	border bool       // outlined (no independent reporting)
}

// badgeOf returns the parts of the badge for a day's countryside; none when
// nothing is known outside the centre and independent reporting covers it,
// and none before the first record (no range holds the day), as on the
// page. lookOf asks for it in the assessed view only: the countryside is
// evidence, not a party's claim.
func badgeOf(r data.CountrysideRange, pt *paint) []badgePart {
	if r.From == 0 {
		return nil
	}
	c := r.Countryside
	var out []badgePart
	insurgent, ruling := pt.ink[data.RoleInsurgent], pt.ink[data.RoleRuling]
	if n := c.Insurgent.Count(); n > 0 {
		out = append(out, badgePart{text: "▲" + strconv.Itoa(n), fill: insurgent, ink: color.RGBA{0xff, 0xff, 0xff, 0xff}})
	}
	if n := c.Ruling.Count(); n > 0 {
		out = append(out, badgePart{text: "■" + strconv.Itoa(n), fill: ruling, ink: color.RGBA{0xff, 0xff, 0xff, 0xff}})
	}
	for _, p := range c.Presence { // a ring for the insurgent side, a hollow square for the ruling side
		part := badgePart{text: "○", fill: color.RGBA{0xff, 0xff, 0xff, 0xff}, ink: insurgent}
		if p.Role == data.RoleRuling {
			part.text, part.ink = "□", ruling
		}
		out = append(out, part)
	}
	if !c.Reported {
		out = append(out, badgePart{text: "?", fill: color.RGBA{0xff, 0xff, 0xff, 0xff}, ink: colBorder, border: true})
	}
	return out
}

// badgeFs is the badges' text size: smaller than the districts' names.
func (l *layout) badgeFs() float64 { return max(10, 0.7*l.labelFs) }

// badgeBoxes lays out district i's badge parts in a row centred under its
// name: one box per part, each as wide as its text.
func (l *layout) badgeBoxes(face font.Face, i int, parts []badgePart) []image.Rectangle {
	asc, desc := face.Metrics().Ascent.Ceil(), face.Metrics().Descent.Ceil()
	pad := int(l.badgeFs() / 3)
	widths, total := make([]int, len(parts)), 0
	for k, p := range parts {
		widths[k] = font.MeasureString(face, drawable(face, p.text)).Ceil() + 2*pad
		total += widths[k] + 2
	}
	lb := l.labels[i].box
	x, y := (lb.Min.X+lb.Max.X)/2-total/2, lb.Max.Y+1
	out := make([]image.Rectangle, len(parts))
	for k := range parts {
		out[k] = image.Rect(x, y, x+widths[k], y+asc+desc+2)
		x += widths[k] + 2
	}
	return out
}

// drawBadges paints every district's badge into img (the PNG and each GIF
// frame).
func (l *layout) drawBadges(img *image.RGBA, looks []look) {
	face := newFace(l.badgeFs(), true)
	defer face.Close()
	asc := face.Metrics().Ascent.Ceil()
	pad := int(l.badgeFs() / 3)
	for i, lk := range looks {
		parts := lk.badge
		for k, r := range l.badgeBoxes(face, i, parts) {
			p := parts[k]
			if p.border {
				draw.Draw(img, r, image.NewUniform(p.ink), image.Point{}, draw.Src)
				r = r.Inset(1)
			}
			draw.Draw(img, r, image.NewUniform(p.fill), image.Point{}, draw.Src)
			drawText(img, face, r.Min.X+pad-boolInt(p.border), r.Min.Y+asc+1-boolInt(p.border), drawable(face, p.text), p.ink)
		}
	}
}

// svgBadges writes every district's badge where the PNG draws it.
func (l *layout) svgBadges(b *bytes.Buffer, looks []look) {
	face := newFace(l.badgeFs(), true)
	defer face.Close()
	asc := face.Metrics().Ascent.Ceil()
	for i, lk := range looks {
		parts := lk.badge
		for k, r := range l.badgeBoxes(face, i, parts) {
			p := parts[k]
			stroke := ""
			if p.border {
				stroke = fmt.Sprintf(` stroke="%s" stroke-width="1"`, hex(p.ink))
			}
			fmt.Fprintf(b, `<g class="countryside-badge"><rect x="%d" y="%d" width="%d" height="%d" rx="%d" fill="%s"%s/>`,
				r.Min.X, r.Min.Y, r.Dx(), r.Dy(), r.Dy()/2, hex(p.fill), stroke)
			fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" font-size="%.1f" font-weight="bold" fill="%s">%s</text></g>`+"\n",
				(r.Min.X+r.Max.X)/2, r.Min.Y+asc+1, l.badgeFs(), hex(p.ink), esc(p.text))
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
