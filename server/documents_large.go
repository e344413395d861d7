package server

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/export"
	"github.com/controlmap/controlmap/server/internal/rep"
	"github.com/controlmap/controlmap/tempdir"
	"github.com/controlmap/controlmap/wire"
)

// defaultMaxHeld is the largest history-sized document (/api/history, the
// CSV, KML and GeoPackage exports) the server holds in memory, estimated
// before it is written; with its gzip and brotli forms it costs about 1.4
// times this. A longer history is streamed on every request instead
// (rep.Stream: a request costs a 64 KB buffer, whatever the size) and its
// GeoPackage is written once to a file on disk.
const defaultMaxHeld = 32 << 20

// maxStreams is how many streamed answers are written at once: each holds
// a core for seconds to minutes at 10⁶ rows, and about 1 MB (its buffer
// and gzip state). Past it a request gets 429 with Retry-After.
const (
	maxStreams     = 4
	streamsRetryIn = "10"
)

// limited serves a at most cap(slots) at a time.
type limited struct {
	a     answer
	slots chan struct{}
}

func (l limited) Serve(w http.ResponseWriter, req *http.Request) error {
	select {
	case l.slots <- struct{}{}:
		defer func() { <-l.slots }()
		return l.a.Serve(w, req)
	default:
		return tooMany(w.Header(), streamsRetryIn)
	}
}

// answer is a document the server can serve: held (rep.Rep), streamed
// (rep.Stream) or a file on disk (diskFile).
type answer interface {
	Serve(w http.ResponseWriter, req *http.Request) error
}

// historyDocuments sets d.history and d.exports: held when the history is
// short, streamed (and the GeoPackage on disk) when it is long.
func (d *documents) historyDocuments(enc *wire.Encoder, maxHeld int, version string) error {
	ds := enc.Dataset()
	if enc.HistorySize(data.DetailFull) <= maxHeld {
		for _, detail := range []data.Detail{data.DetailDisplay, data.DetailFull} {
			d.history[detail] = rep.NewDeferred(wire.TypeGeoJSON, rep.CacheRevalidate, func() ([]byte, error) { return enc.History(detail) })
		}
		d.exports = map[string]answer{
			"history.gpkg":  rep.NewDeferred(wire.TypeGPKG, rep.CacheRevalidate, func() ([]byte, error) { return export.HistoryGPKG(ds) }),
			"history.kml":   rep.NewDeferred(wire.TypeKML, rep.CacheRevalidate, func() ([]byte, error) { return export.HistoryKML(ds) }),
			"history.csv":   rep.NewDeferred(wire.TypeCSV, rep.CacheRevalidate, func() ([]byte, error) { return export.HistoryCSV(ds) }),
			"events.csv":    eventsCSV(ds),
			"provinces.csv": provincesCSV(ds),
		}
		return nil
	}
	// The content is a function of the dataset and of the code that writes
	// it: both name the ETag.
	tag := func(name string) string { return rep.ETag(ds.Version, version, name) }
	slots := make(chan struct{}, maxStreams)
	for _, detail := range []data.Detail{data.DetailDisplay, data.DetailFull} {
		d.history[detail] = limited{slots: slots, a: &rep.Stream{ContentType: wire.TypeGeoJSON, CacheControl: rep.CacheRevalidate, ETag: tag("history-" + detail.String()),
			Write: func(ctx context.Context, w io.Writer) error { return enc.WriteHistory(ctx, w, detail) }}}
	}
	dir, err := tempdir.New("exports")
	if err != nil {
		return err
	}
	d.tempDir = dir
	d.exports = map[string]answer{
		"events.csv":    eventsCSV(ds),
		"provinces.csv": provincesCSV(ds),
		"history.csv": limited{slots: slots, a: &rep.Stream{ContentType: wire.TypeCSV, CacheControl: rep.CacheRevalidate, ETag: tag("history.csv"),
			Write: func(ctx context.Context, w io.Writer) error { return export.WriteHistoryCSV(ctx, w, ds) }}},
		"history.kml": limited{slots: slots, a: &rep.Stream{ContentType: wire.TypeKML, CacheControl: rep.CacheRevalidate, ETag: tag("history.kml"),
			Write: func(ctx context.Context, w io.Writer) error { return export.WriteHistoryKML(ctx, w, ds) }}},
		"history.gpkg": &diskFile{contentType: wire.TypeGPKG, etag: tag("history.gpkg"), build: func() (string, error) {
			path := filepath.Join(dir, "history.gpkg")
			if err := export.WriteHistoryGPKG(context.Background(), path, ds); err != nil {
				return "", err
			}
			return path, gzipFile(path)
		}},
	}
	return nil
}

// eventsCSV is the events as CSV, built on first request and held: the
// events are a curated sample, small beside the history.
func eventsCSV(ds *data.Dataset) answer {
	return rep.NewDeferred(wire.TypeCSV, rep.CacheRevalidate, func() ([]byte, error) { return export.EventsCSV(ds) })
}

func provincesCSV(ds *data.Dataset) answer {
	return rep.NewDeferred(wire.TypeCSV, rep.CacheRevalidate, func() ([]byte, error) { return export.ProvincesCSV(ds) })
}

// diskFile is a document written once to a file on disk and served from
// it with http.ServeContent (ranges, conditional requests): a GeoPackage
// must be complete before its first byte can be sent, and SQLite writes it
// through its page cache, not in memory. The first request starts the
// writing in the background; a request that would wait past diskFileWait
// gets 503 with Retry-After rather than a timeout with nothing.
type diskFile struct {
	contentType, etag string
	build             func() (string, error)
	once              sync.Once
	done              chan struct{}
	path              string
	err               error
}

const (
	diskFileWait  = 10 * time.Second
	diskFileRetry = "60"
)

func (f *diskFile) Serve(w http.ResponseWriter, req *http.Request) error {
	f.once.Do(func() {
		f.done = make(chan struct{})
		go func() {
			defer close(f.done)
			f.path, f.err = f.build()
		}()
	})
	timer := time.NewTimer(diskFileWait)
	defer timer.Stop()
	select {
	case <-f.done:
	case <-timer.C:
		w.Header().Set(echo.HeaderRetryAfter, diskFileRetry)
		return echo.NewHTTPError(http.StatusServiceUnavailable, "this export of a long history is being written: retry in a minute")
	case <-req.Context().Done():
		return req.Context().Err()
	}
	if f.err != nil {
		return f.err
	}
	path, m := f.path, rep.Meta{ContentType: f.contentType, CacheControl: rep.CacheRevalidate, ETag: f.etag, Vary: true}
	if rep.ParseAcceptEncoding(req.Header.Get("Accept-Encoding")).Best(false) == rep.Gzip {
		path, m = f.path+".gz", m.Coded(rep.Gzip)
	}
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	if m.WriteHead(w, req) {
		return nil
	}
	http.ServeContent(w, req, "", time.Time{}, file) // the body, its length and ranges
	return nil
}

// gzipFile writes path's gzip form beside it (path.gz), streaming: a
// GeoPackage compresses about tenfold, and a download should not cost ten
// times the bytes.
func gzipFile(path string) error {
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(path + ".gz")
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	if _, err := io.Copy(zw, in); err != nil {
		out.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// close removes the files written on disk.
func (d *documents) close() {
	if d.tempDir != "" {
		_ = os.RemoveAll(d.tempDir)
	}
}
