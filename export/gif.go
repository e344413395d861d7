package export

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"math"
	"strings"

	"github.com/paulmach/orb"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/controlmap/controlmap/data"
)

// Limits of the animation.
const (
	GIFMinWidth, GIFMaxWidth, GIFDefaultWidth = 240, 1200, 640
	GIFMaxFrames                              = 400
	gifTop, gifBottom                         = 26, 30 // bands for the date and the legend, pixels
)

// gifPalette: the status colours, the hatch's pale orange, the land,
// borders and text.
var gifPalette = color.Palette{color.White, color.Black, colLand, colBorder, colHatchBg, colUnknown,
	palette[data.StatusRepublic], palette[data.StatusTaliban],
	palette[data.StatusResistance], palette[data.StatusContested]}

// gifProjection maps lon/lat to pixels: equirectangular, scaled by the
// cosine of the mid latitude, fitted into the frame between the bands.
type gifProjection struct {
	minX, maxY, scale, k float64
	w, h                 int
}

func newGIFProjection(b orb.Bound, width int) gifProjection {
	k := math.Cos((b.Min[1] + b.Max[1]) / 2 * math.Pi / 180)
	const margin = 8.0
	scale := (float64(width) - 2*margin) / ((b.Max[0] - b.Min[0]) * k)
	mapH := (b.Max[1] - b.Min[1]) * scale
	return gifProjection{minX: b.Min[0] - margin/scale/k, maxY: b.Max[1], scale: scale, k: k,
		w: width, h: int(mapH) + gifTop + gifBottom + 2*int(margin)}
}

func (p gifProjection) xy(pt orb.Point) (float32, float32) {
	return float32((pt[0] - p.minX) * p.k * p.scale), float32((p.maxY-pt[1])*p.scale) + gifTop + 8
}

// AnimationGIF renders the assessed map from one day to another as an
// animated GIF: a frame per day on which control changes (or every step
// days when step > 0), each with the districts coloured by status
// (contested hatched), their names, the date and a legend.
func AnimationGIF(ds *data.Dataset, from, to data.Day, width, step int) ([]byte, error) {
	days := gifDays(ds, from, to, step)
	if len(days) > GIFMaxFrames {
		return nil, fmt.Errorf("%w: %d frames, at most %d: choose a larger step or a shorter range", ErrTooManyFrames, len(days), GIFMaxFrames)
	}
	b := ds.Areas[0].Display.Bound()
	for _, a := range ds.Areas[1:] {
		b = b.Union(a.Display.Bound())
	}
	proj := newGIFProjection(b, width)
	anim := &gif.GIF{LoopCount: 0}
	base := baseFrame(ds, proj)
	for i, day := range days {
		img := image.NewRGBA(image.Rect(0, 0, proj.w, proj.h))
		draw.Draw(img, img.Bounds(), base, image.Point{}, draw.Src)
		for j, st := range ds.StatesAt(day) {
			fillArea(img, proj, ds.Areas[j].Display, st.Status())
		}
		for j := range ds.Areas {
			outline(img, proj, ds.Areas[j].Display)
		}
		for _, a := range ds.Areas {
			x, y := proj.xy(a.Label)
			text(img, int(x)-len(a.Name)*7/2, int(y)+4, a.Name, color.Black)
		}
		text(img, 8, 18, day.String()+"  Panjshir and Andarab: assessed control", color.Black)
		pal := image.NewPaletted(img.Bounds(), gifPalette)
		draw.Draw(pal, pal.Bounds(), img, image.Point{}, draw.Src)
		delay := 90
		if i == len(days)-1 {
			delay = 300
		}
		anim.Image = append(anim.Image, pal)
		anim.Delay = append(anim.Delay, delay)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, anim); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ErrTooManyFrames is returned for an animation over GIFMaxFrames frames.
var ErrTooManyFrames = errors.New("export: too many frames")

func gifDays(ds *data.Dataset, from, to data.Day, step int) []data.Day {
	days := []data.Day{from}
	if step > 0 {
		for d := from.AddDays(step); d <= to; d = d.AddDays(step) {
			days = append(days, d)
		}
		return days
	}
	for _, d := range ds.ChangeDays() {
		if d > from && d <= to {
			days = append(days, d)
		}
	}
	return days
}

// baseFrame is what every frame shares: the land, the bands, the legend.
func baseFrame(ds *data.Dataset, p gifProjection) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, p.w, p.h))
	draw.Draw(img, img.Bounds(), &image.Uniform{colLand}, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, p.w, gifTop), image.White, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, p.h-gifBottom, p.w, p.h), image.White, image.Point{}, draw.Src)
	x := 8
	for _, st := range data.Statuses() {
		box := image.Rect(x, p.h-gifBottom+9, x+14, p.h-gifBottom+23)
		draw.Draw(img, box, statusSource(st), box.Min, draw.Src)
		x = text(img, x+18, p.h-gifBottom+20, string(st), color.Black) + 12
	}
	credit := strings.TrimPrefix(data.Attribution, "Boundaries: ")
	text(img, p.w-7*len(credit)-6, p.h-gifBottom+20, credit, colBorder)
	return img
}

// statusSource is the paint of a status: a colour, or a hatch for contested.
func statusSource(st data.Status) image.Image {
	if st == data.StatusContested {
		return hatch{}
	}
	return &image.Uniform{Colour(st)}
}

// hatch is an infinite image of diagonal orange stripes, as on the page.
type hatch struct{}

func (hatch) ColorModel() color.Model { return color.RGBAModel }
func (hatch) Bounds() image.Rectangle { return image.Rect(-1e9, -1e9, 1e9, 1e9) }
func (hatch) At(x, y int) color.Color {
	if ((x+y)%8+8)%8 < 4 {
		return palette[data.StatusContested]
	}
	return colHatchBg
}

func fillArea(img *image.RGBA, p gifProjection, mp orb.MultiPolygon, st data.Status) {
	r := vector.NewRasterizer(p.w, p.h)
	for _, poly := range mp {
		for _, ring := range poly {
			for i, pt := range ring {
				x, y := p.xy(pt)
				if i == 0 {
					r.MoveTo(x, y)
				} else {
					r.LineTo(x, y)
				}
			}
			r.ClosePath()
		}
	}
	r.Draw(img, img.Bounds(), statusSource(st), image.Point{})
}

// outline draws the borders one pixel wide.
func outline(img *image.RGBA, p gifProjection, mp orb.MultiPolygon) {
	for _, poly := range mp {
		for _, ring := range poly {
			for i := 0; i+1 < len(ring); i++ {
				x0, y0 := p.xy(ring[i])
				x1, y1 := p.xy(ring[i+1])
				n := int(math.Max(math.Abs(float64(x1-x0)), math.Abs(float64(y1-y0)))) + 1
				for s := 0; s <= n; s++ {
					t := float32(s) / float32(n)
					img.Set(int(x0+(x1-x0)*t), int(y0+(y1-y0)*t), colBorder)
				}
			}
		}
	}
}

// text draws s with its baseline at (x, y) and returns where it ends.
func text(img *image.RGBA, x, y int, s string, c color.Color) int {
	d := &font.Drawer{Dst: img, Src: &image.Uniform{c}, Face: basicfont.Face7x13, Dot: fixed.P(x, y)}
	d.DrawString(s)
	return d.Dot.X.Round()
}
