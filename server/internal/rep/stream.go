package rep

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"time"
)

// Stream is a document too large to hold in memory (a long history, an
// export of it): it is written afresh on every request through a 64 KB
// buffer, so a request costs that buffer and the writer's own state
// whatever the size, and gzip-compressed on the fly when the client
// accepts it (brotli is too slow to run per request). Its content is a
// function of the dataset's version, so its strong ETag is known without
// writing it and a revalidation costs nothing. It has no Content-Length:
// it goes out chunked.
type Stream struct {
	ContentType, CacheControl string
	// ETag is the quoted tag of the identity form; the gzip form adds -gz.
	ETag string
	// Write writes the document to w; it stops with ctx's error when the
	// client goes or the server stops.
	Write func(ctx context.Context, w io.Writer) error
}

// streamBuffer is the write buffer of a streamed answer.
const streamBuffer = 64 << 10

// A streamed answer outlives the server's write timeout as long as it
// moves: each write gives it StreamIdle more, up to StreamMax in all, so a
// client that stops reading is still cut, and a long history is not.
const (
	StreamIdle = 30 * time.Second
	StreamMax  = 10 * time.Minute
)

// ErrCut is returned when a streamed answer failed after its headers were
// sent: the connection was closed so that the client sees a truncated
// answer as an error, never as a complete file.
var ErrCut = errors.New("rep: answer cut short")

// Serve writes the document in the best coding the client accepts, or 304.
func (s *Stream) Serve(w http.ResponseWriter, req *http.Request) error {
	m := Meta{ContentType: s.ContentType, CacheControl: s.CacheControl, ETag: s.ETag}
	if Compressible(s.ContentType) {
		m.Vary = true
		if ParseAcceptEncoding(req.Header.Get("Accept-Encoding")).Best(false) == Gzip {
			m = m.Coded(Gzip)
		}
	}
	if m.WriteHead(w, req) {
		return nil
	}
	w.WriteHeader(http.StatusOK)
	if req.Method == http.MethodHead {
		return nil
	}
	if err := s.write(req.Context(), w, m.Coding); err != nil {
		return cut(w, err)
	}
	return nil
}

func (s *Stream) write(ctx context.Context, w http.ResponseWriter, coding string) error {
	bw := bufio.NewWriterSize(&movingWriter{w: w, rc: http.NewResponseController(w), end: time.Now().Add(StreamMax)}, streamBuffer)
	out, closeOut := io.Writer(bw), func() error { return nil }
	if coding == Gzip {
		zw, _ := gzip.NewWriterLevel(bw, gzip.BestSpeed)
		out, closeOut = zw, zw.Close
	}
	if err := s.Write(ctx, out); err != nil {
		return err
	}
	if err := closeOut(); err != nil {
		return err
	}
	return bw.Flush()
}

// movingWriter extends the connection's write deadline before each write.
type movingWriter struct {
	w   io.Writer
	rc  *http.ResponseController
	end time.Time
}

func (m *movingWriter) Write(p []byte) (int, error) {
	deadline := time.Now().Add(StreamIdle)
	if deadline.After(m.end) {
		deadline = m.end
	}
	_ = m.rc.SetWriteDeadline(deadline) // a recorder has none to move
	return m.w.Write(p)
}

// cut closes the connection under a failed answer whose status is sent:
// ending the chunked body normally would pass the truncated part off as
// the whole.
func cut(w http.ResponseWriter, cause error) error {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err == nil {
		_ = conn.Close()
	}
	return errors.Join(ErrCut, cause)
}
