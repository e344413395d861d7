// Event markers: the events of the activity window up to the current date
// (the server's activity_window_days, the same window that counts them in
// each district's countryside), each an icon whose shape says its type
// (battle: diamond, violence against civilians: triangle, other: square)
// and whose colour says the side that acted (the API's "side"). Events are
// placed as ACLED places them: at precision 1 or 2 a solid icon on the
// place; a province-wide event a hollow, dashed icon on the province's
// point. An event known only to its district is counted in that district's
// badge (layers/countryside.js), never pinned inside it. Choosing one shows
// its notes and sources in the details sheet.

import { addDays } from '../dates.js';
import { dateText, t } from '../i18n.js';
import { sideColour } from '../style.js';

const shapes = {
  Battles: '<path d="M11 1 21 11 11 21 1 11Z"/>',
  'Violence against civilians': '<path d="M11 2 21 20H1Z"/>',
};
const square = '<rect x="3" y="3" width="16" height="16"/>';

// drawn says whether an event has a marker of its own: a place, or only a
// province (a district-only event is in its district's badge).
export function drawn(ev) {
  return ev.geo_precision < 3 || !ev.pcode;
}

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
    this.window = index.timeline.activity_window_days;
    this.group = L.layerGroup();
    this.placed = index.timeline.events.filter(drawn);
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
      m.on('click keypress', () => onPick(ev));
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

  // update shows the markers of the events in the window up to the date.
  update() {
    const day = this.model.date;
    const from = addDays(day, 1 - this.window);
    this.placed.forEach((ev, i) => {
      const near = ev.event_date >= from && ev.event_date <= day;
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
