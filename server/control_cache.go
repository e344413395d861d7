package server

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"

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
// holds each part compressed (raw deflate, byte-aligned by a sync flush, the
// last one final, each with the parts before it as dictionary), so a gzip
// answer for any day is the concatenation of precompressed parts and stored
// blocks holding the date.
type controlTemplate struct {
	parts [][]byte
	size  int // of the identity answer

	deflateOnce sync.Once // the compressed parts are made on the first gzip request
	deflate     [][]byte
}

// deflaters pools compressors: one costs hundreds of kilobytes to set up, and
// a template compresses one part per district.
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.BestCompression)
	return w
}}

// maxWindow is deflate's back-reference window.
const maxWindow = 32 << 10

// datePlaceholder stands for a quoted date in the compression dictionary:
// it has the date's length, so back-reference distances are right, and NULs
// never occur in the data, so no match can reach into a date.
var datePlaceholder = make([]byte, len(`"2021-09-06"`))

func newControlTemplate(encoded []byte) *controlTemplate {
	t := &controlTemplate{parts: bytes.Split(encoded, sentinelJSON)}
	for _, p := range t.parts {
		t.size += len(p)
	}
	t.size += (len(t.parts) - 1) * len(`"2021-09-06"`)
	return t
}

// compress makes the deflate parts, once.
func (t *controlTemplate) compress() {
	t.deflateOnce.Do(t.compressParts)
}

func (t *controlTemplate) compressParts() {
	w := deflaters.Get().(*flate.Writer)
	defer deflaters.Put(w)
	var window []byte // what a decoder has output before part i, dates blanked
	for i, p := range t.parts {
		var buf bytes.Buffer
		// Each part may refer back to the parts before it, as one stream would.
		w.ResetDict(&buf, window[max(0, len(window)-maxWindow):])
		_, _ = w.Write(p)
		if i < len(t.parts)-1 {
			_ = w.Flush()
		} else {
			_ = w.Close()
		}
		t.deflate = append(t.deflate, buf.Bytes())
		window = append(append(window, p...), datePlaceholder...)
	}
}

// identityLen is the length of the answer for any day.
func (t *controlTemplate) identityLen() int { return t.size }

// appendIdentity appends the answer for day to b.
func (t *controlTemplate) appendIdentity(b []byte, day string) []byte {
	for i, p := range t.parts {
		if i > 0 {
			b = append(append(append(b, '"'), day...), '"')
		}
		b = append(b, p...)
	}
	return b
}

// gzipHeader is a gzip member header: deflate, no name, no time, unknown OS.
var gzipHeader = []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}

// storedDate is a stored (uncompressed) deflate block holding a quoted
// YYYY-MM-DD: BFINAL=0 BTYPE=00, then LEN=12 and NLEN=^12, little-endian.
func storedDate(day string) []byte {
	return append([]byte{0x00, 12, 0x00, ^byte(12), 0xff}, `"`+day+`"`...)
}

// gzipLen is the length of the gzip answer for any day: a gzip member
// (RFC 1952) built without compressing anything, from the precompressed
// parts, a stored block for each date, and the CRC-32 of the whole.
func (t *controlTemplate) gzipLen() int {
	t.compress()
	n := len(gzipHeader) + 8 + (len(t.deflate)-1)*len(storedDate("2021-09-06"))
	for _, d := range t.deflate {
		n += len(d)
	}
	return n
}

// appendGzip appends the answer for day, as gzip, to b.
func (t *controlTemplate) appendGzip(b []byte, day string) []byte {
	t.compress()
	stored := storedDate(day)
	quoted := stored[5:]
	crc := uint32(0)
	for i, p := range t.parts {
		if i > 0 {
			crc = crc32.Update(crc, crc32.IEEETable, quoted)
		}
		crc = crc32.Update(crc, crc32.IEEETable, p)
	}
	b = append(b, gzipHeader...)
	for i, d := range t.deflate {
		if i > 0 {
			b = append(b, stored...)
		}
		b = append(b, d...)
	}
	b = binary.LittleEndian.AppendUint32(b, crc)
	return binary.LittleEndian.AppendUint32(b, uint32(t.size))
}

// controlCache builds each period's template on first use and keeps at most
// maxTemplates of them (the least recently used goes first), so memory stays
// bounded however long the history is.
type controlCache struct {
	enc      *encoder
	maxBytes int // of identity parts kept at most
	mu       sync.Mutex
	m        map[controlKey]*cacheEntry
	bytes    int
	use      uint64
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

// templateCacheBytes bounds the templates kept (their identity bytes; the
// compressed parts add about a fifth).
const templateCacheBytes = 32 << 20

func newControlCache(enc *encoder) *controlCache {
	return &controlCache{enc: enc, maxBytes: templateCacheBytes, m: map[controlKey]*cacheEntry{}}
}

func (cc *controlCache) template(day data.Day, detail Detail) (*controlTemplate, error) {
	k := controlKey{cc.enc.ds.SnapshotIndex(day), detail}
	cc.mu.Lock()
	e, ok := cc.m[k]
	if !ok {
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
			cc.mu.Lock()
			cc.bytes += e.t.size
			for cc.bytes > cc.maxBytes && len(cc.m) > 1 {
				cc.evictLocked(k)
			}
			cc.mu.Unlock()
		}
	})
	return e.t, e.err
}

// evictLocked drops the least recently used finished template other than
// keep.
func (cc *controlCache) evictLocked(keep controlKey) {
	var oldest controlKey
	found := false
	var min uint64
	for k, e := range cc.m {
		if k != keep && e.t != nil && (!found || e.lastUse < min) {
			oldest, min, found = k, e.lastUse, true
		}
	}
	if !found {
		cc.bytes = 0 // nothing finished to drop: only templates being built
		return
	}
	cc.bytes -= cc.m[oldest].t.size
	delete(cc.m, oldest)
}
