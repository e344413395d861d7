package export

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"golang.org/x/image/font"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// look is how one district is drawn on one day, as the page draws it: the
// status's colour (contested hatched), faded by the analyst's confidence,
// a heavy dashed outline when the claims dispute it, and a dotted texture
// when no independent source has supported the status for over a year.
type look struct {
	status   data.Status
	opacity  float64 // of the fill over the land, by confidence (wire.ConfidenceOpacity)
	disputed bool
	stale    bool
	badge    []badgePart // what is known outside the centre (badges.go); none in a claims view
}

// lookOf is a district's look in a view (data.State.InView, the rule the
// page draws too): the assessed status with its confidence and evidence
// marks, or the status of the party's latest claim, dotted when the claim
// is past the claim window; the dispute outline in every view.
func lookOf(st data.State, view data.Party, p *paint) look {
	v := st.InView(view)
	lk := look{status: v.Status, opacity: 1, disputed: v.Disputed, stale: v.Stale}
	if view != "" {
		return lk
	}
	lk.badge = badgeOf(st.Countryside, p)
	if st.Interval != nil {
		if o, ok := wire.ConfidenceOpacity[st.Interval.Confidence]; ok {
			lk.opacity = o
		}
	}
	return lk
}

// fill is the flat colour of a look's fill (the hatch's ground for
// contested), blended over the land by its opacity.
func (lk look) fill(p *paint) color.RGBA {
	c := p.colour(lk.status)
	if lk.status == data.StatusContested {
		c = colHatchBg
	}
	return blend(c, colLand, lk.opacity)
}

func blend(c, under color.RGBA, a float64) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*a + float64(y)*(1-a) + 0.5) }
	return color.RGBA{mix(c.R, under.R), mix(c.G, under.G), mix(c.B, under.B), 0xff}
}

// legendItem is one key of the legend: a swatch drawn with a look, and
// its words.
type legendItem struct {
	look look
	text string
}

// legendItems lists the statuses, then the marks the view draws (disputed;
// stale evidence, low confidence and the countryside in the assessed view,
// an old claim in a party's). words, when given, are the page's words for
// them (its i18n keys), in the picture's language.
func legendItems(view data.Party, words map[string]string, lang string, p *paint, region data.Region) []legendItem {
	num := func(n int) string {
		if lang == "fa" {
			return DariDigits(fmt.Sprint(n))
		}
		return fmt.Sprint(n)
	}
	say := func(key, fallback string, vars ...string) string {
		if w, ok := words[key]; ok {
			return wire.Fill(w, vars...)
		}
		return fallback
	}
	var items []legendItem
	for _, st := range append(slices.Clone(p.statuses), data.StatusUnknown) {
		name := say(string(st), p.label(st)) // contested, unknown: the page's words
		if pd, ok := region.Party(data.Party(st)); ok {
			name = pd.NameIn(lang)
		}
		items = append(items, legendItem{look{status: st, opacity: 1}, name})
	}
	items = append(items, legendItem{look{status: data.StatusUnknown, opacity: 1, disputed: true}, say("disputedLegend", "Disputed by claims")})
	if view != "" {
		items = append(items, legendItem{look{status: data.StatusUnknown, opacity: 1, stale: true},
			say("staleClaimLegend", fmt.Sprintf("Claim over %d days old", data.ClaimWindow), "n", num(data.ClaimWindow))})
	} else {
		items = append(items,
			legendItem{look{status: data.StatusUnknown, opacity: 1, stale: true}, say("staleLegend", "No independent source in the last 12 months")},
			legendItem{look{status: p.ruling, opacity: wire.ConfidenceOpacity[data.ConfidenceLow]}, say("confLow", "Low confidence (paler)")},
			legendItem{look{status: data.StatusUnknown, opacity: 0}, countrysideKey(lang, say, num, region)})
	}
	return items
}

// countrysideKey is the legend's line for the badges: in English the key
// to their marks, in Dari the page's heading for them.
func countrysideKey(lang string, say func(key, fallback string, vars ...string) string, num func(int) string, region data.Region) string {
	side := func(role data.Role) string { p, _ := region.Party(region.As(role)); return p.ShortIn("en") }
	en := fmt.Sprintf("%d days: ▲ %s, ■ %s acts ○□ presence ? no independent news", data.ActivityWindow, side(data.RoleInsurgent), side(data.RoleRuling))
	if lang != "fa" {
		return en
	}
	return say("csLegendHead", en, "n", num(data.ActivityWindow))
}

// legendPlace is where a legend item goes: the swatch's top left corner
// and the text's baseline start.
type legendPlace struct{ sx, sy, tx, ty int }

// legendPlaces flows the legend items into rows across the width.
func (l *layout) legendPlaces(face font.Face) []legendPlace {
	sw, pad := int(l.fs), int(l.fs/2)
	x, row := pad, 0
	var out []legendPlace
	for _, it := range l.legends {
		wd := sw + pad/2 + l.measure(face, it.text, l.fs*0.8, false)
		if x+wd > l.w-pad && x > pad {
			x, row = pad, row+1
		}
		sy := l.bottom + pad + row*int(1.5*l.fs)
		out = append(out, legendPlace{sx: x, sy: sy, tx: x + sw + pad/2, ty: sy + int(0.8*l.fs)})
		x += wd + 2*pad
	}
	return out
}

// legendHeight is the height of the legend band: the legend's rows and the
// credit line.
func (l *layout) legendHeight() int {
	face := newFace(l.fs*0.8, false)
	defer face.Close()
	l.bottom = 0
	ps := l.legendPlaces(face)
	rows := ps[len(ps)-1].sy/int(1.5*l.fs) + 1
	return int(l.fs/2) + rows*int(1.5*l.fs) + int(1.6*l.fs)
}

// title is the picture's heading: the region's name in the picture's
// language (data.Region.Name; the country's picture has its own,
// countryTitle); subtitle its date and view.
func (l *layout) title() string {
	if l.opts.national {
		if w, ok := l.opts.Words["countryTitle"]; ok {
			return wire.Fill(w, "country", l.region.CountryIn(l.opts.Lang))
		}
		return l.region.CountryIn("en") + ": who held each provincial capital"
	}
	if l.opts.Lang == "fa" && l.nameFa != "" {
		return l.nameFa
	}
	return l.opts.Name
}

// dariSubtitle is the subtitle in Dari: the view and the long date as the
// page and the previews write it (LongDate). Not the ISO date: in a right
// to left line the bidirectional algorithm turns ۲۰۲۱-۰۹-۰۶ into
// ۰۶-۰۹-۲۰۲۱, and no "·" between them: in Naskh it is a dot like ۰.
func dariSubtitle(ds *data.Dataset, day data.Day, view data.Party, words map[string]string) string {
	what := "کنترل ارزیابی‌شده"
	if p, ok := ds.Region.Party(view); ok {
		what = wire.Fill(words["claimsView"], "party", p.ShortIn("fa"))
	}
	if ds.Known != 0 {
		what += "، آن‌گونه که در همان زمان دانسته می‌شد"
	}
	// The words first: a line that opens with a letter, not a number, is
	// right to left by the bidirectional algorithm's first-strong rule.
	return what + "، " + LongDate(day, words, true, ds.Region.Calendar("fa") == data.CalendarSolarHijri)
}

// A map as known at the time (data.Dataset.KnownAt) says so, with the day
// its knowledge stops: a reader must not take it for the map with hindsight.
func subtitle(ds *data.Dataset, day data.Day, view data.Party) string {
	what := "assessed control"
	if p, ok := ds.Region.Party(view); ok {
		what = "as claimed by the " + p.SpeakerIn("en")
	}
	if ds.Known != 0 {
		what += ", as known at the time"
	}
	return fmt.Sprintf("%s · %s", day.Time().Format("2 January 2006"), what)
}

// credit names the map, its address and the data's sources.
func (l *layout) credit() string {
	parts := []string{l.opts.Name}
	if l.opts.URL != "" {
		parts = append(parts, l.opts.URL)
	}
	parts = append(parts, l.boundaryCredit)
	if l.drawsGeoNames() {
		parts = append(parts, "Places: GeoNames (CC BY 4.0)")
	}
	return strings.Join(parts, " · ")
}

// DatasetLine names the dataset an export comes from, for the files that
// have no other place for it (GeoPackage descriptions, KML): its version,
// last edit and the latest evidence about control, as the JSON documents'
// dataset_version, updated and evidence_up_to.
func DatasetLine(ds *data.Dataset) string {
	day := func(d data.Day) string {
		if d == 0 {
			return "unknown"
		}
		return d.String()
	}
	line := fmt.Sprintf("Dataset version %s, updated %s, evidence up to %s.", ds.Version, day(ds.Updated()), day(ds.EvidenceUpTo()))
	if ds.Known != 0 {
		line += fmt.Sprintf(" As known at the end of %s.", ds.Known)
	}
	return line
}
