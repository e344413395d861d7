// The URL always holds the date, the view, the selected district and the map
// position (?date=2021-09-06&view=taliban&district=AF0801&map=9/35.4/69.6),
// and known=time when the map is shown as known at the time.
// Opening a URL restores them, and back/forward step through them. Playing
// and panning replace the current history entry instead of adding one each.

import { lang } from './i18n.js';
import { isIsoDay } from './dates.js';
import { views } from './timelineindex.js';

export function readURL(search) {
  const q = new URLSearchParams(search);
  const out = {};
  if (isIsoDay(q.get('date') || '')) {
    out.date = q.get('date');
  }
  if (views.includes(q.get('view'))) {
    out.view = q.get('view');
  }
  if (/^[A-Z]{2}\d{2,8}$/.test(q.get('district') || '')) {
    out.district = q.get('district');
  }
  if (q.get('known') === 'time') {
    out.known = true;
  }
  const cmp = (q.get('compare') || '').split('..');
  if (cmp.length === 2 && isIsoDay(cmp[0]) && isIsoDay(cmp[1]) && cmp[0] <= cmp[1]) {
    out.compare = { from: cmp[0], to: cmp[1] };
  }
  const m = (q.get('map') || '').split('/').map(Number);
  if (m.length === 3 && m.every(Number.isFinite) && Math.abs(m[1]) <= 90 && Math.abs(m[2]) <= 180) {
    out.map = { zoom: m[0], lat: m[1], lng: m[2] };
  }
  return out;
}

function writeURL(map, state) {
  const c = map.getCenter();
  const q = new URLSearchParams();
  q.set('date', state.model.date);
  q.set('view', state.view);
  if (state.selected) {
    q.set('district', state.selected);
  }
  if (lang === 'fa') {
    q.set('lang', 'fa');
  }
  if (state.compare) {
    q.set('compare', `${state.compare.from}..${state.compare.to}`);
  }
  if (state.known) {
    q.set('known', 'time');
  }
  q.set('map', `${Math.round(map.getZoom() * 100) / 100}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`);
  return `?${q}`;
}

// saveOnChange calls save(push) whenever the page changes: a new entry for
// a deliberate change, a replaced one while playing or panning.
function saveOnChange(map, state, save) {
  let timer = null;
  // A burst of date changes (scrubbing, keys) becomes one history entry.
  const savePushSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => save(true), 350);
  };
  state.model.addEventListener('datechange', () => {
    if (state.model.playing) {
      save(false);
    } else {
      savePushSoon();
    }
  });
  state.model.addEventListener('playchange', () => {
    if (!state.model.playing) {
      save(true);
    }
  });
  state.addEventListener('change', (e) => {
    if (e.detail.what !== 'timeline') { // a new timeline for the day shown is not a step of the reader's
      save(true);
    }
  });
  state.addEventListener('comparechange', (e) => {
    if (e.detail.what === 'span') {
      save(true);
    }
  });
  map.on('moveend', () => save(false));
}

// bindPermalink keeps the URL in step with the page, and the page with the
// URL on back/forward. apply(stateFromURL) restores a state.
export function bindPermalink(map, state, apply) {
  let restoring = false;
  const save = (push) => {
    if (restoring) {
      return;
    }
    const url = writeURL(map, state);
    if (url === window.location.search) {
      return;
    }
    if (push) {
      window.history.pushState(null, '', url);
    } else {
      window.history.replaceState(null, '', url);
    }
  };
  saveOnChange(map, state, save);
  window.addEventListener('popstate', () => {
    restoring = true;
    try {
      apply(readURL(window.location.search));
    } finally {
      restoring = false;
    }
  });
  window.history.replaceState(null, '', writeURL(map, state));
}
