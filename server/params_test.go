package server

import (
	"testing"

	"github.com/controlmap/controlmap/ogc"
)

// TestRequestInt covers the one integer parser through the limit and
// offset parameters of the OGC items endpoint.
func TestRequestInt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		query string
		want  int
		ok    bool
	}{
		{"", ogc.DefaultLimit, true}, {"limit=1", 1, true}, {"limit=10000", 10000, true},
		{"limit=0", 0, false}, {"limit=10001", 0, false}, {"limit=-1", 0, false}, {"limit=ten", 0, false},
		{"limit=", 0, false}, {"limit=99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		var r request
		if err := r.parse(tt.query, []string{paramLimit}); err != nil {
			t.Fatal(err)
		}
		got, err := r.int(paramLimit, ogc.DefaultLimit, 1, ogc.MaxLimit)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("%q: got %d, %v; want %d, ok %v", tt.query, got, err, tt.want, tt.ok)
		}
	}
	var r request
	_ = r.parse("offset=-3", []string{paramOffset})
	if _, err := r.int(paramOffset, 0, 0, maxInt); err == nil {
		t.Error("negative offset accepted")
	}
}

func FuzzLimit(f *testing.F) {
	for _, s := range []string{"100", "0", "-1", "10001", "99999999999999999999", "1e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var r request
		r.pairs[0], r.n = [2]string{paramLimit, s}, 1
		n, err := r.int(paramLimit, ogc.DefaultLimit, 1, ogc.MaxLimit)
		if err == nil && (n < 1 || n > ogc.MaxLimit) {
			t.Errorf("%q: accepted %d", s, n)
		}
	})
}
