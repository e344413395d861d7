package data

import "testing"

// BenchmarkStatesAt is the snapshot lookup: every area's state on a day.
func BenchmarkStatesAt(b *testing.B) {
	d := loadEmbedded(b)
	day := d.First.AddDays(36)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = d.StatesAt(day)
	}
}

// BenchmarkSnapshotIndex is the cache-key lookup of a day.
func BenchmarkSnapshotIndex(b *testing.B) {
	d := loadEmbedded(b)
	day := d.First.AddDays(36)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = d.SnapshotIndex(day)
	}
}
