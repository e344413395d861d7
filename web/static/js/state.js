// AppState is what the page shows besides the date: the view and the
// selected district. It fires 'change' when either changes.

import { views } from './history.js';

export class AppState extends EventTarget {
  constructor(model) {
    super();
    this.model = model;
    this.view = 'assessed';
    this.selected = null;
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
