// Compare mode: two dates, the districts whose assessed status differs
// (drawn by the districts layer with their before and after colours), the
// km² each status gained and lost, the changes in between (each leads to its
// day), and the animation of the span as a GIF. The control only sets the
// compared span on the app state and shows the state's comparison. On a
// phone it is a sheet above the time control while comparing.

import { urls } from '../api.js';
import { addDays } from '../dates.js';
import { bdi, dateInto, num, statusLabel, t } from '../i18n.js';

export const CompareControl = L.Control.extend({
  options: { position: 'topright' },

  initialize(state, index, onPick, options) {
    L.setOptions(this, options);
    this.state = state;
    this.index = index;
    this.onPick = onPick;
    this.onCompare = () => this.render();
  },

  onAdd() {
    const root = L.DomUtil.create('section', 'compare panel');
    root.setAttribute('aria-label', t('compare'));
    // On a phone, comparing opens a sheet above the time control (app.css);
    // its × stops comparing, as unticking the box does.
    const close = L.DomUtil.create('button', 'sheet-close', root);
    close.type = 'button';
    close.setAttribute('aria-label', t('close'));
    close.textContent = '×';
    L.DomEvent.on(close, 'click', () => {
      this.state.setCompare(null);
      this.check.focus(); // the × is gone with the sheet: focus stays on the control
    });
    const toggle = L.DomUtil.create('label', 'compare-toggle', root);
    this.check = L.DomUtil.create('input', '', toggle);
    this.check.type = 'checkbox';
    toggle.append(` ${t('compare')}`);
    // The two date fields are made when comparing starts: Chromium's first
    // date field on a page is slow to make (see the time control's go-to).
    this.form = L.DomUtil.create('div', 'compare-form', root);
    this.body = L.DomUtil.create('div', 'compare-body', root);
    this.body.setAttribute('aria-live', 'polite');
    L.DomEvent.on(this.check, 'change', () => this.fromCheck());
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.state.addEventListener('comparechange', this.onCompare);
    this.render();
    return root;
  },

  onRemove() {
    this.state.removeEventListener('comparechange', this.onCompare);
  },

  dateInput(key, className) {
    const label = L.DomUtil.create('label', '', this.form);
    label.append(`${t(key)} `);
    const input = L.DomUtil.create('input', className, label);
    input.type = 'date';
    input.min = this.state.model.start;
    input.max = this.state.model.end;
    input.lang = 'en'; // the browser's date picker; its digits follow the system
    L.DomEvent.on(input, 'change', () => this.fromInputs());
    return input;
  },

  // fromCheck starts comparing the 30 days up to the current date, or stops.
  fromCheck() {
    if (!this.check.checked) {
      this.state.setCompare(null);
      return;
    }
    const { model } = this.state;
    const to = model.date;
    const from = addDays(to, -30) < model.start ? model.start : addDays(to, -30);
    this.state.setCompare({ from, to });
  },

  fromInputs() {
    if (this.from.value && this.to.value && this.from.value <= this.to.value) {
      this.state.setCompare({ from: this.from.value, to: this.to.value });
    }
  },

  render() {
    const cmp = this.state.compare;
    const result = this.state.comparison;
    this.check.checked = Boolean(cmp);
    this.form.hidden = !cmp;
    this.body.replaceChildren();
    if (!cmp) {
      return;
    }
    if (!this.from) {
      this.from = this.dateInput('compareFrom', 'compare-from');
      this.to = this.dateInput('compareTo', 'compare-to');
    }
    this.from.value = cmp.from;
    this.to.value = cmp.to;
    if (result?.error) {
      this.body.textContent = result.error;
    } else if (result?.diff) {
      this.renderBalance(result.diff);
      this.renderChanges(result.diff);
      this.renderGIF(cmp);
    }
  },

  renderBalance(diff) {
    const table = L.DomUtil.create('table', 'compare-balance', this.body);
    // The unit once, in the caption: with it in every cell the Dari table
    // was wider than a phone.
    L.DomUtil.create('caption', '', table).textContent = t('balanceUnit');
    const head = L.DomUtil.create('tr', '', L.DomUtil.create('thead', '', table));
    for (const h of [t('status'), t('gained'), t('lost'), t('net')]) {
      const th = L.DomUtil.create('th', '', head);
      th.scope = 'col';
      th.textContent = h;
    }
    const tbody = L.DomUtil.create('tbody', '', table);
    for (const [status, b] of Object.entries(diff.balance)) {
      const tr = L.DomUtil.create('tr', '', tbody);
      tr.dataset.status = status;
      const th = L.DomUtil.create('th', '', tr);
      th.scope = 'row';
      th.textContent = statusLabel(status);
      for (const v of [b.gained_km2, b.lost_km2, b.net_km2]) {
        L.DomUtil.create('td', '', tr).textContent = num(v);
      }
    }
  },

  renderChanges(diff) {
    L.DomUtil.create('h2', 'compare-changes-title', this.body).textContent = t('changesBetween');
    const list = L.DomUtil.create('ul', 'changes', this.body);
    if (diff.changes.length === 0) {
      L.DomUtil.create('li', '', list).textContent = t('noneChanged');
    }
    for (const c of diff.changes) {
      const b = L.DomUtil.create('button', 'change-entry', L.DomUtil.create('li', '', list));
      b.type = 'button';
      b.dataset.date = c.date;
      dateInto(b, c.date, 'short');
      b.append(': ', bdi(this.index.name(c.pcode)), `, ${statusLabel(c.status_from)} ${t('arrow')} ${statusLabel(c.status_to)}`);
      L.DomEvent.on(b, 'click', () => this.onPick({ date: c.date, pcode: c.pcode }));
    }
  },

  renderGIF(cmp) {
    const gif = L.DomUtil.create('a', 'compare-gif', this.body);
    gif.href = urls.animation(cmp.from, cmp.to);
    gif.download = `controlmap-${cmp.from}-${cmp.to}.gif`;
    gif.textContent = t('gif');
  },
});
