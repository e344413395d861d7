package export

import (
	"image"
	"image/color"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/paulmach/orb"
	"golang.org/x/image/font"
	"golang.org/x/image/vector"
	"golang.org/x/text/unicode/norm"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// placeMark is a place drawn on a picture: a dot with its name beside it,
// or, for a valley, its name alone over the valley (as the page draws them).
type placeMark struct {
	dot      pt
	r        float32 // the dot's radius, pixels; 0 for a valley
	name     string  // English
	nameFa   string  // Dari, when the data has it
	geonames bool    // from GeoNames: the credit names it
	label    label
}

// placePlaces adds the dataset's places that pick accepts and that fall
// inside the map part of the picture (between the bands, inside the
// margins): the most important first (passes, valleys, villages, towns),
// each name tried right, left, above and below its dot and left out, dot
// and all, when every spot overlaps a district's name or a place already
// drawn. The page's minzoom is not applied: a picture is one fixed view,
// and the collisions alone thin the names out on a small one.
func (l *layout) placePlaces(ds *data.Dataset, project func(orb.Point) pt, pick func(data.Place) bool) {
	face := newFace(l.placeFs(), false)
	defer face.Close()
	asc, desc := face.Metrics().Ascent.Ceil(), face.Metrics().Descent.Ceil()
	order := make([]int, len(ds.Places))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return wire.PlacePriority(ds.Places[order[a]].Kind) > wire.PlacePriority(ds.Places[order[b]].Kind)
	})
	placed := l.placeBoxes()
	for _, lb := range l.labels {
		placed = append(placed, lb.box)
	}
	inside := image.Rect(int(l.fs/2), l.top, l.w-int(l.fs/2), l.bottom)
	r := float32(math.Max(3, l.placeFs()/4))
	for _, i := range order {
		p := ds.Places[i]
		c := project(orb.Point{p.Lon, p.Lat})
		if !pick(p) || !image.Pt(int(c.x), int(c.y)).In(inside) {
			continue
		}
		m := placeMark{dot: c, r: r, name: p.Name, nameFa: p.NameFa, geonames: p.Source == data.GeoNamesSource}
		if p.Kind == "valley" {
			m.r = 0
		}
		if overlapsAny(m.dotBox(), placed) {
			continue
		}
		wd := font.MeasureString(face, drawable(face, p.Name)).Ceil()
		lb, ok := fitLabel(m, wd, asc, desc, inside, placed)
		if !ok {
			continue
		}
		m.label = lb
		placed = append(placed, lb.box, m.dotBox())
		l.places = append(l.places, m)
	}
}

// dotBox is the pixels a place's dot covers (none for a valley).
func (m placeMark) dotBox() image.Rectangle {
	if m.r == 0 {
		return image.Rectangle{}
	}
	return image.Rect(int(m.dot.x-m.r)-2, int(m.dot.y-m.r)-2, int(m.dot.x+m.r)+3, int(m.dot.y+m.r)+3)
}

// placeBoxes are the boxes of the places drawn so far: names and dots.
func (l *layout) placeBoxes() []image.Rectangle {
	var out []image.Rectangle
	for _, m := range l.places {
		out = append(out, m.label.box, m.dotBox())
	}
	return out
}

// districtCentres reports which places are district centres: those whose
// name is a district's name or one of its aliases, read without accents,
// case, the Dari ezafe ("Deh-e Şalāḩ" is "Deh Salah") or punctuation.
// They are placed before the districts' names, which move aside for them.
func districtCentres(ds *data.Dataset) func(data.Place) bool {
	names := map[string]bool{}
	for _, a := range ds.Areas {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			names[fold(n)] = true
		}
	}
	return func(p data.Place) bool { return names[fold(p.Name)] }
}

// ezafe is the Dari linking vowel as transliterations write it.
var ezafe = regexp.MustCompile(`-[ei][ -]`)

// fold is a name reduced for comparison: lower case ASCII letters only.
func fold(s string) string {
	s = ezafe.ReplaceAllString(strings.ToLower(norm.NFD.String(s)), " ")
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, s)
}

// fitLabel finds a spot for a place's name, wd pixels wide, clear of
// placed and inside the map part: a valley's name centred on its point,
// another's right, left, above or below its dot.
func fitLabel(m placeMark, wd, asc, desc int, inside image.Rectangle, placed []image.Rectangle) (label, bool) {
	x, y, gap := int(m.dot.x), int(m.dot.y), int(m.r)+5
	spots := [][2]int{{x + gap, y + asc/2 - 1}, {x - gap - wd, y + asc/2 - 1}, {x - wd/2, y - gap - desc}, {x - wd/2, y + gap + asc}}
	if m.r == 0 {
		spots = [][2]int{{x - wd/2, y + asc/2}}
	}
	for _, s := range spots {
		lb := label{text: m.name, x: s[0], y: s[1], box: image.Rect(s[0]-2, s[1]-asc-1, s[0]+wd+2, s[1]+desc+1)}
		if lb.box.In(inside) && !overlapsAny(lb.box, placed) {
			return lb, true
		}
	}
	return label{}, false
}

// placeFs is the size of the places' names: smaller than the districts'.
func (l *layout) placeFs() float64 { return math.Max(10, 0.8*l.labelFs) }

// drawsGeoNames reports whether the picture draws a GeoNames place, whose
// licence (CC BY 4.0) asks for the credit.
func (l *layout) drawsGeoNames() bool {
	for _, m := range l.places {
		if m.geonames {
			return true
		}
	}
	return false
}

// drawable is s with every letter the Go font lacks (GeoNames writes
// "Pul-e Ḩişār") replaced by its base letter, so the PNG shows no boxes.
func drawable(face font.Face, s string) string {
	var out []rune
	for _, c := range s {
		if _, ok := face.GlyphAdvance(c); ok {
			out = append(out, c)
			continue
		}
		for _, d := range norm.NFD.String(string(c)) {
			if _, ok := face.GlyphAdvance(d); ok && (d < 0x300 || d > 0x36f) {
				out = append(out, d)
			}
		}
	}
	return string(out)
}

// drawPlaces draws the places' dots and haloed names on the overlay.
func (l *layout) drawPlaces(img *image.RGBA) image.Rectangle {
	face := newFace(l.placeFs(), false)
	defer face.Close()
	box := image.Rectangle{}
	for _, m := range l.places {
		if m.r > 0 {
			disc(img, m.dot, m.r+1.5, colBorder)
			disc(img, m.dot, m.r-0.5, color.RGBA{0xff, 0xff, 0xff, 0xff})
		}
		drawHaloText(img, face, m.label.x, m.label.y, max(1, int(l.placeFs()/8)), drawable(face, m.name))
		box = box.Union(m.label.box.Inset(-4)).Union(m.dotBox())
	}
	return box
}

// disc fills a circle of radius r pixels centred on c.
func disc(dst *image.RGBA, c pt, r float32, col color.Color) {
	b := image.Rect(int(c.x-r)-1, int(c.y-r)-1, int(c.x+r)+2, int(c.y+r)+2).Intersect(dst.Bounds())
	if b.Empty() {
		return
	}
	z := vector.NewRasterizer(b.Dx(), b.Dy())
	const n = 24
	for k := range n + 1 {
		a := 2 * math.Pi * float64(k) / n
		x, y := c.x-float32(b.Min.X)+r*float32(math.Cos(a)), c.y-float32(b.Min.Y)+r*float32(math.Sin(a))
		if k == 0 {
			z.MoveTo(x, y)
		} else {
			z.LineTo(x, y)
		}
	}
	z.ClosePath()
	z.Draw(dst, b, image.NewUniform(col), b.Min)
}
