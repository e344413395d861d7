package export

import (
	"image"
	"math"
	"slices"
	"sort"

	"github.com/paulmach/orb"
	"golang.org/x/image/font"

	"github.com/controlmap/controlmap/data"
)

// Picture sizes: the width a caller may ask for, and the two presets a
// newsroom posts most (a social card and a portrait post).
const (
	PictureMinWidth, PictureMaxWidth, PictureDefaultWidth = 600, 2400, 1200
)

// Presets are the named picture sizes, width × height in pixels.
var Presets = map[string]image.Point{"social": {1200, 675}, "portrait": {1080, 1350}}

// PictureOptions says what a picture of the map shows and how big it is.
type PictureOptions struct {
	Width  int        // pixels; PictureDefaultWidth when 0
	Height int        // pixels; 0: as tall as the map needs
	View   data.Party // "" for the assessed map, or the party whose claims are drawn
	Name   string     // the map's name, for the title and the credit
	URL    string     // where the map lives, for the credit
	// Lang "fa" writes the picture in Dari with Dari (right to left,
	// shaped); Words are the page's words in the picture's language, for
	// the title and the legend (the server reads them from the page's
	// files): nil keeps the English defaults.
	Lang  string
	Dari  *DariFont
	Words map[string]string
	// Headline is the day's headline (changes, each party's claims and
	// denials, or how many districts the claims dispute), as the page
	// writes it: two lines under the title. The server words it.
	Headline string

	noPlaces  bool // names of districts only (the GIF, whose frames are small and many)
	national  bool // the provinces (NationalPNG): the legend keeps the statuses and the confidence
	headlines bool // room for a headline on each frame (the GIF)
}

func (o PictureOptions) withDefaults(region data.Region) PictureOptions {
	if o.Width == 0 {
		o.Width = PictureDefaultWidth
	}
	if o.Name == "" {
		o.Name = region.NameIn("en") // the credit line is drawn in Latin letters
	}
	return o
}

// pt is a point in pixels.
type pt struct{ x, y float32 }

// shape is a district in pixels: its rings and their bounding box.
type shape struct {
	rings [][]pt
	box   image.Rectangle
}

// label is a district name placed on the map: the baseline's left end.
type label struct {
	text string
	x, y int
	box  image.Rectangle
}

// layout is where everything of a picture goes, shared by the PNG, the SVG
// and every frame of the GIF, so that they agree to the pixel.
type layout struct {
	w, h    int
	fs      float64 // body text size, pixels; the rest scale with it
	labelFs float64 // the districts' names: smaller when the map is
	top     int     // height of the title band
	bottom  int     // top of the legend band
	line    float64 // stroke width of borders, pixels
	shapes  []shape // by dataset area index
	labels  []label
	places  []placeMark // the places drawn, with their names placed
	opts    PictureOptions
	legends []legendItem
	// nameFa is the region's name in Dari, a Dari picture's title;
	// boundaryCredit the boundary source's credit (data.Region).
	nameFa, boundaryCredit string
	paint                  *paint      // the region's colours
	region                 data.Region // its names
}

// drawn is one shape a picture draws and names: a district, or a province
// on the national picture.
type drawn struct {
	geom         orb.MultiPolygon // the display geometry
	name, nameFa string
	label        orb.Point
	km2          float64 // the larger's name wins a collision
}

// districtsDrawn are the dataset's districts as a picture draws them.
func districtsDrawn(ds *data.Dataset) []drawn {
	out := make([]drawn, len(ds.Areas))
	for i, a := range ds.Areas {
		out[i] = drawn{a.Display, a.Name, a.NameFa, a.Label, a.AreaKm2}
	}
	return out
}

// newLayout fits the districts between a title band and a legend band.
// Text scales with the width (a 1200-pixel picture has 30-pixel text, still
// about 10 CSS pixels on a phone), and so do the strokes.
func newLayout(ds *data.Dataset, o PictureOptions) *layout {
	return newLayoutOf(ds, o, districtsDrawn(ds))
}

// newLayoutOf fits shapes (the districts, or the provinces) between the
// bands; the places are drawn with the districts only.
func newLayoutOf(ds *data.Dataset, o PictureOptions, shapes []drawn) *layout {
	o = o.withDefaults(ds.Region)
	l := &layout{w: o.Width, fs: math.Max(13, float64(o.Width)/40), opts: o, line: math.Max(1, float64(o.Width)/700),
		nameFa: ds.Region.Name["fa"], boundaryCredit: ds.Region.Credit, paint: paintOf(ds.Region), region: ds.Region}
	l.top = int(3.4 * l.fs)
	if o.Headline != "" || o.headlines {
		l.top += int(2 * headlineSize * l.fs) // two lines of the day's headline
	}
	l.legends = legendItems(o.View, o.Words, o.Lang, l.paint, ds.Region)
	if o.national { // no dispute, staleness or badges on a province
		l.legends = slices.DeleteFunc(l.legends, func(it legendItem) bool { return it.look.disputed || it.look.stale || it.look.opacity == 0 })
	}
	legendH := l.legendHeight()
	b := shapes[0].geom.Bound()
	for _, d := range shapes[1:] {
		b = b.Union(d.geom.Bound())
	}
	k := math.Cos((b.Min[1] + b.Max[1]) / 2 * math.Pi / 180)
	margin := l.fs
	scale := (float64(l.w) - 2*margin) / ((b.Max[0] - b.Min[0]) * k)
	mapH := (b.Max[1] - b.Min[1]) * scale
	l.h = o.Height
	if l.h == 0 {
		l.h = l.top + int(mapH+2*margin) + legendH
	}
	if avail := float64(l.h-l.top-legendH) - 2*margin; mapH > avail { // a fixed height: fit it
		scale *= avail / mapH
		mapH = avail
	}
	l.bottom = l.h - legendH
	l.labelFs = math.Max(11, math.Min(0.8*l.fs, (b.Max[0]-b.Min[0])*k*scale/28))
	x0 := (float64(l.w) - (b.Max[0]-b.Min[0])*k*scale) / 2
	y0 := float64(l.top) + (float64(l.bottom-l.top)-mapH)/2
	project := func(p orb.Point) pt {
		return pt{float32(x0 + (p[0]-b.Min[0])*k*scale), float32(y0 + (b.Max[1]-p[1])*scale)}
	}
	for _, d := range shapes {
		l.shapes = append(l.shapes, newShape(d.geom, project))
	}
	if o.noPlaces {
		l.placeLabels(shapes, project)
		return l
	}
	centre := districtCentres(ds)
	l.placePlaces(ds, project, centre)
	l.placeLabels(shapes, project)
	l.placePlaces(ds, project, func(p data.Place) bool { return !centre(p) })
	return l
}

// fa reports whether the picture is written in Dari.
func (l *layout) fa() bool { return l.opts.Lang == "fa" && l.opts.Dari != nil }

// measure is the width of s in pixels: shaped Dari at size in a Dari
// picture, else face's.
func (l *layout) measure(face font.Face, s string, size float64, bold bool) int {
	if l.fa() {
		return l.opts.Dari.line(s, size, bold).width()
	}
	return font.MeasureString(face, s).Ceil()
}

func newShape(mp orb.MultiPolygon, project func(orb.Point) pt) shape {
	var s shape
	r := image.Rectangle{Min: image.Pt(math.MaxInt32, math.MaxInt32), Max: image.Pt(math.MinInt32, math.MinInt32)}
	for _, poly := range mp {
		for _, ring := range poly {
			px := make([]pt, len(ring))
			for i, p := range ring {
				px[i] = project(p)
				r.Min.X, r.Min.Y = min(r.Min.X, int(px[i].x)), min(r.Min.Y, int(px[i].y))
				r.Max.X, r.Max.Y = max(r.Max.X, int(px[i].x)+2), max(r.Max.Y, int(px[i].y)+2)
			}
			s.rings = append(s.rings, px)
		}
	}
	s.box = r
	return s
}

// placeLabels puts each shape's name at its label point, the largest
// first; a name that would overlap one already placed moves down or up by
// a line until it is clear ("Shutul" and "Rukha" no longer collide).
func (l *layout) placeLabels(shapes []drawn, project func(orb.Point) pt) {
	face := newFace(l.labelFs, true)
	defer face.Close()
	order := make([]int, len(shapes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return shapes[order[a]].km2 > shapes[order[b]].km2 })
	l.labels = make([]label, len(shapes))
	asc, desc := face.Metrics().Ascent.Ceil(), face.Metrics().Descent.Ceil()
	placed := l.placeBoxes() // the district centres, placed first
	for _, i := range order {
		name := shapes[i].name
		if l.fa() && shapes[i].nameFa != "" {
			name = shapes[i].nameFa
		}
		wd := l.measure(face, name, l.labelFs, true)
		c := project(shapes[i].label)
		x, y := int(c.x)-wd/2, int(c.y)+asc/2
		lb := label{text: name, x: x, y: y}
		clear := false
		for _, dy := range []int{0, 1, -1, 2, -2, 3, -3} {
			yy := y + dy*(asc+desc+2)
			lb.y, lb.box = yy, image.Rect(x-3, yy-asc-2, x+wd+3, yy+desc+2)
			if clear = !overlapsAny(lb.box, placed); clear {
				break
			}
		}
		// On the country's picture a smaller province whose name finds no
		// room goes unnamed, as on the page (labels.js): 34 names crowd the
		// north-east, where a name moved three lines lands in another
		// province. The districts, ten, always keep theirs.
		if !clear && l.opts.national {
			continue
		}
		placed = append(placed, lb.box)
		l.labels[i] = lb
	}
}

func overlapsAny(r image.Rectangle, rs []image.Rectangle) bool {
	for _, o := range rs {
		if r.Overlaps(o) {
			return true
		}
	}
	return false
}
