// The day's headline, generated from the data: the assessed changes of the
// day, each party's claims and denials of the day, or, after the last
// record, that nothing new is known. And the banner of a claims view, which
// says plainly that the map shows a party's claims, not the assessment.

import { areaName, bdi, confidenceLabel, dateInto, fill, lang, num, partyName, provinceName, sideName, statusLabel, t } from '../i18n.js';
import { sideIn } from '../region.js';

// placesText writes a set of districts as the server named it (its
// "places": the provinces held whole, then the other districts): "all of
// Panjshir", then up to three names and a count.
export function placesText(places, areas) {
  const parts = places.provinces.map((p) => t('allOf', { p: provinceName(p) }));
  const byCode = new Map(areas.map((a) => [a.pcode, a]));
  const names = places.pcodes.map((pc) => areaName(byCode.get(pc)));
  parts.push(...names.slice(0, 3));
  if (names.length > 3) {
    parts.push(t('andMore', { n: num(names.length - 3) }));
  }
  return parts.join(lang === 'fa' ? '، ' : ', ');
}

// capitalsText names provinces' capitals as the server named them in a
// capitals phrase: "Kabul (Kabul)", up to three and a count.
export function capitalsText(capitals) {
  const parts = capitals.slice(0, 3).map((c) => t('capitalOf', { capital: c.capital, province: lang === 'fa' && c.name_fa ? c.name_fa : c.name }));
  if (capitals.length > 3) {
    parts.push(t('andMore', { n: num(capitals.length - 3) }));
  }
  return parts.join(lang === 'fa' ? '، ' : ', ');
}

// changePhrase writes one assessed change of the districts named: a new
// status ("Dara: Contested → Taliban"), or, where the status holds and the
// assessment was revised on new evidence, the status and the confidence now
// ("Dara: Taliban, on new evidence (Medium confidence)"), never a change
// from Taliban to Taliban.
// A change the map corrected later says so: "(revised 26 Nov 2026)".
export function changePhrase(names, previous, status, confidence, revised = null) {
  const el = document.createElement('span');
  if (previous === status) {
    fill(el, 'headReassessed', { name: names, status: statusLabel(status), confidence: confidenceLabel(confidence) });
  } else {
    fill(el, 'headChange', { name: names, from: statusLabel(previous), to: statusLabel(status), arrow: t('arrow') });
  }
  if (revised) {
    fill(el, 'headRevised', { date: dateInto(document.createElement('span'), revised, 'short') });
  }
  return el;
}

// phraseText writes one phrase of the day's headline, as the server chose
// it (data.Dataset.Headline, in /api/timeline's "headlines"), in words.
function phraseText(p, areas) {
  const el = document.createElement('span');
  const names = () => bdi(placesText(p.places, areas));
  switch (p.kind) {
    case 'change':
    case 'reassessed':
      return changePhrase(names(), p.from, p.to, p.confidence, p.revised);
    case 'claim':
    case 'claim_as':
      return fill(el, p.kind === 'claim' ? 'headClaim' : 'headClaimAs', { party: partyName(p.party), names: names(), status: statusLabel(p.status) });
    case 'deny_claim':
      return fill(el, 'headDenyClaim', { party: partyName(p.party), other: partyName(p.other) });
    case 'capitals':
      fill(el, 'headCapitals', { party: sideName(sideIn('ruling')), names: bdi(capitalsText(p.capitals)), held: num(p.held), of: num(p.of) });
      if (p.unknown) {
        fill(el, 'headCapitalsUnknown', { n: num(p.unknown) });
      }
      if (p.holdouts) {
        fill(el, 'headCapitalsNot', { names: bdi(capitalsText(p.holdouts)) });
      }
      return el;
    default:
      return fill(el, 'headDenyAbout', { party: partyName(p.party), names: names() });
  }
}

// phrases lists the day's sentences (as DOM nodes).
function phrases(index, areas, day) {
  return (index.timeline.headlines[day] || []).map((p) => phraseText(p, areas));
}

// renderHeadline writes the headline of day into el.
export function renderHeadline(el, { index, areas, model }) {
  const day = model.date;
  el.replaceChildren();
  dateInto(el, day, 'short').classList.add('headline-date');
  el.append(': ');
  if (day > model.evidenceEnd) {
    // Nothing is recorded after the last record; what the reader needs is how
    // recent the evidence about control is (the server's evidence_up_to).
    const upTo = index.timeline.evidence_up_to || model.evidenceEnd;
    fill(el, 'headNoEvidence', { date: dateInto(document.createElement('span'), upTo, 'short') });
    return;
  }
  const parts = phrases(index, areas, day);
  if (parts.length === 0) {
    const disputed = areas.filter((a) => index.disputed(a.pcode, day)).length;
    el.append(disputed > 0 ? `${t('headQuiet')} ${t('headDisputed', { n: num(disputed) })}.` : t('headQuiet'));
    return;
  }
  parts.forEach((p, i) => {
    if (i > 0) {
      el.append(lang === 'fa' ? '؛ ' : '; ');
    }
    el.append(p);
  });
  el.append('.');
}

// Headline is the bar under the masthead: the day's headline, and in a
// claims view a banner with a way back to the assessment.
export class Headline {
  constructor(root, { index, areas, state, known }) {
    this.root = root;
    this.ctx = { index, areas, model: state.model };
    this.state = state;
    this.known = known;
    this.line = root.querySelector('.headline-text');
    this.banner = root.querySelector('.claims-banner');
    this.knownBanner = root.querySelector('.known-banner');
    // On a phone the headline shows two lines; a tap shows it whole.
    this.line.addEventListener('click', () => this.line.classList.toggle('open'));
    const render = () => this.render();
    state.model.addEventListener('datechange', render);
    state.addEventListener('change', render);
    this.render();
  }

  render() {
    renderHeadline(this.line, this.ctx);
    const { view } = this.state;
    const claims = view !== 'assessed';
    this.banner.hidden = !claims;
    document.body.dataset.view = view;
    if (claims) {
      this.banner.replaceChildren(t('claimsBanner', { party: partyName(view) }), ' ');
      const back = document.createElement('button');
      back.type = 'button';
      back.className = 'banner-back';
      back.textContent = t('backToAssessment');
      back.addEventListener('click', () => this.state.setView('assessed'));
      this.banner.append(back);
    }
    this.renderKnown();
  }

  // renderKnown writes, for the map as known at the time, which evidence it
  // rests on and a way back to hindsight.
  renderKnown() {
    const tl = this.ctx.index.timeline;
    const pending = Boolean(this.known?.pending);
    const at = this.state.known && Boolean(tl.known) && !pending;
    this.knownBanner.hidden = !this.state.known;
    document.body.dataset.known = at ? 'time' : this.state.known ? 'pending' : 'hindsight';
    if (!this.state.known) {
      return;
    }
    this.knownBanner.replaceChildren();
    const date = dateInto(document.createElement('span'), this.state.model.date, 'short');
    if (pending) {
      // The map shown is not yet the one of this day: say so, never label it.
      fill(this.knownBanner, 'knownPending', { date });
    } else {
      // Before the map's first publication (no publication known then) there
      // was no map to show as published: the banner says evidence only.
      fill(this.knownBanner, tl.updated ? 'knownBannerPublished' : 'knownBanner', { date });
    }
    this.knownBanner.append(' ');
    const back = document.createElement('button');
    back.type = 'button';
    back.className = 'banner-back';
    back.textContent = t('backToHindsight');
    back.addEventListener('click', () => this.state.setKnown(false));
    this.knownBanner.append(back);
  }
}
