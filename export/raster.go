package export

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/vector"

	"github.com/controlmap/controlmap/data"
)

// renderer draws pictures of one layout. What no day changes (the land,
// the bands, the legend and credit, the borders and the names, each
// district's coverage mask, the textures) is drawn once; a day is then a
// few masked fills, so the GIF's hundreds of frames cost little each.
// A renderer is read-only once built and safe for concurrent frames.
type renderer struct {
	l       *layout
	base    *image.RGBA    // land, bands, legend, credit
	overlay *image.RGBA    // borders and names, transparent elsewhere
	masks   []*image.Alpha // each district's coverage, over its box
	hatch   *image.RGBA    // the contested stripes, opaque, the picture's size
	dots    *image.RGBA    // the stale texture, transparent between dots
}

func newRenderer(l *layout) *renderer {
	r := &renderer{l: l, hatch: hatchTexture(l), dots: dotTexture(l)}
	for _, s := range l.shapes {
		m := image.NewAlpha(s.box)
		z := vector.NewRasterizer(s.box.Dx(), s.box.Dy())
		addRings(z, s.rings, s.box.Min)
		z.Draw(m, s.box, image.Opaque, image.Point{})
		r.masks = append(r.masks, m)
	}
	r.base, r.overlay = r.drawBase(), r.drawOverlay()
	return r
}

// addRings adds polygon rings, in picture pixels, to a rasterizer whose
// origin is at origin.
func addRings(z *vector.Rasterizer, rings [][]pt, origin image.Point) {
	ox, oy := float32(origin.X), float32(origin.Y)
	for _, ring := range rings {
		for i, p := range ring {
			if i == 0 {
				z.MoveTo(p.x-ox, p.y-oy)
			} else {
				z.LineTo(p.x-ox, p.y-oy)
			}
		}
		z.ClosePath()
	}
}

// stroke draws the edges of a shape w pixels wide in c; dash > 0 draws
// dashes of that length with gaps as long. Only the shape's box (grown
// by the width) is touched.
func stroke(dst *image.RGBA, s shape, w, dash float64, c color.Color) {
	b := s.box.Inset(-int(w) - 1).Intersect(dst.Bounds())
	z := vector.NewRasterizer(b.Dx(), b.Dy())
	o := pt{float32(b.Min.X), float32(b.Min.Y)}
	for _, ring := range s.rings {
		along := 0.0
		for i := 0; i+1 < len(ring); i++ {
			p, q := ring[i], ring[i+1]
			n := math.Hypot(float64(q.x-p.x), float64(q.y-p.y))
			if dash > 0 && math.Mod(along, dash*2) > dash {
				along += n
				continue
			}
			along += n
			addSegment(z, pt{p.x - o.x, p.y - o.y}, pt{q.x - o.x, q.y - o.y}, n, w)
		}
	}
	z.Draw(dst, b, image.NewUniform(c), image.Point{})
}

// addSegment adds the quadrilateral of a segment of width w, plus a square
// cap, so that joined segments leave no notch.
func addSegment(z *vector.Rasterizer, p, q pt, n, w float64) {
	if n == 0 {
		return
	}
	dx, dy := float32((float64(q.x-p.x))/n*w/2), float32((float64(q.y-p.y))/n*w/2)
	z.MoveTo(p.x-dx+dy, p.y-dy-dx)
	z.LineTo(q.x+dx+dy, q.y+dy-dx)
	z.LineTo(q.x+dx-dy, q.y+dy+dx)
	z.LineTo(p.x-dx-dy, p.y-dy+dx)
	z.ClosePath()
}

// hatchTexture is the contested hatch: diagonal stripes of the contested
// colour on its pale ground, as the page's SVG pattern draws them.
func hatchTexture(l *layout) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, l.w, l.h))
	stride := max(8, int(l.fs/2))
	for y := range l.h {
		for x := range l.w {
			c := colHatchBg
			if (x+y)%stride < stride/2 {
				c = l.paint.colour(data.StatusContested)
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// dotTexture is the stale mark: white dots on a grid, transparent between.
func dotTexture(l *layout) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, l.w, l.h))
	step := max(6, int(l.fs/2.5))
	r := max(1, step/5)
	for y := step / 2; y < l.h; y += step {
		for x := step/2 + (y/step%2)*step/2; x < l.w; x += step {
			draw.Draw(img, image.Rect(x-r, y-r, x+r, y+r), image.White, image.Point{}, draw.Src)
		}
	}
	return img
}

// paint fills district i with its look: the colour or the hatch, the land
// over it by the missing confidence, and the stale dots.
func (r *renderer) paint(dst *image.RGBA, i int, lk look) {
	m := r.masks[i]
	b := m.Bounds()
	if lk.status == data.StatusContested {
		draw.DrawMask(dst, b, r.hatch, b.Min, m, b.Min, draw.Over)
		if lk.opacity < 1 {
			fade := color.NRGBA{colLand.R, colLand.G, colLand.B, uint8(255 * (1 - lk.opacity))}
			draw.DrawMask(dst, b, image.NewUniform(fade), image.Point{}, m, b.Min, draw.Over)
		}
	} else {
		draw.DrawMask(dst, b, image.NewUniform(lk.fill(r.l.paint)), image.Point{}, m, b.Min, draw.Over)
	}
	if lk.stale {
		draw.DrawMask(dst, b, r.dots, b.Min, m, b.Min, draw.Over)
	}
}

// frame draws the map of one day: the base, each district's fill, the
// borders and names, the disputed outlines, the countryside badges under
// the names, and the date.
func (r *renderer) frame(looks []look, subtitle, headline string) *image.RGBA {
	img := image.NewRGBA(r.base.Bounds())
	copy(img.Pix, r.base.Pix)
	for i, lk := range looks {
		r.paint(img, i, lk)
	}
	for i, lk := range looks {
		if lk.disputed {
			stroke(img, r.l.shapes[i], 2.5*r.l.line+1, 3*r.l.line+4, color.Black)
		}
	}
	r.l.drawBadges(img, looks)
	draw.Draw(img, r.overlay.Bounds(), r.overlay, r.overlay.Bounds().Min, draw.Over) // names and places stay on top
	if r.l.fa() {
		r.drawDariLines(img, subtitle, headline)
		return img
	}
	face := newFace(r.l.fs, false)
	defer face.Close()
	drawText(img, face, int(r.l.fs/2), int(2.9*r.l.fs), subtitle, colBorder)
	if headline != "" {
		small := newFace(headlineSize*r.l.fs, false)
		defer small.Close()
		for i, line := range wrapLines(small, headline, r.l.w-int(r.l.fs), 2) {
			drawText(img, small, int(r.l.fs/2), int((3.0+headlineSize*float64(i+1))*r.l.fs), line, color.Black)
		}
	}
	return img
}

// drawDariLines draws a Dari picture's subtitle and the day's headline
// (two lines at most, wrapped by the shaper's line breaker), right aligned.
func (r *renderer) drawDariLines(img *image.RGBA, subtitle, headline string) {
	l := r.l
	right := l.w - int(l.fs/2)
	l.opts.Dari.line(subtitle, l.fs, false).draw(img, right, int(2.9*l.fs), colBorder)
	if headline == "" {
		return
	}
	for i, line := range l.opts.Dari.lines(headline, headlineSize*l.fs, false, l.w-int(l.fs), 2) {
		line.draw(img, right, int((3.0+headlineSize*float64(i+1))*l.fs), color.Black)
	}
}

// headlineSize is the headline's text size, in body sizes.
const headlineSize = 0.72

// wrapLines breaks s at spaces into at most n lines of at most width
// pixels in face; the last line ends in "…" when s is longer.
func wrapLines(face font.Face, s string, width, n int) []string {
	return wrapBy(func(t string) int { return font.MeasureString(face, t).Ceil() }, s, width, n)
}

// wrapBy is wrapLines with measure giving a text's width in pixels.
func wrapBy(measure func(string) int, s string, width, n int) []string {
	fits := func(t string) bool { return measure(t) <= width }
	var lines []string
	words := strings.Fields(s)
	for len(words) > 0 && len(lines) < n {
		line := words[0]
		words = words[1:]
		for len(words) > 0 && fits(line+" "+words[0]) {
			line += " " + words[0]
			words = words[1:]
		}
		lines = append(lines, line)
	}
	if len(words) > 0 {
		last := lines[len(lines)-1]
		for !fits(last + " …") {
			i := strings.LastIndexByte(last, ' ')
			if i <= 0 {
				break
			}
			last = last[:i]
		}
		lines[len(lines)-1] = last + " …"
	}
	return lines
}

// looksOn is every district's look on day in view.
func looksOn(ds *data.Dataset, day data.Day, view data.Party, p *paint) []look {
	states := ds.StatesAt(day)
	looks := make([]look, len(states))
	for i, st := range states {
		looks[i] = lookOf(st, view, p)
	}
	return looks
}
