package export

import (
	"image"
	"image/color"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// gifPalette is the one palette of every frame of an animation of the
// region painted by pt: the colours a picture is drawn with and the blends
// of each pair at a quarter, a half and three quarters, which the
// anti-aliased edges, the faded fills and the text's halos fall between.
// One for the animation, so every frame maps the same way and a pixel that
// did not change keeps its index (which is what cropping needs). A region
// has at most three parties: the palette stays under 256 colours.
func gifPalette(pt *paint) color.Palette {
	base := []color.RGBA{{0xff, 0xff, 0xff, 0xff}, {0, 0, 0, 0xff}, colBorder, colLand, colHatchBg, colUnknown}
	for _, st := range pt.statuses {
		base = append(base, pt.colour(st))
	}
	badges := []color.Color{pt.ink[data.RoleInsurgent], pt.ink[data.RoleRuling]}
	p := color.Palette{}
	for _, c := range base {
		p = append(p, c)
	}
	for i, a := range base {
		for _, b := range base[i+1:] {
			for _, t := range []float64{0.25, 0.5, 0.75} {
				p = append(p, blend(a, b, t))
			}
		}
	}
	// The fills as drawn: each colour over the land at each confidence's
	// opacity (wire.ConfidenceOpacity), so a faded district keeps its exact
	// colour in every frame; and the badges' grounds.
	for _, c := range append(base[4:], pt.ink[data.RoleInsurgent], pt.ink[data.RoleRuling]) {
		for _, conf := range []data.Confidence{data.ConfidenceHigh, data.ConfidenceMedium, data.ConfidenceLow} { // a fixed order: the same palette in every process
			p = append(p, blend(c, colLand, wire.ConfidenceOpacity[conf]))
		}
	}
	return append(p, badges...)
}

// quantizer maps colours to gifPalette's nearest, remembering each answer:
// a frame has a few thousand distinct colours among a million pixels. One
// per worker (it is not safe for concurrent use).
type quantizer struct {
	pal  color.Palette
	memo map[color.RGBA]uint8
}

func newQuantizer(pal color.Palette) *quantizer {
	return &quantizer{pal: pal, memo: map[color.RGBA]uint8{}}
}

func (q *quantizer) paletted(img *image.RGBA) *image.Paletted {
	out := image.NewPaletted(img.Bounds(), q.pal)
	var last color.RGBA
	lastIdx := uint8(q.pal.Index(last))
	for i := 0; i < len(img.Pix); i += 4 {
		c := color.RGBA{img.Pix[i], img.Pix[i+1], img.Pix[i+2], 0xff}
		if c != last { // most pixels repeat their left neighbour: skip the map
			idx, ok := q.memo[c]
			if !ok {
				idx = uint8(q.pal.Index(c))
				q.memo[c] = idx
			}
			last, lastIdx = c, idx
		}
		out.Pix[i/4] = lastIdx
	}
	return out
}

// crop is frame b cut to the rectangle that differs from the frame a
// before it (b whole when a is nil; one pixel when nothing changed), copied
// so that b's full pixels can be freed: with DisposalNone the viewer keeps
// the rest, and the file and the memory hold only what moved.
func crop(a, b *image.Paletted) *image.Paletted {
	if a == nil {
		return b
	}
	w, h := b.Rect.Dx(), b.Rect.Dy()
	r := image.Rectangle{Min: image.Pt(w, h)}
	for y := range h {
		row := y * b.Stride
		for x := range w {
			if a.Pix[row+x] != b.Pix[row+x] {
				r.Min.X, r.Min.Y = min(r.Min.X, x), min(r.Min.Y, y)
				r.Max.X, r.Max.Y = max(r.Max.X, x+1), max(r.Max.Y, y+1)
			}
		}
	}
	if r.Empty() {
		r = image.Rect(0, 0, 1, 1)
	}
	out := image.NewPaletted(r, b.Palette)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		copy(out.Pix[out.PixOffset(r.Min.X, y):out.PixOffset(r.Max.X, y)], b.Pix[b.PixOffset(r.Min.X, y):b.PixOffset(r.Max.X, y)])
	}
	return out
}
