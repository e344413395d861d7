// Period presets: the named chapters of data/periods.csv (served by
// /api/periods) as one-tap buttons that zoom the slider to the chapter and
// go to its first day; "All" zooms back out. The chapter's summary is the
// button's description.

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
      const b = this.button(row, lang === 'fa' ? p.title_fa : p.title, p);
      b.title = `${dateText(p.from, 'short')} – ${dateText(p.to, 'short')}: ${p.summary}`;
    }
    container.insertBefore(row, container.querySelector('.tc-track'));
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
        this.model.setDate(period.from, 'period');
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
  }
}
