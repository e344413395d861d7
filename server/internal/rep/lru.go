package rep

import (
	"sync"
	"sync/atomic"
)

// LRU is a cache bounded by the total size of its values: past maxBytes the
// least recently used finished entries go first.
//
// A hit writes nothing shared: the lookup is a sync.Map load (lock-free for
// keys that have settled) and the entry's use stamp is the cache's clock,
// which only misses advance, stored only when it changed. Recency is thus
// known to the resolution of misses, which is all eviction needs (it runs on
// misses). This matters on the hot path: a lock or a shared counter
// written on every hit bounces between the cores. Each entry is built once
// by the function passed to Get, outside any lock: concurrent requests for
// one key wait for a single build, requests for other keys do not wait at
// all. Only finished entries are counted, so the size cannot drift.
type LRU[K comparable, V any] struct {
	maxBytes int
	size     func(V) int
	clock    atomic.Uint64 // advanced by each miss

	m     sync.Map   // K → *lruEntry[V]
	mu    sync.Mutex // guards bytes and eviction
	bytes int
}

type lruEntry[V any] struct {
	once    sync.Once
	v       V
	err     error
	size    int // 0 until built (read under LRU.mu)
	lastUse atomic.Uint64
}

// NewLRU returns a cache that holds values of at most maxBytes in all, as
// measured by size.
func NewLRU[K comparable, V any](maxBytes int, size func(V) int) *LRU[K, V] {
	return &LRU[K, V]{maxBytes: maxBytes, size: size}
}

// Get returns the value for k, building it with build on a miss. A failed
// build is not kept: the next Get tries again.
func (c *LRU[K, V]) Get(k K, build func() (V, error)) (V, error) {
	var e *lruEntry[V]
	if v, ok := c.m.Load(k); ok {
		e = v.(*lruEntry[V])
		if now := c.clock.Load(); e.lastUse.Load() != now {
			e.lastUse.Store(now)
		}
	} else {
		fresh := &lruEntry[V]{}
		fresh.lastUse.Store(c.clock.Add(1))
		v, _ := c.m.LoadOrStore(k, fresh)
		e = v.(*lruEntry[V])
	}
	e.once.Do(func() { c.fill(k, e, build) })
	return e.v, e.err
}

// fill builds e and accounts for it, evicting older entries to fit.
func (c *LRU[K, V]) fill(k K, e *lruEntry[V], build func() (V, error)) {
	e.v, e.err = build()
	if e.err != nil {
		c.m.CompareAndDelete(k, e)
		return
	}
	size := max(c.size(e.v), 1) // measured outside the lock; never 0, which marks "building"
	c.mu.Lock()
	defer c.mu.Unlock()
	e.size = size
	c.bytes += size
	for c.bytes > c.maxBytes && c.evictOldestLocked(e) {
	}
}

// evictOldestLocked drops the least recently used finished entry other
// than keep; false when there is none.
func (c *LRU[K, V]) evictOldestLocked(keep *lruEntry[V]) bool {
	var oldest any
	var found *lruEntry[V]
	c.m.Range(func(k, v any) bool {
		e := v.(*lruEntry[V])
		if e != keep && e.size > 0 && (found == nil || e.lastUse.Load() < found.lastUse.Load()) {
			oldest, found = k, e
		}
		return true
	})
	if found == nil {
		return false
	}
	c.m.CompareAndDelete(oldest, found)
	c.bytes -= found.size
	return true
}

// Stats returns the entries and the bytes held, for tests and metrics.
func (c *LRU[K, V]) Stats() (entries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m.Range(func(any, any) bool { entries++; return true })
	return entries, c.bytes
}

// Peek returns the finished value for k without building it, marking it
// used; false when there is none (absent, or still being built). It takes
// the size lock: for the expensive renders, not for the hot path.
func (c *LRU[K, V]) Peek(k K) (V, bool) {
	var zero V
	v, ok := c.m.Load(k)
	if !ok {
		return zero, false
	}
	e := v.(*lruEntry[V])
	c.mu.Lock()
	built := e.size > 0 // set under the lock once v is built
	c.mu.Unlock()
	if !built {
		return zero, false
	}
	e.lastUse.Store(c.clock.Load())
	return e.v, true
}
