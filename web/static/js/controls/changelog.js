// "What happened": the assessed changes, claims and events of the days up to
// the current date, newest first, tied to the slider. An event known only
// to its province is listed (and said to be), never pinned. Choosing an
// entry moves the slider to its day and, for a district, flies to it.

import { addDays, byText } from '../dates.js';
import { bdi, dateInto, lang, partyName, statusLabel, t } from '../i18n.js';
import { changePhrase, placesText } from './headline.js';

// nearDays is how far back from the current date the list looks.
export const nearDays = 10;


// happenings lists what was recorded in (day - nearDays, day], newest first:
// {date, kind: 'change' | 'claim' | 'event', pcode, node}.
function happenings(index, areas, day) {
  const from = addDays(day, -nearDays);
  const inRange = (d) => d > from && d <= day;
  const out = [];
  for (const area of index.timeline.areas) {
    area.intervals.forEach((iv, i) => {
      if (inRange(iv.valid_from) && i >= 0) {
        const previous = i > 0 ? area.intervals[i - 1].status : 'unknown';
        out.push({ date: iv.valid_from, kind: 'change', pcode: area.pcode, text: changePhrase(bdi(index.name(area.pcode)), previous, iv.status, iv.confidence) });
      }
    });
  }
  for (const c of index.timeline.claims.filter((c) => inRange(c.date))) {
    const span = document.createElement('span');
    span.append(`${partyName(c.party)} (${t(c.kind)}): `, bdi(placesText(c.places, areas)), ` ${t('arrow')} ${statusLabel(c.status)}`);
    out.push({ date: c.date, kind: 'claim', party: c.party, pcode: c.pcodes.length === 1 ? c.pcodes[0] : null, text: span });
  }
  for (const ev of index.timeline.events.filter((e) => inRange(e.event_date))) {
    const span = document.createElement('span');
    // Each event names its district (or says it is known only to the province).
    span.append(`${t(ev.event_type)}: `, bdi(ev.location), ' (', ev.pcode ? bdi(index.name(ev.pcode)) : t('province'), ')');
    out.push({ date: ev.event_date, kind: 'event', pcode: ev.pcode || null, event: ev, text: span });
  }
  return out.sort((a, b) => byText(b.date, a.date));
}

export const ChangeLog = L.Control.extend({
  options: { position: 'topright' },

  initialize(state, index, areas, onPick, options) {
    L.setOptions(this, options);
    this.state = state;
    this.index = index;
    this.areas = areas;
    this.onPick = onPick;
    this.onDate = () => this.render();
  },

  onAdd() {
    const root = L.DomUtil.create('details', 'changelog panel');
    root.open = window.matchMedia('(min-width: 1100px)').matches;
    L.DomUtil.create('summary', '', root).textContent = t('whatHappened');
    this.list = L.DomUtil.create('ul', 'changes', root);
    this.root = root;
    root.addEventListener('toggle', () => {
      if (root.open && this.stale) {
        this.render();
      }
    });
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.state.model.addEventListener('datechange', this.onDate);
    // A new timeline (the map as known at the time, or back to hindsight)
    // changes what happened as the map tells it.
    this.onTimeline = (e) => {
      if (e.detail.what === 'timeline') {
        this.render();
      }
    };
    this.state.addEventListener('change', this.onTimeline);
    this.render();
    return root;
  },

  onRemove() {
    this.state.model.removeEventListener('datechange', this.onDate);
    this.state.removeEventListener('change', this.onTimeline);
  },

  // render writes the list of the day, or, while the list is closed (as it
  // is on a phone), marks it to be written when opened: the first view and
  // every step of playing skip a few hundred elements no one sees.
  render() {
    if (!this.root.open) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const day = this.state.model.date;
    const items = happenings(this.index, this.areas, day);
    this.list.replaceChildren();
    if (items.length === 0) {
      L.DomUtil.create('li', 'empty', this.list).textContent = t('nothingNear', { n: lang === 'fa' ? '۱۰' : nearDays });
      return;
    }
    for (const c of items) {
      const li = L.DomUtil.create('li', `${c.kind}${c.date === day ? ' today' : ''}`, this.list);
      const b = L.DomUtil.create('button', `change-entry entry-${c.kind}`, li);
      b.type = 'button';
      b.dataset.date = c.date;
      b.dataset.pcode = c.pcode || '';
      dateInto(b, c.date, 'short');
      b.append(': ', c.text);
      L.DomEvent.on(b, 'click', () => this.onPick(c));
    }
  },
});
