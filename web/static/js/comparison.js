// Keeps the app state's comparison result in step with its compared span:
// when the state starts comparing a span, the /api/diff document for it is
// fetched once and recorded (or the failure is). Controls and layers only
// read the state. A static copy has no /api/diff: there the same document
// is computed from the timeline index (localdiff.js).

import { getJSON, isStatic, urls } from './api.js';

// The compared span never contradicts the date shown: its later date is
// the date on the map. Moving the date moves the span's end (keeping its
// start, or starting 30 days earlier when the date goes before it), and
// choosing a span moves the date to its end.
import { addDays } from './dates.js';

// follow returns the span to compare once the date is day.
export function follow(span, day, start) {
  if (day >= span.from) {
    return span.to === day ? span : { from: span.from, to: day };
  }
  const from = addDays(day, -30);
  return { from: from < start ? start : from, to: day };
}

// diffOf gives the comparison of a span: asked of the server, or
// computed in the page when it is a static copy (whose code is loaded only
// there, and only once compare mode is used).
// At the time, the comparison is of the map as known at the span's end
// (the day shown), as the server computes it.
async function diffOf(index, span, known) {
  if (isStatic) {
    const { localDiff } = await import('./localdiff.js');
    return localDiff(index, span.from, span.to);
  }
  return getJSON(urls.diff(span.from, span.to, known ? span.to : null));
}

// bindComparison starts following state, comparing with index (a
// TimelineIndex); it returns a function that stops.
export function bindComparison(state, index) {
  const { model } = state;
  let timer = 0;
  const fetchSoon = (span) => {
    clearTimeout(timer);
    // Scrubbing in compare mode asks once it settles; the map itself is
    // drawn from the timeline index meanwhile (districts.js).
    timer = setTimeout(async () => {
      try {
        state.setComparison(span, { diff: await diffOf(index, span, state.known) });
      } catch (err) {
        state.setComparison(span, { error: err.message });
      }
    }, 200);
  };
  const load = (e) => {
    const span = state.compare;
    if (e.detail.what !== 'span' || !span) {
      return;
    }
    model.setDate(span.to, 'compare');
    fetchSoon(span);
  };
  const onDate = () => {
    if (state.compare) {
      state.setCompare(follow(state.compare, model.date, model.start));
    }
  };
  const onKnown = (e) => {
    if (e.detail.what === 'known' && state.compare) {
      fetchSoon(state.compare);
    }
  };
  state.addEventListener('comparechange', load);
  state.addEventListener('change', onKnown);
  model.addEventListener('datechange', onDate);
  return () => {
    state.removeEventListener('comparechange', load);
    state.removeEventListener('change', onKnown);
    model.removeEventListener('datechange', onDate);
  };
}
