package export

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/paulmach/orb"
	geomkml "github.com/twpayne/go-geom/encoding/kml"
	"github.com/twpayne/go-kml/v3"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/geo"
	"github.com/controlmap/controlmap/wire"
)

// HistoryKML writes the history as KML for Google Earth: a placemark per
// assessed interval with its full-resolution geometry (a GIS export keeps
// it) and a TimeSpan from midnight in the region of its first day (the end
// is the first day of the next interval, left open for the ongoing one) and
// a style per status, and a
// placemark per event with a TimeStamp, so that Google Earth's time slider
// animates the map.
func HistoryKML(ds *data.Dataset) ([]byte, error) {
	var buf bytes.Buffer
	err := WriteHistoryKML(context.Background(), &buf, ds)
	return buf.Bytes(), err
}

// WriteHistoryKML streams HistoryKML to w: the placemarks are made as they
// are written (lazyFolder), so a long history is never held as a tree. It
// stops with ctx's error.
func WriteHistoryKML(ctx context.Context, w io.Writer, ds *data.Dataset) error {
	book, err := wire.NewBook(ds)
	if err != nil {
		return err
	}
	folders := []kml.Element{lazyFolder{ctx, "Assessed control", kmlControl(ds, book)}, lazyFolder{ctx, "Events", kmlEvents(ds, book)}}
	if len(ds.Provinces) > 0 {
		folders = append(folders, lazyFolder{ctx, "Provinces: who held the capital", kmlProvinces(ds, book)})
	}
	doc := kml.Document(append(append([]kml.Element{kml.Name(ds.Region.Title),
		kml.Description(ds.Region.Credit + ". " + ds.Region.Description + " " + DatasetLine(ds))}, kmlStyles(ds.Region)...),
		folders...)...)
	return kml.KML(doc).WriteIndent(w, "", " ")
}

// lazyFolder is a KML Folder whose placemarks are made one by one while it
// is written.
type lazyFolder struct {
	ctx        context.Context
	name       string
	placemarks iter.Seq2[kml.Element, error]
}

func (f lazyFolder) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	start := xml.StartElement{Name: xml.Name{Local: "Folder"}}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if err := kml.Name(f.name).MarshalXML(e, xml.StartElement{}); err != nil {
		return err
	}
	n := 0
	for pm, err := range f.placemarks {
		if err == nil && n%checkEvery == 0 {
			err = f.ctx.Err()
		}
		n++
		if err != nil {
			return err
		}
		if err := pm.MarshalXML(e, xml.StartElement{}); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

// kmlStyles is a shared style per status, in the palette, and one for events.
func kmlStyles(r data.Region) []kml.Element {
	p := paintOf(r)
	var styles []kml.Element
	for _, s := range r.Statuses() {
		fill := p.colour(s)
		fill.A = 0xa0
		styles = append(styles, kml.SharedStyle("status-"+string(s),
			kml.LineStyle(kml.Color(colBorder), kml.Width(1.5)),
			kml.PolyStyle(kml.Color(fill))))
	}
	styles = append(styles, kml.SharedStyle("event", kml.IconStyle(kml.Scale(0.8))))
	for _, side := range r.Sides() {
		styles = append(styles, kml.SharedStyle("event-"+string(side),
			kml.IconStyle(kml.Color(p.colour(data.Status(side))), kml.Scale(0.8))))
	}
	return styles
}

// eventStyle is an event's shared style: the colour of the side that acted.
func eventStyle(e *data.Event) string {
	if side := e.Side; side != "" {
		return "#event-" + string(side)
	}
	return "#event"
}

// kmlControl yields a placemark per assessed interval.
func kmlControl(ds *data.Dataset, book *wire.Book) iter.Seq2[kml.Element, error] {
	midnight := midnights(ds.Region.Zone)
	return func(yield func(kml.Element, error) bool) {
		var area *data.Area
		var geomEl kml.Element
		for a, iv := range ds.AllIntervals() {
			span := kml.TimeSpan(kml.Begin(midnight(iv.From)))
			if iv.To != 0 {
				span.Add(kml.End(midnight(iv.To)))
			}
			if a != area { // an area's intervals come together: its geometry is encoded once
				var err error
				if geomEl, err = kmlGeometry(a.Geometry); err != nil {
					yield(nil, err)
					return
				}
				area = a
			}
			if !yield(kml.Placemark(
				kml.Name(fmt.Sprintf("%s: %s", a.Name, iv.Status)),
				kml.Description(fmt.Sprintf("%s to %s (%s confidence). %s Sources: %s", iv.From, orOngoing(iv.To), iv.Confidence, iv.Note, book.URLs(iv.Sources))),
				span, kml.StyleURL("#status-"+string(iv.Status)),
				extendedData(wire.Intervals, wire.IntervalRec{Area: a, Interval: iv, Book: book}),
				geomEl), nil) {
				return
			}
		}
	}
}

// kmlProvinces yields a placemark per province and run of its status (who
// held its capital), each with its TimeSpan: Google Earth's time slider
// plays the country falling in August 2021.
func kmlProvinces(ds *data.Dataset, book *wire.Book) iter.Seq2[kml.Element, error] {
	midnight := midnights(ds.Region.Zone)
	return func(yield func(kml.Element, error) bool) {
		for _, rec := range wire.ProvinceRecs(ds, book) {
			p := rec.Province
			geomEl, err := kmlGeometry(p.Geometry)
			if err != nil {
				yield(nil, fmt.Errorf("export: kml: province %s: %w", p.PCode, err))
				return
			}
			for _, r := range rec.Ranges {
				span := kml.TimeSpan(kml.Begin(midnight(r.From)))
				if r.To != 0 {
					span.Add(kml.End(midnight(r.To)))
				}
				fell := "no source written at the time gives the day its capital fell"
				if p.Fell != 0 {
					fell = fmt.Sprintf("its capital fell on %s (%s confidence)", p.Fell, p.Confidence)
				} else if a, ok := ds.Area(p.Follows); ok {
					fell = "it takes the assessed status of the district of " + a.Name
				}
				if !yield(kml.Placemark(
					kml.Name(fmt.Sprintf("%s: %s", p.Name, r.Status)),
					kml.Description(fmt.Sprintf("%s, capital %s: %s. %s Sources: %s", p.Name, p.Capital, fell, p.Note, book.URLs(p.Sources))),
					span, kml.StyleURL("#status-"+string(r.Status)), extendedData(wire.Provinces, rec), geomEl), nil) {
					return
				}
			}
		}
	}
}

// kmlEvents yields a placemark per event, each with a TimeStamp.
func kmlEvents(ds *data.Dataset, book *wire.Book) iter.Seq2[kml.Element, error] {
	midnight := midnights(ds.Region.Zone)
	return func(yield func(kml.Element, error) bool) {
		for i := range ds.Events {
			rec := wire.EventRec{Event: &ds.Events[i], Book: book}
			e := rec.Event
			els := []kml.Element{kml.Name(e.Location + ": " + e.SubType),
				kml.Description(e.Notes + " Sources: " + book.URLs(e.Sources)),
				kml.TimeStamp(kml.When(midnight(e.Date))), kml.StyleURL(eventStyle(e)), extendedData(wire.Events, rec)}
			// Every event has a point (geo_precision says how near): Google
			// Earth shows it on its time slider.
			geomEl, err := kmlGeometry(rec.Geometry())
			if err != nil {
				yield(nil, err)
				return
			}
			els = append(els, geomEl)
			if !yield(kml.Placemark(els...), nil) {
				return
			}
		}
	}
}

// kmlGeometry encodes an orb geometry through go-geom, which writes KML.
func kmlGeometry(g orb.Geometry) (kml.Element, error) {
	gg, err := geo.ToGeom(g)
	if err != nil {
		return nil, err
	}
	return geomkml.Encode(gg)
}

// midnights returns the start of a day in the region's zone z, written in
// that zone (2021-09-06T00:00:00+04:30 in Afghanistan): a TimeSpan from UTC
// midnight would start each change hours early or late.
func midnights(z data.Zone) func(data.Day) time.Time {
	loc := z.Location()
	return func(d data.Day) time.Time { return z.Midnight(d).In(loc) }
}

func orOngoing(d data.Day) string {
	if d == 0 {
		return "ongoing"
	}
	return d.String()
}

// extendedData is a placemark's ExtendedData: the flat form of rec.
func extendedData[T any](s *wire.Schema[T], rec T) kml.Element {
	var els []kml.Element
	names := s.FlatNames()
	for i, v := range s.FlatValues(rec) {
		els = append(els, kml.Data(names[i], kml.Value(cell(v))))
	}
	return kml.ExtendedData(els...)
}
