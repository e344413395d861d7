// The information panel: the selected district's status on the current day,
// since when, the confidence, each party's latest claim, and the sources.
// A select lets keyboard and screen-reader users choose a district too.

import { getJSON, urls } from '../api.js';
import { byText } from '../dates.js';
import { areaName, bdi, dateInto, lang, num, partyName, sideName, statusLabel, t } from '../i18n.js';
import { roleOf, sideIn } from '../region.js';

// The panel's heading for a party, where it differs from its name.
const partyHeading = { independent: 'independent', state: 'stateMedia' };

// sourceLink renders a cited source as a link: publisher, title, date, and
// "published later" when it came out after the day shown (later).
export function sourceLink(source, later = false) {
  const span = document.createElement('span');
  if (!source) {
    span.textContent = 'unknown source';
    return span;
  }
  const a = document.createElement('a');
  a.href = source.url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = source.title;
  a.className = 'source-link';
  span.append(`${source.publisher}: `, a, source.published ? ` (${source.published})` : '');
  if (later) {
    span.append(' ');
    L.DomUtil.create('span', 'published-later', span).textContent = t('publishedLater');
  }
  return span;
}

// sourceList lists the sources ids, marking those published after day.
function sourceList(parent, index, ids, day) {
  const ul = L.DomUtil.create('ul', '', parent);
  for (const id of ids) {
    L.DomUtil.create('li', '', ul).append(sourceLink(index.source(id), index.publishedLater(id, day)));
  }
}

// revisionsDoc is /api/revisions, fetched the first time a panel shows a
// revised interval.
let revisionsDoc = null;
function revisions() {
  revisionsDoc ||= getJSON(urls.revisions).then((doc) => new Map(doc.revisions.map((r) => [r.id, r])), (err) => {
    revisionsDoc = null; // ask again next time
    throw err;
  });
  return revisionsDoc;
}

export const InfoPanel = L.Control.extend({
  options: { position: 'topright' },

  initialize(state, index, options) {
    L.setOptions(this, options);
    this.state = state;
    this.index = index;
    this.onChange = () => this.render();
  },

  onAdd() {
    const root = L.DomUtil.create('section', 'info panel');
    root.setAttribute('aria-label', t('details'));
    this.root = root;
    this.close = L.DomUtil.create('button', 'sheet-close', root);
    this.close.type = 'button';
    this.close.setAttribute('aria-label', t('close'));
    this.close.textContent = '×';
    L.DomEvent.on(this.close, 'click', () => {
      this.event = null;
      this.state.select(null);
      this.render();
    });
    const label = L.DomUtil.create('label', 'info-choose', root);
    label.textContent = `${t('district')} `;
    this.select = L.DomUtil.create('select', '', label);
    L.DomUtil.create('option', '', this.select).value = '';
    this.select.options[0].textContent = t('choose');
    // Dari names need Persian collation; English ones sort by code point,
    // which skips the cost of a collator's first use.
    const order = lang === 'fa' ? (x, y) => x.localeCompare(y, lang) : byText;
    for (const a of [...this.index.timeline.areas].sort((x, y) => order(areaName(x), areaName(y)))) {
      const o = L.DomUtil.create('option', '', this.select);
      o.value = a.pcode;
      o.textContent = areaName(a);
    }
    L.DomEvent.on(this.select, 'change', () => this.state.select(this.select.value || null));
    this.body = L.DomUtil.create('div', 'info-body', root);
    this.body.setAttribute('aria-live', 'polite');
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.onSelect = (e) => {
      if (e.detail.what === 'selected') {
        this.event = null;
      }
      this.render();
    };
    this.state.addEventListener('change', this.onSelect);
    this.state.model.addEventListener('datechange', this.onChange);
    this.render();
    return root;
  },

  onRemove() {
    this.state.removeEventListener('change', this.onSelect);
    this.state.model.removeEventListener('datechange', this.onChange);
  },

  // showEvent shows an event (a marker chosen on the map) in the sheet.
  showEvent(ev) {
    this.event = ev;
    this.render();
  },

  renderEvent(ev) {
    const h = L.DomUtil.create('h2', 'event-title', this.body);
    h.append(`${t(ev.event_type)}: `, bdi(ev.location));
    const where = L.DomUtil.create('p', 'event-where', this.body);
    where.append(ev.pcode ? bdi(this.index.name(ev.pcode)) : bdi(ev.admin1), ' · ', t(`precision${ev.geo_precision}`));
    const meta = L.DomUtil.create('p', 'meta', this.body);
    dateInto(meta, ev.event_date, 'long');
    meta.append(ev.time_precision > 1 ? ` (${t('approximate')})` : '', ' · ', bdi(ev.actor1));
    if (ev.actor2) {
      meta.append(` ${t('vs')} `, bdi(ev.actor2));
    }
    const notes = L.DomUtil.create('p', 'event-notes', this.body);
    notes.lang = 'en';
    notes.dir = 'ltr';
    notes.textContent = ev.notes;
    sourceList(L.DomUtil.create('section', 'info-sources', this.body), this.index, ev.sources, this.state.model.date);
  },

  // contentKey names what the district's panel shows on day, but for the
  // date itself: the records that hold the day. While scrubbing through a
  // month in which nothing about the district changes, render rewrites the
  // date alone instead of the whole panel.
  contentKey(pcode, day) {
    const records = [this.index.interval(pcode, day), this.index.countryside(pcode, day),
      ...this.index.timeline.parties.map((party) => this.index.latestClaim(pcode, party, day))];
    // The sources marked "published later" change with the day too.
    const later = records.flatMap((r) => r?.sources || []).filter((id) => this.index.publishedLater(id, day)).join();
    return { records, later, disputed: this.index.disputed(pcode, day), confirmed: this.index.confirmed(pcode, day) };
  },

  sameContent(a, b) {
    return Boolean(a && b) && a.disputed === b.disputed && a.confirmed === b.confirmed && a.later === b.later &&
      a.records.every((r, i) => r === b.records[i]);
  },

  render() {
    const pcode = this.state.selected;
    this.select.value = pcode || '';
    const day = this.state.model.date;
    const key = pcode && !this.event ? { pcode, ...this.contentKey(pcode, day) } : null;
    if (key && this.shown?.pcode === pcode && this.sameContent(key, this.shown) && this.dayLine) {
      this.writeDay(day);
      return;
    }
    this.shown = key;
    this.body.replaceChildren();
    this.root.classList.toggle('has-content', Boolean(pcode || this.event));
    if (this.event) {
      this.renderEvent(this.event);
      return;
    }
    if (!pcode) {
      L.DomUtil.create('p', 'hint', this.body).textContent = t('hint');
      return;
    }
    const iv = this.index.interval(pcode, day);
    this.renderStatus(pcode, day, iv);
    this.renderCountryside(pcode, day);
    this.renderClaims(pcode, day);
    if (iv) {
      const sources = L.DomUtil.create('section', 'info-sources', this.body);
      L.DomUtil.create('h3', '', sources).textContent = t('assessmentSources');
      sourceList(sources, this.index, iv.sources, day);
    }
  },

  // writeDay writes the status line for day ("Taliban on 1 June 2022").
  writeDay(day) {
    const { el, label } = this.dayLine;
    el.replaceChildren(`${label} ${t('on')} `);
    dateInto(el, day, 'long');
  },

  // renderStatus writes the district's names and its assessed status on
  // day (iv, or unknown without one).
  renderStatus(pcode, day, iv) {
    const area = this.index.areas.get(pcode);
    const h = L.DomUtil.create('h2', '', this.body);
    h.textContent = areaName(area);
    const other = L.DomUtil.create('span', 'name-other', h);
    other.lang = lang === 'fa' ? 'en' : 'fa';
    other.dir = lang === 'fa' ? 'ltr' : 'rtl';
    h.insertBefore(document.createTextNode(' '), other);
    other.textContent = lang === 'fa' ? area.name : area.name_fa;
    const status = L.DomUtil.create('p', 'info-status', this.body);
    const s = iv ? iv.status : 'unknown';
    status.dataset.status = s;
    this.dayLine = { el: status, label: statusLabel(s) };
    this.writeDay(day);
    if (iv) {
      const since = L.DomUtil.create('p', 'info-since', this.body);
      since.append(`${t('since')} `);
      dateInto(since, iv.valid_from, 'short');
      if (iv.valid_to) {
        since.append(lang === 'fa' ? '، ' : ', ', `${t('until')} `);
        dateInto(since, iv.valid_to, 'short');
      }
      since.append(` · ${t('confidence')}: ${t(iv.confidence)}`);
      const confirmed = L.DomUtil.create('p', 'info-confirmed', this.body);
      const last = this.index.confirmed(pcode, day);
      confirmed.append(`${t('lastConfirmed')}: `);
      if (last) {
        dateInto(confirmed, last, 'short');
      } else {
        confirmed.append(t('neverConfirmed'));
      }
      const note = L.DomUtil.create('p', 'info-note', this.body);
      note.lang = 'en';
      note.dir = 'ltr';
      note.textContent = iv.note;
      this.renderRevisions(iv);
    }
    if (this.index.disputed(pcode, day)) {
      L.DomUtil.create('p', 'info-disputed', this.body).textContent = t('disputedNote');
    }
  },

  // renderRevisions lists the corrections that made iv what it is (the
  // server's list, newest first): the day each was published, then its
  // words (in English) once /api/revisions has come.
  renderRevisions(iv) {
    if (!iv.revisions?.length) {
      return;
    }
    const box = L.DomUtil.create('section', 'info-revisions', this.body);
    L.DomUtil.create('h3', '', box).textContent = t('revisedHeading');
    const ul = L.DomUtil.create('ul', '', box);
    const items = iv.revisions.map((r) => {
      const li = L.DomUtil.create('li', '', ul);
      li.append(`${t('revisedOn')} `);
      dateInto(li, r.published, 'short');
      const words = L.DomUtil.create('span', 'revision-words', li);
      words.lang = 'en';
      words.dir = 'ltr';
      return { r, words };
    });
    const link = L.DomUtil.create('a', 'revisions-link', box);
    link.href = urls.corrections;
    link.textContent = t('allCorrections');
    revisions().then((byID) => {
      for (const { r, words } of items) {
        const rv = byID.get(r.id);
        if (rv) {
          words.textContent = `: ${rv.summary}. ${rv.reason}`;
        }
      }
    }).catch(() => {}); // the dates stay; the corrections page has the words
  },

  // renderCountryside writes what is known outside the centre on day, as
  // the server computed it: each side's activity in the window with its
  // events (each one tap from its notes and sources), the assessed
  // presence, and a plain word when no independent source covers the window.
  renderCountryside(pcode, day) {
    const r = this.index.countryside(pcode, day);
    const box = L.DomUtil.create('section', 'info-countryside', this.body);
    L.DomUtil.create('h3', '', box).textContent = t('csHeading', { n: num(this.index.timeline.activity_window_days) });
    if (!r) {
      L.DomUtil.create('p', 'cs-none', box).textContent = t('nothingYet');
      return;
    }
    for (const role of ['insurgent', 'ruling']) {
      const a = r[role];
      const p = L.DomUtil.create('p', `cs-line cs-line-${role}`, box);
      p.append(`${t(role === 'ruling' ? 'csRuling' : 'csInsurgent', { party: sideName(sideIn(role)) })}: `);
      if (a.count === 0) {
        p.append(t('csNone'));
        continue;
      }
      p.append(`${t('csEvents', { n: num(a.count) })} (${t('confidence')}: ${t(a.confidence)})`);
      const ul = L.DomUtil.create('ul', 'cs-events', box);
      for (const id of [...a.events].reverse()) {
        const ev = this.index.event(id);
        const b = L.DomUtil.create('button', 'cs-event', L.DomUtil.create('li', '', ul));
        b.type = 'button';
        b.dataset.id = id;
        dateInto(b, ev.event_date, 'short');
        b.append(`: ${t(ev.event_type)}, `, bdi(ev.location));
        L.DomEvent.on(b, 'click', () => this.showEvent(ev));
      }
    }
    for (const pr of r.presence) {
      const p = L.DomUtil.create('div', `cs-presence-line cs-presence-${roleOf(pr.side)}`, box);
      const head = L.DomUtil.create('strong', '', p);
      head.append(`${t('csPresence', { party: sideName(pr.side), confidence: t(pr.confidence) })}, `);
      dateInto(head, pr.from, 'short');
      head.append(` ${t('arrowSpan')} `);
      dateInto(head, pr.to, 'short');
      this.noteWithSources(p, pr.note, pr.sources);
    }
    if (!r.independent_reporting) {
      L.DomUtil.create('p', 'cs-noreport-line', box).textContent = t('csNoReportingLong', { n: num(this.index.timeline.activity_window_days) });
    }
  },

  // noteWithSources writes a note quoted from the sources (in English) and
  // the links to its sources, ';'-separated, into parent.
  noteWithSources(parent, text, ids) {
    const note = L.DomUtil.create('div', '', parent);
    note.lang = 'en';
    note.dir = 'ltr';
    note.textContent = text;
    const srcs = L.DomUtil.create('div', 'claim-sources', parent);
    ids.forEach((id, i) => {
      srcs.append(i > 0 ? '; ' : '', sourceLink(this.index.source(id), this.index.publishedLater(id, this.state.model.date)));
    });
  },

  // renderClaims lists each party's latest claim on or before day.
  renderClaims(pcode, day) {
    const claims = L.DomUtil.create('section', 'info-claims', this.body);
    L.DomUtil.create('h3', '', claims).textContent = t('latestClaims');
    const list = L.DomUtil.create('ul', '', claims);
    for (const party of this.index.timeline.parties) {
      const name = partyHeading[party] ? t(partyHeading[party]) : partyName(party);
      const c = this.index.latestClaim(pcode, party, day);
      const li = L.DomUtil.create('li', `claim claim-${party}`, list);
      if (!c) {
        li.textContent = `${name}: ${t('nothingYet')}`;
        continue;
      }
      const head = L.DomUtil.create('strong', '', li);
      head.append(`${name} (${t(c.kind)}, `);
      dateInto(head, c.date, 'short');
      head.append(`): ${statusLabel(c.status)}`);
      this.noteWithSources(li, c.note, c.sources);
    }
  },
});
