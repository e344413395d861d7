package export

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/wire"
)

// ErrNoProvinces: the dataset maps no provinces, so there is no national
// picture to draw.
var ErrNoProvinces = errors.New("export: the dataset has no provinces")

// provincesDrawn are the dataset's provinces as the national picture draws
// them.
func provincesDrawn(ds *data.Dataset) []drawn {
	out := make([]drawn, len(ds.Provinces))
	for i, p := range ds.Provinces {
		out[i] = drawn{p.Geometry, p.Name, p.NameFa, p.Label, p.AreaKm2}
	}
	return out
}

// provinceLooks are the provinces' looks on day: who held the capital and
// how sure the map is (data.Dataset.ProvinceOn, the run the page draws
// too), faded as the page fades it (wire.OpacityOf, which /api/provinces
// carries on each run).
func provinceLooks(ds *data.Dataset, day data.Day) []look {
	out := make([]look, len(ds.Provinces))
	for i := range ds.Provinces {
		r := ds.ProvinceOn(&ds.Provinces[i], day)
		out[i] = look{status: r.Status, opacity: wire.OpacityOf(r.Confidence)}
	}
	return out
}

// NationalPNG draws the country on day: every province coloured by who held
// its capital, named, with the title, the day, the day's headline (o's), the
// legend and the credit; in Dari right to left, shaped. A newsroom's picture
// of August 2021: the country falling around the valley.
func NationalPNG(ds *data.Dataset, day data.Day, o PictureOptions) ([]byte, error) {
	if len(ds.Provinces) == 0 {
		return nil, ErrNoProvinces
	}
	o.View, o.noPlaces, o.national = "", true, true
	l := newLayoutOf(ds, o, provincesDrawn(ds))
	sub := day.Time().Format("2 January 2006") + " · who held each provincial capital"
	if w, ok := o.Words["provinceLegend"]; ok && !l.fa() {
		sub = day.Time().Format("2 January 2006") + " · " + w
	}
	if l.fa() {
		sub = o.Words["provinceLegend"] + "، " + LongDate(day, o.Words, true, ds.Region.Calendar("fa") == data.CalendarSolarHijri)
	}
	img := newRenderer(l).frame(provinceLooks(ds, day), sub, o.Headline)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("export: national png: %w", err)
	}
	return buf.Bytes(), nil
}
