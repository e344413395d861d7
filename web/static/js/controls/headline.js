// The day's headline, generated from the data: the assessed changes of the
// day, each party's claims and denials of the day, or, after the last
// record, that nothing new is known. And the banner of a claims view, which
// says plainly that the map shows a party's claims, not the assessment.

import { dayNumber } from '../dates.js';
import { areaName, bdi, confidenceLabel, dateInto, fill, lang, num, partyName, statusLabel, t } from '../i18n.js';

const provinceFa = { Panjshir: 'پنجشیر', Baghlan: 'بغلان' };

// placeNames names a set of districts: "all of Panjshir" when it holds a
// whole province (every district the province has, not only every one the
// map shows: the map holds 3 of Baghlan's 15), else up to three names and a
// count.
export function placeNames(pcodes, areas) {
  const set = new Set(pcodes);
  const provinces = new Map();
  for (const a of areas) {
    provinces.set(a.province, [...(provinces.get(a.province) || []), a]);
  }
  const parts = [];
  const left = new Set(set);
  for (const [province, members] of provinces) {
    const whole = members.length > 1 && members.length === members[0].province_districts;
    if (whole && members.every((a) => set.has(a.pcode))) {
      parts.push(t('allOf', { p: lang === 'fa' ? provinceFa[province] || province : province }));
      members.forEach((a) => left.delete(a.pcode));
    }
  }
  const names = areas.filter((a) => left.has(a.pcode)).map(areaName);
  parts.push(...names.slice(0, 3));
  if (names.length > 3) {
    parts.push(t('andMore', { n: num(names.length - 3) }));
  }
  return parts.join(lang === 'fa' ? '، ' : ', ');
}

// changePhrase writes one assessed change of the districts named: a new
// status ("Dara: Contested → Taliban"), or, where the status holds and the
// assessment was revised on new evidence, the status and the confidence now
// ("Dara: Taliban, assessment updated (Medium confidence)"), never a change
// from Taliban to Taliban.
export function changePhrase(names, previous, status, confidence) {
  const el = document.createElement('span');
  if (previous === status) {
    return fill(el, 'headReassessed', { name: names, status: statusLabel(status), confidence: confidenceLabel(confidence) });
  }
  return fill(el, 'headChange', { name: names, from: statusLabel(previous), to: statusLabel(status), arrow: t('arrow') });
}

// phrases lists the day's sentences (as DOM nodes).
function phrases(index, areas, day) {
  const out = [];
  // The day's changes, grouped by transition: "all of Panjshir: contested → Taliban".
  const groups = new Map();
  for (const c of index.changesAround(day, 0, dayNumber)) {
    const key = `${c.previous}>${c.status}>${c.previous === c.status ? c.confidence : ''}`;
    groups.set(key, [...(groups.get(key) || []), c.pcode]);
  }
  for (const [key, pcodes] of groups) {
    const [from, to, confidence] = key.split('>');
    out.push(changePhrase(bdi(placeNames(pcodes, areas)), from, to, confidence));
  }
  // The sides' claims and denials (observers' reports are not news of a side).
  const sides = index.timeline.sides;
  const claims = index.claimsOn(day).filter((c) => sides.includes(c.party));
  // Each party's claims (grouped by the status claimed: "the Taliban claim
  // all of Panjshir", "the NRF claim Dara (Contested)"), then the denials.
  for (const party of sides) {
    const byStatus = new Map();
    for (const c of claims.filter((x) => x.party === party && x.kind === 'claim')) {
      byStatus.set(c.status, [...(byStatus.get(c.status) || []), ...c.pcodes]);
    }
    for (const [status, pcodes] of byStatus) {
      const names = bdi(placeNames([...new Set(pcodes)], areas));
      out.push(fill(document.createElement('span'), status === party ? 'headClaim' : 'headClaimAs',
        { party: partyName(party), names, status: statusLabel(status) }));
    }
  }
  // A denial names what it answers: the other side's claim of the same day
  // ("the NRF deny the Taliban claim"), else the districts it is about; a
  // bare "they deny it" would seem to deny the assessment itself.
  for (const party of sides) {
    const denials = claims.filter((c) => c.party === party && c.kind === 'denial');
    if (denials.length === 0) {
      continue;
    }
    const other = sides.find((p) => p !== party);
    const el = document.createElement('span');
    if (claims.some((c) => c.party === other && c.kind === 'claim')) {
      out.push(fill(el, 'headDenyClaim', { party: partyName(party), other: partyName(other) }));
    } else {
      const names = bdi(placeNames([...new Set(denials.flatMap((c) => c.pcodes))], areas));
      out.push(fill(el, 'headDenyAbout', { party: partyName(party), names }));
    }
  }
  return out;
}

// renderHeadline writes the headline of day into el.
export function renderHeadline(el, { index, areas, model }) {
  const day = model.date;
  el.replaceChildren();
  dateInto(el, day, 'short').classList.add('headline-date');
  el.append(': ');
  if (day > model.evidenceEnd) {
    fill(el, 'headNoEvidence', { date: dateInto(document.createElement('span'), model.evidenceEnd, 'short') });
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
  constructor(root, { index, areas, state }) {
    this.root = root;
    this.ctx = { index, areas, model: state.model };
    this.state = state;
    this.line = root.querySelector('.headline-text');
    this.banner = root.querySelector('.claims-banner');
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
  }
}
