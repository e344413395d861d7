// The information panel: the selected district's status on the current day,
// since when, the confidence, each party's latest claim, and the sources.
// A select lets keyboard and screen-reader users choose a district too.

import { longDate, shortDate } from '../dates.js';
import { sourceLink } from '../sources.js';
import { areaName, lang, statusLabel, t } from '../i18n.js';

const parties = ['taliban', 'resistance', 'independent'];

// fmt writes a day: ISO in Dari (unambiguous), short and readable in English.
function fmt(day) {
  return lang === 'fa' ? day : shortDate(day);
}

export const InfoPanel = L.Control.extend({
  options: { position: 'topright' },

  initialize(state, index, options) {
    L.setOptions(this, options);
    this.state = state;
    this.index = index;
    this.onChange = () => this.render();
  },

  onAdd() {
    const root = L.DomUtil.create('section', 'info panel');
    root.setAttribute('aria-label', 'District details');
    const label = L.DomUtil.create('label', 'info-choose', root);
    label.textContent = `${t('district')} `;
    this.select = L.DomUtil.create('select', '', label);
    L.DomUtil.create('option', '', this.select).value = '';
    this.select.options[0].textContent = t('choose');
    for (const a of [...this.index.timeline.areas].sort((x, y) => areaName(x).localeCompare(areaName(y), lang))) {
      const o = L.DomUtil.create('option', '', this.select);
      o.value = a.pcode;
      o.textContent = areaName(a);
    }
    L.DomEvent.on(this.select, 'change', () => this.state.select(this.select.value || null));
    this.body = L.DomUtil.create('div', 'info-body', root);
    this.body.setAttribute('aria-live', 'polite');
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.state.addEventListener('change', this.onChange);
    this.state.model.addEventListener('datechange', this.onChange);
    this.render();
    return root;
  },

  onRemove() {
    this.state.removeEventListener('change', this.onChange);
    this.state.model.removeEventListener('datechange', this.onChange);
  },

  render() {
    const pcode = this.state.selected;
    this.select.value = pcode || '';
    this.body.replaceChildren();
    if (!pcode) {
      L.DomUtil.create('p', 'hint', this.body).textContent = t('hint');
      return;
    }
    const day = this.state.model.date;
    const iv = this.index.interval(pcode, day);
    this.renderStatus(pcode, day, iv);
    this.renderClaims(pcode, day);
    if (iv) {
      const sources = L.DomUtil.create('section', 'info-sources', this.body);
      L.DomUtil.create('h3', '', sources).textContent = t('assessmentSources');
      const ul = L.DomUtil.create('ul', '', sources);
      for (const id of iv.sources) {
        L.DomUtil.create('li', '', ul).append(sourceLink(this.index.source(id)));
      }
    }
  },

  // renderStatus writes the district's names and its assessed status on
  // day (iv, or unknown without one).
  renderStatus(pcode, day, iv) {
    const area = this.index.areas.get(pcode);
    const h = L.DomUtil.create('h2', '', this.body);
    h.textContent = areaName(area);
    const other = L.DomUtil.create('span', 'name-other', h);
    other.lang = lang === 'fa' ? 'en' : 'fa';
    other.dir = lang === 'fa' ? 'ltr' : 'rtl';
    other.textContent = lang === 'fa' ? area.name : area.name_fa;
    const status = L.DomUtil.create('p', 'info-status', this.body);
    const s = iv ? iv.status : 'unknown';
    status.dataset.status = s;
    status.textContent = `${statusLabel(s)} ${t('on')} ${lang === 'fa' ? day : longDate(day)}`;
    if (iv) {
      const since = L.DomUtil.create('p', 'info-since', this.body);
      since.textContent = `${t('since')} ${fmt(iv.from)}${iv.to ? `, ${t('until')} ${fmt(iv.to)}` : ''} · ${t('confidence')} ${iv.confidence}`;
      L.DomUtil.create('p', 'info-note', this.body).textContent = iv.note;
    }
    if (this.index.disputed(pcode, day)) {
      L.DomUtil.create('p', 'info-disputed', this.body).textContent = t('disputedNote');
    }
  },

  // renderClaims lists each party's latest claim on or before day.
  renderClaims(pcode, day) {
    const claims = L.DomUtil.create('section', 'info-claims', this.body);
    L.DomUtil.create('h3', '', claims).textContent = t('latestClaims');
    const list = L.DomUtil.create('ul', '', claims);
    for (const party of parties) {
      const name = t(party === 'independent' ? 'independent' : party);
      const c = this.index.latestClaim(pcode, party, day);
      const li = L.DomUtil.create('li', `claim claim-${party}`, list);
      if (!c) {
        li.textContent = `${name}: ${t('nothingYet')}`;
        continue;
      }
      const head = L.DomUtil.create('strong', '', li);
      head.textContent = `${name} (${c.kind}, ${fmt(c.date)}): ${statusLabel(c.status)}`;
      L.DomUtil.create('div', '', li).textContent = c.note;
      const srcs = L.DomUtil.create('div', 'claim-sources', li);
      c.sources.forEach((id, i) => {
        if (i > 0) {
          srcs.append('; ');
        }
        srcs.append(sourceLink(this.index.source(id)));
      });
    }
  },
});
