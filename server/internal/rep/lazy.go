package rep

import "sync"

// Lazy is a value built on first use, once, by the function given to
// NewLazy; a build error is kept and returned to every caller. It is the
// one lazy-build pattern of the server: documents that nobody asks for cost
// nothing at start-up.
type Lazy[T any] struct {
	once  sync.Once
	build func() (T, error)
	v     T
	err   error
}

// NewLazy returns a Lazy that calls build on first Get.
func NewLazy[T any](build func() (T, error)) *Lazy[T] { return &Lazy[T]{build: build} }

// Get builds the value on the first call and returns it.
func (l *Lazy[T]) Get() (T, error) {
	l.once.Do(func() { l.v, l.err = l.build() })
	return l.v, l.err
}
