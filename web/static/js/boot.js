// boot starts the page without waiting for Leaflet and the map's modules: it
// fetches the first view's documents, builds the time model and the app
// state on the day and view of the URL, and writes the day's headline. On a
// slow phone the answer a reader came for is on screen while the map's code
// is still arriving; main.js builds the map on what booted resolves to.
// Nothing here may use Leaflet (index.html runs this module before it).

import { getJSON, urls } from './api.js';
import { todayAt } from './dates.js';
import { Headline } from './controls/headline.js';
import { applyLanguage, languageReady } from './i18n.js';
import { KnownTimelines } from './known.js';
import { readURL } from './permalink.js';
import { AppState } from './state.js';
import { addPatterns, setConfidenceOpacity } from './style.js';
import { TimelineIndex } from './timelineindex.js';
import { TimeModel } from './timemodel.js';

addPatterns(document.querySelector('.pattern-defs defs'));
const language = languageReady.then(() => {
  applyLanguage();
  document.getElementById('about-link').href = urls.about; // in the page's language
});

export const booted = Promise.all([language, ...[urls.areas, urls.timeline, urls.stats, urls.periods].map(getJSON)])
  .then(([, areas, timeline, stats, periods]) => {
    setConfidenceOpacity(timeline.confidence_opacity);
    const index = new TimelineIndex(timeline);
    // The slider runs to today: statuses hold unchanged after the last
    // record, and the slider marks where the evidence ends. A server says
    // what today is (the timeline's end); a static copy, published on a
    // day of its own, takes today from its reader's clock.
    const today = urls.published ? todayAt(timeline.utc_offset_minutes) : timeline.end;
    const model = new TimeModel({ start: timeline.start, end: today > timeline.end ? today : timeline.end, changeDates: timeline.change_dates, evidenceEnd: index.evidenceEnd });
    model.updated = timeline.updated;
    model.published = urls.published;
    const state = new AppState(model);
    const props = areas.features.map((f) => f.properties);
    const initial = readURL(window.location.search);
    // The view and the day of the URL first: every panel is built on them.
    if (initial.view) {
      state.setView(initial.view);
    }
    model.setDate(initial.compare ? initial.compare.to : initial.date || model.end, 'url');
    const known = new KnownTimelines({ index, state });
    state.setKnown(Boolean(initial.known) && known.available);
    // At the time, the first view waits for the day's timeline as known then.
    return known.sync().then(() => {
      new Headline(document.querySelector('.headline'), { index, areas: props, state, known });
      return { areas, timeline, stats, periods, index, state, props, initial, known };
    });
  });
