// The information panel: the selected district's status on the current day,
// since when, the confidence, each party's latest claim, and the sources.
// A select lets keyboard and screen-reader users choose a district too.

import { longDate, shortDate } from '../dates.js';
import { sourceLink } from '../sources.js';
import { statusLabels } from '../style.js';

const parties = [
  ['taliban', 'Taliban'],
  ['resistance', 'Resistance'],
  ['independent', 'Independent reports'],
];

export const InfoPanel = L.Control.extend({
  options: { position: 'topright' },

  initialize(state, history, options) {
    L.setOptions(this, options);
    this.state = state;
    this.history = history;
    this.onChange = () => this.render();
  },

  onAdd() {
    const root = L.DomUtil.create('section', 'info panel');
    root.setAttribute('aria-label', 'District details');
    const label = L.DomUtil.create('label', 'info-choose', root);
    label.textContent = 'District ';
    this.select = L.DomUtil.create('select', '', label);
    L.DomUtil.create('option', '', this.select).value = '';
    this.select.options[0].textContent = 'Choose or click a district';
    for (const a of [...this.history.timeline.areas].sort((x, y) => x.name.localeCompare(y.name))) {
      const o = L.DomUtil.create('option', '', this.select);
      o.value = a.pcode;
      o.textContent = a.name;
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
      L.DomUtil.create('p', 'hint', this.body).textContent = 'Click a district to see who held it on this day, who claimed what, and the sources.';
      return;
    }
    const day = this.state.model.date;
    const area = this.history.areas.get(pcode);
    const iv = this.history.interval(pcode, day);
    const h = L.DomUtil.create('h2', '', this.body);
    h.textContent = area.name;
    const fa = L.DomUtil.create('span', 'name-fa', h);
    fa.lang = 'fa';
    fa.dir = 'rtl';
    fa.textContent = area.name_fa;
    const status = L.DomUtil.create('p', 'info-status', this.body);
    const s = iv ? iv.status : 'unknown';
    status.dataset.status = s;
    status.textContent = `${statusLabels[s]} on ${longDate(day)}`;
    if (iv) {
      const since = L.DomUtil.create('p', 'info-since', this.body);
      since.textContent = `Since ${shortDate(iv.from)}${iv.to ? `, until ${shortDate(iv.to)}` : ''} · confidence ${iv.confidence}`;
      L.DomUtil.create('p', 'info-note', this.body).textContent = iv.note;
    }
    if (this.history.disputed(pcode, day)) {
      L.DomUtil.create('p', 'info-disputed', this.body).textContent = 'Disputed: the current claims disagree with each other or with this assessment.';
    }
    const claims = L.DomUtil.create('section', 'info-claims', this.body);
    L.DomUtil.create('h3', '', claims).textContent = 'Latest claims';
    const list = L.DomUtil.create('ul', '', claims);
    for (const [party, name] of parties) {
      const c = this.history.latestClaim(pcode, party, day);
      const li = L.DomUtil.create('li', `claim claim-${party}`, list);
      if (!c) {
        li.textContent = `${name}: nothing recorded yet`;
        continue;
      }
      const head = L.DomUtil.create('strong', '', li);
      head.textContent = `${name} (${c.kind}, ${shortDate(c.date)}): ${statusLabels[c.status]}`;
      L.DomUtil.create('div', '', li).textContent = c.note;
      const srcs = L.DomUtil.create('div', 'claim-sources', li);
      c.sources.forEach((id, i) => {
        if (i > 0) {
          srcs.append('; ');
        }
        srcs.append(sourceLink(this.history.source(id)));
      });
    }
    if (iv) {
      const sources = L.DomUtil.create('section', 'info-sources', this.body);
      L.DomUtil.create('h3', '', sources).textContent = 'Sources of the assessment';
      const ul = L.DomUtil.create('ul', '', sources);
      for (const id of iv.sources) {
        L.DomUtil.create('li', '', ul).append(sourceLink(this.history.source(id)));
      }
    }
  },
});
