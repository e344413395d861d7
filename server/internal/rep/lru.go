package rep

import (
	"sync"
	"sync/atomic"
)

// LRU is a cache bounded by the total size of its values: past maxBytes the
// least recently used finished entries go first. A hit takes a read lock
// and stamps the entry's use with an atomic counter, so concurrent hits do
// not queue on one lock (recency is exact up to the stamp; eviction scans
// for the oldest stamp, which costs a pass over the entries on a miss only).
// Each entry is built once by the function passed to Get, outside the lock:
// concurrent requests for one key wait for a single build, requests for
// other keys do not wait at all. Only finished entries are counted, so the
// size cannot drift.
type LRU[K comparable, V any] struct {
	maxBytes int
	size     func(V) int
	tick     atomic.Uint64

	mu    sync.RWMutex
	m     map[K]*lruEntry[V]
	bytes int
}

type lruEntry[V any] struct {
	once    sync.Once
	v       V
	err     error
	size    int // 0 until built
	lastUse atomic.Uint64
}

// NewLRU returns a cache that holds values of at most maxBytes in all, as
// measured by size.
func NewLRU[K comparable, V any](maxBytes int, size func(V) int) *LRU[K, V] {
	return &LRU[K, V]{maxBytes: maxBytes, size: size, m: map[K]*lruEntry[V]{}}
}

// Get returns the value for k, building it with build on a miss. A failed
// build is not kept: the next Get tries again.
func (c *LRU[K, V]) Get(k K, build func() (V, error)) (V, error) {
	c.mu.RLock()
	e, ok := c.m[k]
	c.mu.RUnlock()
	if !ok {
		c.mu.Lock()
		if e, ok = c.m[k]; !ok {
			e = &lruEntry[V]{}
			c.m[k] = e
		}
		c.mu.Unlock()
	}
	e.lastUse.Store(c.tick.Add(1))
	e.once.Do(func() { c.fill(k, e, build) })
	return e.v, e.err
}

// fill builds e and accounts for it, evicting older entries to fit.
func (c *LRU[K, V]) fill(k K, e *lruEntry[V], build func() (V, error)) {
	e.v, e.err = build()
	size := 0
	if e.err == nil {
		size = max(c.size(e.v), 1) // measured outside the lock; never 0, which marks "building"
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.err != nil {
		if c.m[k] == e {
			delete(c.m, k)
		}
		return
	}
	e.size = size
	c.bytes += size
	for c.bytes > c.maxBytes && c.evictOldestLocked(e) {
	}
}

// evictOldestLocked drops the least recently used finished entry other
// than keep; false when there is none.
func (c *LRU[K, V]) evictOldestLocked(keep *lruEntry[V]) bool {
	var oldest K
	var found *lruEntry[V]
	for k, e := range c.m {
		if e != keep && e.size > 0 && (found == nil || e.lastUse.Load() < found.lastUse.Load()) {
			oldest, found = k, e
		}
	}
	if found == nil {
		return false
	}
	delete(c.m, oldest)
	c.bytes -= found.size
	return true
}

// Stats returns the entries and the bytes held, for tests and metrics.
func (c *LRU[K, V]) Stats() (entries, bytes int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m), c.bytes
}

// Peek returns the finished value for k without building it, marking it
// used; false when there is none (absent, or still being built).
func (c *LRU[K, V]) Peek(k K) (V, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.m[k]
	if !ok || e.size == 0 { // size is set under the lock once v is built
		var zero V
		return zero, false
	}
	e.lastUse.Store(c.tick.Add(1))
	return e.v, true
}
