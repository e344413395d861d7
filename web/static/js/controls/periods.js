// Period presets: the named chapters of data/periods.csv (served by
// /api/periods) as one-tap buttons that zoom the slider to the chapter and
// go to its key day (the server's rule: its first day with a headline or an
// event); "All" zooms back out. The chosen chapter's summary is written
// under the buttons, readable on a phone as on a desktop.

import { dateText, lang, t } from '../i18n.js';

export class PeriodPresets {
  constructor(model, periods) {
    this.model = model;
    this.periods = periods || [];
  }

  // into adds the row of presets to the time control's container.
  into(container) {
    const row = document.createElement('div');
    row.className = 'tc-periods';
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', t('periods'));
    const all = this.button(row, t('allTime'), null);
    all.classList.add('period-all');
    for (const p of this.periods) {
      this.button(row, lang === 'fa' ? p.title_fa : p.title, p);
    }
    container.insertBefore(row, container.querySelector('.tc-track'));
    this.summary = document.createElement('p');
    this.summary.className = 'tc-period-summary';
    this.summary.setAttribute('aria-live', 'polite');
    this.summary.hidden = true;
    this.summary.addEventListener('click', () => this.summary.classList.toggle('open'));
    container.insertBefore(this.summary, container.querySelector('.tc-track'));
    L.DomEvent.disableClickPropagation(row);
    this.buttons = [...row.querySelectorAll('button')];
    this.model.addEventListener('windowchange', () => this.render());
    this.render();
    return row;
  }

  button(row, label, period) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'period';
    b.textContent = label;
    b.dataset.from = period ? period.from : '';
    b.dataset.to = period ? period.to : '';
    b.addEventListener('click', () => {
      this.model.pause();
      this.model.setWindow(period ? { from: period.from, to: period.to } : null);
      if (period) {
        this.model.setDate(period.key_day || period.from, 'period');
      }
    });
    row.append(b);
    return b;
  }

  render() {
    const { from, to } = this.model.window;
    for (const b of this.buttons) {
      const on = b.dataset.from ? b.dataset.from === from && b.dataset.to === to : !this.model.zoomed;
      b.setAttribute('aria-pressed', String(on));
    }
    const chosen = this.periods.find((p) => p.from === from && p.to === to);
    this.summary.hidden = !chosen;
    this.summary.replaceChildren();
    if (chosen) {
      // The dates in the page's language; the summary, written in English
      // only, isolated as English so that it reads left to right in Dari.
      this.summary.append(`${dateText(chosen.from, 'short')} – ${dateText(chosen.to, 'short')}: `);
      const text = document.createElement('bdi');
      text.lang = 'en';
      text.dir = 'ltr';
      text.textContent = chosen.summary;
      this.summary.append(text);
    }
  }
}
