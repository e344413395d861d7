package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"runtime"
	"sync"

	"github.com/controlmap/controlmap/data"
)

// Limits of the animation. The widths a caller may ask for snap down to
// GIFWidths, so that a cache keyed by the snapped width cannot be bypassed
// by varying the width a pixel at a time. GIFMaxPixels bounds the work of
// one render (frames × width × height: about 35 ms of one CPU a million
// pixels here) and its memory (a byte a pixel at worst, when every frame is
// entirely new; in practice a frame holds only what changed).
const (
	GIFMinWidth, GIFMaxWidth, GIFDefaultWidth = 480, 1200, 640
	GIFMaxFrames                              = 400
	GIFMaxPixels                              = 264_000_000 // 240 million and the headline band (issue 25)
)

// GIFWidths are the widths an animation is drawn at.
var GIFWidths = []int{480, 640, 800, 960, 1200}

// SnapGIFWidth is the largest of GIFWidths not over w (GIFMinWidth below it).
func SnapGIFWidth(w int) int {
	out := GIFWidths[0]
	for _, s := range GIFWidths {
		if s <= w {
			out = s
		}
	}
	return out
}

// Frame durations, hundredths of a second: a frame lasts in proportion to
// the days until the next (gifPerDay a day) between a floor and a cap, so
// that a gap of months reads as one; the last frame holds longer.
const gifPerDay, gifFloor, gifCap, gifLast = 8, 50, 250, 400

// ErrTooManyFrames is returned for an animation over GIFMaxFrames frames
// or GIFMaxPixels pixels.
var ErrTooManyFrames = errors.New("export: too many frames")

// GIFOptions says what an animation shows.
type GIFOptions struct {
	From, To data.Day
	Width    int // snapped with SnapGIFWidth
	Step     int // days between frames; 0 for a frame per change day
	Name     string
	URL      string
	// Headline words a day's headline for its frame (PictureOptions
	// .Headline); nil for frames without one.
	Headline func(data.Day) string
	// Lang, Dari and Words as in PictureOptions: "fa" draws Dari frames.
	Lang  string
	Dari  *DariFont
	Words map[string]string
}

// AnimationGIF renders the assessed map from o.From to o.To as an animated
// GIF: a frame on o.From, on each change day (or every o.Step days), and on
// o.To. Frames are drawn in parallel by a worker per CPU from one prepared
// renderer, mapped onto one fixed palette, and cropped to what changed
// since the previous frame. The render stops with ctx's error as soon as
// ctx is done (the client has gone, or the server is shutting down);
// progress, if not nil, hears of each frame drawn.
func AnimationGIF(ctx context.Context, ds *data.Dataset, o GIFOptions, progress func(done, total int)) ([]byte, error) {
	days := gifDays(ds, o.From, o.To, o.Step)
	l := newLayout(ds, PictureOptions{Width: SnapGIFWidth(o.Width), Name: o.Name, URL: o.URL, noPlaces: true, headlines: o.Headline != nil,
		Lang: o.Lang, Dari: o.Dari, Words: o.Words})
	if len(days) > GIFMaxFrames || len(days)*l.w*l.h > GIFMaxPixels {
		return nil, fmt.Errorf("%w: %d frames of %d×%d pixels, at most %d frames and %d million pixels in all: choose a larger step, a shorter range or a smaller width",
			ErrTooManyFrames, len(days), l.w, l.h, GIFMaxFrames, GIFMaxPixels/1_000_000)
	}
	pal := gifPalette(l.paint)
	anim := &gif.GIF{LoopCount: 0, Config: image.Config{ColorModel: pal, Width: l.w, Height: l.h}}
	r := newRenderer(l)
	batch := 4 * runtime.GOMAXPROCS(0)
	var prev *image.Paletted
	for start := 0; start < len(days); start += batch {
		part := days[start:min(start+batch, len(days))]
		frames, err := renderFrames(ctx, r, ds, pal, part, o.Headline, func(done int) {
			if progress != nil {
				progress(start+done, len(days))
			}
		})
		if err != nil {
			return nil, err
		}
		for _, f := range frames {
			anim.Image, prev = append(anim.Image, crop(prev, f)), f
		}
	}
	for i := range days {
		anim.Delay = append(anim.Delay, frameDelay(days, i))
		anim.Disposal = append(anim.Disposal, gif.DisposalNone)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, anim); err != nil {
		return nil, fmt.Errorf("export: gif: %w", err)
	}
	return buf.Bytes(), nil
}

// renderFrames draws the frame of each day on a worker per CPU. Frames are
// drawn a batch at a time and cropped as soon as drawn, so that memory holds
// one batch of whole frames, not the whole animation.
func renderFrames(ctx context.Context, r *renderer, ds *data.Dataset, pal color.Palette, days []data.Day, headline func(data.Day) string, progress func(int)) ([]*image.Paletted, error) {
	frames := make([]*image.Paletted, len(days))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			q := newQuantizer(pal)
			for i := range next {
				h := ""
				if headline != nil {
					h = headline(days[i])
				}
				sub := subtitle(ds, days[i], "")
				if r.l.fa() {
					sub = dariSubtitle(ds, days[i], "", r.l.opts.Words)
				}
				img := r.frame(looksOn(ds, days[i], "", r.l.paint), sub, h)
				frames[i] = q.paletted(img)
				mu.Lock()
				done++
				progress(done)
				mu.Unlock()
			}
		})
	}
	err := feed(ctx, next, len(days))
	wg.Wait()
	return frames, err
}

// feed hands out frame indices until all are out or ctx is done.
func feed(ctx context.Context, next chan<- int, n int) error {
	defer close(next)
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			return fmt.Errorf("export: gif: %w", ctx.Err())
		}
	}
	return nil
}

// frameDelay is frame i's duration: the days until the next frame times
// gifPerDay, between gifFloor and gifCap; gifLast for the last frame.
func frameDelay(days []data.Day, i int) int {
	if i == len(days)-1 {
		return gifLast
	}
	return min(gifCap, max(gifFloor, gifPerDay*int(days[i+1]-days[i])))
}

// gifDays are the frames' days: from, each change day (or every step
// days) after it, and to.
func gifDays(ds *data.Dataset, from, to data.Day, step int) []data.Day {
	days := []data.Day{from}
	if step > 0 {
		for d := from.AddDays(step); d < to; d = d.AddDays(step) {
			days = append(days, d)
		}
	} else {
		for _, d := range ds.ChangeDays() {
			if d > from && d < to {
				days = append(days, d)
			}
		}
	}
	if to > from {
		days = append(days, to)
	}
	return days
}
