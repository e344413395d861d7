package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/color"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font"

	"github.com/controlmap/controlmap/data"
)

// MapSVG draws the map of one day as SVG, with the same layout as MapPNG.
// With lang "fa" the names and the headings are in Dari, right to left:
// SVG is the format that carries Dari, shaped by the viewer's text engine
// with the Arabic-script font it has (Noto Naskh Arabic asked for first);
// the PNG and the GIF are drawn in English only.
func MapSVG(ds *data.Dataset, day data.Day, o PictureOptions, lang string) []byte {
	l := newLayout(ds, o)
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Go, 'DejaVu Sans', 'Noto Naskh Arabic', sans-serif">`+"\n", l.w, l.h, l.w, l.h)
	fmt.Fprintf(&b, `<defs><pattern id="hatch" width="%[1]g" height="%[1]g" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="%[1]g" height="%[1]g" fill="%[2]s"/><rect width="%[3]g" height="%[1]g" fill="%[4]s"/></pattern>`,
		float64(max(8, int(l.fs/2)))/1.41, hex(colHatchBg), float64(max(8, int(l.fs/2)))/2.82, hex(l.paint.colour(data.StatusContested)))
	step := float64(max(6, int(l.fs/2.5)))
	fmt.Fprintf(&b, `<pattern id="stale" width="%[1]g" height="%[1]g" patternUnits="userSpaceOnUse"><circle cx="%[2]g" cy="%[2]g" r="%[3]g" fill="#fff"/></pattern></defs>`+"\n", step, step/2, max(1, step/5))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="%s"/><rect width="%d" height="%d" fill="#fff"/><rect y="%d" width="%d" height="%d" fill="#fff"/>`+"\n",
		l.w, l.h, hex(colLand), l.w, l.top, l.bottom, l.w, l.h-l.bottom)
	fa := lang == "fa"
	looks := looksOn(ds, day, l.opts.View, l.paint)
	for i, lk := range looks {
		svgArea(&b, l, i, lk)
	}
	l.svgBadges(&b, looks) // under the names and places, as in the PNG
	for i, lb := range l.labels {
		name := lb.text
		if fa && ds.Areas[i].NameFa != "" {
			name = ds.Areas[i].NameFa
		}
		cx := (lb.box.Min.X + lb.box.Max.X) / 2
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-size="%.1f" font-weight="bold" fill="#000" stroke="#fff" stroke-width="%.1f" paint-order="stroke">%s</text>`+"\n",
			cx, lb.y, l.labelFs, l.labelFs/4, esc(name))
	}
	svgPlaces(&b, l, fa)
	svgHeadings(&b, ds, l, day, fa)
	svgLegend(&b, l)
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// svgArea writes a district: its fill, the stale dots, its border (heavy
// and dashed when disputed).
func svgArea(b *bytes.Buffer, l *layout, i int, lk look) {
	var d strings.Builder
	for _, ring := range l.shapes[i].rings {
		for j, p := range ring {
			cmd := 'L'
			if j == 0 {
				cmd = 'M'
			}
			fmt.Fprintf(&d, "%c%.1f %.1f", cmd, p.x, p.y)
		}
		d.WriteByte('Z')
	}
	fill := hex(lk.fill(l.paint))
	if lk.status == data.StatusContested {
		fill = "url(#hatch)"
	}
	fmt.Fprintf(b, `<path d="%s" fill="%s" fill-rule="evenodd"`, d.String(), fill)
	if lk.status == data.StatusContested && lk.opacity < 1 {
		fmt.Fprintf(b, ` fill-opacity="%.2f"`, lk.opacity)
	}
	fmt.Fprintf(b, ` stroke="%s" stroke-width="%.1f"/>`+"\n", hex(colBorder), l.line)
	if lk.stale {
		fmt.Fprintf(b, `<path d="%s" fill="url(#stale)" fill-rule="evenodd"/>`+"\n", d.String())
	}
	if lk.disputed {
		dash := 3*l.line + 4
		fmt.Fprintf(b, `<path d="%s" fill="none" stroke="#000" stroke-width="%.1f" stroke-dasharray="%.1f %.1f"/>`+"\n", d.String(), 2.5*l.line+1, dash, dash)
	}
}

// svgPlaces writes the places' dots and names (in Dari where the data has
// them), where the PNG draws them.
func svgPlaces(b *bytes.Buffer, l *layout, fa bool) {
	for _, m := range l.places {
		if m.r > 0 {
			fmt.Fprintf(b, `<circle class="place-dot" cx="%.1f" cy="%.1f" r="%.1f" fill="#fff" stroke="%s" stroke-width="2"/>`, m.dot.x, m.dot.y, m.r, hex(colBorder))
		}
		name := m.name
		if fa && m.nameFa != "" {
			name = m.nameFa
		}
		cx := (m.label.box.Min.X + m.label.box.Max.X) / 2
		fmt.Fprintf(b, `<text class="place" x="%d" y="%d" text-anchor="middle" font-size="%.1f" fill="#000" stroke="#fff" stroke-width="%.1f" paint-order="stroke">%s</text>`+"\n",
			cx, m.label.y, l.placeFs(), l.placeFs()/4, esc(name))
	}
}

// svgHeadings writes the title, the date and the credit.
func svgHeadings(b *bytes.Buffer, ds *data.Dataset, l *layout, day data.Day, fa bool) {
	x, anchor, dir, title := l.fs/2, "start", "ltr", l.title()
	sub := subtitle(ds, day, l.opts.View)
	if fa {
		x, anchor, dir, title = float64(l.w)-l.fs/2, "start", "rtl", ds.Region.NameIn("fa")
		sub = dariSubtitle(ds, day, l.opts.View, l.opts.Words)
	}
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="%.1f" font-weight="bold" direction="%s" text-anchor="%s">%s</text>`+"\n", x, 1.5*l.fs, l.fs*1.25, dir, anchor, esc(title))
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="%.1f" fill="%s" direction="%s" text-anchor="%s">%s</text>`+"\n", x, 2.9*l.fs, l.fs, hex(colBorder), dir, anchor, esc(sub))
	fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="%.1f" fill="%s">%s</text>`+"\n", l.fs/2, float64(l.h)-l.fs/2, l.fs*0.62, hex(colBorder), esc(l.credit()))
	if l.opts.Headline == "" {
		return
	}
	size := headlineSize * l.fs
	measure := func(t string) int { // the Go font's widths; Naskh's, estimated (a browser draws it)
		face := newFace(size, false)
		defer face.Close()
		return font.MeasureString(face, t).Ceil()
	}
	if fa {
		measure = func(t string) int { return int(0.48 * size * float64(utf8.RuneCountInString(t))) }
	}
	for i, line := range wrapBy(measure, l.opts.Headline, l.w-int(l.fs), 2) {
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="%.1f" direction="%s" text-anchor="%s">%s</text>`+"\n", x, (3.0+headlineSize*float64(i+1))*l.fs, size, dir, anchor, esc(line))
	}
}

// svgLegend writes the legend's swatches and words where the PNG has them.
func svgLegend(b *bytes.Buffer, l *layout) {
	face := newFace(l.fs*0.8, false)
	defer face.Close()
	s := l.fs
	for i, p := range l.legendPlaces(face) {
		lk := l.legends[i].look
		fill := hex(lk.fill(l.paint))
		if lk.status == data.StatusContested {
			fill = "url(#hatch)"
		}
		stroke, sw, dash := hex(colBorder), l.line, ""
		if lk.disputed {
			stroke, sw, dash = "#000", 2.5*l.line+1, fmt.Sprintf(` stroke-dasharray="%.1f"`, l.fs/4)
		}
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%.0f" height="%.0f" fill="%s" stroke="%s" stroke-width="%.1f"%s/>`, p.sx, p.sy, s, s, fill, stroke, sw, dash)
		if lk.stale {
			fmt.Fprintf(b, `<rect x="%d" y="%d" width="%.0f" height="%.0f" fill="url(#stale)"/>`, p.sx, p.sy, s, s)
		}
		fmt.Fprintf(b, `<text x="%d" y="%d" font-size="%.1f" textLength="%d" lengthAdjust="spacingAndGlyphs">%s</text>`+"\n", p.tx, p.ty, l.fs*0.8, font.MeasureString(face, l.legends[i].text).Ceil(), esc(l.legends[i].text))
	}
}

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
