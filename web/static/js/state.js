// AppState is what the page shows besides the date: the view, the selected
// district and the comparison of two dates. Events:
//   'change' (detail: {what: 'view' | 'selected'}) when the view or the selection changes;
//   'comparechange' (detail: {what: 'span' | 'result'}) when the compared
//   span changes (its result is cleared) and when the result for it arrives.

import { views } from './timelineindex.js';

function sameSpan(a, b) {
  return (a === null && b === null) || Boolean(a && b && a.from === b.from && a.to === b.to);
}

export class AppState extends EventTarget {
  constructor(model) {
    super();
    this.model = model;
    this.view = 'assessed';
    this.selected = null;
    this.compare = null; // {from, to} while comparing two dates
    this.comparison = null; // the result for this.compare once known: {diff, changes} or {error}
    this.known = false; // true: the map as known at the time (known.js), else with hindsight
  }

  // setKnown switches between the map with hindsight (false) and as known
  // at the time of the day shown (true).
  setKnown(on) {
    if (Boolean(on) === this.known) {
      return;
    }
    this.known = Boolean(on);
    this.dispatchEvent(new CustomEvent('change', { detail: { what: 'known' } }));
  }

  // setCompare starts comparing the span {from, to}, or stops with null.
  setCompare(span) {
    if (sameSpan(span, this.compare)) {
      return;
    }
    this.compare = span;
    this.comparison = null;
    this.dispatchEvent(new CustomEvent('comparechange', { detail: { what: 'span' } }));
  }

  // setComparison records the result of comparing span: the /api/diff
  // document, or an error message. A result for a span no longer compared
  // is dropped.
  setComparison(span, { diff = null, error = null }) {
    if (span !== this.compare) {
      return;
    }
    const changes = new Map((diff?.features || []).map((f) => [f.id,
      { from: f.properties.status_from, to: f.properties.status_to }]));
    this.comparison = { diff, error, changes };
    this.dispatchEvent(new CustomEvent('comparechange', { detail: { what: 'result' } }));
  }

  // changeOf gives the before and after statuses of a district that differs
  // between the compared dates, or null (not comparing, result not known yet,
  // or unchanged).
  changeOf(pcode) {
    return this.comparison?.changes.get(pcode) || null;
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
