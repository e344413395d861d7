// AppState is what the page shows besides the date: the view and the
// selected district. It fires 'change' when either changes.

import { views } from './timelineindex.js';

export class AppState extends EventTarget {
  constructor(model) {
    super();
    this.model = model;
    this.view = 'assessed';
    this.selected = null;
    this.compare = null; // {from, to} while comparing two dates
  }

  setCompare(compare) {
    const same = (a, b) => (a === null && b === null) || (a && b && a.from === b.from && a.to === b.to);
    if (same(compare, this.compare)) {
      return;
    }
    this.compare = compare;
    this.dispatchEvent(new CustomEvent('change', { detail: { what: 'compare' } }));
  }

  setView(view) {
    if (!views.includes(view) || view === this.view) {
      return;
    }
    this.view = view;
    this.dispatchEvent(new CustomEvent('change', { detail: { what: 'view' } }));
  }

  select(pcode) {
    if (pcode === this.selected) {
      return;
    }
    this.selected = pcode;
    this.dispatchEvent(new CustomEvent('change', { detail: { what: 'selected' } }));
  }
}
