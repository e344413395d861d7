package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"slices"
	"sync"

	"github.com/go-text/typesetting/di"
	gotext "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// DariFont is the typeface the pictures write Dari with: the page's own
// Noto Naskh Arabic (web/static/vendor/fonts, OFL), its Arabic and Latin
// subsets, regular and bold. Dari needs shaping (each letter takes the
// form its neighbours ask for) and the bidirectional algorithm (numbers and
// Latin read left to right inside right-to-left text): go-text's HarfBuzz
// shaper, segmenter and line wrapper do both; nothing here is hand-written
// shaping. A go-text Face caches as it is used and is not safe for
// concurrent use: the parsed fonts are shared, and each drawing takes a
// set of faces of its own from a pool, so the GIF's parallel frames may
// draw at once.
type DariFont struct {
	fonts [4]*gotext.Font // arabic regular, bold; latin regular, bold
	faces sync.Pool       // of *faceSet
}

// faceSet is one drawer's faces of the fonts.
type faceSet struct {
	arabic, latin [2]*gotext.Face
	symbols       *gotext.Face
}

// faceOf is the set's face of font.
func (s *faceSet) faceOf(font *gotext.Font) *gotext.Face {
	for _, f := range []*gotext.Face{s.arabic[0], s.arabic[1], s.latin[0], s.latin[1], s.symbols} {
		if f.Font == font {
			return f
		}
	}
	return gotext.NewFace(font)
}

// DariFontFiles are the faces ParseDariFont reads, by file name under
// the page's vendor/fonts/files.
var DariFontFiles = [4]string{
	"noto-naskh-arabic-arabic-400-normal.woff", "noto-naskh-arabic-arabic-700-normal.woff",
	"noto-naskh-arabic-latin-400-normal.woff", "noto-naskh-arabic-latin-700-normal.woff",
}

// ParseDariFont reads the faces of DariFontFiles, in that order (WOFF or
// OpenType).
func ParseDariFont(files [4][]byte) (*DariFont, error) {
	f := &DariFont{}
	for i, b := range files {
		face, err := gotext.ParseTTF(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("export: the Dari font, %s: %w", DariFontFiles[i], err)
		}
		flattenCoverages(face.Font)
		f.fonts[i] = face.Font
	}
	f.faces.New = func() any {
		return &faceSet{arabic: [2]*gotext.Face{gotext.NewFace(f.fonts[0]), gotext.NewFace(f.fonts[1])},
			latin: [2]*gotext.Face{gotext.NewFace(f.fonts[2]), gotext.NewFace(f.fonts[3])}, symbols: gotext.NewFace(goSymbols())}
	}
	return f, nil
}

// fontmap gives each rune the Arabic subset when it has the glyph, else the
// Latin one (punctuation, Latin names), else the Go font (arrows).
type fontmap struct{ arabic, latin, symbols *gotext.Face }

func (m fontmap) ResolveFace(r rune) *gotext.Face {
	for _, f := range []*gotext.Face{m.arabic, m.latin, m.symbols} {
		if _, ok := f.NominalGlyph(r); ok {
			return f
		}
	}
	return m.latin
}

// goSymbols is the Go font, for the signs the Naskh subsets lack (←).
var goSymbols = sync.OnceValue(func() *gotext.Font {
	f, err := gotext.ParseTTF(bytes.NewReader(goregular.TTF))
	if err != nil {
		panic("export: the Go font does not parse: " + err.Error()) // compiled in: cannot happen
	}
	return f.Font
})

// dariLine is a line of text shaped and in visual order, left to right,
// with the font it was shaped in (its faces are lent out per drawing).
type dariLine struct {
	runs shaping.Line
	font *DariFont
}

// lines shapes s, a right-to-left paragraph, at size pixels and breaks it
// into lines of at most maxWidth pixels, at most maxLines of them (0: no
// limit; the last then ends in "…" when s does not fit).
func (f *DariFont) lines(s string, size float64, bold bool, maxWidth, maxLines int) []dariLine {
	if s == "" {
		return nil
	}
	w := 0
	if bold {
		w = 1
	}
	set := f.faces.Get().(*faceSet)
	defer f.faces.Put(set)
	fm := fontmap{set.arabic[w], set.latin[w], set.symbols}
	rs := []rune(s)
	in := shaping.Input{Text: rs, RunEnd: len(rs), Direction: di.DirectionRTL, Size: fixed.Int26_6(size * 64),
		Script: language.Arabic, Language: language.NewLanguage("fa")}
	var seg shaping.Segmenter
	var shaper shaping.HarfbuzzShaper
	runs := seg.Split(in, fm)
	outs := make([]shaping.Output, len(runs))
	for i, r := range runs {
		outs[i] = shaper.Shape(r)
	}
	cfg := shaping.WrapConfig{Direction: di.DirectionRTL, TruncateAfterLines: maxLines}
	if maxLines > 0 {
		ell := []rune(" …")
		cfg.Truncator = shaper.Shape(shaping.Input{Text: ell, RunEnd: len(ell), Direction: di.DirectionRTL, Face: fm.latin,
			Size: in.Size, Script: language.Latin, Language: in.Language})
	}
	var lw shaping.LineWrapper
	wrapped, _ := lw.WrapParagraph(cfg, maxWidth, rs, shaping.NewSliceIterator(outs))
	out := make([]dariLine, len(wrapped))
	for i, l := range wrapped {
		// The wrapper gives the runs in logical order with their visual
		// places (the bidirectional algorithm's): draw them left to right.
		v := slices.Clone(l)
		slices.SortFunc(v, func(a, b shaping.Output) int { return int(a.VisualIndex) - int(b.VisualIndex) })
		out[i] = dariLine{runs: v, font: f}
	}
	return out
}

// line shapes s on one line.
func (f *DariFont) line(s string, size float64, bold bool) dariLine {
	ls := f.lines(s, size, bold, 1<<20, 0)
	if len(ls) == 0 {
		return dariLine{}
	}
	return ls[0]
}

// width is the line's advance in pixels.
func (l dariLine) width() int {
	var a fixed.Int26_6
	for _, o := range l.runs {
		a += o.Advance
	}
	return a.Ceil()
}

// draw draws the line with its right end at x and its baseline at y.
func (l dariLine) draw(dst draw.Image, x, y int, c color.Color) {
	if len(l.runs) == 0 {
		return
	}
	set := l.font.faces.Get().(*faceSet)
	defer l.font.faces.Put(set)
	w := l.width()
	size := float32(l.runs[0].Size) / 64
	top := y - int(1.3*size)
	h := int(1.9 * size)
	z := vector.NewRasterizer(w+4, h)
	penX, base := float32(2), float32(y-top)
	for _, run := range l.runs {
		face := set.faceOf(run.Face.Font) // this drawer's own face of the run's font
		scale := float32(run.Size) / 64 / float32(face.Upem())
		for _, g := range run.Glyphs { // in visual order, left to right
			if outline, ok := face.GlyphData(g.GlyphID).(gotext.GlyphOutline); ok {
				addOutline(z, outline, penX+float32(g.XOffset)/64, base-float32(g.YOffset)/64, scale)
			}
			penX += float32(g.Advance) / 64
		}
	}
	// Through a mask: draw.DrawMask clips to dst, which the rasterizer
	// alone does not.
	mask := image.NewAlpha(image.Rect(0, 0, w+4, h))
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	draw.DrawMask(dst, image.Rect(x-w-2, top, x+2, top+h), image.NewUniform(c), image.Point{}, mask, image.Point{}, draw.Over)
}

// addOutline adds a glyph's outline (font units, y up) at (ox, oy) in
// pixels (y down).
func addOutline(z *vector.Rasterizer, o gotext.GlyphOutline, ox, oy, scale float32) {
	pt := func(p ot.SegmentPoint) (float32, float32) { return ox + p.X*scale, oy - p.Y*scale }
	for _, s := range o.Segments {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			z.MoveTo(pt(s.Args[0]))
		case ot.SegmentOpLineTo:
			z.LineTo(pt(s.Args[0]))
		case ot.SegmentOpQuadTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			z.QuadTo(x1, y1, x2, y2)
		case ot.SegmentOpCubeTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			x3, y3 := pt(s.Args[2])
			z.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	z.ClosePath()
}

// drawHalo draws the line over a white halo of radius rad pixels.
func (l dariLine) drawHalo(dst draw.Image, x, y, rad int) {
	for dx := -rad; dx <= rad; dx++ {
		for dy := -rad; dy <= rad; dy++ {
			if dx*dx+dy*dy <= rad*rad+1 && (dx != 0 || dy != 0) {
				l.draw(dst, x+dx, y+dy, color.White)
			}
		}
	}
	l.draw(dst, x, y, color.Black)
}
