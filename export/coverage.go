package export

import (
	gotext "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// flattenCoverages works around a bug in go-text/typesetting v0.3.5 (still
// in its main branch in December 2026): the shaper skips a lookup for a
// glyph its coverage "digest" says is absent, and setDigest.addRange stops
// adding ranges as soon as any one of its three masks is full, where
// HarfBuzz stops only when all three are. A coverage of ranges whose first
// range is wide (Noto Naskh's ccmp decompositions: glyphs 527 to 668, then
// 670 to 762) thus loses every later range, and ن (glyph 709) is never
// split into its dotless body and dot: it kept its isolated bowl in the
// middle of پنجشیر and اندراب. A list coverage is added glyph by glyph,
// which is right, so the lookups whose coverage go-text lets us replace
// get the same glyphs as a list (the same indices: a range's coverage
// index is the count of the glyphs before it). The rest (contextual
// formats 1 and 2, reverse chaining, positioning) keep unexported
// coverages; TestDariLettersTakeTheirForms checks that every letter of the
// alphabet takes its joined forms (glyph choice, not the marks' placing,
// which GPOS does and this does not touch).
func flattenCoverages(f *gotext.Font) {
	for _, lk := range f.GSUB.Lookups {
		for j, st := range lk.Subtables {
			lk.Subtables[j] = flattenSubtable(st)
		}
	}
}

// flattenSubtable is st with its coverage as a list where go-text exports it.
func flattenSubtable(st tables.GSUBLookup) tables.GSUBLookup {
	switch s := st.(type) {
	case tables.SingleSubs:
		switch d := s.Data.(type) {
		case tables.SingleSubstData1:
			d.Coverage = listCoverage(d.Coverage)
			s.Data = d
		case tables.SingleSubstData2:
			d.Coverage = listCoverage(d.Coverage)
			s.Data = d
		}
		return s
	case tables.MultipleSubs:
		s.Coverage = listCoverage(s.Coverage)
		return s
	case tables.AlternateSubs:
		s.Coverage = listCoverage(s.Coverage)
		return s
	case tables.LigatureSubs:
		s.Coverage = listCoverage(s.Coverage)
		return s
	case tables.ContextualSubs:
		if d, ok := s.Data.(tables.ContextualSubs3); ok {
			listCoverages(d.Coverages)
		}
	case tables.ChainedContextualSubs:
		if d, ok := s.Data.(tables.ChainedContextualSubs3); ok {
			listCoverages(d.InputCoverages)
		}
	}
	return st
}

// listCoverages makes each coverage of cs a list, in place.
func listCoverages(cs []tables.Coverage) {
	for i, c := range cs {
		cs[i] = listCoverage(c)
	}
}

// listCoverage is c as a list of glyphs, when c is a set of ranges, in
// glyph order, whose coverage indices follow one another (as the OpenType
// format requires); otherwise c.
func listCoverage(c tables.Coverage) tables.Coverage {
	r, ok := c.(tables.Coverage2)
	if !ok {
		return c
	}
	var glyphs []tables.GlyphID
	for _, rg := range r.Ranges {
		// A list is searched by glyph: the ranges must follow one another.
		if int(rg.StartCoverageIndex) != len(glyphs) || rg.EndGlyphID < rg.StartGlyphID ||
			len(glyphs) > 0 && rg.StartGlyphID <= glyphs[len(glyphs)-1] {
			return c
		}
		for g := int(rg.StartGlyphID); g <= int(rg.EndGlyphID); g++ {
			glyphs = append(glyphs, tables.GlyphID(g))
		}
	}
	return tables.Coverage1{Glyphs: glyphs}
}
