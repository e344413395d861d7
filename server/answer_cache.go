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
	gzip   bool
}

type answer struct {
	body    []byte
	lastUse uint64
}

const answerCacheBytes = 24 << 20

func newAnswerCache(t *controlCache) *answerCache {
	return &answerCache{templates: t, maxBytes: answerCacheBytes, m: map[answerKey]*answer{}}
}

// get returns the answer for day, gzip or not, assembling and keeping it on
// a miss.
func (ac *answerCache) get(day data.Day, detail Detail, gzip bool) ([]byte, error) {
	k := answerKey{day, detail, gzip}
	ac.mu.Lock()
	if a, ok := ac.m[k]; ok {
		ac.use++
		a.lastUse = ac.use
		ac.mu.Unlock()
		return a.body, nil
	}
	ac.mu.Unlock()
	t, err := ac.templates.template(day, detail)
	if err != nil {
		return nil, err
	}
	a := &answer{}
	if gzip {
		a.body = t.appendGzip(make([]byte, 0, t.gzipLen()), day.String())
	} else {
		a.body = t.appendIdentity(make([]byte, 0, t.identityLen()), day.String())
	}
	size := len(a.body)
	ac.mu.Lock()
	defer ac.mu.Unlock()
	if old, ok := ac.m[k]; ok { // another request made it meanwhile
		return old.body, nil
	}
	for ac.bytes+size > ac.maxBytes && len(ac.m) > 0 {
		ac.evictLocked()
	}
	ac.use++
	a.lastUse = ac.use
	ac.m[k] = a
	ac.bytes += size
	return a.body, nil
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
	ac.bytes -= len(ac.m[oldest].body)
	delete(ac.m, oldest)
}
