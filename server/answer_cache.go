package server

import (
	"sync"

	"github.com/controlmap/controlmap/data"
)

// answerCache keeps the assembled answers of the days asked for most
// recently, identity and gzip, up to maxBytes in all: readers crowd onto a
// few days (today, the day of the news), and a hit is then a map lookup and
// one write, as for a static file. Misses are served from the period's
// template, so they cost a copy, never an encoding.
type answerCache struct {
	templates *controlCache
	maxBytes  int

	mu    sync.Mutex
	m     map[answerKey]*answer
	bytes int
	use   uint64
}

type answerKey struct {
	day    data.Day
	detail Detail
}

type answer struct {
	identity, gzip []byte
	lastUse        uint64
}

const answerCacheBytes = 24 << 20

func newAnswerCache(t *controlCache) *answerCache {
	return &answerCache{templates: t, maxBytes: answerCacheBytes, m: map[answerKey]*answer{}}
}

// get returns the answer for day, assembling and keeping it on a miss.
func (ac *answerCache) get(day data.Day, detail Detail) (*answer, error) {
	k := answerKey{day, detail}
	ac.mu.Lock()
	if a, ok := ac.m[k]; ok {
		ac.use++
		a.lastUse = ac.use
		ac.mu.Unlock()
		return a, nil
	}
	ac.mu.Unlock()
	t, err := ac.templates.template(day, detail)
	if err != nil {
		return nil, err
	}
	date := day.String()
	a := &answer{identity: t.appendIdentity(make([]byte, 0, t.identityLen()), date)}
	a.gzip = t.appendGzip(make([]byte, 0, t.gzipLen()), date)
	size := len(a.identity) + len(a.gzip)
	ac.mu.Lock()
	defer ac.mu.Unlock()
	if old, ok := ac.m[k]; ok { // another request made it meanwhile
		return old, nil
	}
	for ac.bytes+size > ac.maxBytes && len(ac.m) > 0 {
		ac.evictLocked()
	}
	ac.use++
	a.lastUse = ac.use
	ac.m[k] = a
	ac.bytes += size
	return a, nil
}

func (ac *answerCache) evictLocked() {
	var oldest answerKey
	var min uint64
	first := true
	for k, a := range ac.m {
		if first || a.lastUse < min {
			oldest, min, first = k, a.lastUse, false
		}
	}
	a := ac.m[oldest]
	ac.bytes -= len(a.identity) + len(a.gzip)
	delete(ac.m, oldest)
}
