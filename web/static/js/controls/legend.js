// The legend: what each fill means, how sure (opacity) and how fresh (dots)
// the assessment is, the disputed and selected outlines, compare mode's
// styling, and downloads. Its swatches are drawn with the map's own styles
// (style.js). It folds behind a button, open at first on wide screens only,
// so that on a phone it is one tap away and never covers the map.

import { confidenceLabel, num, sideName, statusLabel, t, viewLabel } from '../i18n.js';
import { badgeParts } from '../layers/countryside.js';
import { sideIn } from '../region.js';
import { areaStyle, compareStyle, fillFor, staleFor, statusColours } from '../style.js';

const svgNS = 'http://www.w3.org/2000/svg';

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

function outlined(style, fill = 'none', opacity = 1) {
  return swatch('rect', {
    x: 1, y: 1, width: 20, height: 12, fill, 'fill-opacity': opacity, stroke: style.color,
    'stroke-width': Math.min(style.weight, 4), 'stroke-dasharray': style.dashArray || 'none',
  });
}

// badge is a legend sample of a countryside badge (layers/countryside.js).
function badge(html) {
  const span = document.createElement('span');
  span.className = 'cs-badge cs-legend-sample';
  span.setAttribute('aria-hidden', 'true');
  span.innerHTML = html;
  return span;
}

// countrysideEntries explains the badges: the second dimension, outside
// the centre, that the fill does not show.
function countrysideEntries(list, windowDays) {
  const n = num(windowDays);
  L.DomUtil.create('li', 'legend-subhead', list).textContent = t('csLegendHead', { n });
  const one = { independent_reporting: true, presence: [] };
  const sample = (r) => badge(badgeParts({ insurgent: { count: 0 }, ruling: { count: 0 }, ...one, ...r }).html);
  const [insurgent, ruling] = [sideIn('insurgent'), sideIn('ruling')];
  entry(list, 'legend-cs-insurgent', sample({ insurgent: { count: 2 } }), t('csLegendInsurgent', { n, party: sideName(insurgent) }));
  entry(list, 'legend-cs-ruling', sample({ ruling: { count: 3 } }), t('csLegendRuling', { n, party: sideName(ruling) }));
  entry(list, 'legend-cs-presence', sample({ presence: [{ side: insurgent, confidence: 'high' }, { side: ruling, confidence: 'high' }] }), t('csLegendPresence'));
  entry(list, 'legend-cs-noreport', sample({ independent_reporting: false }), t('csLegendNoReport', { n }));
}

// entries lists the statuses the server names (/api/timeline's statuses,
// in legend order) and unknown, then the marks.
function entries(list, { windowDays, statuses }) {
  const legendStatuses = [...statuses, 'unknown'];
  const outline = areaStyle({ status: 'unknown' }).color;
  for (const status of legendStatuses) {
    entry(list, `legend-${status}`, swatch('rect', { width: 22, height: 14, fill: fillFor(status), stroke: outline }), statusLabel(status));
  }
  const ruling = sideIn('ruling'); // the samples of confidence and staleness
  for (const c of ['high', 'medium', 'low']) {
    const st = areaStyle({ status: ruling, confidence: c });
    entry(list, `legend-confidence legend-${c}`, outlined(st, statusColours[ruling], st.fillOpacity),
      confidenceLabel(c));
  }
  entry(list, 'legend-stale', outlined(areaStyle({ status: ruling }), staleFor(ruling)), t('staleLegend'));
  const d = areaStyle({ status: 'unknown', disputed: true });
  entry(list, 'legend-disputed', outlined(d), t('disputedLegend'));
  entry(list, 'legend-selected', outlined(areaStyle({ status: 'unknown', selected: true })), t('selectedLegend'));
  // The events' icons (layers/events.js): solid on their place, hollow and
  // dashed where only the province is known.
  const icons = document.createElement('span');
  icons.className = 'legend-event-icons';
  icons.append(swatch('path', { d: 'M6 1 11 7 6 13 1 7Z', fill: statusColours[sideIn('insurgent')], stroke: '#fff', 'stroke-width': 1 }),
    swatch('path', { d: 'M6 1 11 7 6 13 1 7Z', fill: '#fff', stroke: statusColours[ruling], 'stroke-width': 1.5, 'stroke-dasharray': '2 1.5' }));
  entry(list, 'legend-events', icons, t('eventLegend', { n: num(windowDays) }));
  countrysideEntries(list, windowDays);
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
    this.root.setAttribute('aria-label', t('legend'));
    this.toggle = L.DomUtil.create('button', 'legend-toggle', this.root);
    this.toggle.type = 'button';
    this.toggle.setAttribute('aria-controls', 'legend-body');
    this.toggle.textContent = t('legendButton');
    const body = L.DomUtil.create('div', 'legend-body', this.root);
    body.id = 'legend-body';
    this.body = body;
    this.setOpen(window.matchMedia('(min-width: 1100px) and (min-height: 860px)').matches);
    L.DomEvent.on(this.toggle, 'click', () => this.setOpen(body.hidden));
    this.title = L.DomUtil.create('h2', '', body);
    entries(L.DomUtil.create('ul', '', body), this.links);
    this.staleItem = body.querySelector('.legend-stale');
    this.confidenceItems = [...body.querySelectorAll('.legend-confidence')];
    this.compareKey = L.DomUtil.create('ul', 'legend-compare', body);
    const ch = compareStyle({ from: sideIn('insurgent'), to: sideIn('ruling') });
    entry(this.compareKey, '', outlined(ch, ch.fillColor, ch.fillOpacity), t('compareLegend'));
    const un = compareStyle(null);
    entry(this.compareKey, '', outlined(un, un.fillColor, un.fillOpacity), t('compareUnchanged'));
    const dl = L.DomUtil.create('p', 'downloads', body);
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
    this.state.addEventListener('comparechange', this.onView);
    this.state.model.addEventListener('datechange', this.onView);
    this.render();
    return this.root;
  },

  setOpen(open) {
    this.body.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
  },

  onRemove() {
    this.state.removeEventListener('change', this.onView);
    this.state.removeEventListener('comparechange', this.onView);
    this.state.model.removeEventListener('datechange', this.onView);
  },

  render() {
    this.title.textContent = viewLabel(this.state.view);
    // In a party's view the dots mark a claim past the claim window, and
    // confidence (the analyst's) does not apply.
    const claims = this.state.view !== 'assessed';
    this.staleItem.lastChild.textContent = ` ${claims ? t('staleClaimLegend', { n: num(this.links.claimWindowDays) }) : t('staleLegend')}`;
    for (const li of this.confidenceItems) {
      li.hidden = claims;
    }
    this.compareKey.hidden = !this.state.compare;
    this.dayLink.href = this.links.day(this.state.model.date);
    this.dayLink.download = `controlmap-${this.state.model.date}.geojson`;
  },
});
