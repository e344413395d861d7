package export

import (
	"context"
	"testing"

	"github.com/controlmap/controlmap/data"
)

// BenchmarkAnimationGIF renders 60 frames at 640 pixels (a frame every 7
// days over 14 months).
func BenchmarkAnimationGIF(b *testing.B) {
	ds, err := loadForBench()
	if err != nil {
		b.Skip(err)
	}
	o := GIFOptions{From: ds.First, To: ds.First.AddDays(420), Width: 640, Step: 7}
	for b.Loop() {
		if _, err := AnimationGIF(context.Background(), ds, o, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func loadForBench() (*data.Dataset, error) { return data.LoadEmbedded() }
