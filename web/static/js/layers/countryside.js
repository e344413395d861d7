// The countryside badges: what is known outside each district's centre on
// the current date, drawn under the district's name while the fill keeps
// the centre's status. The server computes it (the timeline's countryside
// ranges); this layer only draws the range that holds the day:
//   ▲ n  the insurgent side's activity reported in the window (its ink)
//   ■ n  the ruling side's operations reported in the window (its ink)
//   ○ □  the insurgent or the ruling side's assessed presence outside the
//        centre (its colour, paler with less confidence)
// The region names the sides (region.js): the Panjshir map's are the
// resistance (green) and the Taliban (vermilion).
//   ?    no independent reporting in the window: quiet is not known
// A district with nothing to say and independent reporting has no badge,
// and no badge is drawn in a claims view (the countryside is evidence, not
// a party's claim), as in the pictures. Choosing a badge selects its
// district, whose panel lists the evidence.

import { num, sideName, t } from '../i18n.js';
import { roleOf, sideIn } from '../region.js';
import { applyBadgeColours } from '../style.js';

applyBadgeColours();

const triangle = '<svg viewBox="0 0 10 10" width="9" height="9" aria-hidden="true"><path d="M5 0 10 10H0Z" fill="currentColor"/></svg>';
const square = '<svg viewBox="0 0 10 10" width="8" height="8" aria-hidden="true"><rect width="10" height="10" fill="currentColor"/></svg>';
// Presence: a ring for the insurgent side, a hollow square for the ruling
// side, so that the side reads without colour too (the counts: ▲ and ■).
const presenceShape = {
  insurgent: '<svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true"><circle cx="5" cy="5" r="3.6" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
  ruling: '<svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true"><rect x="1.4" y="1.4" width="7.2" height="7.2" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
};

// badgeParts returns the badge's HTML and its spoken label for a range r;
// an empty html when there is nothing to draw.
export function badgeParts(r) {
  if (!r) {
    return { html: '', label: '' };
  }
  const html = [];
  const words = [];
  if (r.insurgent.count > 0) {
    html.push(`<span class="cs-part cs-insurgent">${triangle}${num(r.insurgent.count)}</span>`);
    words.push(t('csInsurgentCount', { party: sideName(sideIn('insurgent')), n: num(r.insurgent.count) }));
  }
  if (r.ruling.count > 0) {
    html.push(`<span class="cs-part cs-ruling">${square}${num(r.ruling.count)}</span>`);
    words.push(t('csRulingCount', { party: sideName(sideIn('ruling')), n: num(r.ruling.count) }));
  }
  for (const p of r.presence) {
    const role = roleOf(p.side);
    html.push(`<span class="cs-part cs-presence cs-presence-${role} cs-conf-${p.confidence}">${presenceShape[role]}</span>`);
    words.push(t('csPresence', { party: sideName(p.side), confidence: t(p.confidence) }));
  }
  if (!r.independent_reporting) {
    html.push('<span class="cs-part cs-noreport">?</span>');
    words.push(t('csNoReporting'));
  }
  return { html: html.join(''), label: words.join('; ') };
}

export const CountrysideLayer = L.Layer.extend({
  initialize(index, state, onPick) {
    this.index = index;
    this.state = state;
    this.model = state.model;
    this.group = L.layerGroup();
    this.badges = index.timeline.areas.map((area) => {
      const m = L.marker([area.label[1], area.label[0]], {
        icon: L.divIcon({ className: 'cs-anchor', iconSize: null, iconAnchor: [0, -11], html: '' }),
        keyboard: true, riseOnHover: true,
      });
      m.on('click', () => onPick(area.pcode)); // Leaflet turns Enter on a focused marker into a click
      return { area, marker: m, range: undefined };
    });
    this.onDate = () => this.update();
    this.onView = (e) => {
      if (e.detail.what === 'view') {
        this.update();
      }
    };
  },

  onAdd(map) {
    map.addLayer(this.group);
    this.model.addEventListener('datechange', this.onDate);
    this.state.addEventListener('change', this.onView);
    this.update();
  },

  onRemove(map) {
    this.model.removeEventListener('datechange', this.onDate);
    this.state.removeEventListener('change', this.onView);
    map.removeLayer(this.group);
  },

  // update redraws only the badges whose range changed: playing through a
  // quiet month touches nothing.
  update() {
    const day = this.model.date;
    const assessed = this.state.view === 'assessed';
    let changed = false;
    for (const b of this.badges) {
      const range = assessed ? this.index.countryside(b.area.pcode, day) : null;
      if (range === b.range) {
        continue;
      }
      b.range = range;
      changed = true;
      const { html, label } = badgeParts(range);
      if (!html) {
        this.group.removeLayer(b.marker);
        continue;
      }
      // The glyphs are hidden from screen readers, which read the words.
      const words = `${this.index.name(b.area.pcode)}, ${t('csTitle')}: ${label}`;
      const badge = `<span class="cs-badge" data-pcode="${b.area.pcode}" title="${label}"><span class="cs-glyphs" aria-hidden="true">${html}</span><span class="visually-hidden">${words}</span></span>`;
      // A badge on the map gets its new content in place; Leaflet's setIcon
      // would build and position a new element.
      const el = this.group.hasLayer(b.marker) && b.marker.getElement();
      if (el) {
        el.innerHTML = badge;
      } else {
        b.marker.setIcon(L.divIcon({ className: 'cs-anchor', iconSize: null, iconAnchor: [0, -11], html: badge }));
        this.group.addLayer(b.marker);
      }
    }
    if (changed) {
      this._map?.fire('declutter');
    }
  },
});
