// The legend: what each fill means, the disputed outline, and downloads.

import { t } from '../i18n.js';
import { fillFor, statusLabel, viewLabel } from '../style.js';

export const Legend = L.Control.extend({
  options: { position: 'topleft' },

  initialize(state, links, options) {
    L.setOptions(this, options);
    this.state = state;
    this.links = links;
    this.onView = () => this.render();
  },

  onAdd() {
    this.root = L.DomUtil.create('section', 'legend panel');
    this.root.setAttribute('aria-label', 'Legend');
    this.title = L.DomUtil.create('h2', '', this.root);
    const list = L.DomUtil.create('ul', '', this.root);
    for (const status of ['republic', 'taliban', 'resistance', 'contested', 'unknown']) {
      const li = L.DomUtil.create('li', '', list);
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('width', '22');
      svg.setAttribute('height', '14');
      svg.setAttribute('aria-hidden', 'true');
      const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      for (const [k, v] of Object.entries({ width: 22, height: 14, fill: fillFor(status), stroke: '#333' })) {
        rect.setAttribute(k, v);
      }
      svg.append(rect);
      li.append(svg, ` ${statusLabel(status)}`);
    }
    const disputed = L.DomUtil.create('li', 'legend-disputed', list);
    disputed.innerHTML = '<svg width="22" height="14" aria-hidden="true"><rect width="22" height="14" fill="none" stroke="#333" stroke-width="2.5" stroke-dasharray="6 4"/></svg> ';
    disputed.append(t('disputedLegend'));
    const ev = L.DomUtil.create('li', '', list);
    ev.innerHTML = '<svg width="22" height="14" aria-hidden="true"><circle cx="11" cy="7" r="5" fill="#fff" stroke="#111" stroke-width="1.5"/></svg> ';
    ev.append(t('eventLegend'));
    const dl = L.DomUtil.create('p', 'downloads', this.root);
    dl.append(`${t('download')} `);
    this.dayLink = L.DomUtil.create('a', 'download-day', dl);
    this.dayLink.textContent = t('thisDay');
    dl.append(' · ');
    const all = L.DomUtil.create('a', 'download-history', dl);
    all.textContent = t('fullHistory');
    all.href = this.links.history;
    all.download = 'controlmap-history.geojson';
    L.DomEvent.disableClickPropagation(this.root);
    L.DomEvent.disableScrollPropagation(this.root);
    this.state.addEventListener('change', this.onView);
    this.state.model.addEventListener('datechange', this.onView);
    this.render();
    return this.root;
  },

  onRemove() {
    this.state.removeEventListener('change', this.onView);
    this.state.model.removeEventListener('datechange', this.onView);
  },

  render() {
    this.title.textContent = viewLabel(this.state.view);
    this.dayLink.href = this.links.day(this.state.model.date);
    this.dayLink.download = `controlmap-${this.state.model.date}.geojson`;
  },
});
