// Event markers: the events whose activity window (the API's "window",
// [from, to): the same days on which the server counts them in their
// district's countryside) holds the current date, each an icon whose shape says its type
// (battle: diamond, violence against civilians: triangle, other: square)
// and whose colour says the side that acted (the API's "side"). Events are
// placed as ACLED places them: at precision 1 or 2 a solid icon on the
// place; a province-wide event a hollow, dashed icon on the province's
// point. An event known only to its district is not "pinned" (the API
// says which): its district's badge (layers/countryside.js) counts it.
// Choosing one shows its notes and sources in the details sheet.

import { dateText, t } from '../i18n.js';
import { sideColour } from '../style.js';

const shapes = {
  Battles: '<path d="M11 1 21 11 11 21 1 11Z"/>',
  'Violence against civilians': '<path d="M11 2 21 20H1Z"/>',
};
const square = '<rect x="3" y="3" width="16" height="16"/>';

// eventIcon is the marker icon of an event: solid on its place, hollow and
// dashed where only the province is known.
export function eventIcon(ev) {
  const shape = shapes[ev.event_type] || square;
  const colour = sideColour(ev.side);
  const paint = ev.geo_precision < 3
    ? `fill="${colour}" stroke="#fff" stroke-width="2"`
    : `fill="#fff" fill-opacity="0.85" stroke="${colour}" stroke-width="2.5" stroke-dasharray="3 2"`;
  return L.divIcon({
    className: 'event-icon',
    iconSize: [28, 28], // a 28 px target around a 22 px shape
    html: `<svg viewBox="-3 -3 28 28" width="28" height="28" aria-hidden="true" ${paint}>${shape}</svg>`,
  });
}

export const EventsLayer = L.Layer.extend({
  initialize(index, model, onPick) {
    this.index = index;
    this.model = model;
    this.group = L.layerGroup();
    this.placed = index.timeline.events.filter((ev) => ev.pinned);
    this.markers = this.placed.map((ev) => {
      const m = L.marker([ev.latitude, ev.longitude], { icon: eventIcon(ev), keyboard: true, riseOnHover: true });
      m.on('add', () => {
        const el = m.getElement();
        el.classList.add('event-marker', `precision-${ev.geo_precision}`, `side-${ev.side || 'none'}`);
        el.dataset.type = ev.event_type;
        el.dataset.id = ev.event_id;
        const where = ev.pcode ? ev.location : `${ev.location} (${t('province')})`;
        el.setAttribute('aria-label', `${t(ev.event_type)}, ${where}, ${dateText(ev.event_date, 'short')}`);
      });
      m.on('click', () => onPick(ev)); // Leaflet turns Enter on a focused marker into a click
      return m;
    });
    this.onDate = () => this.update();
  },

  onAdd(map) {
    map.addLayer(this.group);
    this.model.addEventListener('datechange', this.onDate);
    this.update();
  },

  onRemove(map) {
    this.model.removeEventListener('datechange', this.onDate);
    map.removeLayer(this.group);
  },

  // update shows the markers of the events whose window holds the date.
  update() {
    const day = this.model.date;
    this.placed.forEach((ev, i) => {
      const near = ev.window[0] <= day && day < ev.window[1];
      const marker = this.markers[i];
      if (near && !this.group.hasLayer(marker)) {
        this.group.addLayer(marker);
      } else if (!near && this.group.hasLayer(marker)) {
        this.group.removeLayer(marker);
      }
    });
    this._map?.fire('declutter');
  },
});
