package rep

import (
	"container/list"
	"sync"
)

// LRU is a cache bounded by the total size of its values: past MaxBytes the
// least recently used finished entries go first. Each entry is built once by
// the function passed to Get, outside the lock, so concurrent requests for
// one key wait for a single build and requests for other keys do not wait at
// all. Its size accounting only ever counts finished entries, so it cannot
// drift.
type LRU[K comparable, V any] struct {
	maxBytes int
	size     func(V) int

	mu    sync.Mutex
	ll    *list.List // of *lruEntry, most recent first
	m     map[K]*list.Element
	bytes int
}

type lruEntry[K comparable, V any] struct {
	key  K
	once sync.Once
	v    V
	err  error
	size int // 0 until built
}

// NewLRU returns a cache that holds values of at most maxBytes in all, as
// measured by size.
func NewLRU[K comparable, V any](maxBytes int, size func(V) int) *LRU[K, V] {
	return &LRU[K, V]{maxBytes: maxBytes, size: size, ll: list.New(), m: map[K]*list.Element{}}
}

// Get returns the value for k, building it with build on a miss. A failed
// build is not kept: the next Get tries again.
func (c *LRU[K, V]) Get(k K, build func() (V, error)) (V, error) {
	c.mu.Lock()
	el, ok := c.m[k]
	if ok {
		c.ll.MoveToFront(el)
	} else {
		el = c.ll.PushFront(&lruEntry[K, V]{key: k})
		c.m[k] = el
	}
	c.mu.Unlock()
	e := el.Value.(*lruEntry[K, V])
	e.once.Do(func() {
		e.v, e.err = build()
		size := 0
		if e.err == nil {
			size = max(c.size(e.v), 1) // measured outside the lock; never 0, which marks "building"
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if e.err != nil {
			c.removeLocked(el)
			return
		}
		e.size = size
		c.bytes += e.size
		c.evictLocked(el)
	})
	return e.v, e.err
}

// evictLocked drops the least recently used finished entries other than
// keep until the cache fits.
func (c *LRU[K, V]) evictLocked(keep *list.Element) {
	for el := c.ll.Back(); el != nil && c.bytes > c.maxBytes; {
		prev := el.Prev()
		if e := el.Value.(*lruEntry[K, V]); el != keep && e.size > 0 {
			c.removeLocked(el)
		}
		el = prev
	}
}

func (c *LRU[K, V]) removeLocked(el *list.Element) {
	e := el.Value.(*lruEntry[K, V])
	if cur, ok := c.m[e.key]; ok && cur == el {
		delete(c.m, e.key)
	}
	c.ll.Remove(el)
	c.bytes -= e.size
}

// Stats returns the entries and the bytes held, for tests and metrics.
func (c *LRU[K, V]) Stats() (entries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m), c.bytes
}
