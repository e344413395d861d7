package export

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"slices"
	"strings"
	"testing"
)

// dariFont reads the page's Naskh faces from the built page files.
func dariFont(t testing.TB) *DariFont {
	t.Helper()
	var files [4][]byte
	for i, name := range DariFontFiles {
		b, err := os.ReadFile("../web/static/vendor/fonts/files/" + name)
		if err != nil {
			t.Fatalf("the Dari font (make build copies it): %v", err)
		}
		files[i] = b
	}
	f, err := ParseDariFont(files)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// ink counts the dark pixels of img.
func ink(img *image.RGBA) int {
	n := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i] < 128 {
			n++
		}
	}
	return n
}

// Shaped Dari joins its letters: a word is narrower than its letters drawn
// apart; punctuation comes from the Latin subset (no missing glyph); a long
// paragraph wraps into the lines asked for (issue 25: Dari pictures with a
// shaping library).
func TestDariShaping(t *testing.T) {
	f := dariFont(t)
	word := f.line("پنجشیر", 40, false)
	apart := 0
	for _, r := range "پنجشیر" {
		apart += f.line(string(r), 40, false).width()
	}
	if w := word.width(); w <= 0 || w >= apart {
		t.Errorf("the shaped word is %d px wide, its letters apart %d", w, apart)
	}
	title := f.line("پنجشیر و اندراب: کی کجا را در اختیار داشت (۲۰۲۱-۰۹-۰۶)", 60, true)
	for _, run := range title.runs {
		for _, g := range run.Glyphs {
			if g.GlyphID == 0 {
				t.Errorf("a glyph is missing (.notdef) in the title's run of %v", run.Runes)
			}
		}
	}
	long := "بازارک، رُخه، دره، و ۲ دیگر: مورد منازعه ← طالبان؛ خنج: مقاومت ← طالبان؛ طالبان مدعی تمام پنجشیر است؛ جبهه مقاومت ملی مدعی بازارک است؛ جبهه مقاومت ملی ادعای طالبان را رد می‌کند."
	if ls := f.lines(long, 30, false, 700, 2); len(ls) != 2 || ls[0].width() > 700 || ls[1].width() > 700 {
		t.Errorf("the headline wrapped into %d lines", len(ls))
	}
	img := image.NewRGBA(image.Rect(0, 0, 1600, 110))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	title.draw(img, 1580, 75, color.Black)
	if n := ink(img); n < 2000 {
		t.Errorf("the title drew %d dark pixels", n)
	}
	if out := os.Getenv("DARI_PNG"); out != "" { // to look at it
		fh, _ := os.Create(out)
		_ = png.Encode(fh, img)
		fh.Close()
	}
}

// glyphsOf are the glyphs shaped for the rune at index i of s.
func glyphsOf(f *DariFont, s string, i int) []uint32 {
	var out []uint32
	for _, run := range f.line(s, 40, false).runs {
		for _, g := range run.Glyphs {
			if g.TextIndex() == i {
				out = append(out, uint32(g.GlyphID))
			}
		}
	}
	slices.Sort(out)
	return out
}

// Every letter of the Dari alphabet takes its joined forms: after a
// tatweel it is drawn in its final form, between two in its medial form
// (or, for the letters that join only to the right, the final), never as
// it stands alone. ن kept its isolated bowl inside words until the
// shaper's coverage bug was worked around (flattenCoverages).
func TestDariLettersTakeTheirForms(t *testing.T) {
	f := dariFont(t)
	const dual, right = "بپتثجچحخسشصضطظعغفقکگلمنهی", "ادذرزژو"
	for _, r := range dual + right {
		alone := glyphsOf(f, string(r), 0)
		if slices.Equal(glyphsOf(f, "ـ"+string(r), 1), alone) {
			t.Errorf("%c is drawn alone at the end of a word (glyphs %v)", r, alone)
		}
		if strings.ContainsRune(dual, r) {
			if slices.Equal(glyphsOf(f, "ـ"+string(r)+"ـ", 1), alone) {
				t.Errorf("%c is drawn alone inside a word (glyphs %v)", r, alone)
			}
			if slices.Equal(glyphsOf(f, string(r)+"ـ", 0), alone) {
				t.Errorf("%c is drawn alone at the start of a word (glyphs %v)", r, alone)
			}
		}
	}
}
