package export

import (
	"image"
	"image/color"
	"image/draw"

	"github.com/controlmap/controlmap/data"
)

// drawBase draws what every picture of a layout shares under the
// districts: the land, the white title and legend bands, the title, the
// legend and the credit line.
func (r *renderer) drawBase() *image.RGBA {
	l := r.l
	img := image.NewRGBA(image.Rect(0, 0, l.w, l.h))
	draw.Draw(img, img.Bounds(), image.NewUniform(colLand), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, l.w, l.top), image.White, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, l.bottom, l.w, l.h), image.White, image.Point{}, draw.Src)
	bold, small, tiny := newFace(l.fs*1.25, true), newFace(l.fs*0.8, false), newFace(l.fs*0.62, false)
	defer bold.Close()
	defer small.Close()
	defer tiny.Close()
	if l.fa() {
		r.drawDariHeadings(img)
	} else {
		drawText(img, bold, int(l.fs/2), int(1.5*l.fs), l.title(), color.Black)
		for i, p := range l.legendPlaces(small) {
			r.drawSwatch(img, image.Rect(p.sx, p.sy, p.sx+int(l.fs), p.sy+int(l.fs)), l.legends[i].look)
			drawText(img, small, p.tx, p.ty, l.legends[i].text, color.Black)
		}
	}
	drawText(img, tiny, int(l.fs/2), l.h-int(0.5*l.fs), l.credit(), colBorder)
	return img
}

// drawDariHeadings draws the title and the legend of a Dari picture, right
// to left: the title at the right edge, the legend's rows flowing from the
// right, each swatch right of its words.
func (r *renderer) drawDariHeadings(img *image.RGBA) {
	l := r.l
	right := l.w - int(l.fs/2)
	l.opts.Dari.line(l.title(), l.fs*1.25, true).draw(img, right, int(1.5*l.fs), color.Black)
	small := newFace(l.fs*0.8, false)
	defer small.Close()
	sw, pad := int(l.fs), int(l.fs/2)
	for i, p := range l.legendPlaces(small) {
		sx := l.w - p.sx - sw // mirrored
		r.drawSwatch(img, image.Rect(sx, p.sy, sx+sw, p.sy+sw), l.legends[i].look)
		l.opts.Dari.line(l.legends[i].text, l.fs*0.8, false).draw(img, sx-pad/2, p.ty, color.Black)
	}
}

// drawSwatch draws a legend key: a box painted with the look, outlined as
// the districts are.
func (r *renderer) drawSwatch(img *image.RGBA, box image.Rectangle, lk look) {
	m := image.NewAlpha(box)
	draw.Draw(m, box, image.Opaque, image.Point{}, draw.Src)
	if lk.status == data.StatusContested {
		draw.DrawMask(img, box, r.hatch, box.Min, m, box.Min, draw.Over)
	} else {
		draw.Draw(img, box, image.NewUniform(lk.fill(r.l.paint)), image.Point{}, draw.Src)
	}
	if lk.stale {
		draw.DrawMask(img, box, r.dots, box.Min, m, box.Min, draw.Over)
	}
	ring := []pt{{float32(box.Min.X), float32(box.Min.Y)}, {float32(box.Max.X), float32(box.Min.Y)},
		{float32(box.Max.X), float32(box.Max.Y)}, {float32(box.Min.X), float32(box.Max.Y)}, {float32(box.Min.X), float32(box.Min.Y)}}
	s := shape{rings: [][]pt{ring}, box: box}
	if lk.disputed {
		stroke(img, s, 2.5*r.l.line+1, r.l.fs/4, color.Black)
	} else {
		stroke(img, s, r.l.line, 0, colBorder)
	}
}

// drawOverlay draws what lies over the districts on every day: the
// borders and the names with their halos.
func (r *renderer) drawOverlay() *image.RGBA {
	l := r.l
	img := image.NewRGBA(image.Rect(0, 0, l.w, l.h))
	for _, s := range l.shapes {
		stroke(img, s, l.line, 0, colBorder)
	}
	face := newFace(l.labelFs, true)
	defer face.Close()
	box := image.Rectangle{}
	for _, s := range l.shapes {
		box = box.Union(s.box.Inset(-int(l.line) - 2))
	}
	for _, lb := range l.labels {
		if lb.text == "" { // a province's name that found no room
			continue
		}
		if l.fa() {
			line := l.opts.Dari.line(lb.text, l.labelFs, true)
			line.drawHalo(img, lb.x+line.width(), lb.y, max(1, int(l.labelFs/8)))
		} else {
			drawHaloText(img, face, lb.x, lb.y, max(1, int(l.labelFs/8)), lb.text)
		}
		box = box.Union(lb.box.Inset(-4))
	}
	box = box.Union(l.drawPlaces(img))
	return img.SubImage(box.Intersect(img.Bounds())).(*image.RGBA) // what frames draw over
}
