package wire

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/paulmach/orb/geojson"

	"github.com/controlmap/controlmap/data"
)

// Encoder writes the API documents of one dataset. Everything that does not
// depend on the requested day (geometry, sources) is encoded once in
// NewEncoder; a day's answer only joins pre-encoded pieces.
type Encoder struct {
	ds   *data.Dataset
	geom [2][][]byte // [detail][area] encoded geometry
	book *Book
}

// NewEncoder encodes ds's geometries and sources.
func NewEncoder(ds *data.Dataset) (*Encoder, error) {
	book, err := NewBook(ds)
	if err != nil {
		return nil, err
	}
	e := &Encoder{ds: ds, book: book}
	for i := range ds.Areas {
		a := &ds.Areas[i]
		for _, d := range []data.Detail{data.DetailDisplay, data.DetailFull} {
			b, err := json.Marshal(geojson.NewGeometry(a.Geom(d)))
			if err != nil {
				return nil, fmt.Errorf("wire: encode %s geometry: %w", a.PCode, err)
			}
			e.geom[d] = append(e.geom[d], b)
		}
	}
	return e, nil
}

// Dataset returns the dataset encoded.
func (e *Encoder) Dataset() *data.Dataset { return e.ds }

// Book returns the encoder's source book.
func (e *Encoder) Book() *Book { return e.book }

// For returns an encoder of ds, a dataset with e's areas (a dataset as
// known at the time, data.Dataset.KnownAt), sharing e's encoded geometries.
func (e *Encoder) For(ds *data.Dataset) (*Encoder, error) {
	book, err := NewBook(ds)
	if err != nil {
		return nil, err
	}
	return &Encoder{ds: ds, geom: e.geom, book: book}, nil
}

// meta is the foreign members every collection carries: the attribution and
// the dataset's dates (DatasetMeta).
func (e *Encoder) meta() map[string]any {
	m := DatasetMeta(e.ds)
	m["attribution"] = e.ds.Region.Credit
	return m
}

// DatasetMeta is what every document says of the dataset it was written
// from: its version (a content hash), the day of its last edit (updated),
// the latest evidence about control (evidence_up_to) and, for the map as
// known at the time, the days its knowledge holds for ([known,
// known_until)). A date not known is null.
func DatasetMeta(ds *data.Dataset) map[string]any {
	m := map[string]any{"dataset_version": ds.Version, "updated": dayOrNil(ds.Updated()), "evidence_up_to": dayOrNil(ds.EvidenceUpTo())}
	if ds.Known != 0 {
		m["known"], m["known_until"] = ds.Known, dayOrNil(ds.KnownUntil)
	}
	return m
}

func dayOrNil(d data.Day) *data.Day {
	if d == 0 {
		return nil
	}
	return &d
}

// featureCollection writes a FeatureCollection whose features are written
// by each; extra top-level members (RFC 7946 foreign members) come first.
func featureCollection(extra map[string]any, n int, each func(i int, buf *bytes.Buffer) error) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeFeatureCollection(context.Background(), &buf, extra, n, each); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// flushBytes is how much of a streamed collection is encoded before it is
// handed to the writer.
const flushBytes = 32 << 10

// writeFeatureCollection streams the collection to w: features are encoded
// into one buffer that is handed over every flushBytes, so memory stays at
// that buffer whatever n is. It stops with ctx's error between flushes.
func writeFeatureCollection(ctx context.Context, w io.Writer, extra map[string]any, n int, each func(i int, buf *bytes.Buffer) error) error {
	buf, direct := w.(*bytes.Buffer)
	if !direct {
		buf = bytes.NewBuffer(make([]byte, 0, 2*flushBytes))
	}
	buf.WriteString(`{"type":"FeatureCollection",`)
	for _, k := range slices.Sorted(maps.Keys(extra)) {
		vb, err := json.Marshal(extra[k])
		if err != nil {
			return fmt.Errorf("wire: member %s: %w", k, err)
		}
		buf.WriteString(`"` + k + `":`)
		buf.Write(vb)
		buf.WriteByte(',')
	}
	buf.WriteString(`"features":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := each(i, buf); err != nil {
			return err
		}
		if !direct && buf.Len() >= flushBytes {
			if err := flush(ctx, w, buf); err != nil {
				return err
			}
		}
	}
	buf.WriteString("]}")
	if direct {
		return nil
	}
	return flush(ctx, w, buf)
}

// flush hands buf's bytes to w and empties buf, unless ctx is done.
func flush(ctx context.Context, w io.Writer, buf *bytes.Buffer) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	buf.Reset()
	return err
}

// writeFeature writes one Feature with a string id, raw geometry and the
// API form of rec's properties.
func writeFeature[T any](buf *bytes.Buffer, s *Schema[T], id string, geometry []byte, rec T) error {
	return writeFeatureWith(buf, id, geometry, func() error { return s.AppendJSON(buf, rec) })
}

// writeFeatureWith writes one Feature whose properties props writes.
func writeFeatureWith(buf *bytes.Buffer, id string, geometry []byte, props func() error) error {
	idb, _ := json.Marshal(id)
	buf.WriteString(`{"type":"Feature","id":`)
	buf.Write(idb)
	buf.WriteString(`,"geometry":`)
	buf.Write(geometry)
	buf.WriteString(`,"properties":`)
	if err := props(); err != nil {
		return err
	}
	buf.WriteByte('}')
	return nil
}

// Areas writes /api/areas: every district with its names and label point.
func (e *Encoder) Areas(detail data.Detail) ([]byte, error) {
	return featureCollection(e.meta(), len(e.ds.Areas), func(i int, buf *bytes.Buffer) error {
		a := &e.ds.Areas[i]
		return writeFeature(buf, Areas, a.PCode, e.geom[detail][i], a)
	})
}

// DateSentinel stands where the requested day goes while a control template
// is encoded (ControlWithDate): no dataset value can contain a NUL.
const DateSentinel = "\x00DATE\x00"

// SentinelJSON is DateSentinel as encoding/json writes it.
var SentinelJSON = []byte(`"\u0000DATE\u0000"`)

// Control writes /api/control for day: every area's state.
func (e *Encoder) Control(day data.Day, detail data.Detail) ([]byte, error) {
	return e.ControlWithDate(day, detail, day.String())
}

// ControlWithDate writes the states on day with date as the "date" members
// (the day itself, or DateSentinel for a template).
func (e *Encoder) ControlWithDate(day data.Day, detail data.Detail, date string) ([]byte, error) {
	states := e.ds.StatesAt(day)
	m := e.meta()
	m["date"] = date
	return featureCollection(m, len(states), func(i int, buf *bytes.Buffer) error {
		return writeFeature(buf, Days, states[i].Area.PCode, e.geom[detail][i], DayRec{states[i], day, date, e.book})
	})
}

// History writes /api/history: every assessed interval, area by area.
func (e *Encoder) History(detail data.Detail) ([]byte, error) {
	var buf bytes.Buffer
	if err := e.WriteHistory(context.Background(), &buf, detail); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteHistory streams /api/history to w (see writeFeatureCollection): a
// long history is never held whole. It stops with ctx's error.
func (e *Encoder) WriteHistory(ctx context.Context, w io.Writer, detail data.Detail) error {
	type item struct {
		area int32
		iv   int32
	}
	items := make([]item, 0, e.ds.IntervalCount())
	for i, a := range e.ds.Areas {
		for j := range e.ds.Intervals[a.PCode] {
			items = append(items, item{int32(i), int32(j)})
		}
	}
	return writeFeatureCollection(ctx, w, e.meta(), len(items), func(i int, buf *bytes.Buffer) error {
		it := items[i]
		a := &e.ds.Areas[it.area]
		iv := &e.ds.Intervals[a.PCode][it.iv]
		return writeFeature(buf, Intervals, a.PCode+"_"+iv.From.String(), e.geom[detail][it.area], IntervalRec{a, iv, e.book})
	})
}

// HistorySize estimates the bytes of /api/history at detail (geometry
// repeated per interval plus about 400 bytes of properties), without
// writing it: the server holds a document this size or streams it.
func (e *Encoder) HistorySize(detail data.Detail) int {
	n := 0
	for i, a := range e.ds.Areas {
		n += len(e.ds.Intervals[a.PCode]) * (len(e.geom[detail][i]) + 400)
	}
	return n
}

// Events writes /api/events: the events dated within [from, to].
func (e *Encoder) Events(from, to data.Day) ([]byte, error) {
	evs := e.ds.EventsBetween(from, to)
	return featureCollection(e.meta(), len(evs), func(i int, buf *bytes.Buffer) error {
		rec := EventRec{&evs[i], e.book}
		pt := []byte("null")
		if g := rec.Geometry(); g != nil {
			var err error
			if pt, err = json.Marshal(geojson.NewGeometry(g)); err != nil {
				return err
			}
		}
		return writeFeature(buf, Events, evs[i].ID, pt, rec)
	})
}

// Sources writes /api/sources: every cited source.
func (e *Encoder) Sources() ([]byte, error) {
	m := e.meta()
	list := make([]json.RawMessage, len(e.ds.Sources))
	for i, s := range e.ds.Sources {
		list[i] = e.book.raw[s.ID]
	}
	m["sources"] = list
	return json.Marshal(m)
}
