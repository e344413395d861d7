package server

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestGoldenHeadlines writes the previews' headline of every day of the
// fixture, in English and Dari, to testdata/headlines.json: the page's
// headline (web/static/js/controls/headline.js) is held equal to it by a
// Node test over the same days (web/test/headline-dom*.test.mjs), so the
// two writers of the sentence cannot drift apart.
func TestGoldenHeadlines(t *testing.T) {
	t.Parallel()
	s := newFixtureServer(t)
	out := map[string]map[string]string{}
	for _, lang := range languages {
		sp := s.speaker(lang)
		out[lang] = map[string]string{}
		for d := s.ds.First; d <= s.ds.LastChange.AddDays(1); d++ {
			out[lang][d.String()] = sp.headline(d)
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, filepath.Join("testdata", "headlines.json"), "the previews' headlines", b)
}
