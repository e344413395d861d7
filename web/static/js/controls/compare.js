// Compare mode: two dates, the districts whose assessed status differs
// (drawn with their before and after colours), the km² each status gained
// and lost, the changes in between (each leads to its day), and the
// animation of the period as a GIF.

import { urls, getJSON } from '../api.js';
import { addDays } from '../dates.js';
import { lang, t } from '../i18n.js';
import { statusLabel } from '../style.js';

export const CompareControl = L.Control.extend({
  options: { position: 'topright' },

  initialize(state, index, onPick, options) {
    L.setOptions(this, options);
    this.state = state;
    this.index = index;
    this.onPick = onPick;
    this.diff = null;
    this.onChange = (e) => {
      if (!e.detail || e.detail.what === 'compare') {
        this.load();
      }
    };
  },

  onAdd() {
    const root = L.DomUtil.create('section', 'compare panel');
    const toggle = L.DomUtil.create('label', 'compare-toggle', root);
    this.check = L.DomUtil.create('input', '', toggle);
    this.check.type = 'checkbox';
    toggle.append(` ${t('compare')}`);
    this.form = L.DomUtil.create('div', 'compare-form', root);
    const mk = (key) => {
      const l = L.DomUtil.create('label', '', this.form);
      l.append(`${t(key)} `);
      const input = L.DomUtil.create('input', `compare-${key === 'compareFrom' ? 'from' : 'to'}`, l);
      input.type = 'date';
      input.min = this.state.model.start;
      input.max = this.state.model.end;
      L.DomEvent.on(input, 'change', () => this.fromInputs());
      return input;
    };
    this.from = mk('compareFrom');
    this.to = mk('compareTo');
    this.body = L.DomUtil.create('div', 'compare-body', root);
    this.body.setAttribute('aria-live', 'polite');
    L.DomEvent.on(this.check, 'change', () => {
      if (!this.check.checked) {
        this.state.setCompare(null);
        return;
      }
      const to = this.state.model.date;
      const from = addDays(to, -30) < this.state.model.start ? this.state.model.start : addDays(to, -30);
      this.state.setCompare({ from, to });
    });
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.state.addEventListener('change', this.onChange);
    this.load();
    return root;
  },

  onRemove() {
    this.state.removeEventListener('change', this.onChange);
  },

  fromInputs() {
    if (this.from.value && this.to.value && this.from.value <= this.to.value) {
      this.state.setCompare({ from: this.from.value, to: this.to.value });
    }
  },

  async load() {
    const cmp = this.state.compare;
    this.check.checked = Boolean(cmp);
    this.form.hidden = !cmp;
    this.body.replaceChildren();
    this.diff = null;
    if (!cmp) {
      this.fire();
      return;
    }
    this.from.value = cmp.from;
    this.to.value = cmp.to;
    try {
      const diff = await getJSON(urls.diff(cmp.from, cmp.to));
      if (this.state.compare !== cmp) {
        return; // a newer comparison took over
      }
      this.diff = diff;
      this.render(diff, cmp);
    } catch (err) {
      this.body.textContent = err.message;
    }
    this.fire();
  },

  // fire tells the districts layer to restyle for the comparison.
  fire() {
    this.state.dispatchEvent(new CustomEvent('change', { detail: { what: 'diff' } }));
  },

  render(diff, cmp) {
    const table = L.DomUtil.create('table', 'compare-balance', this.body);
    const head = L.DomUtil.create('tr', '', L.DomUtil.create('thead', '', table));
    for (const h of ['', t('gained'), t('lost'), t('net')]) {
      L.DomUtil.create('th', '', head).textContent = h;
    }
    const tbody = L.DomUtil.create('tbody', '', table);
    const num = new Intl.NumberFormat(lang === 'fa' ? 'fa-AF' : 'en-GB', { maximumFractionDigits: 0 });
    for (const [status, b] of Object.entries(diff.balance)) {
      const tr = L.DomUtil.create('tr', '', tbody);
      tr.dataset.status = status;
      L.DomUtil.create('th', '', tr).textContent = statusLabel(status);
      for (const v of [b.gained_km2, b.lost_km2, b.net_km2]) {
        L.DomUtil.create('td', '', tr).textContent = `${num.format(v)} km²`;
      }
    }
    L.DomUtil.create('h3', '', this.body).textContent = t('changesBetween');
    const list = L.DomUtil.create('ul', 'changes', this.body);
    if (diff.changes.length === 0) {
      L.DomUtil.create('li', '', list).textContent = t('noneChanged');
    }
    for (const c of diff.changes) {
      const b = L.DomUtil.create('button', 'change-entry', L.DomUtil.create('li', '', list));
      b.type = 'button';
      b.dataset.date = c.date;
      b.textContent = `${c.date}: ${this.index.name(c.pcode)}, ${statusLabel(c.status_from)} → ${statusLabel(c.status_to)}`;
      L.DomEvent.on(b, 'click', () => this.onPick({ date: c.date, pcode: c.pcode }));
    }
    const gif = L.DomUtil.create('a', 'compare-gif', this.body);
    gif.href = urls.animation(cmp.from, cmp.to);
    gif.download = `controlmap-${cmp.from}-${cmp.to}.gif`;
    gif.textContent = t('gif');
  },

  // changed returns the before and after statuses of a district that
  // differs between the compared dates, or null.
  changed(pcode) {
    const f = this.diff?.features.find((x) => x.id === pcode);
    return f ? { from: f.properties.status_from, to: f.properties.status_to } : null;
  },
});
