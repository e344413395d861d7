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

// BenchmarkKnownAt is building the dataset as known at the end of a day (a
// cache miss of the server's map at the time): filtering the rows and
// indexing them again.
func BenchmarkKnownAt(b *testing.B) {
	d := loadEmbedded(b)
	days := []Day{d.First.AddDays(36), d.FirstPublished(), d.Updated()}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = d.KnownAt(days[i%len(days)])
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

// BenchmarkParseDay is the date= of every dated request, against time.Parse
// (what ParseDay used before it read the digits itself).
func BenchmarkParseDay(b *testing.B) {
	b.Run("ParseDay", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := ParseDay("2021-09-06"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("time.Parse", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, ok := parseDayWithTime("2021-09-06"); !ok {
				b.Fatal("not parsed")
			}
		}
	})
}
