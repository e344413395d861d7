// The change log: what changed on or near the current date. Choosing an entry
// moves the slider to its day and flies the map to its district.

import { dayNumber, shortDate } from '../dates.js';
import { lang, statusLabel, t } from '../i18n.js';

// nearDays is how far around the current date the log looks.
export const nearDays = 10;

export const ChangeLog = L.Control.extend({
  options: { position: 'topright' },

  initialize(state, index, onPick, options) {
    L.setOptions(this, options);
    this.state = state;
    this.index = index;
    this.onPick = onPick;
    this.onDate = () => this.render();
  },

  onAdd() {
    const root = L.DomUtil.create('details', 'changelog panel');
    root.open = window.matchMedia('(min-width: 700px)').matches;
    L.DomUtil.create('summary', '', root).textContent = t('changesWithin', { n: nearDays });
    this.list = L.DomUtil.create('ul', 'changes', root);
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.state.model.addEventListener('datechange', this.onDate);
    this.render();
    return root;
  },

  onRemove() {
    this.state.model.removeEventListener('datechange', this.onDate);
  },

  render() {
    const day = this.state.model.date;
    const changes = this.index.changesAround(day, nearDays, dayNumber);
    this.list.replaceChildren();
    if (changes.length === 0) {
      L.DomUtil.create('li', 'empty', this.list).textContent = t('noChange');
      return;
    }
    for (const c of changes) {
      const li = L.DomUtil.create('li', c.date === day ? 'today' : '', this.list);
      const b = L.DomUtil.create('button', 'change-entry', li);
      b.type = 'button';
      b.dataset.date = c.date;
      b.dataset.pcode = c.pcode;
      b.textContent = `${lang === 'fa' ? c.date : shortDate(c.date)}: ${this.index.name(c.pcode)}, ${statusLabel(c.previous)} → ${statusLabel(c.status)}`;
      L.DomEvent.on(b, 'click', () => this.onPick(c));
    }
  },
});
