package server

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"
	"time"

	geomkml "github.com/twpayne/go-geom/encoding/kml"
	"github.com/twpayne/go-kml/v3"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/geo"
)

// statusColours are the page's colours (Okabe–Ito), for exports.
var statusColours = map[data.Status]color.RGBA{
	data.StatusRepublic:   {0x00, 0x72, 0xB2, 0xff},
	data.StatusTaliban:    {0xD5, 0x5E, 0x00, 0xff},
	data.StatusResistance: {0x00, 0x9E, 0x73, 0xff},
	data.StatusContested:  {0xE6, 0x9F, 0x00, 0xff},
}

// dayStart is the instant a day begins, for time-aware formats (UTC midnight,
// as in the OGC API's temporal extents).
func dayStart(d data.Day) time.Time { return d.Time() }

// HistoryKML writes the history as KML for Google Earth: a placemark per
// assessed interval with a TimeSpan (the end is the first day of the next
// interval, left open for the ongoing one) and a style per status, and a
// placemark per event with a TimeStamp, so that Google Earth's time slider
// animates the map.
func HistoryKML(ds *data.Dataset) ([]byte, error) {
	var styles []kml.Element
	for _, s := range data.Statuses {
		c := statusColours[s]
		fill := c
		fill.A = 0xa0
		styles = append(styles, kml.SharedStyle("status-"+string(s),
			kml.LineStyle(kml.Color(color.RGBA{0x33, 0x33, 0x33, 0xff}), kml.Width(1.5)),
			kml.PolyStyle(kml.Color(fill))))
	}
	styles = append(styles, kml.SharedStyle("event", kml.IconStyle(kml.Scale(0.8))))
	control := kml.Folder(kml.Name("Assessed control"))
	for _, a := range ds.Areas {
		g, err := geo.ToGeom(a.Display)
		if err != nil {
			return nil, err
		}
		for _, iv := range ds.Intervals[a.PCode] {
			span := kml.TimeSpan(kml.Begin(dayStart(iv.From)))
			if iv.To != 0 {
				span.Add(kml.End(dayStart(iv.To)))
			}
			geomEl, err := geomkml.Encode(g)
			if err != nil {
				return nil, err
			}
			control.Add(kml.Placemark(
				kml.Name(fmt.Sprintf("%s: %s", a.Name, iv.Status)),
				kml.Description(fmt.Sprintf("%s to %s (%s confidence). %s Sources: %s", iv.From, orOngoing(iv.To), iv.Confidence, iv.Note, sourceURLs(ds, iv.Sources))),
				span, kml.StyleURL("#status-"+string(iv.Status)),
				kml.ExtendedData(kml.Data("pcode", kml.Value(a.PCode)), kml.Data("status", kml.Value(string(iv.Status))),
					kml.Data("valid_from", kml.Value(iv.From.String())), kml.Data("valid_to", kml.Value(iv.To.String()))),
				geomEl))
		}
	}
	events := kml.Folder(kml.Name("Events"))
	for _, e := range ds.Events {
		g, err := geo.ToGeom(e.Point)
		if err != nil {
			return nil, err
		}
		geomEl, err := geomkml.Encode(g)
		if err != nil {
			return nil, err
		}
		events.Add(kml.Placemark(kml.Name(e.Location+": "+e.SubType),
			kml.Description(e.Notes+" Sources: "+sourceURLs(ds, e.Sources)),
			kml.TimeStamp(kml.When(dayStart(e.Date))), kml.StyleURL("#event"), geomEl))
	}
	doc := kml.Document(append(append([]kml.Element{kml.Name("controlmap: Panjshir and Andarab"),
		kml.Description(data.Attribution + ". Assessed control and events, with sources.")}, styles...), control, events)...)
	var buf bytes.Buffer
	if err := kml.KML(doc).WriteIndent(&buf, "", " "); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func orOngoing(d data.Day) string {
	if d == 0 {
		return "ongoing"
	}
	return d.String()
}

func sourceURLs(ds *data.Dataset, ids []string) string {
	var out []string
	for _, id := range ids {
		if s, ok := ds.Source(id); ok {
			out = append(out, s.URL)
		}
	}
	return strings.Join(out, " ")
}
