// Event markers: the events within a few days of the current date, with a
// popup that cites its sources. The layer follows the time model only while
// it is on a map.

import { dayNumber, shortDate } from '../dates.js';
import { sourceLink } from '../sources.js';
import { eventStyle } from '../style.js';

// windowDays is how far from the current date an event stays on the map.
export const windowDays = 7;

export const EventsLayer = L.Layer.extend({
  initialize(index, model) {
    this.index = index;
    this.model = model;
    this.group = L.layerGroup();
    // An event known only to its district or province has no place: it is
    // never drawn as a point inside one.
    this.placed = index.timeline.events.filter((ev) => ev.latitude !== null && ev.longitude !== null);
    this.markers = this.placed.map((ev) => L.circleMarker([ev.latitude, ev.longitude], {
      ...eventStyle,
      className: `event-marker precision-${ev.geo_precision}`,
    }).bindPopup(() => this.popup(ev), { maxWidth: 300 }));
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
  },

  popup(ev) {
    const div = L.DomUtil.create('div', 'event-popup');
    const h = L.DomUtil.create('h3', '', div);
    h.textContent = `${ev.location}: ${ev.sub_event_type || ev.event_type}`;
    const meta = L.DomUtil.create('p', 'meta', div);
    meta.textContent = `${shortDate(ev.event_date)}${ev.time_precision > 1 ? ' (approximate)' : ''} · ${ev.actor1}${ev.actor2 ? ` vs ${ev.actor2}` : ''}`;
    const notes = L.DomUtil.create('p', '', div);
    notes.textContent = ev.notes;
    const list = L.DomUtil.create('ul', 'sources', div);
    for (const id of ev.sources) {
      L.DomUtil.create('li', '', list).append(sourceLink(this.index.source(id)));
    }
    return div;
  },
});
