package data

import (
	"cmp"
	"slices"
)

// PhraseKind is what one phrase of a day's headline says.
type PhraseKind string

// The phrase kinds: the day's assessed changes, then each side's claims,
// then its denials.
const (
	PhraseChange     PhraseKind = "change"     // Places: From → To
	PhraseReassessed PhraseKind = "reassessed" // Places: To, on new evidence (Confidence): a new interval, same status
	PhraseClaim      PhraseKind = "claim"      // Party claims Places (for itself)
	PhraseClaimAs    PhraseKind = "claim_as"   // Party calls Places Status
	PhraseDenyClaim  PhraseKind = "deny_claim" // Party denies Other's claim of the day
	PhraseDenyAbout  PhraseKind = "deny_about" // Party denies reports about Places
	PhraseCapitals   PhraseKind = "capitals"   // the Taliban take Capitals: they hold Held of Of provincial capitals (Unknown undated), not Holdouts'
)

// Places names a set of districts as a headline does: the provinces it
// holds whole (every district the province has, not only every one the
// map shows), then the other districts, in the order of Areas.
type Places struct {
	Provinces []string
	PCodes    []string
}

// Phrase is one phrase of a day's headline.
type Phrase struct {
	Kind       PhraseKind
	Places     Places
	From, To   Status     // change and reassessed
	Confidence Confidence // reassessed
	Party      Party      // claims and denials
	Other      Party      // deny_claim: whose claim is denied
	Status     Status     // claim_as: the status claimed
	// Capitals are the provinces (P-codes) whose capital fell to the
	// Taliban on the day; Held of Of provinces' capitals they then hold;
	// Holdouts, once they hold most, the provinces whose capital another
	// side holds (at most three: "the last holdout").
	Capitals, Holdouts []string
	Held, Of           int
	Unknown            int // provinces whose capital's fall no source of the time dates
	// Revised is, for a change or a reassessment, the day the latest
	// correction of those rows was published (zero when none was): the
	// headline tells a corrected assessment from new evidence.
	Revised Day
}

// Headline returns the phrases of day's headline: the provincial capitals
// that fell to the Taliban on the day (the country around the districts),
// the assessed changes of the day grouped by transition, each side's claims of the day grouped by
// the status claimed, then each side's denials, which name what they deny
// (the other side's claim of the day, else the districts). This is the one
// rule of the headline: the page and the link previews write these phrases
// in words.
func (d *Dataset) Headline(day Day) []Phrase {
	out := append(d.capitalPhrases(day), d.changePhrases(day)...)
	claims := d.sideClaimsOn(day)
	for _, party := range d.Region.Sides() {
		var statuses []Status
		pcodes := map[Status][]string{}
		for _, c := range claims {
			if c.Party == party && c.Kind == KindClaim {
				if _, ok := pcodes[c.Status]; !ok {
					statuses = append(statuses, c.Status)
				}
				pcodes[c.Status] = append(pcodes[c.Status], c.PCodes...)
			}
		}
		for _, st := range statuses {
			kind := PhraseClaimAs
			if Status(party) == st {
				kind = PhraseClaim
			}
			out = append(out, Phrase{Kind: kind, Party: party, Status: st, Places: d.PlacesOf(pcodes[st])})
		}
	}
	return append(out, d.denialPhrases(claims)...)
}

// maxHoldouts is how many holdouts a capitals phrase names: "the last
// holdouts" are few, or they are not news.
const maxHoldouts = 3

// capitalPhrases is the phrase of the provincial capitals that fell on
// day, if any (a province that follows a district falls with it): which,
// how many the Taliban then hold, how many have no sourced day, and, once
// the Taliban hold most, the few held by someone else.
func (d *Dataset) capitalPhrases(day Day) []Phrase {
	p := Phrase{Kind: PhraseCapitals, Of: len(d.Provinces)}
	for i := range d.Provinces {
		if slices.Contains(d.fallsOf(&d.Provinces[i]), day) {
			p.Capitals = append(p.Capitals, d.Provinces[i].PCode)
		}
	}
	if len(p.Capitals) == 0 {
		return nil
	}
	for i := range d.Provinces {
		switch d.ProvinceOn(&d.Provinces[i], day).Status {
		case d.Region.StatusAs(RoleRuling):
			p.Held++
		case StatusUnknown:
			p.Unknown++
		default:
			p.Holdouts = append(p.Holdouts, d.Provinces[i].PCode)
		}
	}
	if 2*p.Held <= p.Of || len(p.Holdouts) > maxHoldouts {
		p.Holdouts = nil
	}
	return []Phrase{p}
}

// changePhrases groups the assessed changes of day by transition (and, for
// a revised assessment of the same status, by its confidence), in the
// order of the changed districts' names.
func (d *Dataset) changePhrases(day Day) []Phrase {
	type change struct {
		area     *Area
		from, to Status
		conf     Confidence
		revised  Day
	}
	var changes []change
	for i := range d.Areas {
		ivs := d.Intervals[d.Areas[i].PCode]
		for k := range ivs {
			if ivs[k].From != day {
				continue
			}
			c := change{area: &d.Areas[i], from: StatusUnknown, to: ivs[k].Status}
			if rs := d.IntervalRevisions(&ivs[k]); len(rs) > 0 {
				c.revised = rs[0].Published // newest first
			}
			if k > 0 {
				c.from = ivs[k-1].Status
			}
			if c.from == c.to {
				c.conf = ivs[k].Confidence
			}
			changes = append(changes, c)
		}
	}
	slices.SortStableFunc(changes, func(a, b change) int { return cmp.Compare(a.area.Name, b.area.Name) })
	var out []Phrase
	var groups [][]string
	for _, c := range changes {
		j := slices.IndexFunc(out, func(p Phrase) bool { return p.From == c.from && p.To == c.to && p.Confidence == c.conf })
		if j < 0 {
			kind := PhraseChange
			if c.from == c.to {
				kind = PhraseReassessed
			}
			out = append(out, Phrase{Kind: kind, From: c.from, To: c.to, Confidence: c.conf})
			groups = append(groups, nil)
			j = len(out) - 1
		}
		groups[j] = append(groups[j], c.area.PCode)
		out[j].Revised = max(out[j].Revised, c.revised)
	}
	for j := range out {
		out[j].Places = d.PlacesOf(groups[j])
	}
	return out
}

// sideClaimsOn returns the claims and denials the sides of the war made on
// day, in file order (observers' reports are not a side's news).
func (d *Dataset) sideClaimsOn(day Day) []*Claim {
	var out []*Claim
	sides := d.Region.Sides()
	for i := range d.Claims {
		if c := &d.Claims[i]; c.Date == day && slices.Contains(sides, c.Party) {
			out = append(out, c)
		}
	}
	return out
}

// denialPhrases: a denial names what it answers, the other side's claim of
// the same day, else the districts it is about; never a bare "they deny
// it", which would seem to deny the assessment itself.
func (d *Dataset) denialPhrases(claims []*Claim) []Phrase {
	var out []Phrase
	for _, party := range d.Region.Sides() {
		var about []string
		denied := false
		for _, c := range claims {
			if c.Party == party && c.Kind == KindDenial {
				denied = true
				about = append(about, c.PCodes...)
			}
		}
		if !denied {
			continue
		}
		other := d.otherSide(party)
		if slices.ContainsFunc(claims, func(c *Claim) bool { return c.Party == other && c.Kind == KindClaim }) {
			out = append(out, Phrase{Kind: PhraseDenyClaim, Party: party, Other: other})
		} else {
			out = append(out, Phrase{Kind: PhraseDenyAbout, Party: party, Places: d.PlacesOf(about)})
		}
	}
	return out
}

func (d *Dataset) otherSide(p Party) Party {
	for _, s := range d.Region.Sides() {
		if s != p {
			return s
		}
	}
	return ""
}

// PlacesOf names the districts pcodes as a headline does: a province whose
// every district (all ProvinceDistricts of them, more than one) is in the
// set is named whole; the other districts follow in the order of Areas.
func (d *Dataset) PlacesOf(pcodes []string) Places {
	var out Places
	left := map[string]bool{}
	for _, pc := range pcodes {
		left[pc] = true
	}
	var provinces []string
	members := map[string][]*Area{}
	for i := range d.Areas {
		a := &d.Areas[i]
		if _, ok := members[a.Province]; !ok {
			provinces = append(provinces, a.Province)
		}
		members[a.Province] = append(members[a.Province], a)
	}
	for _, p := range provinces {
		ms := members[p]
		whole := len(ms) > 1 && len(ms) == ms[0].ProvinceDistricts &&
			!slices.ContainsFunc(ms, func(a *Area) bool { return !left[a.PCode] })
		if whole {
			out.Provinces = append(out.Provinces, p)
			for _, a := range ms {
				delete(left, a.PCode)
			}
		}
	}
	for _, a := range d.Areas {
		if left[a.PCode] {
			out.PCodes = append(out.PCodes, a.PCode)
		}
	}
	return out
}
