package server

import (
	"fmt"
	"strings"

	"github.com/controlmap/controlmap/data"
)

// The words of a day's headline in English, for the link previews: the
// phrases are the server's (data.Dataset.Headline), and these are the
// page's English words for them (web/static/js/i18n.js), which
// TestPreviewSaysWhatThePageSays holds equal in the browser.
var (
	headlineStatus = map[data.Status]string{data.StatusRepublic: "Islamic Republic", data.StatusTaliban: "Taliban",
		data.StatusResistance: "Resistance (NRF and allies)", data.StatusContested: "Contested", data.StatusUnknown: "Unknown / no claim"}
	headlineParty      = map[data.Party]string{data.PartyTaliban: "Taliban", data.PartyResistance: "NRF"}
	headlineConfidence = map[data.Confidence]string{data.ConfidenceHigh: "High confidence",
		data.ConfidenceMedium: "Medium confidence", data.ConfidenceLow: "Low confidence"}
)

// headlineText writes day's headline in English as the page does: the day's
// phrases, else that nothing changed (and how many districts the claims
// dispute), else, after the last record, that nothing newer is known.
func (s *Server) headlineText(day data.Day) string {
	if day > s.ds.LastChange {
		upTo := s.ds.EvidenceUpTo()
		if upTo == 0 {
			upTo = s.ds.LastChange
		}
		return fmt.Sprintf("No new evidence about control since %s: the last assessed status holds.", shortDate(upTo))
	}
	var parts []string
	for _, p := range s.ds.Headline(day) {
		parts = append(parts, s.phraseText(p))
	}
	if len(parts) > 0 {
		return strings.Join(parts, "; ") + "."
	}
	disputed := 0
	for _, st := range s.ds.StatesAt(day) {
		if st.Disputed {
			disputed++
		}
	}
	if disputed > 0 {
		return fmt.Sprintf("No change recorded on this day. claims disagree over %d districts.", disputed)
	}
	return "No change recorded on this day."
}

func (s *Server) phraseText(p data.Phrase) string {
	names := s.placesText(p.Places)
	switch p.Kind {
	case data.PhraseChange:
		return fmt.Sprintf("%s: %s → %s%s", names, headlineStatus[p.From], headlineStatus[p.To], revisedText(p.Revised))
	case data.PhraseReassessed:
		return fmt.Sprintf("%s: %s, on new evidence (%s)%s", names, headlineStatus[p.To], headlineConfidence[p.Confidence], revisedText(p.Revised))
	case data.PhraseClaim:
		return fmt.Sprintf("the %s claim %s", headlineParty[p.Party], names)
	case data.PhraseClaimAs:
		return fmt.Sprintf("the %s call %s %s", headlineParty[p.Party], names, headlineStatus[p.Status])
	case data.PhraseDenyClaim:
		return fmt.Sprintf("the %s deny the %s claim", headlineParty[p.Party], headlineParty[p.Other])
	}
	return fmt.Sprintf("the %s deny reports about %s", headlineParty[p.Party], names)
}

// revisedText is the page's note on a corrected assessment: " (revised
// 26 Nov 2026)", or nothing.
func revisedText(d data.Day) string {
	if d == 0 {
		return ""
	}
	return " (revised " + shortDate(d) + ")"
}

// placesText names districts as the page does: whole provinces, then up to
// three districts and a count.
func (s *Server) placesText(p data.Places) string {
	var parts []string
	for _, prov := range p.Provinces {
		parts = append(parts, "all of "+prov)
	}
	for i, pc := range p.PCodes {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(p.PCodes)-3))
			break
		}
		a, _ := s.ds.Area(pc)
		parts = append(parts, a.Name)
	}
	return strings.Join(parts, ", ")
}

// shortDate writes a day as the page's short English date (6 Sept 2021).
func shortDate(d data.Day) string {
	t := d.Time()
	month := t.Format("Jan")
	if month == "Sep" {
		month = "Sept"
	}
	return fmt.Sprintf("%d %s %d", t.Day(), month, t.Year())
}
