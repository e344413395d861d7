package server

import (
	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// paramKnown asks for the map as known at the end of a day (YYYY-MM-DD):
// data.Dataset.KnownAt.
const paramKnown = "known"

// knownViews bounds the datasets as known at the time held at once (each
// is a copy of the tables' rows, about 100 KB for the real dataset), and
// knownDocsBytes their answers.
const (
	knownViews     = 128 // the real dataset has some 80 knowledge epochs
	knownDocsBytes = 16 << 20
)

// knownKey is one answer of a dataset as known at the time: the knowledge
// epoch (data.Dataset.KnownEpoch) and what was asked.
type knownKey struct {
	epoch  data.Day
	doc    string // "control" or "timeline"
	day    data.Day
	detail data.Detail
}

// encoderAt returns the encoder of the dataset as known at the end of day
// k, built once per knowledge epoch: every day of an epoch shares it.
func (s *Server) encoderAt(k data.Day) (*wire.Encoder, error) {
	return s.knownEncoders.Get(s.ds.KnownEpoch(k), func() (*wire.Encoder, error) {
		return s.enc.For(s.ds.KnownAt(k))
	})
}

// encoderFor returns the encoder a request asks for: the dataset with
// hindsight, or with known=K the dataset as known at the end of K.
func (s *Server) encoderFor(r *request) (*wire.Encoder, error) {
	if !r.has(paramKnown) {
		return s.enc, nil
	}
	k, err := r.date(paramKnown, 0)
	if err != nil {
		return nil, err
	}
	return s.encoderAt(k)
}

// knownDoc returns a document of a dataset as known at the time, built
// once: answers for one epoch never change, so they are kept with ETags.
func (s *Server) knownDoc(enc *wire.Encoder, k knownKey, contentType string, build func() ([]byte, error)) (*rep.Rep, error) {
	k.epoch = enc.Dataset().Known
	return s.knownDocs.Get(k, func() (*rep.Rep, error) {
		b, err := build()
		if err != nil {
			return nil, err
		}
		return rep.New(contentType, rep.CachePastDay, b), nil
	})
}
