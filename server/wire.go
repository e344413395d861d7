package server

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/controlmap/controlmap/data"
)

// Detail selects the geometry served: the seamless simplified display
// geometry (the default for the map) or the full COD-AB resolution.
type Detail int

// The geometry details.
const (
	DetailDisplay Detail = iota
	DetailFull
)

// encoder turns the dataset into wire formats. Everything that does not
// depend on the requested day (geometry, sources, per-area properties) is
// encoded once in newEncoder; a per-day answer only joins pre-encoded pieces.
type encoder struct {
	ds      *data.Dataset
	geom    [2][][]byte // [detail][area] encoded geometry
	sources map[string]json.RawMessage
}

func newEncoder(ds *data.Dataset) (*encoder, error) {
	e := &encoder{ds: ds, sources: map[string]json.RawMessage{}}
	for _, a := range ds.Areas {
		for d, g := range []orb.MultiPolygon{a.Display, a.Geometry} {
			b, err := json.Marshal(geojson.NewGeometry(g))
			if err != nil {
				return nil, fmt.Errorf("server: encode %s geometry: %w", a.PCode, err)
			}
			e.geom[d] = append(e.geom[d], b)
		}
	}
	for _, s := range ds.Sources {
		b, err := json.Marshal(s)
		if err != nil {
			return nil, err
		}
		e.sources[s.ID] = b
	}
	return e, nil
}

// sourceList returns the full source records for ids, in order.
func (e *encoder) sourceList(ids []string) []json.RawMessage {
	out := make([]json.RawMessage, len(ids))
	for i, id := range ids {
		out[i] = e.sources[id]
	}
	return out
}

// featureCollection writes a FeatureCollection whose features are written by
// each; extra top-level members (RFC 7946 foreign members) come first.
func featureCollection(extra map[string]any, n int, each func(i int, buf *bytes.Buffer) error) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(`{"type":"FeatureCollection",`)
	for _, k := range sortedKeys(extra) {
		kb, _ := json.Marshal(k)
		vb, err := json.Marshal(extra[k])
		if err != nil {
			return nil, err
		}
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(vb)
		buf.WriteByte(',')
	}
	buf.WriteString(`"features":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := each(i, &buf); err != nil {
			return nil, err
		}
	}
	buf.WriteString("]}")
	return buf.Bytes(), nil
}

// feature writes one Feature with a string id, raw geometry and properties.
func feature(buf *bytes.Buffer, id string, geometry []byte, props any) error {
	pb, err := json.Marshal(props)
	if err != nil {
		return err
	}
	idb, _ := json.Marshal(id)
	buf.WriteString(`{"type":"Feature","id":`)
	buf.Write(idb)
	buf.WriteString(`,"geometry":`)
	buf.Write(geometry)
	buf.WriteString(`,"properties":`)
	buf.Write(pb)
	buf.WriteByte('}')
	return nil
}

// ControlGeoJSON returns the /api/control answer for day, for the export
// command: the same bytes the server sends.
func ControlGeoJSON(ds *data.Dataset, day data.Day, detail Detail) ([]byte, error) {
	e, err := newEncoder(ds)
	if err != nil {
		return nil, err
	}
	return e.control(day, detail)
}
