package export

import (
	"bytes"
	"fmt"
	"time"

	"github.com/paulmach/orb"
	geomkml "github.com/twpayne/go-geom/encoding/kml"
	"github.com/twpayne/go-kml/v3"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/geo"
	"github.com/controlmap/controlmap/wire"
)

// HistoryKML writes the history as KML for Google Earth: a placemark per
// assessed interval with the full-resolution geometry (a GIS export keeps
// it) and a TimeSpan from midnight in Afghanistan (UTC+4:30) of its first
// day to midnight of the first day of the next interval (open for the
// ongoing one): days are Afghan days, so a UTC midnight would start each
// change 4.5 hours late and a style per status, and a
// placemark per event with a TimeStamp, so that Google Earth's time slider
// animates the map.
func HistoryKML(ds *data.Dataset) ([]byte, error) {
	book, err := wire.NewBook(ds)
	if err != nil {
		return nil, err
	}
	control, err := kmlControl(ds, book)
	if err != nil {
		return nil, err
	}
	events, err := kmlEvents(ds, book)
	if err != nil {
		return nil, err
	}
	doc := kml.Document(append(append([]kml.Element{kml.Name("controlmap: Panjshir and Andarab"),
		kml.Description(data.Attribution + ". Assessed control and events, with sources.")}, kmlStyles()...), control, events)...)
	var buf bytes.Buffer
	if err := kml.KML(doc).WriteIndent(&buf, "", " "); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// kmlStyles is a shared style per status, in the palette, and one for events.
func kmlStyles() []kml.Element {
	var styles []kml.Element
	for _, s := range data.Statuses() {
		fill := Colour(s)
		fill.A = 0xa0
		styles = append(styles, kml.SharedStyle("status-"+string(s),
			kml.LineStyle(kml.Color(colBorder), kml.Width(1.5)),
			kml.PolyStyle(kml.Color(fill))))
	}
	return append(styles, kml.SharedStyle("event", kml.IconStyle(kml.Scale(0.8))))
}

// kmlControl is the folder of assessed intervals.
func kmlControl(ds *data.Dataset, book *wire.Book) (*kml.FolderElement, error) {
	control := kml.Folder(kml.Name("Assessed control"))
	for i := range ds.Areas {
		a := &ds.Areas[i]
		for j := range ds.Intervals[a.PCode] {
			iv := &ds.Intervals[a.PCode][j]
			span := kml.TimeSpan(kml.Begin(afghanMidnight(iv.From)))
			if iv.To != 0 {
				span.Add(kml.End(afghanMidnight(iv.To)))
			}
			geomEl, err := kmlGeometry(a.Geometry)
			if err != nil {
				return nil, err
			}
			control.Add(kml.Placemark(
				kml.Name(fmt.Sprintf("%s: %s", a.Name, iv.Status)),
				kml.Description(fmt.Sprintf("%s to %s (%s confidence). %s Sources: %s", iv.From, orOngoing(iv.To), iv.Confidence, iv.Note, book.URLs(iv.Sources))),
				span, kml.StyleURL("#status-"+string(iv.Status)),
				extendedData(wire.Intervals, wire.IntervalRec{Area: a, Interval: iv, Book: book}),
				geomEl))
		}
	}
	return control, nil
}

// kmlEvents is the folder of events, each with a TimeStamp.
func kmlEvents(ds *data.Dataset, book *wire.Book) (*kml.FolderElement, error) {
	events := kml.Folder(kml.Name("Events"))
	for i := range ds.Events {
		rec := wire.EventRec{Event: &ds.Events[i], Book: book}
		e := rec.Event
		els := []kml.Element{kml.Name(e.Location + ": " + e.SubType),
			kml.Description(e.Notes + " Sources: " + book.URLs(e.Sources)),
			kml.TimeStamp(kml.When(afghanMidnight(e.Date))), kml.StyleURL("#event"), extendedData(wire.Events, rec)}
		if g := rec.Geometry(); g != nil { // an event with no place has no geometry
			geomEl, err := kmlGeometry(g)
			if err != nil {
				return nil, err
			}
			els = append(els, geomEl)
		}
		events.Add(kml.Placemark(els...))
	}
	return events, nil
}

// kmlGeometry encodes an orb geometry through go-geom, which writes KML.
func kmlGeometry(g orb.Geometry) (kml.Element, error) {
	gg, err := geo.ToGeom(g)
	if err != nil {
		return nil, err
	}
	return geomkml.Encode(gg)
}

// afghanTime is Afghanistan's time zone (UTC+4:30, no daylight saving).
var afghanTime = time.FixedZone("AFT", 4*3600+1800)

// afghanMidnight is the start of day d in Afghanistan.
func afghanMidnight(d data.Day) time.Time {
	t := d.Time()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, afghanTime)
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
