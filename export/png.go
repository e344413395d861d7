package export

import (
	"bytes"
	"fmt"
	"image/png"

	"github.com/controlmap/controlmap/data"
)

// MapPNG draws the map of one day as a PNG: the districts styled as the
// page styles them (hatched when contested, faded by confidence, dashed
// when disputed, dotted when stale), their names, the title and date, the
// legend and the credit; in Dari (o.Lang "fa" with o.Dari) right to left,
// shaped.
func MapPNG(ds *data.Dataset, day data.Day, o PictureOptions) ([]byte, error) {
	l := newLayout(ds, o)
	sub := subtitle(ds, day, l.opts.View)
	if l.fa() {
		sub = dariSubtitle(ds, day, l.opts.View, l.opts.Words)
	}
	img := newRenderer(l).frame(looksOn(ds, day, l.opts.View, l.paint), sub, l.opts.Headline)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("export: png: %w", err)
	}
	return buf.Bytes(), nil
}
