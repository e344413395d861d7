package export

import (
	"image"
	"image/color"
	"image/draw"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The Go fonts (BSD licence, part of golang.org/x/image): a real typeface
// for Latin text, scaled with the picture. Parsed once.
var fonts = sync.OnceValue(func() [2]*opentype.Font {
	r, err1 := opentype.Parse(goregular.TTF)
	b, err2 := opentype.Parse(gobold.TTF)
	if err1 != nil || err2 != nil {
		panic("export: the embedded Go fonts do not parse") // compiled in: cannot happen
	}
	return [2]*opentype.Font{r, b}
})

// newFace is a face of the Go font at size pixels. A face is not safe for
// concurrent use: each renderer makes its own.
func newFace(size float64, bold bool) font.Face {
	f := fonts()[0]
	if bold {
		f = fonts()[1]
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic("export: a face of the Go font: " + err.Error()) // only for a negative size
	}
	return face
}

// drawText draws s with its baseline starting at (x, y).
func drawText(dst draw.Image, face font.Face, x, y int, s string, c color.Color) {
	d := &font.Drawer{Dst: dst, Src: image.NewUniform(c), Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// drawHaloText draws s over a white halo of radius r pixels, so that a
// name stays legible on any fill.
func drawHaloText(dst draw.Image, face font.Face, x, y, r int, s string) {
	for dx := -r; dx <= r; dx++ {
		for dy := -r; dy <= r; dy++ {
			if dx*dx+dy*dy <= r*r+1 && (dx != 0 || dy != 0) {
				drawText(dst, face, x+dx, y+dy, s, color.White)
			}
		}
	}
	drawText(dst, face, x, y, s, color.Black)
}
