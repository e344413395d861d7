// The legend: what each fill means, the disputed outline, and downloads.
// Its swatches are drawn with the map's own styles (style.js).

import { statusLabel, t, viewLabel } from '../i18n.js';
import { areaStyle, eventStyle, fillFor } from '../style.js';

const svgNS = 'http://www.w3.org/2000/svg';
const legendStatuses = ['republic', 'taliban', 'resistance', 'contested', 'unknown'];

// swatch is a 22×14 SVG holding one shape (rect or circle) with attrs.
function swatch(shape, attrs) {
  const svg = document.createElementNS(svgNS, 'svg');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const el = document.createElementNS(svgNS, shape);
  for (const [k, v] of Object.entries(attrs)) {
    el.setAttribute(k, v);
  }
  svg.append(el);
  return svg;
}

function entry(list, className, svg, text) {
  const li = L.DomUtil.create('li', className, list);
  li.append(svg, ` ${text}`);
  return li;
}

function entries(list) {
  const outline = areaStyle({ status: 'unknown' }).color;
  for (const status of legendStatuses) {
    entry(list, '', swatch('rect', { width: 22, height: 14, fill: fillFor(status), stroke: outline }), statusLabel(status));
  }
  const d = areaStyle({ status: 'unknown', disputed: true });
  entry(list, 'legend-disputed', swatch('rect', {
    width: 22, height: 14, fill: 'none', stroke: d.color, 'stroke-width': d.weight, 'stroke-dasharray': d.dashArray,
  }), t('disputedLegend'));
  entry(list, '', swatch('circle', {
    cx: 11, cy: 7, r: 5, fill: eventStyle.fillColor, stroke: eventStyle.color, 'stroke-width': eventStyle.weight,
  }), t('eventLegend'));
}

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
    entries(L.DomUtil.create('ul', '', this.root));
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
