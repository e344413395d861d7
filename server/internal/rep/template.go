package rep

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// Template is a document with holes: the bytes between occurrences of a
// sentinel, each hole filled by one value of a fixed length when an answer
// is assembled (the /api/control answers of one snapshot differ only
// in their "date" members). Each part is also kept compressed (raw deflate,
// byte-aligned by a sync flush, the last one final, each with the parts
// before it as dictionary), so a gzip answer is the concatenation of
// precompressed parts and stored blocks holding the value: no compression
// per request, and within a few per cent of compressing the whole body.
type Template struct {
	parts    [][]byte
	valueLen int
	size     int // of the identity answer

	deflate *Lazy[[][]byte] // made on the first gzip request
}

// deflaters pools compressors: one costs hundreds of kilobytes to set up.
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.BestCompression)
	return w
}}

// maxWindow is deflate's back-reference window.
const maxWindow = 32 << 10

// NewTemplate splits encoded at every sentinel; each hole takes a value of
// valueLen bytes (at most 65,535: one stored block).
func NewTemplate(encoded, sentinel []byte, valueLen int) *Template {
	t := &Template{parts: bytes.Split(encoded, sentinel), valueLen: valueLen}
	for _, p := range t.parts {
		t.size += len(p)
	}
	t.size += (len(t.parts) - 1) * valueLen
	t.deflate = NewLazy(func() ([][]byte, error) { return t.compressParts(), nil })
	return t
}

func (t *Template) compressParts() [][]byte {
	w := deflaters.Get().(*flate.Writer)
	defer deflaters.Put(w)
	// A placeholder of the value's length keeps back-reference distances
	// right; NULs never occur in the data, so no match reaches into a value.
	placeholder := make([]byte, t.valueLen)
	var out [][]byte
	var window []byte // what a decoder has output before part i, values blanked
	for i, p := range t.parts {
		var buf bytes.Buffer
		w.ResetDict(&buf, window[max(0, len(window)-maxWindow):])
		_, _ = w.Write(p)
		if i < len(t.parts)-1 {
			_ = w.Flush()
		} else {
			_ = w.Close()
		}
		out = append(out, buf.Bytes())
		window = append(append(window, p...), placeholder...)
	}
	return out
}

// Size is the identity answer's length, for any value.
func (t *Template) Size() int { return t.size }

// AppendIdentity appends the answer with value in every hole to b.
func (t *Template) AppendIdentity(b []byte, value string) []byte {
	for i, p := range t.parts {
		if i > 0 {
			b = append(b, value...)
		}
		b = append(b, p...)
	}
	return b
}

// gzipHeader is a gzip member header: deflate, no name, no time, unknown OS.
var gzipHeader = []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}

// storedBlock is a stored (uncompressed) deflate block holding value:
// BFINAL=0 BTYPE=00, then LEN and NLEN, little-endian.
func storedBlock(value string) []byte {
	n := uint16(len(value))
	return append([]byte{0x00, byte(n), byte(n >> 8), ^byte(n), ^byte(n >> 8)}, value...)
}

// GzipSize is the gzip answer's length, for any value.
func (t *Template) GzipSize() int {
	parts, _ := t.deflate.Get()
	n := len(gzipHeader) + 8 + (len(parts)-1)*(5+t.valueLen)
	for _, d := range parts {
		n += len(d)
	}
	return n
}

// AppendGzip appends the answer with value in every hole, as a gzip member
// (RFC 1952) built without compressing anything, to b. value must be
// valueLen bytes long.
func (t *Template) AppendGzip(b []byte, value string) []byte {
	parts, _ := t.deflate.Get()
	stored := storedBlock(value)
	crc := uint32(0)
	for i, p := range t.parts {
		if i > 0 {
			crc = crc32.Update(crc, crc32.IEEETable, stored[5:])
		}
		crc = crc32.Update(crc, crc32.IEEETable, p)
	}
	b = append(b, gzipHeader...)
	for i, d := range parts {
		if i > 0 {
			b = append(b, stored...)
		}
		b = append(b, d...)
	}
	b = binary.LittleEndian.AppendUint32(b, crc)
	return binary.LittleEndian.AppendUint32(b, uint32(t.size))
}
