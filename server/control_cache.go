package server

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"io"
	"sync"

	"github.com/controlmap/controlmap/data"
)

// dateSentinel stands where the requested day goes while a template is
// encoded: no dataset value can contain a NUL character.
const dateSentinel = "\x00DATE\x00"

// sentinelJSON is dateSentinel as encoding/json writes it.
var sentinelJSON = []byte(`"\u0000DATE\u0000"`)

// controlTemplate is the /api/control answer of one snapshot period with the
// requested day left out: the answers for two days of one period differ only
// in their "date" members. parts are the bytes between the dates; deflate
// holds each part compressed on its own (raw deflate, byte-aligned by a sync
// flush, the last one final), so a gzip answer for any day is the
// concatenation of precompressed parts and stored blocks holding the date.
type controlTemplate struct {
	parts   [][]byte
	deflate [][]byte
	size    int // of the identity answer
}

func newControlTemplate(encoded []byte) *controlTemplate {
	t := &controlTemplate{parts: bytes.Split(encoded, sentinelJSON)}
	for i, p := range t.parts {
		var buf bytes.Buffer
		w, _ := flate.NewWriter(&buf, flate.BestCompression)
		_, _ = w.Write(p)
		if i < len(t.parts)-1 {
			_ = w.Flush()
		} else {
			_ = w.Close()
		}
		t.deflate = append(t.deflate, buf.Bytes())
		t.size += len(p)
	}
	t.size += (len(t.parts) - 1) * len(`"2021-09-06"`)
	return t
}

// identityLen and writeIdentity give the answer for day.
func (t *controlTemplate) identityLen() int { return t.size }

func (t *controlTemplate) writeIdentity(w io.Writer, day string) error {
	quoted := []byte(`"` + day + `"`)
	for i, p := range t.parts {
		if i > 0 {
			if _, err := w.Write(quoted); err != nil {
				return err
			}
		}
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// gzipHeader is a gzip member header: deflate, no name, no time, unknown OS.
var gzipHeader = []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}

// storedDate is a stored (uncompressed) deflate block holding a quoted
// YYYY-MM-DD: BFINAL=0 BTYPE=00, then LEN=12 and NLEN=^12, little-endian.
func storedDate(day string) []byte {
	return append([]byte{0x00, 12, 0x00, ^byte(12), 0xff}, `"`+day+`"`...)
}

// gzipLen and writeGzip give the answer for day as a gzip member (RFC 1952)
// without compressing anything: the precompressed parts, a stored block for
// each date, and the CRC-32 of the whole.
func (t *controlTemplate) gzipLen() int {
	n := len(gzipHeader) + 8 + (len(t.deflate)-1)*len(storedDate("2021-09-06"))
	for _, d := range t.deflate {
		n += len(d)
	}
	return n
}

func (t *controlTemplate) writeGzip(w io.Writer, day string) error {
	stored := storedDate(day)
	quoted := stored[5:]
	crc := uint32(0)
	for i, p := range t.parts {
		if i > 0 {
			crc = crc32.Update(crc, crc32.IEEETable, quoted)
		}
		crc = crc32.Update(crc, crc32.IEEETable, p)
	}
	if _, err := w.Write(gzipHeader); err != nil {
		return err
	}
	for i, d := range t.deflate {
		if i > 0 {
			if _, err := w.Write(stored); err != nil {
				return err
			}
		}
		if _, err := w.Write(d); err != nil {
			return err
		}
	}
	var trailer [8]byte
	binary.LittleEndian.PutUint32(trailer[:4], crc)
	binary.LittleEndian.PutUint32(trailer[4:], uint32(t.size))
	_, err := w.Write(trailer[:])
	return err
}

// controlCache builds each period's template on first use and keeps at most
// maxTemplates of them (the least recently used goes first), so memory stays
// bounded however long the history is.
type controlCache struct {
	enc *encoder
	max int // templates kept at most
	mu  sync.Mutex
	m   map[controlKey]*cacheEntry
	use uint64
}

type controlKey struct {
	snapshot int
	detail   Detail
}

type cacheEntry struct {
	once    sync.Once
	t       *controlTemplate
	err     error
	lastUse uint64
}

const maxTemplates = 1024

func newControlCache(enc *encoder) *controlCache {
	return &controlCache{enc: enc, max: maxTemplates, m: map[controlKey]*cacheEntry{}}
}

func (cc *controlCache) template(day data.Day, detail Detail) (*controlTemplate, error) {
	k := controlKey{cc.enc.ds.SnapshotIndex(day), detail}
	cc.mu.Lock()
	e, ok := cc.m[k]
	if !ok {
		if len(cc.m) >= cc.max {
			cc.evictLocked()
		}
		e = &cacheEntry{}
		cc.m[k] = e
	}
	cc.use++
	e.lastUse = cc.use
	cc.mu.Unlock()
	e.once.Do(func() {
		var b []byte
		b, e.err = cc.enc.controlWithDate(day, detail, dateSentinel)
		if e.err == nil {
			e.t = newControlTemplate(b)
		}
	})
	return e.t, e.err
}

func (cc *controlCache) evictLocked() {
	var oldest controlKey
	first := true
	var min uint64
	for k, e := range cc.m {
		if first || e.lastUse < min {
			oldest, min, first = k, e.lastUse, false
		}
	}
	delete(cc.m, oldest)
}
