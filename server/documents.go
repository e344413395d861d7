package server

import (
	"fmt"
	"io/fs"
	"mime"
	"path"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/wire"
)

// documents are the server's answers, each encoded once (eagerly when small
// and certain to be asked for, lazily otherwise) and served with ETags and
// compressed forms; the per-day and per-request answers sit in byte-bounded
// caches.
type documents struct {
	enc     *wire.Encoder
	areas   [2]*rep.Rep // by data.Detail
	history [2]answer   // by data.Detail: held or streamed (documents_large.go)
	sources *rep.Rep
	places  *rep.Rep
	periods *rep.Rep
	// provinces: the country around the districts (/api/provinces)
	provinces *rep.Rep
	about     map[string]*rep.Rep // the methodology as a page, by language ("en", "fa")
	// corrections is the corrections page by language; revisions
	// /api/revisions without since; feed /feed.atom (set by New, which
	// knows the public address).
	corrections map[string]*rep.Rep
	revisions   *rep.Rep
	feed        *rep.Rep
	context     *rep.Rep
	stats       *rep.Rep
	static      map[string]*rep.Rep // by file name in web
	exports     map[string]answer   // by file name under /api/export/
	tempDir     string              // files written on disk, removed by close

	events    *rep.LRU[[2]data.Day, *rep.Rep]      // by [from, to]
	timelines *rep.LRU[data.Day, *rep.Rep]         // by today: the document ends today
	templates *rep.LRU[templateKey, *rep.Template] // /api/control by snapshot
	answers   *rep.LRU[answerKey, *rep.Fixed]      // /api/control by day, assembled
}

// Cache bounds, in bytes.
const (
	templateCacheBytes = 32 << 20 // identity bytes of the control templates
	answerCacheBytes   = 24 << 20 // assembled control answers of the hot days
	eventsCacheBytes   = 4 << 20
	timelineCacheBytes = 1 // one day's timeline: yesterday's goes when today's comes
)

type templateKey struct {
	snapshot int
	detail   data.Detail
}

// answerKey is one /api/control answer: the day, the geometry, the coding,
// and whether the day is past (so the answer may be kept for a day).
type answerKey struct {
	day    data.Day
	detail data.Detail
	gzip   bool
	past   bool
}

func newDocuments(enc *wire.Encoder, web fs.FS, maxHeld int, version string) (*documents, error) {
	ds := enc.Dataset()
	d := &documents{enc: enc,
		sources:     rep.NewDeferred(wire.TypeJSON, rep.CacheRevalidate, enc.Sources),
		places:      rep.NewDeferred(wire.TypeGeoJSON, rep.CacheRevalidate, enc.Places),
		periods:     rep.NewDeferred(wire.TypeJSON, rep.CacheRevalidate, enc.Periods),
		provinces:   rep.NewDeferred(wire.TypeGeoJSON, rep.CacheRevalidate, enc.Provinces),
		about:       map[string]*rep.Rep{},
		corrections: map[string]*rep.Rep{},
		revisions:   rep.NewDeferred(wire.TypeJSON, rep.CacheRevalidate, func() ([]byte, error) { return enc.Revisions(0) }),
		context:     rep.New(wire.TypeGeoJSON, rep.CacheRevalidate, ds.Context),
		stats:       rep.NewDeferred(wire.TypeJSON, rep.CacheRevalidate, enc.Stats),
		timelines:   rep.NewLRU[data.Day, *rep.Rep](timelineCacheBytes, func(*rep.Rep) int { return 1 }),
		events:      rep.NewLRU[[2]data.Day](eventsCacheBytes, repSize),
		templates:   rep.NewLRU[templateKey](templateCacheBytes, (*rep.Template).Size),
		answers:     rep.NewLRU[answerKey](answerCacheBytes, (*rep.Fixed).Len),
	}
	if err := d.historyDocuments(enc, maxHeld, version); err != nil {
		return nil, fmt.Errorf("server: history documents: %w", err)
	}
	for _, detail := range []data.Detail{data.DetailDisplay, data.DetailFull} {
		b, err := enc.Areas(detail)
		if err != nil {
			return nil, fmt.Errorf("server: encode areas: %w", err)
		}
		d.areas[detail] = rep.New(wire.TypeGeoJSON, rep.CacheRevalidate, b)
	}
	var err error
	for lang := range aboutTexts {
		d.about[lang] = rep.NewDeferred(wire.TypeHTML, rep.CacheRevalidate, func() ([]byte, error) { return renderAbout(ds.Region, lang) })
		d.corrections[lang] = rep.NewDeferred(wire.TypeHTML, rep.CacheRevalidate, func() ([]byte, error) { return renderCorrections(ds, lang) })
	}
	if d.static, err = staticReps(web); err != nil {
		return nil, fmt.Errorf("server: page files: %w", err)
	}
	if err := preloadChunks(d.static, web); err != nil {
		return nil, fmt.Errorf("server: page files: %w", err)
	}
	return d, nil
}

func repSize(r *rep.Rep) int {
	b, _ := r.Body()
	return len(b)
}

// timeline returns the /api/timeline document that ends on today.
func (d *documents) timeline(today data.Day) (*rep.Rep, error) {
	return d.timelines.Get(today, func() (*rep.Rep, error) {
		b, err := d.enc.Timeline(today)
		if err != nil {
			return nil, err
		}
		return rep.New(wire.TypeJSON, rep.CacheRevalidate, b), nil
	})
}

// eventsBetween returns /api/events for [from, to].
func (d *documents) eventsBetween(from, to data.Day) (*rep.Rep, error) {
	return d.events.Get([2]data.Day{from, to}, func() (*rep.Rep, error) {
		b, err := d.enc.Events(from, to)
		if err != nil {
			return nil, err
		}
		return rep.New(wire.TypeGeoJSON, rep.CacheRevalidate, b), nil
	})
}

// control returns the assembled /api/control answer for k: from the
// snapshot's template, so a miss costs a copy (and for gzip a CRC), never an
// encoding, and a hit is a map lookup.
func (d *documents) control(k answerKey) (*rep.Fixed, error) {
	return d.answers.Get(k, func() (*rep.Fixed, error) {
		t, err := d.templates.Get(templateKey{d.enc.Dataset().SnapshotIndex(k.day), k.detail}, func() (*rep.Template, error) {
			b, err := d.enc.ControlWithDate(k.day, k.detail, wire.DateSentinel)
			if err != nil {
				return nil, err
			}
			return rep.NewTemplate(b, wire.SentinelJSON, len(`"2021-09-06"`)), nil
		})
		if err != nil {
			return nil, err
		}
		m := rep.Meta{ContentType: wire.TypeGeoJSON, CacheControl: rep.CacheRevalidate, Vary: true,
			ETag: rep.ETag(d.enc.Dataset().Version, k.day.String(), k.detail.String())}
		if k.past {
			m.CacheControl = rep.CachePastDay
		}
		quoted := `"` + k.day.String() + `"`
		if !k.gzip {
			return rep.NewFixed(m, t.AppendIdentity(make([]byte, 0, t.Size()), quoted)), nil
		}
		return rep.NewFixed(m.Coded(rep.Gzip), t.AppendGzip(make([]byte, 0, t.GzipSize()), quoted)), nil
	})
}

// staticReps reads every regular file of the page once.
func staticReps(web fs.FS) (map[string]*rep.Rep, error) {
	out := map[string]*rep.Rep{}
	err := fs.WalkDir(web, ".", func(name string, de fs.DirEntry, err error) error {
		if err != nil || !de.Type().IsRegular() || name == bundleMeta {
			return err // the bundle's metafile is for the server (preloads.go), not for browsers
		}
		b, err := fs.ReadFile(web, name)
		if err != nil {
			return err
		}
		ct := mime.TypeByExtension(path.Ext(name))
		if ct == "" {
			ct = "application/octet-stream"
		}
		cache := rep.CacheAsset
		if path.Ext(name) == ".html" {
			cache = rep.CacheRevalidate
		}
		out[name] = rep.New(ct, cache, b)
		return nil
	})
	return out, err
}
