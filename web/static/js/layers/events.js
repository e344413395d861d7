// Event markers: the events within a week of the current date, each an icon
// whose shape says its type (battle: diamond, violence against civilians:
// triangle, other: square) and whose colour says its side (actor1), with
// its date in its name. Choosing one shows it in the details sheet. An event
// known only to its district or province has no place: it is listed in
// "What happened", never drawn as a point inside one.

import { dayNumber } from '../dates.js';
import { dateText, t } from '../i18n.js';
import { sideColour } from '../style.js';

// windowDays is how far from the current date an event stays on the map.
export const windowDays = 7;

const shapes = {
  Battles: '<path d="M11 1 21 11 11 21 1 11Z"/>',
  'Violence against civilians': '<path d="M11 2 21 20H1Z"/>',
};
const square = '<rect x="3" y="3" width="16" height="16"/>';

// eventIcon is the marker icon of an event.
export function eventIcon(ev) {
  const shape = shapes[ev.event_type] || square;
  return L.divIcon({
    className: 'event-icon',
    iconSize: [28, 28], // a 28 px target around a 22 px shape
    html: `<svg viewBox="-3 -3 28 28" width="28" height="28" aria-hidden="true" fill="${sideColour(ev.actor1)}" stroke="#fff" stroke-width="2">${shape}</svg>`,
  });
}

export const EventsLayer = L.Layer.extend({
  initialize(index, model, onPick) {
    this.index = index;
    this.model = model;
    this.group = L.layerGroup();
    this.placed = index.timeline.events.filter((ev) => ev.latitude !== null && ev.longitude !== null);
    this.markers = this.placed.map((ev) => {
      const m = L.marker([ev.latitude, ev.longitude], { icon: eventIcon(ev), keyboard: true, riseOnHover: true });
      m.on('add', () => {
        const el = m.getElement();
        el.classList.add('event-marker', `precision-${ev.geo_precision}`);
        el.dataset.type = ev.event_type;
        el.setAttribute('aria-label', `${t(ev.event_type)}, ${ev.location}, ${dateText(ev.event_date, 'short')}`);
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

  // update shows the markers of the events near the current date.
  update() {
    const today = dayNumber(this.model.date);
    this.placed.forEach((ev, i) => {
      const near = Math.abs(dayNumber(ev.event_date) - today) <= windowDays;
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
