// The search box: finds a district or a place by any of its names (the
// English and Dari names and the aliases of data/areas.csv; a place's
// names), through the browser's own suggestion list (<datalist>), so that
// it works with a keyboard, a screen reader and a phone's keyboard alike.

import { areaName, t } from '../i18n.js';

// normal folds case, accents and hyphens so that "pul e hisar" finds
// Pul-e-Hisar.
export function normal(s) {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[-‐'’ ]+/g, ' ').trim();
}

// targets maps every name (normalised) to what it names.
export function targets(areas, places) {
  const out = new Map();
  const add = (name, target) => {
    if (name && !out.has(normal(name))) {
      out.set(normal(name), { ...target, label: name });
    }
  };
  for (const a of areas) {
    for (const n of [a.name, a.name_fa, ...(a.aliases || [])]) {
      add(n, { kind: 'district', id: a.pcode, name: areaName(a) });
    }
  }
  for (const p of places) {
    for (const n of [p.properties.name, p.properties.name_fa, ...(p.properties.aliases || [])]) {
      add(n, { kind: 'place', place: p, name: p.properties.name });
    }
  }
  return out;
}

export const SearchControl = L.Control.extend({
  options: { position: 'topleft' },

  initialize(areas, on, options) {
    L.setOptions(this, options);
    this.areas = areas;
    this.on = on;
  },

  onAdd() {
    const root = L.DomUtil.create('form', 'search panel');
    root.setAttribute('role', 'search');
    const label = L.DomUtil.create('label', 'visually-hidden', root);
    label.htmlFor = 'search-input';
    label.textContent = t('searchLabel');
    const input = L.DomUtil.create('input', 'search-input', root);
    input.id = 'search-input';
    input.type = 'search';
    input.placeholder = t('search');
    input.setAttribute('list', 'search-names');
    input.autocomplete = 'off';
    this.list = L.DomUtil.create('datalist', '', root);
    this.list.id = 'search-names';
    this.addPlaces([]);
    this.status = L.DomUtil.create('output', 'search-status', root);
    this.status.setAttribute('aria-live', 'polite');
    const go = () => this.find(input.value);
    L.DomEvent.on(input, 'change', go);
    L.DomEvent.on(root, 'submit', (e) => {
      L.DomEvent.preventDefault(e);
      go();
    });
    L.DomEvent.disableClickPropagation(root);
    return root;
  },

  // addPlaces adds the places' names (they arrive after the first view).
  addPlaces(places) {
    this.names = targets(this.areas, places);
    this.list.replaceChildren();
    for (const [, target] of this.names) {
      const o = L.DomUtil.create('option', '', this.list);
      o.value = target.label;
      if (target.label !== target.name) {
        o.label = target.name;
      }
    }
  },

  // find goes to the district or place named q; it says when nothing is.
  find(q) {
    const target = this.names.get(normal(q));
    this.status.textContent = q && !target ? t('noMatch') : '';
    if (!target) {
      return false;
    }
    if (target.kind === 'district') {
      this.on.district(target.id);
    } else {
      this.on.place(target.place);
    }
    return true;
  },
});
