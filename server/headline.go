package server

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"strings"

	"github.com/controlmap/controlmap/data"
	"github.com/controlmap/controlmap/export"
	"github.com/controlmap/controlmap/wire"
)

// words are the page's words in one language, read from the page's own
// files (web/static/i18n/LANG.json): the link previews say what the page
// says, in English and in Dari, from one table.
type words map[string]string

// languages are the page's languages.
var languages = []string{"en", "fa"}

// loadWords reads the page's words in every language from its files.
func loadWords(web fs.FS) (map[string]words, error) {
	out := map[string]words{}
	for _, lang := range languages {
		b, err := fs.ReadFile(web, "i18n/"+lang+".json")
		if err != nil {
			return nil, fmt.Errorf("server: the page's words: %w", err)
		}
		var w words
		if err := json.Unmarshal(b, &w); err != nil {
			return nil, fmt.Errorf("server: the page's words, i18n/%s.json: %w", lang, err)
		}
		out[lang] = w
	}
	return out, nil
}

// loadDariFont reads the page's Naskh font for the Dari pictures; nil,
// logged, when the page's files lack it (a stand-in page in a test).
func loadDariFont(web fs.FS, log *slog.Logger) *export.DariFont {
	var files [4][]byte
	for i, name := range export.DariFontFiles {
		b, err := fs.ReadFile(web, "vendor/fonts/files/"+name)
		if err != nil {
			log.Warn("no Dari font: Dari pictures are drawn in English", "err", err)
			return nil
		}
		files[i] = b
	}
	f, err := export.ParseDariFont(files)
	if err != nil {
		log.Warn("the Dari font does not parse: Dari pictures are drawn in English", "err", err)
		return nil
	}
	return f
}

// regionWords are the page's words with what the region fills in them:
// the map's name, what it maps, the country around it and the month its
// data starts ({region}, {place}, {country}, {start}), as the page's t()
// fills them from the shell's data-region (i18n.js).
func regionWords(all map[string]words, ds *data.Dataset) map[string]words {
	out := map[string]words{}
	for lang, w := range all {
		start := ds.First.Time()
		month := w.t(fmt.Sprint("monthLong", int(start.Month()))) + " " + fmt.Sprint(start.Year())
		if lang == "fa" {
			month = export.DariDigits(month)
		}
		vars := []string{"region", ds.Region.NameIn(lang), "place", ds.Region.PlaceIn(lang), "country", ds.Region.CountryIn(lang), "start", month}
		filled := words{}
		for k, v := range w {
			filled[k] = wire.Fill(v, vars...)
		}
		out[lang] = filled
	}
	return out
}

// t is the phrase for key with its {placeholders} filled from vars (name,
// value pairs), as the page's t() fills them; the key itself when the
// language has no such phrase.
func (w words) t(key string, vars ...string) string {
	s, ok := w[key]
	if !ok {
		return key
	}
	return wire.Fill(s, vars...)
}

// speaker writes a day's headline in one language, as the page does.
type speaker struct {
	ds   *data.Dataset
	lang string
	w    words
	// shell is what the page's shell takes from the region (shellOf),
	// made once per server; nil: made when asked.
	shell *regionShell
}

// speaker speaks of the server's dataset in lang.
func (s *Server) speaker(lang string) speaker { return s.speakerOf(lang, s.ds) }

// speakerOf speaks of ds (the map as known at the time, say) in lang.
func (s *Server) speakerOf(lang string, ds *data.Dataset) speaker {
	w, ok := s.words[lang]
	if !ok {
		lang, w = "en", s.words["en"]
	}
	return speaker{ds, lang, w, s.shell}
}

func (sp speaker) fa() bool { return sp.lang == "fa" }

// num writes a whole number in the language's digits.
func (sp speaker) num(n int) string {
	if sp.fa() {
		return export.DariDigits(fmt.Sprint(n))
	}
	return fmt.Sprint(n)
}

// date writes a day as the page's short date (i18n.js dateText): the day,
// the month's name from the words, the year, in the language's digits
// ("6 Sept 2021", "۶ سپتمبر ۲۰۲۱").
func (sp speaker) date(d data.Day) string {
	t := d.Time()
	return sp.num(t.Day()) + " " + sp.w.t(fmt.Sprint("month", int(t.Month()))) + " " + sp.num(t.Year())
}

// status and party are the region's names of its parties (region.csv:
// a status's name.LANG, a party's short.LANG in a phrase) and the page's
// words for the others; confidence the page's words.
func (sp speaker) status(st data.Status) string {
	if p, ok := sp.ds.Region.Party(data.Party(st)); ok {
		return p.NameIn(sp.lang)
	}
	return sp.w.t(string(st))
}

func (sp speaker) party(p data.Party) string {
	if pd, ok := sp.ds.Region.Party(p); ok {
		return pd.SpeakerIn(sp.lang)
	}
	return sp.w.t("party" + strings.ToUpper(string(p[:1])) + string(p[1:]))
}

// side is a side's name in a phrase ("Resistance claims").
func (sp speaker) side(p data.Party) string {
	pd, _ := sp.ds.Region.Party(p)
	return pd.ShortIn(sp.lang)
}

func (sp speaker) confidence(c data.Confidence) string {
	return sp.w.t("conf" + strings.ToUpper(string(c[:1])) + string(c[1:]))
}

// headline writes day's headline as the page does: the day's phrases, else
// that nothing changed (and how many districts the claims dispute), else,
// after the last record, that nothing newer is known.
func (sp speaker) headline(day data.Day) string {
	ds := sp.ds
	if day > ds.LastChange {
		upTo := ds.EvidenceUpTo()
		if upTo == 0 {
			upTo = ds.LastChange
		}
		return sp.w.t("headNoEvidence", "date", sp.date(upTo))
	}
	var parts []string
	for _, p := range ds.Headline(day) {
		parts = append(parts, sp.phrase(p))
	}
	if len(parts) > 0 {
		sep := "; "
		if sp.fa() {
			sep = "؛ "
		}
		return strings.Join(parts, sep) + "."
	}
	if n := disputedOn(ds, day); n > 0 {
		return sp.w.t("headQuiet") + " " + sp.w.t("headDisputed", "n", sp.num(n)) + "."
	}
	return sp.w.t("headQuiet")
}

// disputedOn counts the districts the claims dispute on day.
func disputedOn(ds *data.Dataset, day data.Day) int {
	n := 0
	for _, st := range ds.StatesAt(day) {
		if st.Disputed {
			n++
		}
	}
	return n
}

func (sp speaker) phrase(p data.Phrase) string {
	names := sp.places(p.Places)
	switch p.Kind {
	case data.PhraseChange:
		return sp.w.t("headChange", "name", names, "from", sp.status(p.From), "arrow", sp.w.t("arrow"), "to", sp.status(p.To)) + sp.revised(p.Revised)
	case data.PhraseReassessed:
		return sp.w.t("headReassessed", "name", names, "status", sp.status(p.To), "confidence", sp.confidence(p.Confidence)) + sp.revised(p.Revised)
	case data.PhraseClaim:
		return sp.w.t("headClaim", "party", sp.party(p.Party), "names", names, "status", sp.status(p.Status))
	case data.PhraseClaimAs:
		return sp.w.t("headClaimAs", "party", sp.party(p.Party), "names", names, "status", sp.status(p.Status))
	case data.PhraseDenyClaim:
		return sp.w.t("headDenyClaim", "party", sp.party(p.Party), "other", sp.party(p.Other))
	case data.PhraseCapitals:
		out := sp.w.t("headCapitals", "party", sp.side(sp.ds.Region.As(data.RoleRuling)), "names", sp.capitals(p.Capitals), "held", sp.num(p.Held), "of", sp.num(p.Of))
		if p.Unknown > 0 {
			out += sp.w.t("headCapitalsUnknown", "n", sp.num(p.Unknown))
		}
		if len(p.Holdouts) > 0 {
			out += sp.w.t("headCapitalsNot", "names", sp.capitals(p.Holdouts))
		}
		return out
	}
	return sp.w.t("headDenyAbout", "party", sp.party(p.Party), "names", names)
}

// revised is the page's note on a corrected assessment, or nothing.
func (sp speaker) revised(d data.Day) string {
	if d == 0 {
		return ""
	}
	return sp.w.t("headRevised", "date", sp.date(d))
}

// capitals names provinces' capitals as the page does: "Kabul (Kabul)",
// up to three and a count.
func (sp speaker) capitals(pcodes []string) string {
	var parts []string
	for i, pc := range pcodes {
		if i == 3 {
			parts = append(parts, sp.w.t("andMore", "n", sp.num(len(pcodes)-3)))
			break
		}
		p, _ := sp.ds.Province(pc)
		name := p.Name
		if sp.fa() && p.NameFa != "" {
			name = p.NameFa
		}
		parts = append(parts, sp.w.t("capitalOf", "capital", p.Capital, "province", name))
	}
	return strings.Join(parts, sp.sep())
}

// sep is the language's list separator.
func (sp speaker) sep() string {
	if sp.fa() {
		return "، "
	}
	return ", "
}

// places names districts as the page does: whole provinces, then up to
// three districts and a count.
func (sp speaker) places(p data.Places) string {
	var parts []string
	for _, prov := range p.Provinces {
		name := prov
		if w, ok := sp.w["province"+prov]; ok {
			name = w
		}
		parts = append(parts, sp.w.t("allOf", "p", name))
	}
	for i, pc := range p.PCodes {
		if i == 3 {
			parts = append(parts, sp.w.t("andMore", "n", sp.num(len(p.PCodes)-3)))
			break
		}
		a, _ := sp.ds.Area(pc)
		if sp.fa() && a.NameFa != "" {
			parts = append(parts, a.NameFa)
		} else {
			parts = append(parts, a.Name)
		}
	}
	return strings.Join(parts, sp.sep())
}
